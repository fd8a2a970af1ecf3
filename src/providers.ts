import type { ModuleManifest } from './module-manifest.js';

// ---- Build-time provider: this shape is relied on by the orchestrator; keep it as it is. ----

export interface ModuleProviderMetadata {
  id: string;
  kind: string;
  version: string;
  compatibility: {
    minCliVersion: string;
    maxCliVersion?: string;
    nodeRange: string;
    notes?: string;
  };
}

export interface ResolveWorkspaceOptions {
  workspaceRoot: string;
  config?: Record<string, unknown>;
}

export interface ResolvedWorkspace {
  sourceRoot: string;
  buildRoot: string;
  testsRoot?: string;
}

export interface ModuleBuildOptions {
  workspaceRoot: string;
  env?: Record<string, string | undefined>;
  incremental?: boolean;
}

export interface ModuleArtifact {
  path: string;
  type: 'bundle' | 'asset' | 'schema' | 'manifest' | (string & {});
}

export interface ModuleBuildResult {
  artifacts: ModuleArtifact[];
  manifest: ModuleManifest;
}

export interface ModuleScaffoldAsset {
  sourcePath: string;
  targetPath: string;
}

export interface ModuleProvider {
  readonly metadata: ModuleProviderMetadata;
  resolveWorkspace(options: ResolveWorkspaceOptions): ResolvedWorkspace | Promise<ResolvedWorkspace>;
  build(options: ModuleBuildOptions): Promise<ModuleBuildResult>;
  getScaffoldAssets?(): ModuleScaffoldAsset[] | Promise<ModuleScaffoldAsset[]>;
}

// ---- Runtime providers, supplied to a module through its RequestContext. ----

/** Builds a backend module and hands its routes to a server binding. */
export interface BackendProvider<TModule = unknown> extends ModuleProvider {
  /** The runtime module (routes with handlers bound to a RequestContext). */
  loadModule(options: { workspaceRoot: string }): TModule | Promise<TModule>;
}

export type TestEvent =
  | { type: 'start'; runId: string; manifest?: ModuleManifest }
  | { type: 'result'; runId: string; name: string; status: 'passed' | 'failed' | 'skipped'; durationMs: number; message?: string }
  | { type: 'summary'; runId: string; passed: number; failed: number; skipped: number }
  | { type: 'log'; runId: string; level: 'info' | 'warn' | 'error'; message: string };

/** Runs a module's tests and reports them as a stream of events. */
export interface TestingProvider extends ModuleProvider {
  runTests(options: { workspaceRoot: string; filter?: string }): AsyncIterable<TestEvent>;
}

export interface Session {
  id: string;
  subject: string;
  permissions: readonly string[];
  expiresAt?: Date;
  data?: Record<string, unknown>;
}

export interface RequestLike {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Session primitives. `getSession` returns `null` when the request carries no valid session. */
export interface AuthProvider<TSession extends Session = Session> {
  getSession(request: RequestLike): Promise<TSession | null>;
  createSession(subject: string, data?: Record<string, unknown>): Promise<{ session: TSession; token: string }>;
  invalidateSession(sessionId: string): Promise<void>;
  csrfToken(session: TSession): Promise<string>;
}

/** A generic database handle: parameterised queries and transactions, no ORM. */
export interface DatabaseHandle {
  query<TRow = Record<string, unknown>>(statement: string, params?: readonly unknown[]): Promise<{ rows: TRow[]; rowCount: number }>;
  transaction<T>(work: (tx: DatabaseHandle) => Promise<T>): Promise<T>;
}

export interface DatabaseProvider<THandle = DatabaseHandle> {
  connect(): Promise<THandle>;
  close(): Promise<void>;
}

export interface CacheProvider {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, options?: { ttlMs?: number }): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface QueueMessage<T = unknown> {
  id: string;
  topic: string;
  payload: T;
  attempts: number;
}

export interface QueueProvider {
  publish(topic: string, payload: unknown, options?: { delayMs?: number }): Promise<{ id: string }>;
  subscribe(topic: string, handler: (message: QueueMessage) => Promise<void>): Promise<() => Promise<void>>;
}
