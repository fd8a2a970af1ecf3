import { mayBeAbsent, mayBeNull } from '../../src/describe/presence.js';
import type { ResolvedSchema } from '../../src/resolve/resolved-route.js';
import express, { type Request, type Response } from 'express';
import { ContractError } from '../../src/error-taxonomy.js';
import type { RequestContentType } from '../../src/route-definition.js';
import { createMultipartParser, loadMulter, type MultipartLimits } from './multipart-reader.js';
import { parseFormBody } from './query-parser.js';
import { stripPrototypeKeys } from './strip-prototype-keys.js';

/** Reads a request body into `req.body`, or calls back with a `ContractError` (400, 413 or 415). */
export type BodyReader = (req: Request, res: Response, done: (error?: unknown) => void) => void;

type Parser = (req: Request, res: Response, next: (error?: unknown) => void) => void;

/** How a route's body is read, fixed at mount time. */
export interface BodyReaderOptions {
  /** Largest accepted body (JSON and form bodies), in bytes or as `'100kb'`. */
  limit: number | string;
  /** The route's body, described: decides what an absent body is, and how multipart text fields are decoded. */
  body?: Pick<ResolvedSchema, 'schema' | 'described'>;
  /** Limits of a multipart body; required for `multipart/form-data` routes. */
  multipart?: Required<MultipartLimits>;
  /** Names the route in a mount-time error. */
  route?: string;
}

/**
 * Creates the body reader of a route that takes a body of `contentType`, at mount time. A JSON body
 * may be any JSON value (`"hello"`, `42`, `null`, an array): the schema decides what is allowed.
 * @throws ContractError at mount time for a multipart route when the optional peer `multer` is missing
 */
export function createBodyReader(contentType: RequestContentType = 'application/json', options: BodyReaderOptions): BodyReader {
  const { limit, body } = options;
  const accepts = contentType === 'application/json' ? isJsonType : (type: string) => type === contentType;
  const parser: Parser | undefined =
    contentType === 'application/json'
      ? express.json({ limit, strict: false, type: () => true })
      : contentType === 'application/x-www-form-urlencoded'
        ? express.text({ limit, type: () => true })
        : multipartParser(options);
  // ts-rest's client sends no body for `null`: a schema that takes null but not undefined reads an absent body as null.
  const absent = body && !mayBeAbsent(body.described, 'input') && mayBeNull(body.described, 'input') ? null : undefined;

  return (req, res, done) => {
    if (!hasBody(req)) {
      // An upstream parser (multer, say) may have filled it; otherwise there is no body.
      if (!(req as { _body?: boolean })._body && !upstreamMultipart(req)) req.body = absent;
      return done();
    }
    if (!accepts(mediaType(req.headers['content-type']))) {
      return done(new ContractError('unsupported_media_type', `Expected a request body of type ${contentType}`));
    }
    if (!parser || upstreamMultipart(req)) return done();
    const alreadyParsed = (req as { _body?: boolean })._body === true;
    parser(req, res, (error) => {
      if (error) return done(toBodyError(error, contentType, limit));
      if (contentType === 'application/x-www-form-urlencoded' && !alreadyParsed && typeof req.body === 'string') {
        req.body = parseFormBody(req.body);
      }
      req.body = stripPrototypeKeys(req.body);
      done();
    });
  };
}

function multipartParser(options: BodyReaderOptions): Parser {
  const multer = loadMulter();
  if (!multer) {
    throw new ContractError(
      'internal',
      `[express] ${options.route ? `route ${options.route}` : 'a route'} takes multipart/form-data, which is read with the optional peer multer: npm install multer`,
    );
  }
  return createMultipartParser(multer, options.multipart ?? { fileSize: '5mb', files: 10, fields: 100, fieldSize: options.limit }, options.body);
}

/** True when a multer (or similar) upstream has already consumed the multipart body. */
function upstreamMultipart(req: Request): boolean {
  return (req as { files?: unknown }).files !== undefined || (req as { file?: unknown }).file !== undefined;
}

/** True when the request carries a non-empty body. */
function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0' && length !== '';
}

function mediaType(header: string | undefined): string {
  if (!header) return '';
  const end = header.indexOf(';');
  return (end === -1 ? header : header.slice(0, end)).trim().toLowerCase();
}

function isJsonType(type: string): boolean {
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

const BODY_ERRORS: Record<string, [code: string, message: string]> = {
  'entity.parse.failed': ['bad_request', 'Malformed request body'],
  'entity.too.large': ['payload_too_large', 'Request body is too large'],
  'encoding.unsupported': ['unsupported_media_type', 'Unsupported content encoding'],
  'charset.unsupported': ['unsupported_media_type', 'Unsupported charset'],
  'request.aborted': ['bad_request', 'Request body was aborted'],
  'request.size.invalid': ['bad_request', 'Request body size does not match its content-length'],
};

/** body-parser errors carry a `type`; each becomes a taxonomy error with a message safe to send. */
function toBodyError(error: unknown, contentType: string, limit: number | string): unknown {
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
  if (!known) return error;
  const [code, message] = known;
  if (type === 'entity.parse.failed' && contentType === 'application/json') {
    return new ContractError(code, 'Malformed JSON body', { cause: error });
  }
  if (type === 'entity.too.large') return new ContractError(code, `Request body exceeds the limit of ${formatLimit(limit)}`, { cause: error });
  return new ContractError(code, message, { cause: error });
}

function formatLimit(limit: number | string): string {
  return typeof limit === 'number' ? `${limit} bytes` : limit;
}
