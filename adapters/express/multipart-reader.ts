import { unwrapDescription } from '../../src/describe/presence.js';
import type { SchemaDescription } from '../../src/describe/schema-description.js';
import type { ResolvedSchema } from '../../src/resolve/resolved-route.js';
import { createRequire } from 'node:module';
import type { Request, Response } from 'express';
import { ContractError } from '../../src/error-taxonomy.js';
import type { AnySchema } from '../../src/route-spec.js';

/** Limits on a `multipart/form-data` body; every one of them has a default. */
export interface MultipartLimits {
  /** Largest accepted file, in bytes or as `'5mb'`. @default '5mb' */
  fileSize?: number | string;
  /** Most files in one request. @default 10 */
  files?: number;
  /** Most text fields in one request. @default 100 */
  fields?: number;
  /** Largest text field, in bytes or as `'100kb'`. @default the mount's `bodyLimit` */
  fieldSize?: number | string;
}

type Parser = (req: Request, res: Response, next: (error?: unknown) => void) => void;

/** What multer's memory storage leaves on `req.files`. */
interface StoredFile {
  fieldname: string;
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

interface Multer {
  (options: { storage: unknown; limits: Record<string, number> }): { any(): Parser };
  memoryStorage(): unknown;
  MulterError: new (...args: never[]) => Error & { code: string; field?: string };
}

const requireFromHere = createRequire(import.meta.url);
let multer: Multer | undefined;

/** Loads multer, the optional peer that parses multipart bodies; `undefined` when it is not installed. */
export function loadMulter(): Multer | undefined {
  if (multer) return multer;
  try {
    multer = requireFromHere('multer') as Multer;
  } catch {
    return undefined;
  }
  return multer;
}

/**
 * Reads a `multipart/form-data` body with multer into a plain object: each file becomes a `File`
 * (a field sent more than once becomes an array), each text field is taken as JSON when it parses
 * and the schema accepts that (ts-rest's client JSON-encodes every non-file value), and as the raw
 * string otherwise (what an HTML form sends). Errors are taxonomy errors: 413 past a limit, 400 for
 * a malformed body.
 */
export function createMultipartParser(multerModule: Multer, limits: Required<MultipartLimits>, body: Pick<ResolvedSchema, 'schema' | 'described'> | undefined): Parser {
  const schema = body?.schema;
  const upload = multerModule({
    storage: multerModule.memoryStorage(),
    limits: { fileSize: toBytes(limits.fileSize), files: limits.files, fields: limits.fields, fieldSize: toBytes(limits.fieldSize), parts: limits.files + limits.fields },
  }).any();
  const shape = body ? objectShape(body.described) : undefined;

  return (req, res, next) => {
    upload(req, res, (error?: unknown) => {
      if (error) return next(toMultipartError(error, multerModule, limits));
      const fields = (req.body ?? {}) as Record<string, unknown>;
      const files = ((req as { files?: StoredFile[] }).files ?? []) as StoredFile[];
      const body: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(fields)) {
        if (UNSAFE_KEYS.has(key)) continue;
        body[key] = decodeField(value, shape?.[key]);
      }
      for (const file of files) {
        if (UNSAFE_KEYS.has(file.fieldname)) continue;
        const value = new File([file.buffer as Uint8Array<ArrayBuffer>], file.originalname, { type: file.mimetype });
        const existing = body[file.fieldname];
        body[file.fieldname] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
      }
      if (shape) for (const key of Object.keys(body)) body[key] = wrapLone(body[key], shape[key]);
      req.body = shape || !schema ? body : pickWhole(fields, body, schema);
      next();
    });
  };
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The field schemas of an object body (under optional, default, refine... wrappers); `undefined` for any other schema. */
function objectShape(described: SchemaDescription): Record<string, AnySchema> | undefined {
  const core = unwrapDescription(described);
  return core.kind === 'object' ? Object.fromEntries(Object.entries(core.shape).map(([key, field]) => [key, field.schema])) : undefined;
}

/** A text field as JSON when it parses and its schema takes it (alone or as a list of one); else as sent. */
function decodeField(value: unknown, schema: AnySchema | undefined): unknown {
  const decoded = Array.isArray(value) ? value.map(parseJson) : parseJson(value);
  if (decoded === value || !schema) return decoded;
  const lone = !Array.isArray(value);
  for (const candidate of [decoded, value]) {
    if (schema.safeParse(candidate).success || (lone && schema.safeParse([candidate]).success)) return candidate;
  }
  return decoded;
}

/** A field sent once whose schema wants a list becomes a list of one (ts-rest's client and HTML forms send `[x]` as one field). */
function wrapLone(value: unknown, schema: AnySchema | undefined): unknown {
  if (!schema || Array.isArray(value) || schema.safeParse(value).success) return value;
  return schema.safeParse([value]).success ? [value] : value;
}

/** For a schema with no public shape: the JSON-decoded body when the schema takes it, else the raw one. */
function pickWhole(raw: Record<string, unknown>, decoded: Record<string, unknown>, schema: AnySchema): Record<string, unknown> {
  if (schema.safeParse(decoded).success) return decoded;
  const plain: Record<string, unknown> = { ...decoded };
  for (const key of Object.keys(raw)) if (!UNSAFE_KEYS.has(key)) plain[key] = raw[key];
  return schema.safeParse(plain).success ? plain : decoded;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

const TOO_LARGE = new Set(['LIMIT_PART_COUNT', 'LIMIT_FILE_SIZE', 'LIMIT_FILE_COUNT', 'LIMIT_FIELD_KEY', 'LIMIT_FIELD_VALUE', 'LIMIT_FIELD_COUNT']);

function toMultipartError(error: unknown, multerModule: Multer, limits: Required<MultipartLimits>): ContractError {
  if (error instanceof multerModule.MulterError) {
    const field = error.field ? ` (field ${error.field})` : '';
    if (error.code === 'LIMIT_FILE_SIZE') return new ContractError('payload_too_large', `File exceeds the limit of ${formatSize(limits.fileSize)}${field}`, { cause: error });
    if (error.code === 'LIMIT_FILE_COUNT') return new ContractError('payload_too_large', `More than ${limits.files} files`, { cause: error });
    if (error.code === 'LIMIT_FIELD_VALUE') return new ContractError('payload_too_large', `Field exceeds the limit of ${formatSize(limits.fieldSize)}${field}`, { cause: error });
    if (TOO_LARGE.has(error.code)) return new ContractError('payload_too_large', `${error.message}${field}`, { cause: error });
    return new ContractError('bad_request', `Malformed multipart body: ${error.message}${field}`, { cause: error });
  }
  return new ContractError('bad_request', 'Malformed multipart body', { cause: error });
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** `'5mb'` → 5242880; numbers pass through. */
export function toBytes(size: number | string): number {
  if (typeof size === 'number') return size;
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(size.trim());
  if (!match) throw new TypeError(`"${size}" is not a size such as 102400 or "100kb"`);
  return Math.floor(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]!);
}

function formatSize(size: number | string): string {
  return typeof size === 'number' ? `${size} bytes` : size;
}
