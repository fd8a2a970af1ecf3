import { DOCS_ASSETS, DOCS_INITIALIZER, docsPageHtml, swaggerUiDir } from './docs-page.js';
import { openApiToJson, openApiToYaml } from './format-document.js';
import type { OpenApiDocument } from './openapi-options.js';
import type { ModuleError } from '../src/module-error.js';
import { REQUEST_ID_HEADER, resolveRequestId } from '../src/request-id.js';

/** The part of an Express request the docs read. */
export interface DocsRequest {
  /** Where the router that serves the docs is mounted (Express sets it). */
  baseUrl?: string;
  /** The path below `baseUrl`, still percent-encoded. */
  path?: string;
  headers?: Record<string, string | string[] | undefined>;
}

/** The part of an Express response the docs use. */
export interface DocsResponse {
  type(contentType: string): DocsResponse;
  status(code: number): DocsResponse;
  setHeader(name: string, value: string): unknown;
  send(body: string): unknown;
  sendFile(path: string, options: { root: string }, callback: (error?: unknown) => void): unknown;
  readonly headersSent: boolean;
  destroy(): unknown;
}

/** An Express app or router, or anything with the same `get`. */
export interface DocsApp {
  get(path: string | RegExp, handler: (req: DocsRequest, res: DocsResponse, next: (error?: unknown) => void) => void): unknown;
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
 * on (`next()`), so the app's own 404 answers them. Its own errors (an undecodable asset path, a
 * failing `Range`, `If-Match` or `If-Unmodified-Since`) it answers itself, in the one error shape
 * (`{ code, message, correlationId }`) with the `x-request-id` header.
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
  // No route parameter: Express would decode it before this handler runs and send its own HTML
  // page for `%ZZ`. The file name is decoded here instead.
  const assetPath = new RegExp(`^${escapeRegExp(path)}/assets/[^/]+$`, 'i');
  app.get(assetPath, (req, res, next) => {
    const encoded = (req.path ?? '').slice((req.path ?? '').lastIndexOf('/') + 1);
    let file: string;
    try {
      file = decodeURIComponent(encoded);
    } catch {
      return sendDocsError(req, res, 400, 'bad_request', 'Malformed URL');
    }
    if (!assets.has(file)) return next();
    // Relative to `root`, so that a package manager's dot-folders (such as `.pnpm`) above it are not refused as dotfiles.
    res.sendFile(file, { root: assetsDir }, (error) => {
      if (!error) return;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const status = statusOf(error);
      if (status === 404) return next();
      if (status === 416) {
        const range = (error as { headers?: Record<string, unknown> }).headers?.['Content-Range'];
        if (typeof range === 'string') res.setHeader('content-range', range);
      }
      const [code, message] = FILE_ERRORS[status] ?? ['internal', 'Internal Server Error'];
      sendDocsError(req, res, FILE_ERRORS[status] ? status : 500, code, message);
    });
  });
}

/** How a failing static-file request is answered, by the status `send` gives it. */
const FILE_ERRORS: Readonly<Record<number, [code: string, message: string]>> = {
  400: ['bad_request', 'Bad Request'],
  412: ['precondition_failed', 'Precondition Failed'],
  416: ['range_not_satisfiable', 'Range Not Satisfiable'],
};

function statusOf(error: unknown): number {
  const { status, statusCode } = (typeof error === 'object' && error !== null ? error : {}) as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' ? value : 500;
}

function sendDocsError(req: DocsRequest, res: DocsResponse, status: number, code: string, message: string): void {
  const header = req.headers?.[REQUEST_ID_HEADER];
  const correlationId = resolveRequestId(header);
  const body: ModuleError = { code, message, correlationId };
  res.setHeader(REQUEST_ID_HEADER, correlationId);
  res.setHeader('cache-control', 'no-store');
  res.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
