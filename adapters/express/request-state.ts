import type { Request } from 'express';
import type { RequestContext } from '../../src/contexts.js';

/** What the binding keeps about a request it serves. Requests it has not claimed have none. */
export interface RequestState {
  requestId: string;
  /** The route or view name, for logs. */
  route: string;
  ctx?: RequestContext;
}

// A symbol property costs a fraction of a WeakMap entry per request, and is invisible to JSON and keys.
const STATE = Symbol('@webstir-io/module-contract/express/request');

export function setRequestState(req: Request, state: RequestState): void {
  (req as unknown as Record<symbol, RequestState>)[STATE] = state;
}

export function getRequestState(req: Request): RequestState | undefined {
  return (req as unknown as Record<symbol, RequestState | undefined>)[STATE];
}
