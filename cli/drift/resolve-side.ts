import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { UsageError } from '../args.js';
import { buildArtifactSet } from './build-artifact-set.js';

/** One side of a comparison, made into an artifact-set folder. */
export interface ResolvedSide {
  dir: string;
  label: string;
  /** The package.json version that side belongs to, when known. */
  version?: string;
  cleanup(): void;
}

export interface ResolveContext {
  cwd: string;
  /** The module entry to build with, relative to the repository root. */
  entry?: string;
  /** The head artifact-set folder, when given: a git base reads the same folder at the ref. */
  headDir?: string;
  /** The package.json that holds versions, relative to `cwd`. */
  packageJson: string;
  progress: (line: string) => void;
}

const TARBALL = /\.(tgz|tar\.gz|tar)$/;

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function versionIn(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    throw new UsageError(`${file}: is not valid JSON`);
  }
}

/** Reads `--base`: an artifact-set folder, a package tarball, or a git ref. */
export async function resolveBase(spec: string, context: ResolveContext): Promise<ResolvedSide> {
  const path = resolve(context.cwd, spec);
  if (existsSync(path) && statSync(path).isDirectory()) {
    return { dir: path, label: spec, ...optional('version', versionIn(join(path, 'package.json'))), cleanup: () => {} };
  }
  if (existsSync(path) && TARBALL.test(spec)) return fromTarball(path, spec, context);
  if (existsSync(path)) throw new UsageError(`--base ${spec}: a file that is not a package tarball (.tgz)`);
  return fromGitRef(spec, context);
}

/** Reads `--head`, or builds the working tree with `--entry`. */
export async function resolveHead(spec: string | undefined, context: ResolveContext): Promise<ResolvedSide> {
  const version = versionIn(resolve(context.cwd, context.packageJson));
  if (spec) {
    const dir = resolve(context.cwd, spec);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--head ${spec}: not a folder`);
    return { dir, label: spec, ...optional('version', version), cleanup: () => {} };
  }
  const temp = mkdtempSync(join(tmpdir(), 'mc-diff-head-'));
  context.progress(`[diff] building the working tree (${context.entry ?? 'the configured modules'})`);
  try {
    await buildArtifactSet({ root: context.cwd, ...(context.entry ? { entry: context.entry } : {}), outDir: temp });
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return { dir: temp, label: 'working tree', ...optional('version', version), cleanup: () => rmSync(temp, { recursive: true, force: true }) };
}

function fromTarball(path: string, spec: string, context: ResolveContext): ResolvedSide {
  const temp = mkdtempSync(join(tmpdir(), 'mc-diff-tgz-'));
  const cleanup = () => rmSync(temp, { recursive: true, force: true });
  const untar = spawnSync('tar', ['-xf', path, '-C', temp], { encoding: 'utf8' });
  if (untar.status !== 0) {
    cleanup();
    throw new UsageError(`--base ${spec}: cannot unpack (${untar.stderr.trim() || `tar exited ${untar.status}`})`);
  }
  const root = existsSync(join(temp, 'package')) ? join(temp, 'package') : temp;
  const sameFolder = context.headDir ? join(root, relative(context.cwd, resolve(context.cwd, context.headDir))) : undefined;
  const dir = sameFolder && existsSync(sameFolder) ? sameFolder : findArtifactSet(root);
  if (!dir) {
    cleanup();
    throw new UsageError(`--base ${spec}: holds no artifact set (no manifest.json, openapi.json or schemas/ folder)`);
  }
  return { dir, label: basename(spec), ...optional('version', versionIn(join(root, 'package.json'))), cleanup };
}

function findArtifactSet(dir: string, depth = 0): string | undefined {
  if (['manifest.json', 'openapi.json', 'schemas'].some((f) => existsSync(join(dir, f)))) return dir;
  if (depth >= 4) return undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules') continue;
    const found = findArtifactSet(join(dir, entry.name), depth + 1);
    if (found) return found;
  }
  return undefined;
}

async function fromGitRef(ref: string, context: ResolveContext): Promise<ResolvedSide> {
  let top: string;
  let commit: string;
  try {
    top = git(context.cwd, ['rev-parse', '--show-toplevel']);
    commit = git(context.cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`--base ${ref}: neither a folder, a package tarball (.tgz) nor a git ref of this repository`);
  }
  const packagePath = relative(top, resolve(context.cwd, context.packageJson));
  let version: string | undefined;
  try {
    version = (JSON.parse(git(top, ['show', `${commit}:${packagePath}`])) as { version?: string }).version;
  } catch {
    version = undefined;
  }
  const temp = mkdtempSync(join(tmpdir(), 'mc-diff-base-'));
  const label = ref;
  // The head is a committed folder (a baseline, the kit's schema/): read the same folder at the ref.
  const folder = context.headDir ? relative(top, resolve(context.cwd, context.headDir)) : undefined;
  if (folder !== undefined) {
    const listed = spawnSync('git', ['ls-tree', '-d', '--name-only', commit, folder], { cwd: top, encoding: 'utf8' }).stdout.trim();
    if (listed === folder) {
      context.progress(`[diff] reading ${folder} at ${ref}`);
      const archive = spawnSync('git', ['archive', '--format=tar', commit, folder], { cwd: top, maxBuffer: 1 << 30 });
      spawnSync('tar', ['-xf', '-', '-C', temp], { input: archive.stdout });
      return { dir: join(temp, folder), label, ...optional('version', version), cleanup: () => rmSync(temp, { recursive: true, force: true }) };
    }
  }
  const worktree = join(temp, 'worktree');
  const out = join(temp, 'artifacts');
  const cleanup = () => {
    spawnSync('git', ['worktree', 'remove', '--force', worktree], { cwd: top });
    rmSync(temp, { recursive: true, force: true });
  };
  try {
    git(top, ['worktree', 'add', '--detach', worktree, commit]);
    if (existsSync(join(top, 'node_modules')) && !existsSync(join(worktree, 'node_modules'))) symlinkSync(join(top, 'node_modules'), join(worktree, 'node_modules'), 'dir');
    // The configuration as it was at that ref, unless --entry names the module.
    const root = join(worktree, relative(top, context.cwd));
    const why = folder !== undefined ? ` (${folder} is not committed there, so it is built)` : '';
    context.progress(`[diff] building ${context.entry ?? 'the configured modules'} at ${ref} (${commit.slice(0, 12)})${why}`);
    await buildArtifactSet({ root, ...(context.entry ? { entry: context.entry } : {}), outDir: out });
  } catch (error) {
    cleanup();
    if (error instanceof Error && (error as { usage?: unknown }).usage === true) throw new UsageError(`at ${ref}: ${error.message}`);
    throw error;
  }
  return { dir: out, label, ...optional('version', version), cleanup };
}

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));
