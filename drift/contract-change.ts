import type { ContractRuleId } from './contract-rules.js';
import type { SchemaChange } from './diff-schemas.js';
import type { ChangeSeverity, RuleId } from './rules.js';

/** What a change belongs to, for grouping a report. */
export type ChangeSubjectKind = 'operation' | 'event' | 'view' | 'manifest' | 'schema';

/** One change between two artifact sets. `path` is a JSON Pointer into the artifact set (`/paths/...`, `/schemas/<file>/...`, `/manifest/...`). */
export interface ContractChange {
  rule: RuleId | ContractRuleId;
  severity: ChangeSeverity;
  path: string;
  message: string;
  kind: ChangeSubjectKind;
  /** The operation, event, view or file the change is in: `GET /accounts/{id} (accountsGet)`. */
  subject: string;
  /** Set when an ignore entry accepts this break on purpose: the entry's reason. */
  accepted?: string;
}

export interface ContractDiff {
  /** Whether any breaking change is left that no ignore entry accepts. */
  breaking: boolean;
  changes: ContractChange[];
}

/** Collects changes for one subject. */
export class ChangeSink {
  readonly changes: ContractChange[] = [];

  add(kind: ChangeSubjectKind, subject: string, change: { rule: RuleId | ContractRuleId; severity: ChangeSeverity; path: string; message: string }): void {
    this.changes.push({ ...change, kind, subject });
  }

  addSchema(kind: ChangeSubjectKind, subject: string, changes: SchemaChange[]): void {
    for (const change of changes) this.add(kind, subject, change);
  }
}
