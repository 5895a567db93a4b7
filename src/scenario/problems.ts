// Problems found in a file, and the Result type that parsers return instead of throwing.

/** One thing wrong with an input file, located as precisely as the parser allows. */
export interface Problem {
  readonly file: string;
  /** 1-based line, where known. */
  readonly line?: number | undefined;
  /** Dotted path of the field, such as `actors.3.stance`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
}

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** `FILE:LINE: path: message`, the one-line form the validator prints. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

export function pathText(path: readonly PropertyKey[]): string {
  return path.map((k) => String(k)).join('.');
}
