export { mountModule } from './mount-module.js';
export type { MountedModule, MountOptions } from './mount-module.js';
