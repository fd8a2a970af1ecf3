import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { webDistDir, webSourceDir } from './web-dir.js';

/** Bundles the React version of the web app (TanStack Query through the kit's helpers) into `web/dist/react`, served at `/app/react/`. */
export async function buildReactWebApp(outDir: string = join(webDistDir, 'react')): Promise<string> {
  const { build } = await import('esbuild');
  const sourceDir = join(webSourceDir, 'react');
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(sourceDir, 'main.tsx')],
    outfile: join(outDir, 'main.js'),
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['@webstir-io/source'],
    metafile: true,
    logLevel: 'warning',
  });
  copyFileSync(join(sourceDir, 'index.html'), join(outDir, 'index.html'));
  const bytes = result.metafile.outputs[Object.keys(result.metafile.outputs).find((file) => file.endsWith('main.js'))!]!.bytes;
  return `react/main.js ${(bytes / 1024).toFixed(1)} KB`;
}
