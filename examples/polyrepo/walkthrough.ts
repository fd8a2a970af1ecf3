// The polyrepo walkthrough, end to end, in a temporary folder: a contracts package built with
// `module-contract build` and packed with `npm pack`; a Node service, a frontend and a Python
// service consuming the tarball; a MINOR change every consumer keeps accepting; a breaking change
// that `module-contract diff` refuses until a major changeset covers it. Every step prints what it
// proves. npm runs with --offline: the kit is packed from this checkout; its peers zod and
// @ts-rest/core come from the local npm cache that `npm ci` filled; the few other registry packages the repositories
// use (the generators' optional peers openapi3-ts and yaml, and @types/node) are packed from the kit's own node_modules.
// --legacy-peer-deps: offline, npm has no registry metadata for the kit's optional peers' own
// peers; so peers are not installed automatically and each repository names the ones it uses.
//
//   npm run build && node --import tsx examples/polyrepo/walkthrough.ts [--keep]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The kit's checkout: the first folder up from here whose package.json is the kit's. */
function findKitRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === '@webstir-io/module-contract') return dir;
  }
  throw new Error('the kit checkout was not found above this script');
}

const kitRoot = findKitRoot(dirname(fileURLToPath(import.meta.url)));
const templates = join(kitRoot, 'examples/polyrepo/repos');
// The teams' own TypeScript would be a devDependency of each repository; the kit's copy keeps this offline.
const tsc = join(kitRoot, 'node_modules/typescript/bin/tsc');
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'polyrepo-walkthrough-'));
const TOTAL_STEPS = 9;
/** Registry packages the repositories use that npm's cache may hold no metadata for: packed from the kit's install. */
const VENDORED = ['openapi3-ts', 'yaml', '@types/node', 'undici-types'];
/** The kit's peers that every repository installs itself, at the versions the kit is tested with. */
const PEERS = ['zod', '@ts-rest/core'].map((name) => `${name}@${(JSON.parse(readFileSync(join(kitRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version}`);
let stepNumber = 0;
let promises = 0;

class WalkthroughError extends Error {}

function step(title: string): void {
  stepNumber++;
  console.log(`\n== [${stepNumber}/${TOTAL_STEPS}] ${title}`);
}

function proves(text: string): void {
  promises++;
  console.log(`   ✔ ${text}`);
}

interface RunOptions {
  cwd: string;
  /** Expected exit code; 'nonzero' for any failure. @default 0 */
  expect?: number | 'nonzero';
  /** Shown instead of the command line. */
  label?: string;
  /** Print the command's output even when it succeeds as expected. */
  show?: boolean;
}

function run(command: string, args: string[], options: RunOptions): string {
  const label = options.label ?? [command, ...args].join(' ');
  console.log(`   $ (${options.cwd.slice(work.length + 1) || '.'}) ${label}`);
  const result = spawnSync(command, args, { cwd: options.cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  const expected = options.expect ?? 0;
  const ok = expected === 'nonzero' ? result.status !== 0 && result.status !== null : result.status === expected;
  if (!ok) {
    throw new WalkthroughError(
      `step ${stepNumber}: \`${label}\` exited ${result.status ?? result.signal ?? result.error?.message}, expected ${expected}\n${indent(output || '(no output)')}`,
    );
  }
  if (options.show && output) console.log(indent(output, '     | '));
  return output;
}

function indent(text: string, prefix = '     '): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

function npmInstall(cwd: string, specs: string[], dev = false): void {
  run('npm', ['install', '--offline', '--legacy-peer-deps', '--no-audit', '--no-fund', '--loglevel=error', ...(dev ? ['--save-dev'] : []), ...specs], {
    cwd,
    label: `npm install --offline ${dev ? '--save-dev ' : ''}${specs.map((s) => s.replace(`${work}/`, '../')).join(' ')}`,
  });
}

/** The kit's CLI as the contracts repository installed it from the tarball. */
function moduleContract(args: string[], expect: number | 'nonzero' = 0, show = false): string {
  return run(join(contracts, 'node_modules/.bin/module-contract'), args, { cwd: contracts, expect, show, label: `npx module-contract ${args.join(' ')}` });
}

function git(args: string[]): void {
  run('git', args, { cwd: contracts });
}

function pack(cwd: string): string {
  const output = run('npm', ['pack', '--pack-destination', work, '--loglevel=error'], { cwd });
  const file = output.split('\n').filter(Boolean).pop() as string;
  return join(work, file.trim());
}

function edit(file: string, find: string, replace: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(find)) throw new WalkthroughError(`step ${stepNumber}: ${file} does not contain ${JSON.stringify(find)}`);
  writeFileSync(file, text.replace(find, replace));
}

function setVersion(version: string): void {
  const file = join(contracts, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, `${JSON.stringify({ ...pkg, version }, null, 2)}\n`);
}

function changeset(name: string, level: 'major' | 'minor' | 'patch', summary: string): void {
  mkdirSync(join(contracts, '.changeset'), { recursive: true });
  writeFileSync(join(contracts, '.changeset', `${name}.md`), `---\n"@demo/contracts": ${level}\n---\n\n${summary}\n`);
}

/** What `changeset version` and the release job do: apply the bump, drop the changesets, rebuild, tag, pack. */
function release(version: string, pendingChangesets: string[]): string {
  setVersion(version);
  for (const name of pendingChangesets) unlinkSync(join(contracts, '.changeset', `${name}.md`));
  run('node', [tsc, '-p', '.'], { cwd: contracts, label: 'tsc -p .' });
  moduleContract(['build']);
  git(['add', '-A']);
  git(['commit', '-qm', `Release ${version}`]);
  git(['tag', `v${version}`]);
  return pack(contracts);
}

function nodeService(dir: string, payload: unknown): { accepted: boolean; parsed?: Record<string, unknown>; issues?: string[] } {
  return JSON.parse(run('node', ['dist/service.js', JSON.stringify(payload)], { cwd: dir, label: `node dist/service.js '${JSON.stringify(payload)}'` }));
}

function unpack(tarball: string, into: string): string {
  mkdirSync(into, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', into], { cwd: work, label: `tar -xzf ${tarball.slice(work.length + 1)} -C ${into.slice(work.length + 1)}` });
  return join(into, 'package');
}

function pythonService(packageDir: string, payload: unknown): { accepted: boolean; validator: string; pydantic?: boolean } {
  const result = JSON.parse(
    run('python3', [join(python, 'validate.py'), packageDir, JSON.stringify(payload)], {
      cwd: python,
      label: `python3 validate.py ${packageDir.slice(python.length + 1)} '${JSON.stringify(payload)}'`,
    }),
  ) as { accepted: boolean; validator: string; pydantic?: boolean };
  if (result.pydantic !== undefined && result.pydantic !== result.accepted) {
    throw new WalkthroughError(`step ${stepNumber}: the Pydantic models and the JSON Schema disagree on ${JSON.stringify(payload)}`);
  }
  return result;
}

function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new WalkthroughError(`step ${stepNumber}: ${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

const contracts = join(work, 'contracts');
const service = join(work, 'node-service');
const frontend = join(work, 'frontend');
const python = join(work, 'python-service');
const note = { id: 'n1', title: 'Ship the contract', body: 'Build, check, diff, publish.', tags: ['release'] };

try {
  console.log(`Polyrepo walkthrough in ${work}`);

  step('Pack the kit');
  if (!existsSync(join(kitRoot, 'dist/cli/main.js'))) throw new WalkthroughError('dist/ is missing: run `npm run build` in the kit first');
  mkdirSync(join(work, 'kit'));
  mkdirSync(join(work, 'vendor'));
  const kit = run('npm', ['pack', '--pack-destination', join(work, 'kit'), '--loglevel=error'], { cwd: kitRoot, label: 'npm pack (the kit)' })
    .split('\n')
    .filter(Boolean)
    .pop() as string;
  const kitTarball = join(work, 'kit', kit.trim());
  proves(`the kit is a tarball (${kit.trim()}) that every repository installs like a published version`);
  const vendored = Object.fromEntries(
    VENDORED.map((name) => [name, join(work, 'vendor', run('npm', ['pack', join(kitRoot, 'node_modules', name), '--pack-destination', join(work, 'vendor'), '--loglevel=error'], { cwd: work, label: `npm pack ${name} (from the kit's node_modules)` }).split('\n').pop()!.trim())]),
  );

  step('contracts 1.0.0: install, compile, `module-contract build`, `check`, `npm pack`');
  cpSync(join(templates, 'contracts'), contracts, { recursive: true });
  writeFileSync(join(contracts, '.gitignore'), 'node_modules/\ndist/\n');
  git(['init', '-q', '-b', 'main']);
  git(['config', 'user.email', 'contracts@example.com']);
  git(['config', 'user.name', 'Contracts Team']);
  npmInstall(contracts, [kitTarball, ...PEERS, ...Object.values(vendored)], true);
  run('node', [tsc, '-p', '.'], { cwd: contracts, label: 'tsc -p .' });
  moduleContract(['build']);
  for (const file of ['manifest.json', 'openapi.json', 'schemas/Note.schema.json', 'schemas/CreateNote.schema.json', 'client.ts']) {
    if (!existsSync(join(contracts, 'artifacts', file))) throw new WalkthroughError(`step ${stepNumber}: module-contract build wrote no artifacts/${file}`);
  }
  proves('`module-contract build` writes the artifact set (manifest, OpenAPI, one JSON Schema per entity, client) from the Zod definitions');
  moduleContract(['check']);
  proves('`module-contract check` finds the committed artifacts identical to a fresh build');
  git(['add', '-A']);
  git(['commit', '-qm', 'contracts 1.0.0']);
  git(['tag', 'v1.0.0']);
  const v1 = pack(contracts);
  const listing = run('tar', ['-tzf', v1], { cwd: work, label: `tar -tzf ${v1.slice(work.length + 1)}` });
  for (const file of ['package/dist/index.d.ts', 'package/artifacts/schemas/Note.schema.json', 'package/artifacts/openapi.json']) {
    if (!listing.split('\n').includes(file)) throw new WalkthroughError(`step ${stepNumber}: the tarball has no ${file}`);
  }
  proves('the tarball ships the types (dist/*.d.ts) and the artifacts (artifacts/schemas/*.json) for other languages');

  step('Node service installs contracts 1.0.0');
  cpSync(join(templates, 'node-service'), service, { recursive: true });
  npmInstall(service, [kitTarball, v1, ...PEERS, vendored['@types/node']!, vendored['undici-types']!]);
  run('node', [tsc, '-p', '.'], { cwd: service, label: 'tsc -p .' });
  proves('the service compiles with `tsc`: its handlers are typed by the contract in the package');
  expectEqual(nodeService(service, note), { accepted: true, summary: 'Ship the contract (1 tags, 28 chars)', parsed: note }, 'a valid note');
  expectEqual(nodeService(service, { ...note, tags: 'release' }).accepted, false, 'a note whose tags are not a list');
  proves("the service validates what it receives with the package's own Zod schema: a good note passes, a bad one is refused");

  step('Frontend installs contracts 1.0.0');
  cpSync(join(templates, 'frontend'), frontend, { recursive: true });
  npmInstall(frontend, [kitTarball, v1, ...PEERS]);
  run('node', [tsc, '-p', '.', '--noEmit'], { cwd: frontend, label: 'tsc -p . --noEmit' });
  proves('the frontend type-checks its client calls against the contract (and a call missing a required field is a type error: its @ts-expect-error holds)');

  step('Python service reads the schemas from the tarball');
  cpSync(join(templates, 'python-service'), python, { recursive: true });
  const pythonV1 = unpack(v1, join(python, 'contracts-1.0.0'));
  const good = pythonService(pythonV1, note);
  expectEqual(good.accepted, true, 'Python on a valid note');
  expectEqual(pythonService(pythonV1, { ...note, title: '' }).accepted, false, 'Python on an empty title');
  proves(`Python validates with package/artifacts/schemas/Note.schema.json (${good.validator}${good.pydantic === undefined ? '' : ', and the Pydantic models agree'}): same verdicts as Zod`);

  step('MINOR change: an optional field `pinned`; `module-contract diff` lets it through');
  edit(join(contracts, 'src/index.ts'), '  tags: z.array(z.string()),\n', '  tags: z.array(z.string()),\n  pinned: z.boolean().optional(),\n');
  run('node', [tsc, '-p', '.'], { cwd: contracts, label: 'tsc -p .' });
  moduleContract(['build']);
  changeset('pinned-notes', 'minor', 'Notes can be pinned.');
  git(['add', '-A']);
  git(['commit', '-qm', 'Add Note.pinned']);
  moduleContract(['diff', '--base', 'v1.0.0', '--head', 'artifacts'], 0, true);
  proves('`module-contract diff --base v1.0.0 --head artifacts` passes: a new optional field is not a breaking change');
  const v11 = release('1.1.0', ['pinned-notes']);
  proves(`contracts 1.1.0 is released (${v11.slice(work.length + 1)})`);

  step('Every consumer keeps accepting across the MINOR change');
  const pinned = { ...note, pinned: true };
  const old = nodeService(service, pinned);
  expectEqual(old, { accepted: true, summary: 'Ship the contract (1 tags, 28 chars)', parsed: note }, 'the 1.0.0 service on a 1.1.0 note');
  proves('a service still on 1.0.0 accepts notes written by 1.1.0 (its Zod object drops the unknown field)');
  expectEqual(pythonService(pythonV1, pinned).accepted, true, 'Python on 1.0.0 schemas with a 1.1.0 note');
  proves('the Python service on the 1.0.0 schemas accepts 1.1.0 notes too');
  npmInstall(service, [v11]);
  run('node', [tsc, '-p', '.'], { cwd: service, label: 'tsc -p .' });
  expectEqual(nodeService(service, note).accepted, true, 'the 1.1.0 service on a 1.0.0 note');
  expectEqual(nodeService(service, pinned).parsed, pinned, 'the 1.1.0 service on a 1.1.0 note');
  npmInstall(frontend, [v11]);
  run('node', [tsc, '-p', '.', '--noEmit'], { cwd: frontend, label: 'tsc -p . --noEmit' });
  proves("the bump PR for 1.1.0 (Renovate's) passes unchanged: the service and the frontend compile, and old notes still parse");
  const pythonV11 = unpack(v11, join(python, 'contracts-1.1.0'));
  expectEqual(pythonService(pythonV11, note).accepted, true, 'Python on 1.1.0 schemas with a 1.0.0 note');
  expectEqual(pythonService(pythonV11, { ...note, pinned: 'yes' }).accepted, false, 'Python on 1.1.0 schemas with pinned: "yes"');
  proves('with the 1.1.0 schemas Python accepts old notes and checks the new field');

  step('Breaking change: `body` renamed to `text`; `module-contract diff` refuses it until a major changeset');
  edit(join(contracts, 'src/index.ts'), '  body: z.string(),\n', '  text: z.string(),\n');
  run('node', [tsc, '-p', '.'], { cwd: contracts, label: 'tsc -p .' });
  moduleContract(['build']);
  git(['add', '-A']);
  git(['commit', '-qm', 'Rename Note.body to Note.text']);
  moduleContract(['diff', '--base', 'v1.1.0', '--head', 'artifacts'], 1, true);
  proves('`module-contract diff --base v1.1.0 --head artifacts` exits 1: a removed field and a new required one, with no MAJOR bump');
  changeset('rename-body', 'major', 'Note.body is now Note.text.');
  git(['add', '-A']);
  git(['commit', '-qm', 'Changeset: major']);
  moduleContract(['diff', '--base', 'v1.1.0', '--head', 'artifacts'], 0, true);
  proves('with a major changeset the same diff passes: the break is released as 2.0.0, never as a 1.x');

  step('Release 2.0.0: consumers must change before they take it');
  const v2 = release('2.0.0', ['rename-body']);
  npmInstall(service, [v2]);
  const errors = run('node', [tsc, '-p', '.'], { cwd: service, label: 'tsc -p .', expect: 'nonzero' });
  if (!/body|text/.test(errors)) throw new WalkthroughError(`step ${stepNumber}: the type errors do not name the renamed field:\n${indent(errors)}`);
  console.log(indent(errors.split('\n').filter((line) => line.includes('error TS')).slice(0, 3).map((line) => (line.length > 160 ? `${line.slice(0, 157)}...` : line)).join('\n'), '     | '));
  proves('the service fails `tsc` against 2.0.0 where it uses `body`: a Renovate PR to 2.0.0 stays red until the service is changed, while ^1.1.0 never picks 2.0.0 up');

  console.log(`\nWalkthrough complete: ${stepNumber} steps, ${promises} promises held.`);
} catch (error) {
  console.error(`\nWalkthrough FAILED: ${error instanceof WalkthroughError ? error.message : (error as Error).stack}`);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
