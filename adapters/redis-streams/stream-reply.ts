/** One stream entry; `fields` is null when the entry was deleted while pending. */
export interface StreamEntry {
  id: string;
  fields: Record<string, string> | null;
}

/** Entries of an `XRANGE`/`XAUTOCLAIM` reply: `[[id, [field, value, ...]], ...]`. */
export function readEntries(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply)) return [];
  return reply.map((item) => {
    const [id, flat] = item as [string, unknown];
    if (!Array.isArray(flat)) return { id: String(id), fields: null };
    const fields: Record<string, string> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) fields[String(flat[i])] = String(flat[i + 1]);
    return { id: String(id), fields };
  });
}

/**
 * Entries of an `XREADGROUP` reply for one stream. RESP2 answers `[[stream, entries]]`; RESP3
 * read in ioredis's legacy mapping answers the map flat, `[stream, entries]`. Null when nothing came.
 */
export function readStreamReply(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  if (typeof reply[0] === 'string' || Buffer.isBuffer(reply[0])) {
    const out: StreamEntry[] = [];
    for (let i = 1; i < reply.length; i += 2) out.push(...readEntries(reply[i]));
    return out;
  }
  return reply.flatMap((pair) => readEntries((pair as [unknown, unknown])[1]));
}
