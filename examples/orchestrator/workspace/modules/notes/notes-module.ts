import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createModule, defineRoute, ModuleErrorSchema, NotFoundError } from '@webstir-io/module-contract';

export const Note = z.object({
  id: z.string().uuid(),
  title: z.string().min(1).max(200),
  body: z.string().max(10_000),
  tags: z.array(z.string().min(1)).max(10),
  createdAt: z.string().datetime(),
});
export type Note = z.infer<typeof Note>;

export const CreateNote = z.object({
  title: Note.shape.title,
  body: Note.shape.body.default(''),
  tags: Note.shape.tags.default([]),
});

export const NoteList = z.object({ items: z.array(Note) });
const NoteId = z.object({ id: z.string().uuid() });

export interface NotesModuleOptions {
  /** @default 'notes' */
  name?: string;
  /** Where the routes live. @default '/api/notes' */
  path?: string;
  now?: () => Date;
}

/** A small backend module written with defineRoute: notes with tags, kept in memory. */
export function createNotesModule(options: NotesModuleOptions = {}) {
  const name = options.name ?? 'notes';
  const path = options.path ?? '/api/notes';
  const now = options.now ?? (() => new Date());
  const notes = new Map<string, Note>();

  const list = defineRoute({
    name: `${name}.list`,
    method: 'GET',
    path,
    summary: 'List notes, newest first, optionally by tag',
    tags: [name],
    input: { query: z.object({ tag: z.string().min(1).optional() }) },
    responses: { 200: NoteList },
    handler: ({ query }) => {
      const items = [...notes.values()].reverse().filter((note) => !query.tag || note.tags.includes(query.tag));
      return { status: 200, body: { items } };
    },
  });
  const create = defineRoute({
    name: `${name}.create`,
    method: 'POST',
    path,
    summary: 'Write a note',
    tags: [name],
    input: { body: CreateNote },
    responses: { 201: Note },
    handler: ({ body }) => {
      const note: Note = { id: randomUUID(), ...body, createdAt: now().toISOString() };
      notes.set(note.id, note);
      return { status: 201, body: note };
    },
  });
  const get = defineRoute({
    name: `${name}.get`,
    method: 'GET',
    path: `${path}/:id`,
    summary: 'Read one note',
    tags: [name],
    input: { params: NoteId },
    responses: { 200: Note, 404: ModuleErrorSchema },
    handler: ({ params }) => {
      const note = notes.get(params.id);
      if (!note) throw new NotFoundError(`Note ${params.id} not found`);
      return { status: 200, body: note };
    },
  });

  return createModule({
    manifest: { name, version: '1.1.0', kind: 'backend' },
    routes: [list, create, get],
    schemas: { Note, CreateNote, NoteList, ModuleError: ModuleErrorSchema },
  });
}
