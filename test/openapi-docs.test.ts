import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateOpenApi, serveDocs } from '@webstir-io/module-contract/openapi';
import { createAccountsModule } from './fixtures/accounts.js';
import { chromiumMissing, launchChromium, openLoopbackPage } from './fixtures/browser.js';
import { startAccountsServer } from './fixtures/express-server.js';
import { listen } from './fixtures/listen.js';

const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));


describe('serveDocs', () => {
  const document = generateOpenApi(createAccountsModule(), { info: { title: 'Accounts <docs>', version: '1.0.0' } });
  let server: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    const app = express();
    const router = express.Router();
    serveDocs(router, document, { path: '/reference' });
    app.use('/v2', router);
    // The app's own 404, to show that unknown docs paths are passed on to it.
    app.use((_req, res) => void res.status(404).json({ code: 'not_found', message: 'No route matches this path' }));
    server = await listen(app);
  });
  afterAll(() => server.close());

  it('serves the document as JSON and as YAML', async () => {
    const json = await fetch(`${server.url}/v2/reference/openapi.json`);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await json.json()).toEqual(document);
    const yaml = await fetch(`${server.url}/v2/reference/openapi.yaml`);
    expect(yaml.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    expect(parseYaml(await yaml.text())).toEqual(document);
  });

  it('serves a page whose scripts and styles are all local, under the mount path', async () => {
    const response = await fetch(`${server.url}/v2/reference`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<title>Accounts &#60;docs&#62;</title>');
    const links = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual([
      '/v2/reference/assets/swagger-ui.css',
      '/v2/reference/assets/favicon-32x32.png',
      '/v2/reference/assets/favicon-16x16.png',
      '/v2/reference/assets/swagger-ui-bundle.js',
      '/v2/reference/swagger-initializer.js',
    ]);
    const initializer = await (await fetch(`${server.url}/v2/reference/swagger-initializer.js`)).text();
    expect(initializer).toContain('validatorUrl: null');
    expect(initializer).not.toMatch(/https?:\/\//);
  });

  it('serves the Swagger UI files from the installed swagger-ui-dist package', async () => {
    const response = await fetch(`${server.url}/v2/reference/assets/swagger-ui-bundle.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(swaggerUiDir, 'swagger-ui-bundle.js')))).toBe(true);
  });

  it('passes unknown files on to the app, and never leaves the asset list', async () => {
    for (const path of ['/v2/reference/assets/index.html', '/v2/reference/assets/..%2Fpackage.json', '/v2/reference/assets/%2e%2e%2fpackage.json', '/v2/reference/nope']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toEqual({ code: 'not_found', message: 'No route matches this path' });
    }
  });

  it('refuses a path that does not start with "/" or that ends with one', () => {
    const app = express();
    expect(() => serveDocs(app, document, { path: 'docs' })).toThrow('[openapi] serveDocs: path "docs" must start with "/" and not end with one');
    expect(() => serveDocs(app, document, { path: '/docs/' })).toThrow(/must start with "\/" and not end with one/);
  });
});

describe.skipIf(chromiumMissing)('the /docs page of the example server, in headless Chromium', () => {
  it('renders every operation of the example with no request leaving the machine', async () => {
    const server = await startAccountsServer();
    const chromium = await launchChromium();
    try {
      const { page, outside, errors } = await openLoopbackPage(chromium.browser);
      await page.goto(`${server.url}/docs`);
      await page.locator('.opblock').nth(3).waitFor({ timeout: 20_000 });
      const operations = await page.locator('.opblock').evaluateAll((blocks) =>
        blocks.map((block) =>
          [
            block.querySelector('.opblock-summary-method')?.textContent,
            block.querySelector('.opblock-summary-path')?.getAttribute('data-path'),
            block.querySelector('.opblock-summary-operation-id')?.textContent,
          ].join(' '),
        ),
      );
      expect(operations.sort()).toEqual([
        'DELETE /api/accounts/{id} accountsRemove',
        'GET /api/accounts accountsList',
        'GET /api/accounts/{id} accountsGet',
        'POST /api/accounts accountsCreate',
      ]);
      expect(await page.locator('.info .title').textContent()).toContain('Accounts API');
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await chromium.close();
      await server.close();
    }
  });
});
