import type { Request } from 'express';
import type { RequestContext } from '../../src/contexts.js';

/** What the binding keeps about a request it serves. Requests it has not claimed have none. */
export interface RequestState {
  requestId: string;
  /** The route or view name, for logs. */
  route: string;
  ctx?: RequestContext;
}

// A side table rather than a property, so the request object keeps its shape.
const states = new WeakMap<Request, RequestState>();

export function setRequestState(req: Request, state: RequestState): void {
  states.set(req, state);
}

export function getRequestState(req: Request): RequestState | undefined {
  return states.get(req);
}
