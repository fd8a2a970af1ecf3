import type { Response } from 'express';
import type { RequestContext } from '../../src/contexts.js';

/** What the binding keeps about a request it serves. Requests it has not claimed have none. */
export interface RequestState {
  requestId: string;
  /** The route or view name, for logs. */
  route: string;
  ctx?: RequestContext;
  /** Query values the route's wire format refused before the schema ran (too many values). */
  queryIssues?: { part: 'query'; path: (string | number)[]; message: string; code: string }[];
}

// Kept under a symbol in `res.locals`, the per-request dictionary Express already makes: adding a
// key to it is cheap, where a new property on the request object reshapes a large object.
const STATE = Symbol('@webstir-io/module-contract/express/request');

type Locals = Record<symbol, RequestState | undefined>;

export function setRequestState(res: Response, state: RequestState): void {
  ((res.locals ??= Object.create(null)) as Locals)[STATE] = state;
}

export function getRequestState(res: Response): RequestState | undefined {
  return (res.locals as Locals | undefined)?.[STATE];
}
