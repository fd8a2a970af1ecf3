import type { Request } from 'express';
import type { RequestContext } from '../../src/contexts.js';

const STATE = Symbol.for('@webstir-io/module-contract/express/request');

/** What the binding keeps on a request while it is being served. */
export interface RequestState {
  requestId: string;
  /** The route or view name, for logs. */
  route: string;
  ctx?: RequestContext;
}

export function setRequestState(req: Request, state: RequestState): void {
  (req as unknown as Record<symbol, RequestState>)[STATE] = state;
}

export function getRequestState(req: Request): RequestState | undefined {
  return (req as unknown as Record<symbol, RequestState | undefined>)[STATE];
}
