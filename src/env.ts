import { z } from 'zod';
import { ContractError, ValidationError } from './error-taxonomy.js';
import { REDACTED } from './logger.js';

/** Typed access to configuration. Secret values never appear when the env is serialized. */
export interface Env<TValues extends Record<string, unknown> = Record<string, string | undefined>> {
  get<K extends keyof TValues & string>(key: K): TValues[K];
  /** Like `get`, but throws an internal (500) `ContractError` naming the key when the value is missing. */
  require<K extends keyof TValues & string>(key: K): NonNullable<TValues[K]>;
  isSecret(key: string): boolean;
  /** The raw secret values, for redaction by loggers. */
  secretValues(): readonly string[];
  /** Every value, with secrets replaced by `[REDACTED]`. */
  toJSON(): Record<string, unknown>;
}

export interface CreateEnvOptions<TSchema extends z.AnyZodObject | undefined> {
  /** Where values come from, usually `process.env`. */
  source: Record<string, string | undefined>;
  /** Parses and types the values; every problem is reported at once. */
  schema?: TSchema;
  /** Keys (or patterns) whose values are secrets. */
  secrets?: readonly (string | RegExp)[];
}

type EnvValues<TSchema> = TSchema extends z.AnyZodObject ? z.output<TSchema> : Record<string, string | undefined>;

/**
 * Typed, validated access to configuration. Values failing `schema` throw one `ValidationError`
 * listing every key; values of keys matching `secrets` are redacted when the env is serialized.
 * @example
 * const env = createEnv({ source: process.env, schema: z.object({ PORT: z.coerce.number().default(3000) }), secrets: [/TOKEN|SECRET|PASSWORD/] });
 * env.get('PORT'); // number
 */
export function createEnv<TSchema extends z.AnyZodObject | undefined = undefined>(
  options: CreateEnvOptions<TSchema>,
): Env<EnvValues<TSchema>> {
  let values: Record<string, unknown> = { ...options.source };
  if (options.schema) {
    const parsed = options.schema.safeParse(options.source);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ part: 'env', path: i.path, message: i.message }));
      throw new ValidationError(`[env] ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { details: issues });
    }
    values = parsed.data;
  }
  const patterns = options.secrets ?? [];
  const isSecret = (key: string) => patterns.some((p) => (typeof p === 'string' ? p === key : p.test(key)));

  return {
    get: (key) => values[key] as never,
    require: (key) => {
      const value = values[key];
      if (value === undefined || value === null || value === '') {
        // The server's configuration is at fault, not the caller: a 500, whose message is never sent.
        throw new ContractError('internal', `[env] ${key} is required but not set`, { details: [{ part: 'env', path: [key], message: 'Required' }] });
      }
      return value as never;
    },
    isSecret,
    secretValues: () =>
      Object.entries(values)
        .filter(([key, value]) => isSecret(key) && value !== undefined && value !== null && String(value) !== '')
        .map(([, value]) => String(value)),
    toJSON: () => Object.fromEntries(Object.entries(values).map(([key, value]) => [key, isSecret(key) ? REDACTED : value])),
  };
}
