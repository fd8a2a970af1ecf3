import { beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@webstir-io/module-contract/client';
import { buildWebApp } from '../examples/accounts/web/build-web.js';
import { accountsContract } from './fixtures/accounts.js';
import { chromiumMissing, launchChromium, openLoopbackPage } from './fixtures/browser.js';
import { startAccountsServer } from './fixtures/express-server.js';


describe.skipIf(chromiumMissing)('the Accounts web app at /app, in headless Chromium', () => {
  beforeAll(async () => {
    await buildWebApp();
  });

  it('creates then gets an account, and shows the typed 409 for a duplicate email', async () => {
    const server = await startAccountsServer();
    const chromium = await launchChromium();
    try {
      const { page, outside, errors } = await openLoopbackPage(chromium.browser);
      const ready = async (step: string, act: () => Promise<void>) => {
        await page.evaluate(() => delete document.body.dataset.ready);
        await act();
        await page.locator(`body[data-ready="${step}"]`).waitFor({ timeout: 10_000 });
      };

      await ready('list', async () => void (await page.goto(`${server.url}/app/`)));
      expect(await page.locator('#total').textContent()).toBe('0 accounts');

      // Create: the page shows the 201 body and lists the new account.
      await page.fill('#create-form [name=email]', 'Ada@Example.com');
      await page.fill('#create-form [name=name]', 'Ada Lovelace');
      await ready('create', () => page.click('#create-form button'));
      const result = page.locator('#result');
      expect(await result.getAttribute('data-state')).toBe('ok');
      const id = await result.getAttribute('data-account-id');
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(await result.textContent()).toContain('Created Ada Lovelace <ada@example.com>');
      expect(await page.locator('#accounts tr td').allTextContents()).toEqual(['Ada Lovelace', 'ada@example.com', id]);
      expect(await page.locator('#total').textContent()).toBe('1 account');

      // Get: the id the create filled in comes back as the same account.
      expect(await page.inputValue('#get-form [name=id]')).toBe(id);
      await ready('get', () => page.click('#get-form button'));
      expect(await result.getAttribute('data-account-id')).toBe(id);
      expect(await result.textContent()).toContain('Found Ada Lovelace <ada@example.com>');
      const fromNode = await createClient(accountsContract, { baseUrl: server.url }).accounts.get({ params: { id: id! } });
      expect(fromNode.status === 200 && fromNode.body.email).toBe('ada@example.com');

      // Duplicate: the declared 409 reaches the page as the one error shape.
      await page.fill('#create-form [name=email]', 'ada@example.com');
      await ready('create', () => page.click('#create-form button'));
      expect(await result.getAttribute('data-state')).toBe('error');
      expect(await result.getAttribute('data-error-code')).toBe('email_taken');
      expect(await result.textContent()).toMatch(/^HTTP 409 email_taken: Email ada@example\.com is already registered\nrequest [0-9a-f-]{36}$/);
      expect(await page.locator('#total').textContent()).toBe('1 account');

      // A malformed id is not declared by the route, and still arrives typed.
      await page.fill('#get-form [name=id]', 'not-an-id');
      await ready('get', () => page.click('#get-form button'));
      expect(await result.getAttribute('data-error-code')).toBe('validation');

      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      const requestIds = server.records.filter((record) => record.message === 'account created').map((record) => record.requestId);
      expect(requestIds).toHaveLength(1);
    } finally {
      await chromium.close();
      await server.close();
    }
  });
});
