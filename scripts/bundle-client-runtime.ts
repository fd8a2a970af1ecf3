import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Compiles the client runtime (`adapters/client/runtime/standalone.ts` and what it imports) into
 * `adapters/client/codegen/runtime-bundle.ts`: one line of minified JavaScript that the client
 * generator inlines. The generated client and `createClient` so run the same code, and the CLI
 * needs no compiler. Run by `npm run build`; a test checks the committed file is current.
 */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RUNTIME_ENTRY = join(ROOT, 'adapters', 'client', 'runtime', 'standalone.ts');
export const RUNTIME_BUNDLE = join(ROOT, 'adapters', 'client', 'codegen', 'runtime-bundle.ts');

/** The text of `runtime-bundle.ts`, built now. */
export async function bundleClientRuntime(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [RUNTIME_ENTRY],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]!.text.trim();
  // esbuild ends an ES module with `export{a as Name,...};`: turn it into an object the expression returns.
  const tail = /export\{([^}]*)\};?$/.exec(code);
  if (!tail) throw new Error('[build] the client runtime bundle does not end with its exports');
  const exported = tail[1]!.split(',').map((entry) => {
    const [local, name = local] = entry.split(' as ') as [string, string?];
    return `${name}:${local}`;
  });
  const expression = `(()=>{${code.slice(0, tail.index)}return{${exported.join(',')}}})()`;
  if (expression.includes('\n')) throw new Error('[build] the client runtime bundle must be one line, to be inlined under one @ts-ignore');
  return [
    '// Generated from adapters/client/runtime/ by scripts/bundle-client-runtime.ts (`npm run build`). Do not edit.',
    '',
    '/** The generated client\'s runtime: minified JavaScript, one expression whose value holds its exports. */',
    `export const STANDALONE_RUNTIME = ${JSON.stringify(expression)};`,
    '',
    `/** The names the runtime exports. */`,
    `export const STANDALONE_RUNTIME_EXPORTS = ${JSON.stringify(exported.map((pair) => pair.split(':')[0]).sort())} as const;`,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(RUNTIME_BUNDLE, await bundleClientRuntime());
  console.log('[client] wrote adapters/client/codegen/runtime-bundle.ts');
}
