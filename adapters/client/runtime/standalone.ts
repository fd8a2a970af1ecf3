// What a generated client runs: compiled from these modules into `codegen/runtime-bundle.ts` by
// `npm run build`, so the generated client and `createClient` share one implementation.
export { ContractClientError, isContractClientError } from './contract-client-error.js';
export { route } from './route-call.js';
export { unwrap } from './unwrap.js';
