export type { ClientOptions, HeaderRecord } from './client-options.js';
export type { AnyClientResult, ClientFailure, ClientFailureCode, ClientResponse, ClientResult, FailureBody, SuccessBody } from './client-result.js';
export { ContractClientError, isContractClientError } from './runtime/contract-client-error.js';
export { createClient } from './create-client.js';
export type { ContractClient, RouteArgs, RouteCall } from './create-client.js';
export { unwrap } from './runtime/unwrap.js';
