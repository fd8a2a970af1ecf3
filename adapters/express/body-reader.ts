import express, { type Request, type Response } from 'express';
import { ContractError } from '../../src/error-taxonomy.js';
import type { RequestContentType } from '../../src/route-definition.js';
import { parseFormBody } from './query-parser.js';
import { stripPrototypeKeys } from './strip-prototype-keys.js';

/** Reads a request body into `req.body`, or calls back with a `ContractError` (400, 413 or 415). */
export type BodyReader = (req: Request, res: Response, done: (error?: unknown) => void) => void;

type Parser = (req: Request, res: Response, next: (error?: unknown) => void) => void;

/** Creates the body reader of a route that takes a body of `contentType`, at mount time. */
export function createBodyReader(contentType: RequestContentType = 'application/json', limit: number | string): BodyReader {
  const accepts = contentType === 'application/json' ? isJsonType : (type: string) => type === contentType;
  const parser: Parser | undefined =
    contentType === 'application/json'
      ? express.json({ limit, strict: true, type: () => true })
      : contentType === 'application/x-www-form-urlencoded'
        ? express.text({ limit, type: () => true })
        : undefined;

  return (req, res, done) => {
    if (!hasBody(req)) {
      // An upstream parser (multer, say) may have filled it; otherwise there is no body.
      if (!(req as { _body?: boolean })._body) req.body = undefined;
      return done();
    }
    if (!accepts(mediaType(req.headers['content-type']))) {
      return done(new ContractError('unsupported_media_type', `Expected a request body of type ${contentType}`));
    }
    if (!parser) return done();
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
