import { randomBytes, randomUUID } from 'node:crypto';
import type { AuthProvider, DatabaseHandle, DatabaseProvider, RequestLike, Session } from '@webstir-io/module-contract';
import { MemoryAccountStore } from './store.js';

/**
 * The demo tokens the example server accepts as `Authorization: Bearer <token>`.
 * `demo-admin` may delete accounts; `demo-reader` may not.
 */
export const DEMO_TOKENS = {
  'demo-admin': { subject: 'admin', permissions: ['accounts:delete'] },
  'demo-reader': { subject: 'reader', permissions: [] },
} as const satisfies Record<string, { subject: string; permissions: readonly string[] }>;

/** Token sessions held in memory, seeded with `DEMO_TOKENS`. Not for production. */
export class DemoTokenAuthProvider implements AuthProvider {
  private readonly sessions = new Map<string, Session>();

  constructor(tokens: Record<string, { subject: string; permissions: readonly string[] }> = DEMO_TOKENS) {
    for (const [token, { subject, permissions }] of Object.entries(tokens)) {
      this.sessions.set(token, { id: `demo-${subject}`, subject, permissions: [...permissions] });
    }
  }

  async getSession(request: RequestLike): Promise<Session | null> {
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) return null;
    const session = this.sessions.get(header.slice('Bearer '.length).trim());
    if (!session || (session.expiresAt && session.expiresAt.getTime() <= Date.now())) return null;
    return session;
  }

  async createSession(subject: string, data?: Record<string, unknown>): Promise<{ session: Session; token: string }> {
    const token = randomBytes(24).toString('base64url');
    const session: Session = { id: randomUUID(), subject, permissions: [], ...(data ? { data } : {}) };
    this.sessions.set(token, session);
    return { session, token };
  }

  async invalidateSession(sessionId: string): Promise<void> {
    for (const [token, session] of this.sessions) if (session.id === sessionId) this.sessions.delete(token);
  }

  async csrfToken(session: Session): Promise<string> {
    return `${session.id}.${randomBytes(16).toString('base64url')}`;
  }
}

/** The embedded database: the account store in memory. It runs no SQL. */
export interface MemoryDatabase extends DatabaseHandle {
  readonly accounts: MemoryAccountStore;
}

/**
 * The embedded default database provider. `connect()` returns one shared in-memory database;
 * `transaction` runs its work one at a time; `query` refuses SQL, since there is no SQL engine.
 */
export class MemoryDatabaseProvider implements DatabaseProvider<MemoryDatabase> {
  private database: MemoryDatabase | undefined;

  constructor(private readonly now: () => Date = () => new Date()) {}

  async connect(): Promise<MemoryDatabase> {
    if (this.database) return this.database;
    let queue: Promise<unknown> = Promise.resolve();
    const database: MemoryDatabase = {
      accounts: new MemoryAccountStore(this.now),
      query: async (statement) => {
        throw new Error(`[memory-db] cannot run "${statement.slice(0, 40)}": the in-memory database has no SQL engine; use its stores`);
      },
      transaction: <T>(work: (tx: DatabaseHandle) => Promise<T>): Promise<T> => {
        const run = queue.then(() => work(database));
        queue = run.catch(() => undefined);
        return run;
      },
    };
    this.database = database;
    return database;
  }

  async close(): Promise<void> {
    this.database = undefined;
  }
}
