import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/** The files of `swagger-ui-dist` the docs page loads; nothing else of the package is served. */
export const DOCS_ASSETS = [
  'swagger-ui.css',
  'swagger-ui.css.map',
  'swagger-ui-bundle.js',
  'swagger-ui-bundle.js.map',
  'favicon-16x16.png',
  'favicon-32x32.png',
  'oauth2-redirect.html',
  'oauth2-redirect.js',
] as const;

/** The folder of the installed `swagger-ui-dist` package. */
export function swaggerUiDir(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  } catch {
    throw new Error('[openapi] serveDocs needs the swagger-ui-dist package: npm install swagger-ui-dist');
  }
}

/** The HTML of the docs page. `base` is where the docs are mounted, such as `/docs`. */
export function docsPageHtml(base: string, title: string): string {
  const href = escapeHtml(base);
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <link rel="stylesheet" href="${href}/assets/swagger-ui.css">
  <link rel="icon" type="image/png" sizes="32x32" href="${href}/assets/favicon-32x32.png">
  <link rel="icon" type="image/png" sizes="16x16" href="${href}/assets/favicon-16x16.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${href}/assets/swagger-ui-bundle.js"></script>
  <script src="${href}/swagger-initializer.js"></script>
</body>
</html>
`;
}

/**
 * Starts Swagger UI on the document served beside the script. No validator badge: Swagger UI would
 * otherwise send the document to an online validator.
 */
export const DOCS_INITIALIZER = `(function () {
  var here = document.currentScript.src;
  window.ui = SwaggerUIBundle({
    url: new URL('openapi.json', here).href,
    oauth2RedirectUrl: new URL('assets/oauth2-redirect.html', here).href,
    dom_id: '#swagger-ui',
    deepLinking: true,
    displayOperationId: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
})();
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
