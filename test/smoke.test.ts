import { describe, expect, it } from 'vitest';
import { createAccountsModule } from './fixtures/accounts.js';

describe('accounts example', () => {
  it('derives a manifest with every route', () => {
    const module = createAccountsModule();
    expect(module.manifest.routes?.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/accounts',
      'GET /api/accounts/:id',
      'POST /api/accounts',
      'DELETE /api/accounts/:id',
    ]);
  });
});
