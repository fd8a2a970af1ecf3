import { z } from 'zod';

/** HTTP methods a route may use. ts-rest supports exactly these five. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];

export const HttpMethodSchema = z.enum(HTTP_METHODS);

/** Whether a value is one of `HTTP_METHODS`. */
export function isHttpMethod(value: unknown): value is HttpMethod {
  return typeof value === 'string' && (HTTP_METHODS as readonly string[]).includes(value);
}
