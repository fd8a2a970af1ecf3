import { beforeAll, describe, expect, it } from 'vitest';
import { buildReactWebApp } from '../examples/accounts/web/build-react-web.js';
import { chromiumMissing, launchChromium, openLoopbackPage } from './fixtures/browser.js';
import { startAccountsServer } from './fixtures/express-server.js';

// Locally a missing Chromium skips with a message; under CI the suite runs and fails.
describe.skipIf(chromiumMissing && process.env.CI !== 'true')('the React Accounts page at /app/react/, with TanStack Query, in headless Chromium', () => {
  beforeAll(async () => {
    await buildReactWebApp();
  });

  it('lists, creates, shows the typed 409, and deletes with the demo admin token', async () => {
    if (chromiumMissing) throw new Error(chromiumMissing);
    const server = await startAccountsServer();
    const chromium = await launchChromium();
    try {
      const { page, outside, errors } = await openLoopbackPage(chromium.browser);
      // The page marks itself busy while a query or mutation is in flight.
      const settled = () => page.locator('main[data-busy="no"]').waitFor({ timeout: 10_000 });
      const result = page.locator('#result');
      const rows = page.locator('#accounts tr');

      await page.goto(`${server.url}/app/react/`);
      await page.locator('#total').filter({ hasText: 'account' }).waitFor({ timeout: 10_000 });
      expect(await page.locator('#total').textContent()).toBe('0 accounts');

      // Create: the mutation's data is shown, and the invalidated list refetches with the new row.
      await page.fill('#create-form [name=email]', 'Ada@Example.com');
      await page.fill('#create-form [name=name]', 'Ada Lovelace');
      await page.click('#create-form button');
      await page.locator('#total').filter({ hasText: '1 account' }).waitFor({ timeout: 10_000 });
      await settled();
      expect(await result.getAttribute('data-state')).toBe('ok');
      expect(await result.textContent()).toBe('Created Ada Lovelace <ada@example.com>');
      const id = await result.getAttribute('data-account-id');
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(await rows.locator('td').allTextContents()).toEqual(['Ada Lovelace', 'ada@example.com', 'Delete']);
      expect(await rows.first().getAttribute('data-account-id')).toBe(id);

      // Duplicate: the declared 409 arrives as a ContractClientError with the typed body.
      await page.fill('#create-form [name=email]', 'ada@example.com');
      await page.click('#create-form button');
      await page.locator('#result[data-state="error"]').waitFor({ timeout: 10_000 });
      await settled();
      expect(await result.getAttribute('data-error-code')).toBe('email_taken');
      expect(await result.textContent()).toMatch(/^HTTP 409 email_taken: Email ada@example\.com is already registered\nrequest [0-9a-f-]{36}$/);
      expect(await page.locator('#total').textContent()).toBe('1 account');

      // Delete without a token: the server's 401, typed like every other error; the row stays.
      await page.click(`#accounts tr[data-account-id="${id}"] button`);
      await page.locator('#result[data-error-code="unauthorized"]').waitFor({ timeout: 10_000 });
      await settled();
      expect(await result.textContent()).toMatch(/^HTTP 401 unauthorized: /);
      expect(await rows.count()).toBe(1);

      // Delete with the demo admin token: 204, and the list refetches empty.
      await page.fill('#token', 'demo-admin');
      await page.click(`#accounts tr[data-account-id="${id}"] button`);
      await page.locator('#total').filter({ hasText: '0 accounts' }).waitFor({ timeout: 10_000 });
      await settled();
      expect(await result.textContent()).toBe('Deleted');
      expect(await rows.count()).toBe(0);

      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      expect(server.records.filter((record) => record.message === 'account created')).toHaveLength(1);
    } finally {
      await chromium.close();
      await server.close();
    }
  });
});
