export { errorHandler } from './error-handler.js';
export type { ErrorHandlerOptions } from './error-handler.js';
export { notFoundHandler } from './fallbacks.js';
export { mountModule } from './mount-module.js';
export type { ContextProviders, MountedModule, MountedRoute, MountOptions, SessionSource } from './mount-options.js';
export type { MultipartLimits } from './multipart-reader.js';
export { isValidRequestId, REQUEST_ID_HEADER } from './request-id.js';
export { stripPrototypeKeys } from './strip-prototype-keys.js';
