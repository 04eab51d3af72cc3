/** Typed errors that carry where the problem is; the edges turn them into messages and annotations. */

export interface Location {
  file: string;
  line?: number;
  column?: number;
  /** Dotted or pointer path of the offending key, when known. */
  key?: string;
}

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** Stable machine code, e.g. `yaml-syntax`, `schema`, `inspect-version`. */
    readonly code: string,
    message: string,
    readonly location: Location,
    /** What the user can do about it. */
    readonly hint?: string,
  ) {
    super(message);
  }

  /** `file:line:column: message (key) — hint` */
  describe(): string {
    const { file, line, column, key } = this.location;
    const where = [file, line, line !== undefined ? column : undefined]
      .filter((part) => part !== undefined)
      .join(':');
    const keyPart = key ? ` (at ${key})` : '';
    const hint = this.hint ? ` — ${this.hint}` : '';
    return `${where}: ${this.message}${keyPart}${hint}`;
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}

/**
 * The place files come from could not be reached (an API that kept failing): not a fault of any
 * file, so it stops the run, which fails closed and says to retry, instead of blaming a file.
 */
export class SourceUnavailableError extends Error {}
