import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..');

// The walkthrough packs the kit and installs it, offline, into a contracts package, a Node service
// and a frontend, reads the schemas from Python, and drives `module-contract build`, `check` and
// `diff` through a MINOR and a breaking change. It runs the real tools, so it takes minutes.
describe('examples/polyrepo walkthrough', () => {
  it('runs end to end, every step proving what it says', { timeout: 600_000 }, () => {
    expect(existsSync(join(repo, 'dist/cli/main.js')), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true);
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'examples/polyrepo/walkthrough.ts')], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 590_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(output, output).not.toContain('Walkthrough FAILED');
    expect(result.status, output).toBe(0);
    const steps = output.split('\n').filter((line) => line.startsWith('== ['));
    expect(steps).toEqual([
      '== [1/9] Pack the kit',
      '== [2/9] contracts 1.0.0: install, compile, `module-contract build`, `check`, `npm pack`',
      '== [3/9] Node service installs contracts 1.0.0',
      '== [4/9] Frontend installs contracts 1.0.0',
      '== [5/9] Python service reads the schemas from the tarball',
      '== [6/9] MINOR change: an optional field `pinned`; `module-contract diff` lets it through',
      '== [7/9] Every consumer keeps accepting across the MINOR change',
      '== [8/9] Breaking change: `body` renamed to `text`; `module-contract diff` refuses it until a major changeset',
      '== [9/9] Release 2.0.0: consumers must change before they take it',
    ]);
    expect(output.split('\n').filter((line) => line.trimStart().startsWith('✔'))).toHaveLength(17);
    expect(output).toContain('Walkthrough complete: 9 steps, 17 promises held.');
  });
});
