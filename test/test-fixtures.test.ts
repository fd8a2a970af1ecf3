import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { assertProperty, readSeed, SEED, SEED_ENV } from './fixtures/seed.js';
import { isCi, toolMissing } from './fixtures/tools.js';

describe('toolMissing: the one decision on a missing tool', () => {
  it('under CI a missing tool fails the run', () => {
    expect(() => toolMissing('browser', 'Chromium not found at /nowhere', { CI: 'true' })).toThrow(
      '[browser] Chromium not found at /nowhere. Under CI a missing tool fails the run instead of skipping its tests.',
    );
    expect(() => toolMissing('python', 'no python', { CI: '1' })).toThrow(/no python/);
  });

  it('locally a missing tool skips with a message, and a present tool never skips', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(toolMissing('python', 'no python', {})).toBe('no python');
      expect(toolMissing('python', 'no python', { CI: 'false' })).toBe('no python');
      expect(warn).toHaveBeenCalledWith('[python tests skipped] no python');
    } finally {
      warn.mockRestore();
    }
    expect(toolMissing('browser', false, { CI: 'true' })).toBe(false);
    expect([isCi({ CI: 'true' }), isCi({ CI: '' }), isCi({ CI: '0' }), isCi({})]).toEqual([true, false, false, false]);
  });
});

describe('the property-test seed', () => {
  it('is fixed, and an environment variable overrides it', () => {
    expect(readSeed({})).toBe(SEED);
    expect(readSeed({ [SEED_ENV]: '42' })).toBe(42);
    expect(() => readSeed({ [SEED_ENV]: 'abc' })).toThrow(`${SEED_ENV} must be an integer, got "abc"`);
  });

  it('makes a failing property fail the same way every run, and names the seed', () => {
    const failure = () => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        assertProperty(fc.property(fc.integer(), (n) => n < 1000));
        return undefined;
      } catch (thrown) {
        return (thrown as Error).message;
      } finally {
        error.mockRestore();
      }
    };
    const first = failure();
    expect(first).toMatch(new RegExp(`^\\[property\\] failed with seed ${SEED}; replay with ${SEED_ENV}=${SEED}\\n`));
    expect(first).toContain(`seed: ${SEED}`);
    expect(failure()).toBe(first);
  });

  it('is used by every property test', () => {
    const testDir = import.meta.dirname;
    const files = readdirSync(testDir).filter((file) => /\.test\.ts$/.test(file));
    const direct = files.filter((file) => /\bfc\.(assert|check)\(/.test(readFileSync(join(testDir, file), 'utf8')));
    expect(direct).toEqual([]);
  });
});
