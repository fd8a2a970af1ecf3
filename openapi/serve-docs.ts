import { DOCS_ASSETS, DOCS_INITIALIZER, docsPageHtml, swaggerUiDir } from './docs-page.js';
import { openApiToJson, openApiToYaml } from './format-document.js';
import type { OpenApiDocument } from './openapi-options.js';

/** The part of an Express request the docs read. */
export interface DocsRequest {
  /** Where the router that serves the docs is mounted (Express sets it). */
  baseUrl?: string;
  params?: Record<string, string | undefined>;
}

/** The part of an Express response the docs use. */
export interface DocsResponse {
  type(contentType: string): DocsResponse;
  setHeader(name: string, value: string): unknown;
  send(body: string): unknown;
  sendFile(path: string, options: { root: string }, callback: (error?: unknown) => void): unknown;
}

/** An Express app or router, or anything with the same `get`. */
export interface DocsApp {
  get(path: string, handler: (req: DocsRequest, res: DocsResponse, next: (error?: unknown) => void) => void): unknown;
}

export interface ServeDocsOptions {
  /** Where the page is served; the document is at `<path>/openapi.json` and `<path>/openapi.yaml`. @default '/docs' */
  path?: string;
  /** The page title. @default the document's `info.title` */
  title?: string;
}

/**
 * Serves an OpenAPI document and an interactive page for it: `<path>` (Swagger UI),
 * `<path>/openapi.json` and `<path>/openapi.yaml`. The page's scripts and styles come from the
 * local `swagger-ui-dist` package, so it works with no internet. Paths it does not know are passed
 * on (`next()`), so the app's own 404 answers them.
 * @example serveDocs(app, generateOpenApi(accountsModule), { path: '/docs' });
 */
export function serveDocs(app: DocsApp, document: OpenApiDocument, options: ServeDocsOptions = {}): void {
  const path = options.path ?? '/docs';
  if (!/^\/[^?#]*[^/?#]$/.test(path)) throw new Error(`[openapi] serveDocs: path "${path}" must start with "/" and not end with one`);
  const assetsDir = swaggerUiDir();
  const json = openApiToJson(document);
  const yaml = openApiToYaml(document);
  const title = options.title ?? document.info?.title ?? 'API';
  const assets = new Set<string>(DOCS_ASSETS);

  const text = (contentType: string, body: string | ((req: DocsRequest) => string)) => (req: DocsRequest, res: DocsResponse) => {
    res.setHeader('cache-control', 'no-cache');
    res.type(contentType).send(typeof body === 'function' ? body(req) : body);
  };
  app.get(path, text('text/html; charset=utf-8', (req) => docsPageHtml(`${req.baseUrl ?? ''}${path}`, title)));
  app.get(`${path}/openapi.json`, text('application/json; charset=utf-8', json));
  app.get(`${path}/openapi.yaml`, text('application/yaml; charset=utf-8', yaml));
  app.get(`${path}/swagger-initializer.js`, text('text/javascript; charset=utf-8', DOCS_INITIALIZER));
  app.get(`${path}/assets/:file`, (req, res, next) => {
    const file = req.params?.file;
    if (!file || !assets.has(file)) return next();
    // Relative to `root`, so that a package manager's dot-folders (such as `.pnpm`) above it are not refused as dotfiles.
    res.sendFile(file, { root: assetsDir }, (error) => {
      if (error) next(error);
    });
  });
}
