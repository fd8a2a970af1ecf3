/** A random request id: a UUID where `crypto.randomUUID` exists (secure contexts), else a shorter random string. */
export function newRequestId(): string {
  return crypto.randomUUID?.() ?? Math.random().toString(36).slice(2);
}
