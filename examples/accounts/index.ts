export * from './contract.js';
export * from './module.js';
export * from './store.js';
