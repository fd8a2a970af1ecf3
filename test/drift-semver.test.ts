import { describe, expect, it } from 'vitest';
import { bumpVersion, parseChangeset, pendingBump, releaseLevel, semverGate } from '@webstir-io/module-contract/drift';

describe('releaseLevel', () => {
  it.each([
    ['1.2.3', '2.0.0', 'major'],
    ['1.2.3', '1.3.0', 'minor'],
    ['1.2.3', '1.2.4', 'patch'],
    ['1.2.3', '1.2.3', 'none'],
    ['1.2.3', '1.1.9', 'none'],
    ['0.3.0', '0.4.0', 'major'],
    ['0.3.0', '0.3.1', 'patch'],
    ['0.9.0', '1.0.0', 'major'],
    ['v1.0.0', '1.0.1-beta.1', 'patch'],
  ] as const)('%s → %s is %s', (from, to, level) => expect(releaseLevel(from, to)).toBe(level));

  it('names a version it cannot read', () => expect(() => releaseLevel('one', '1.0.0')).toThrow('"one" is not a semantic version'));
});

describe('bumpVersion', () => {
  it('bumps as Changesets does', () => {
    expect([bumpVersion('1.2.3', 'major'), bumpVersion('1.2.3', 'minor'), bumpVersion('1.2.3', 'patch'), bumpVersion('1.2.3', 'none')]).toEqual(['2.0.0', '1.3.0', '1.2.4', '1.2.3']);
  });
});

describe('semverGate', () => {
  it('passes without breaking changes, whatever the bump', () => {
    expect(semverGate({ baseVersion: '1.0.0', headVersion: '1.0.0', breaking: false })).toMatchObject({ ok: true, level: 'none', required: 'none' });
  });

  it('fails a break with a minor changeset at 1.x, passes it with a major one', () => {
    expect(semverGate({ baseVersion: '1.4.0', headVersion: '1.4.0', pending: 'minor', breaking: true })).toMatchObject({ ok: false, nextVersion: '1.5.0', level: 'minor', required: 'major' });
    expect(semverGate({ baseVersion: '1.4.0', headVersion: '1.4.0', pending: 'major', breaking: true })).toMatchObject({ ok: true, nextVersion: '2.0.0', level: 'major' });
  });

  it('counts a version already bumped in package.json', () => {
    expect(semverGate({ baseVersion: '1.4.0', headVersion: '2.0.0', breaking: true }).ok).toBe(true);
    expect(semverGate({ baseVersion: '0.4.2', headVersion: '0.5.0', breaking: true }).ok).toBe(true);
  });
});

describe('changesets', () => {
  it('reads quoted and bare package names, several per file', () => {
    const changeset = parseChangeset('---\n"@scope/a": major\nb: patch\n\'c\': minor\n---\n\nSummary\n', '.changeset/x.md');
    expect(changeset.releases).toEqual({ '@scope/a': 'major', b: 'patch', c: 'minor' });
    expect(pendingBump([changeset, parseChangeset('---\nb: minor\n---\n', 'y.md')], 'b')).toBe('minor');
    expect(pendingBump([changeset], 'other')).toBe('none');
  });

  it('names the file and the line it cannot read', () => {
    expect(() => parseChangeset('no frontmatter', '.changeset/x.md')).toThrow(/^\.changeset\/x\.md: no frontmatter/);
    expect(() => parseChangeset('---\n"a": huge\n---\n', '.changeset/y.md')).toThrow('.changeset/y.md: cannot read frontmatter line "\\"a\\": huge"');
  });
});

describe('changesets: agreement with @changesets/parse', async () => {
  const { default: parseWithChangesets } = await import('@changesets/parse');
  const samples = {
    quoted: '---\n"@webstir-io/module-contract": minor\n---\n\nDrift guard.\n',
    several: "---\n'@scope/a': major\nb: patch\n---\n\nTwo packages.\n",
    empty: '---\n---\n\nNothing to release.\n',
    crlf: '---\r\n"pkg": patch\r\n---\r\n\r\nWindows line ends.\r\n',
  };
  it.each(Object.entries(samples))('%s', (_name, text) => {
    const reference = Object.fromEntries(parseWithChangesets(text).releases.map((r) => [r.name, r.type]));
    expect(parseChangeset(text, 'sample.md').releases).toEqual(reference);
  });
});
