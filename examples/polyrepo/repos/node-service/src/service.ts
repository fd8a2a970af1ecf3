import { Note, notesContract, type CreateNote } from '@demo/contracts';
import { createModule } from '@webstir-io/module-contract';
import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';

const notes = new Map<string, Note>();

/** The service implements the contract: handlers are typed from it, so a breaking change fails `tsc` here. */
export const notesService = createModule({
  manifest: { name: 'notes-service', version: '1.0.0', kind: 'backend' },
  routes: fromTsRestRouter(notesContract, {
    notes: {
      get: async ({ params }) => ({ status: 200, body: notes.get(params.id) ?? { id: params.id, title: 'missing', body: '', tags: [] } }),
      create: async ({ body }) => {
        const draft: CreateNote = body;
        const note: Note = { id: String(notes.size + 1), title: draft.title, body: draft.body, tags: draft.tags };
        notes.set(note.id, note);
        return { status: 201, body: note };
      },
    },
  }),
});

/** At its boundary the service validates what it receives with the package's own Zod schema. */
const incoming: unknown = JSON.parse(process.argv[2] ?? '{}');
const result = Note.safeParse(incoming);
const summary = (note: Note) => `${note.title} (${note.tags.length} tags, ${note.body.length} chars)`;
console.log(JSON.stringify(result.success ? { accepted: true, summary: summary(result.data), parsed: result.data } : { accepted: false, issues: result.error.issues.map((i) => i.path.join('.')) }));
