/** A random request id: a UUID where `crypto.randomUUID` exists (secure contexts), else a shorter random string. */
export function newRequestId(): string {
  const crypto = globalThis.crypto;
  return typeof crypto?.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
