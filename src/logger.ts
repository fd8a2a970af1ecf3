export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

/** Structured logger. `with()` returns a child that adds its fields to every line. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  with(fields: LogFields): Logger;
}

export interface LogRecord extends LogFields {
  level: LogLevel;
  message: string;
  time: string;
}

export interface CreateLoggerOptions {
  /** Lines below this level are dropped. @default 'info' */
  level?: LogLevel;
  /** Where finished lines go. @default one JSON line per record on the console */
  sink?: (line: string, record: LogRecord) => void;
  /** Values that must never appear in a line, such as secrets from an `Env`. Replaced by `[REDACTED]`. */
  redact?: () => readonly string[];
  fields?: LogFields;
  now?: () => Date;
}

export const REDACTED = '[REDACTED]';

/** A JSON-lines logger with levels, child fields and secret redaction. */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level ?? 'info');
  const sink = options.sink ?? ((line) => console.log(line));
  const now = options.now ?? (() => new Date());

  const make = (bound: LogFields): Logger => {
    const write = (level: LogLevel, message: string, fields?: LogFields): void => {
      if (LOG_LEVELS.indexOf(level) < threshold) return;
      const record: LogRecord = { level, time: now().toISOString(), message, ...bound, ...fields };
      for (const [key, value] of Object.entries(record)) if (value instanceof Error) record[key] = serializeError(value);
      let line = JSON.stringify(record);
      const secrets = options.redact?.() ?? [];
      let redacted = false;
      for (const secret of secrets) {
        if (secret.length === 0) continue;
        const next = line.split(JSON.stringify(secret).slice(1, -1)).join(REDACTED);
        redacted ||= next !== line;
        line = next;
      }
      // A sink that reads the record must not see what the line hides.
      sink(line, redacted ? (JSON.parse(line) as LogRecord) : record);
    };
    return {
      debug: (m, f) => write('debug', m, f),
      info: (m, f) => write('info', m, f),
      warn: (m, f) => write('warn', m, f),
      error: (m, f) => write('error', m, f),
      with: (fields) => make({ ...bound, ...fields }),
    };
  };
  return make(options.fields ?? {});
}

/**
 * An error as a log wants it: name, message, stack and cause chain. Taxonomy errors keep their code
 * and status; their `toJSON()` (the client's view, with no stack) is not used here.
 */
function serializeError(error: Error, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = { name: error.name, message: error.message };
  const { code, status, details } = error as Error & { code?: unknown; status?: unknown; details?: unknown };
  if (code !== undefined) out.code = code;
  if (status !== undefined) out.status = status;
  if (details !== undefined) out.details = details;
  if (error.stack) out.stack = error.stack;
  if (error.cause !== undefined && depth < 5) out.cause = error.cause instanceof Error ? serializeError(error.cause, depth + 1) : error.cause;
  return out;
}

/** A logger that writes nothing. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, with: () => silentLogger };
