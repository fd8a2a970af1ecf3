import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { artifactSetOf, shopModule, writeArtifactSet } from './fixtures/drift-artifacts.js';

const dir = mkdtempSync(join(tmpdir(), 'drift-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], cwd = dir) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['diff', ...args], { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function setVersion(version: string) {
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'shop-contract', version })}\n`);
}

writeArtifactSet(join(dir, 'base'), artifactSetOf(shopModule()));
writeArtifactSet(join(dir, 'head'), artifactSetOf(shopModule({ itemNameOptional: true, itemNote: true })));

describe('module-contract diff', () => {
  beforeEach(() => {
    rmSync(join(dir, '.changeset'), { recursive: true, force: true });
    rmSync(join(dir, '.drift-ignore.json'), { force: true });
    setVersion('1.0.0');
  });

  it('the installed bin exits 1 on an uncovered break and prints the report', () => {
    const cli = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
    expect(existsSync(cli), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true);
    const result = spawnSync(process.execPath, [cli, 'diff', '--base', 'base', '--head', 'head'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^Contract drift: base \(1\.0\.0\) → head \(1\.0\.0\)\nFAIL: /);
    expect(result.stderr).toMatch(/module-contract diff: breaking changes are not covered by a MAJOR release/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints its help', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: module-contract diff --base <git-ref \| dir \| package.tgz>/);
    expect(out).toMatch(/--format/);
  });

  it('needs --base, and names a base that is neither folder, tarball nor ref', async () => {
    expect((await run([])).code).toBe(2);
    const { code, err } = await run(['--base', 'no-such-thing', '--head', 'head']);
    expect(code).toBe(2);
    expect(err).toMatch(/--base no-such-thing: neither a folder, a package tarball \(\.tgz\) nor a git ref/);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('fails with exit 1 and a readable report when a break has no MAJOR bump', async () => {
    const { code, out, err } = await run(['--base', 'base', '--head', 'head']);
    expect(code).toBe(1);
    expect(out).toMatch(/^Contract drift: base \(1\.0\.0\) → head \(1\.0\.0\)/);
    expect(out).toMatch(/FAIL: breaking changes need a major release, but the next release is 1\.0\.0 → 1\.0\.0 \(no release\)/);
    expect(out).toMatch(/To release it: add a changeset with a major bump \("shop-contract": major\)/);
    expect(out).toMatch(/Operations\n {2}GET \/items \(itemsList\)\n {4}BREAKING {2}property-became-optional +\/paths\/~1items\/get\/responses\/200/);
    expect(out).toMatch(/Events\n {2}event item\.created v2/);
    expect(out).toMatch(/INFO +optional-property-added/);
    expect(out).toMatch(/Summary: 4 breaking, 0 accepted, 0 warnings, 4 info\./);
    expect(err).toMatch(/breaking changes are not covered by a MAJOR release/);
  });

  it('passes once a major changeset is pending', async () => {
    mkdirSync(join(dir, '.changeset'), { recursive: true });
    writeFileSync(join(dir, '.changeset', 'README.md'), '# Changesets\n');
    writeFileSync(join(dir, '.changeset', 'brave-fox.md'), '---\n"shop-contract": major\n---\n\nItem.name is optional.\n');
    const { code, out } = await run(['--base', 'base', '--head', 'head']);
    expect(code).toBe(0);
    expect(out).toMatch(/head \(1\.0\.0 \+ major changeset → 2\.0\.0\)/);
    expect(out).toMatch(/PASS: breaking changes are covered by a major release: 1\.0\.0 → 2\.0\.0 \(major release\)/);
  });

  it('below 1.0.0 a minor bump counts as major, a patch does not', async () => {
    setVersion('0.3.0');
    mkdirSync(join(dir, '.changeset'), { recursive: true });
    writeFileSync(join(dir, '.changeset', 'a.md'), '---\nshop-contract: patch\n---\n');
    expect((await run(['--base', 'base', '--head', 'head'])).code).toBe(1);
    writeFileSync(join(dir, '.changeset', 'b.md'), "---\n'shop-contract': minor\n---\n");
    const { code, out } = await run(['--base', 'base', '--head', 'head']);
    expect(code).toBe(0);
    expect(out).toMatch(/0\.3\.0 → 0\.4\.0 \(major release\)/);
  });

  it('a break listed in .drift-ignore.json passes and is still shown, as accepted', async () => {
    writeFileSync(join(dir, '.drift-ignore.json'), JSON.stringify([{ rule: 'property-became-optional', path: '**/properties/name', reason: 'name was never enforced' }]));
    const { code, out } = await run(['--base', 'base', '--head', 'head']);
    expect(code).toBe(0);
    expect(out).toMatch(/ACCEPTED {2}property-became-optional/);
    expect(out).toMatch(/\(accepted: name was never enforced\)/);
    expect(out).toMatch(/Summary: 0 breaking, 4 accepted/);
  });

  it('names a broken ignore file and exits 2', async () => {
    writeFileSync(join(dir, 'ignore.json'), JSON.stringify([{ rule: 'x', path: '/a' }]));
    const { code, err } = await run(['--base', 'base', '--head', 'head', '--ignore', 'ignore.json']);
    expect(code).toBe(2);
    expect(err).toMatch(/ignore\.json: \[0\]\.reason must be a non-empty string/);
  });

  it('names a changeset it cannot read and exits 2', async () => {
    mkdirSync(join(dir, '.changeset'), { recursive: true });
    writeFileSync(join(dir, '.changeset', 'odd.md'), '---\nshop-contract: enormous\n---\n');
    const { code, err } = await run(['--base', 'base', '--head', 'head']);
    expect(code).toBe(2);
    expect(err).toMatch(/\.changeset\/odd\.md: cannot read frontmatter line/);
  });

  it('writes markdown for a pull-request comment, and JSON', async () => {
    const markdown = await run(['--base', 'base', '--head', 'head', '--format', 'markdown', '--out', 'report.md']);
    expect(markdown.out).toMatch(/^## Contract drift: ❌ fail/);
    expect(markdown.out).toMatch(/\| \*\*breaking\*\* \| `property-became-optional` \| `\/paths\/~1items~1\{id\}\/get\/responses\/200\/content\/application~1json\/schema\/properties\/name` \|/);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe(`${markdown.out}\n`);
    const json = JSON.parse((await run(['--base', 'base', '--head', 'head', '--format', 'json'])).out);
    expect(json.gate).toMatchObject({ ok: false, level: 'none', required: 'major' });
    expect(json.counts).toMatchObject({ breaking: 4, info: 4 });
    expect(json.diff.changes[0]).toMatchObject({ kind: 'operation', rule: 'property-became-optional', severity: 'breaking' });
  });

  it('reads a package tarball as the base, with its version', async () => {
    const pkg = join(dir, 'tarball', 'package');
    writeArtifactSet(join(pkg, 'contract'), artifactSetOf(shopModule()));
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'shop-contract', version: '0.9.0' }));
    execFileSync('tar', ['-czf', join(dir, 'shop-contract-0.9.0.tgz'), '-C', join(dir, 'tarball'), 'package']);
    setVersion('1.0.0');
    const { code, out } = await run(['--base', 'shop-contract-0.9.0.tgz', '--head', 'head']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Contract drift: shop-contract-0\.9\.0\.tgz \(0\.9\.0\) → head \(1\.0\.0\)/);
    expect(out).toMatch(/PASS: breaking changes are covered by a major release: 0\.9\.0 → 1\.0\.0 \(major release\)/);
  });

  it('reads the --head folder at a git ref as the base', async () => {
    const repo = join(dir, 'repo');
    mkdirSync(repo, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'shop-contract', version: '1.0.0' }));
    writeArtifactSet(join(repo, 'contract'), artifactSetOf(shopModule()));
    git('add', '.');
    git('commit', '-qm', 'v1');
    writeArtifactSet(join(repo, 'contract'), artifactSetOf(shopModule({ createRequiresSku: true })));
    const { code, out, err } = await run(['--base', 'HEAD', '--head', 'contract'], repo);
    expect(err).toMatch(/\[diff\] reading contract at HEAD/);
    expect(code).toBe(1);
    expect(out).toMatch(/POST \/items \(itemsCreate\)\n {4}BREAKING {2}required-property-added/);
  });
});
