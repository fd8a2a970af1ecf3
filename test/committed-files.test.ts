import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInMemory, repoRoot, staleCommittedFiles, type CommittedFileReader } from './fixtures/committed-files.js';

/** The committed files, read from disk, except `edits`, which replace a file's text in memory. */
function readerWith(edits: Record<string, (text: string) => string>): CommittedFileReader {
  const onDisk = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
  return {
    list: (dir) => Object.keys(buildInMemory()[dir] ?? {}).sort(),
    read: (path) => (edits[path] ?? ((text: string) => text))(onDisk(path)),
  };
}

describe('committed generated files (schema/, examples/accounts/generated/)', () => {
  it('match what `npm run build` would write now (run it when this fails)', () => {
    expect(staleCommittedFiles()).toEqual([]);
  });

  it('a one-field edit to a committed schema file is caught', () => {
    const reader = readerWith({
      'schema/module-error.schema.json': (text) => {
        const schema = JSON.parse(text) as { properties: { code: { minLength: number } } };
        schema.properties.code.minLength = 2;
        return `${JSON.stringify(schema, null, 2)}\n`;
      },
    });
    expect(staleCommittedFiles(reader)).toEqual(['schema/module-error.schema.json: stale']);
  });

  it('an edit to the committed OpenAPI document, a missing file and a left-over file are caught', () => {
    const reader = readerWith({ 'examples/accounts/generated/openapi.yaml': (text) => text.replace('title: Accounts API', 'title: Accounts') });
    expect(staleCommittedFiles(reader)).toEqual(['examples/accounts/generated/openapi.yaml: stale']);
    const unchanged = readerWith({});
    const listing: CommittedFileReader = {
      list: (dir) => (dir === 'schema' ? [...unchanged.list(dir).filter((file) => file !== 'view-definition.schema.json'), 'old.schema.json'] : unchanged.list(dir)),
      read: unchanged.read,
    };
    expect(staleCommittedFiles(listing)).toEqual(['schema/old.schema.json: not written by the build', 'schema/view-definition.schema.json: missing']);
  });

  it('are not rewritten by `npm test` before it compares them', () => {
    const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.pretest).not.toMatch(/npm run build|write-kit-schemas/);
    expect(scripts.pretest).toMatch(/build\.js --web-only$/);
  });
});
