import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { webSourceDir } from '../examples/accounts/web/web-dir.js';

const root = join(webSourceDir, '..', '..', '..');

/** Bundles an entry for the browser the way a frontend would, and returns what went in. */
async function bundle(entry: { file: string } | { contents: string }): Promise<{ inputs: string[]; contributing: string[] }> {
  const result = await build({
    ...('file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.contents, resolveDir: join(root, 'test'), loader: 'ts' } }),
    absWorkingDir: root,
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@webstir-io/source'],
    metafile: true,
    logLevel: 'silent',
  });
  const metafile: Metafile = result.metafile;
  const output = Object.values(metafile.outputs)[0]!;
  return {
    inputs: Object.keys(metafile.inputs),
    contributing: Object.entries(output.inputs)
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([file]) => file),
  };
}

const SERVER_ONLY = /(^|\/)node_modules\/(express|body-parser|@ts-rest\/express|@ts-rest\/open-api|openapi3-ts|zod-to-json-schema|yaml|swagger-ui-dist)\//;
const own = (files: string[]) => files.filter((file) => !file.includes('node_modules/')).sort();

describe('a frontend importing ./client and a contract', () => {
  it('bundles for the browser with nothing of the server, OpenAPI or Node', async () => {
    const { inputs } = await bundle({ file: join(webSourceDir, 'main.ts') });
    expect(inputs.filter((file) => SERVER_ONLY.test(file))).toEqual([]);
    expect(inputs.filter((file) => file.startsWith('node:') || !/\.(m?js|ts|json)$/.test(file))).toEqual([]);
    expect(inputs.filter((file) => /^(adapters\/(express|ts-rest)|openapi|cli)\//.test(file))).toEqual([]);
    expect(inputs.filter((file) => file.includes('node_modules/')).map((file) => file.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1'))).toSatisfy(
      (packages: string[]) => new Set(packages).size === 2 && packages.includes('zod') && packages.includes('@ts-rest/core'),
    );
  });

  it('ships only the client files and the core pieces the contract uses', async () => {
    const { contributing } = await bundle({ file: join(webSourceDir, 'main.ts') });
    expect(own(contributing)).toMatchInlineSnapshot(`
      [
        "adapters/client/create-client.ts",
        "adapters/client/runtime/request-id.ts",
        "adapters/client/runtime/send-request.ts",
        "adapters/client/ts-rest-fetcher.ts",
        "examples/accounts/contract.ts",
        "examples/accounts/web/main.ts",
        "src/module-error.ts",
        "src/pagination.ts",
        "src/query-string.ts",
      ]
    `);
  });

  it('imports no core barrel from the client itself', async () => {
    const { inputs } = await bundle({ contents: "import { createClient, unwrap } from '@webstir-io/module-contract/client';\nconsole.log(createClient, unwrap);" });
    expect(own(inputs)).toMatchInlineSnapshot(`
      [
        "<stdin>",
        "adapters/client/create-client.ts",
        "adapters/client/index.ts",
        "adapters/client/runtime/contract-client-error.ts",
        "adapters/client/runtime/request-id.ts",
        "adapters/client/runtime/send-request.ts",
        "adapters/client/runtime/unwrap.ts",
        "adapters/client/ts-rest-fetcher.ts",
        "src/query-string.ts",
      ]
    `);
  });

  it('bundles the generated client alone, with no dependency at all', async () => {
    const { inputs } = await bundle({ file: join(webSourceDir, 'generated', 'accounts-client.ts') });
    expect(inputs).toEqual(['examples/accounts/web/generated/accounts-client.ts']);
  });
});
