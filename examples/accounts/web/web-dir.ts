import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Resolved through the package itself, so the paths hold whether this runs from source or from dist/.
const root = dirname(createRequire(import.meta.url).resolve('@webstir-io/module-contract/package.json'));

/** The web app's source folder: `index.html` and `main.ts`. */
export const webSourceDir = join(root, 'examples', 'accounts', 'web');

/** Where `buildWebApp` writes the page and its bundle; the example server serves it at `/app`. */
export const webDistDir = join(webSourceDir, 'dist');
