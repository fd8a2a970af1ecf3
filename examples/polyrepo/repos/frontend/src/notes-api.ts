import { notesContract, type Note } from '@demo/contracts';
import { createClient } from '@webstir-io/module-contract/client';

/** The frontend's client: request and response types come from the contract in the package. */
export const api = createClient(notesContract, { baseUrl: '/api' });

export async function noteTitle(id: string): Promise<string> {
  const response = await api.notes.get({ params: { id } });
  if (response.status !== 200) return '(not found)';
  const note: Note = response.body;
  return note.title;
}

export async function saveDraft(title: string): Promise<void> {
  await api.notes.create({ body: { title, body: '', tags: [] } });
  // @ts-expect-error - the contract requires `tags`; this line proves tsc checks calls against it
  await api.notes.create({ body: { title, body: '' } });
}
