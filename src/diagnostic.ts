/**
 * One finding about a contract that is not fatal on its own: a `warning` is reported and the kit
 * goes on; an `error` stops it. Plain data, so it can be logged, collected or printed as JSON.
 */
export interface Diagnostic {
  level: 'warning' | 'error';
  /** Where it was found: `route accounts.get`, `route accounts.get metadata.auth`. */
  at: string;
  message: string;
}

/** Receives each diagnostic as it is found. */
export type DiagnosticHandler = (diagnostic: Diagnostic) => void;

/** The default handler: writes a warning to stderr, prefixed with the component that found it. */
export function warnOnConsole(component: string): DiagnosticHandler {
  return (diagnostic) => console.warn(`[${component}] ${diagnostic.at}: ${diagnostic.message}`);
}
