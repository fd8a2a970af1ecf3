// One request-id rule for every server surface (the binding, its fallbacks and the docs), kept in the core.
export { isValidRequestId, REQUEST_ID_HEADER, resolveRequestId } from '../../src/request-id.js';
