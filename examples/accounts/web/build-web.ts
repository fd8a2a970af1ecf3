import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { webDistDir, webSourceDir } from './web-dir.js';

/** Bundles the web app for browsers into `web/dist` (minified, with a source map) and copies its page. */
export async function buildWebApp(outDir: string = webDistDir): Promise<string> {
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(webSourceDir, 'main.ts')],
    outfile: join(outDir, 'main.js'),
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@webstir-io/source'],
    metafile: true,
    logLevel: 'warning',
  });
  copyFileSync(join(webSourceDir, 'index.html'), join(outDir, 'index.html'));
  const bytes = result.metafile.outputs[Object.keys(result.metafile.outputs).find((file) => file.endsWith('main.js'))!]!.bytes;
  return `main.js ${(bytes / 1024).toFixed(1)} KB`;
}
