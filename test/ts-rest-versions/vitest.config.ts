// Runs tests against another install of @ts-rest/core and @ts-rest/express: every import of them,
// the kit's and the tests' alike, resolves into TS_REST_DIR/node_modules (test/ts-rest-versions/next
// holds the next release). TS_REST_CORE_VERSION is the version the probe must find there.
import { join, resolve } from 'node:path';
import { mergeConfig } from 'vitest/config';
import base from '../../vitest.config.js';

const dir = process.env.TS_REST_DIR;
if (!dir) throw new Error('TS_REST_DIR must name a folder whose node_modules holds the @ts-rest/core and @ts-rest/express to test against');
const modules = join(resolve(dir), 'node_modules', '@ts-rest');

export default mergeConfig(base, {
  resolve: { alias: [{ find: /^@ts-rest\/(core|express)(\/.*)?$/, replacement: `${modules}/$1$2` }] },
  test: {
    include: ['test/**/*.test.ts', 'test/ts-rest-versions/*.probe.ts'],
    server: { deps: { inline: [/@ts-rest[\\/]express/] } },
  },
});
