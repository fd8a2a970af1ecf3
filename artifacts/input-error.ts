/**
 * A problem with the user's input (a config file, an entry, an export), printed without a stack.
 * It carries `usage: true`, so the CLI exits 2 on it as it does on a bad flag.
 */
export class ArtifactInputError extends Error {
  readonly usage = true;
  constructor(message: string) {
    super(message);
    this.name = 'ArtifactInputError';
  }
}
