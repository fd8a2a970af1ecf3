import { readFileSync } from 'node:fs';
import { createModule } from '@webstir-io/module-contract';
import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';
import { CreateNote, Note, notesContract } from './index.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const implementedByServices = (): never => {
  throw new Error('the contracts package describes the API; services implement it');
};

/** The contract as a module, for `module-contract build`: the artifacts are written from it. */
export default createModule({
  manifest: { name: 'notes', version, kind: 'backend' },
  routes: fromTsRestRouter(notesContract, { notes: { get: implementedByServices, create: implementedByServices } }),
  schemas: { Note, CreateNote },
});
