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
      let line = JSON.stringify(record, errorReplacer);
      for (const secret of options.redact?.() ?? []) {
        if (secret.length > 0) line = line.split(JSON.stringify(secret).slice(1, -1)).join(REDACTED);
      }
      sink(line, record);
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

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** A logger that writes nothing. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, with: () => silentLogger };
