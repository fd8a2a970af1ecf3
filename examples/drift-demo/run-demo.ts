// The drift guard, end to end: a git repository holding the Accounts example makes a response field
// optional with no MAJOR changeset, and `module-contract diff --base HEAD~1` refuses it; adding a
// major changeset lets it through. Exits 0 when both verdicts are the expected ones.
//
//   node --conditions=@webstir-io/source --import tsx examples/drift-demo/run-demo.ts
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../cli/main.js';

const kit = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const repo = mkdtempSync(join(tmpdir(), 'drift-demo-'));
const say = (line = '') => process.stdout.write(`${line}\n`);
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', ...args], { cwd: repo, encoding: 'utf8' });

async function diff(): Promise<number> {
  say('$ module-contract diff --base HEAD~1');
  return main(['diff', '--base', 'HEAD~1'], { out: say, err: (line) => say(`(stderr) ${line}`), cwd: repo });
}

try {
  // A contracts package holding the example: its sources, a version, and the kit installed.
  mkdirSync(join(repo, 'src'));
  for (const file of ['contract.ts', 'module.ts', 'store.ts']) copyFileSync(join(kit, 'examples', 'accounts', file), join(repo, 'src', file));
  writeFileSync(join(repo, 'module-contract.config.json'), `${JSON.stringify({ modules: [{ entry: 'src/module.ts' }] }, null, 2)}\n`);
  writeFileSync(join(repo, 'package.json'), `${JSON.stringify({ name: 'accounts-contract', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
  mkdirSync(join(repo, 'node_modules', '@webstir-io'), { recursive: true });
  symlinkSync(kit, join(repo, 'node_modules', '@webstir-io', 'module-contract'), 'dir');
  for (const dep of ['zod', '@ts-rest']) symlinkSync(join(kit, 'node_modules', dep), join(repo, 'node_modules', dep), 'dir');
  writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'Accounts contract 1.0.0');

  say('# A commit makes Account.name optional in responses, with no changeset.');
  const contract = join(repo, 'src', 'contract.ts');
  const source = readFileSync(contract, 'utf8');
  const edited = source.replace('name: z.string().min(1).max(100),', 'name: z.string().min(1).max(100).optional(),');
  if (edited === source) throw new Error('the example contract no longer has the line this demo edits');
  writeFileSync(contract, edited);
  git('commit', '-qam', 'Account.name may be missing');
  const refused = await diff();
  say(`exit code ${refused}`);
  say();

  say('# The author amends the commit with a major changeset: the same change may now be released.');
  mkdirSync(join(repo, '.changeset'));
  writeFileSync(join(repo, '.changeset', 'optional-name.md'), '---\n"accounts-contract": major\n---\n\nAccount.name may be missing; readers must handle its absence.\n');
  git('add', '.changeset');
  git('commit', '-q', '--amend', '--no-edit');
  const accepted = await diff();
  say(`exit code ${accepted}`);

  const worktrees = git('worktree', 'list').trim().split('\n').length;
  const ok = refused === 1 && accepted === 0 && worktrees === 1;
  if (worktrees !== 1) say(`demo: ${worktrees - 1} temporary worktree(s) were left behind`);
  say();
  say(ok ? 'demo: OK (refused without a major bump, accepted with one)' : `demo: UNEXPECTED exit codes ${refused} and ${accepted}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(repo, { recursive: true, force: true });
}
