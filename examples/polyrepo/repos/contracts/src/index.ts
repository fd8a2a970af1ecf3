import { initContract } from '@ts-rest/core';
import { z } from 'zod';

/** A note, as every service reads and writes it. */
export const Note = z.object({
  id: z.string().min(1),
  title: z.string().min(1).max(200),
  body: z.string(),
  tags: z.array(z.string()),
});
export type Note = z.infer<typeof Note>;

export const CreateNote = Note.omit({ id: true });
export type CreateNote = z.infer<typeof CreateNote>;

const c = initContract();

/** The Notes API. Services implement it; frontends call it. */
export const notesContract = c.router({
  notes: c.router({
    get: { method: 'GET', path: '/notes/:id', pathParams: z.object({ id: z.string() }), responses: { 200: Note } },
    create: { method: 'POST', path: '/notes', body: CreateNote, responses: { 201: Note } },
  }),
});
