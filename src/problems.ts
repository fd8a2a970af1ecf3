import type { ZodIssue } from 'zod';
import { ValidationError } from './error-taxonomy.js';

/** One problem found while checking a definition, with where it was found. */
export interface Problem {
  /** Dotted location, such as `routes[2].path` or `accounts.get`. */
  at: string;
  message: string;
}

/** Collects problems so a check can report every one of them in a single error. */
export class ProblemList {
  readonly items: Problem[] = [];

  add(at: string, message: string): void {
    this.items.push({ at, message });
  }

  addZodIssues(prefix: string, issues: readonly ZodIssue[]): void {
    for (const issue of issues) {
      const at = issue.path.reduce<string>(
        (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : String(key)),
        prefix,
      );
      this.add(at, issue.message);
    }
  }

  /**
   * Throws one `ValidationError` listing every problem, each on its own line.
   * @param component prefixes the message, e.g. `module` gives `[module] ...`
   */
  throwIfAny(component: string, subject: string): void {
    if (this.items.length === 0) return;
    const count = this.items.length === 1 ? '1 problem' : `${this.items.length} problems`;
    const lines = this.items.map((p) => `  - ${p.at}: ${p.message}`).join('\n');
    throw new ValidationError(`[${component}] ${subject}: ${count}\n${lines}`, { details: this.items });
  }
}
