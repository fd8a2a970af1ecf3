// The Accounts example module, published from this workspace as @shop/accounts.
export { default } from '../../../../accounts/module.js';
