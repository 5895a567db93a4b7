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
  const where = p.line === undefined ? oneLine(p.file) : `${oneLine(p.file)}:${p.line}`;
  return p.path ? `${where}: ${oneLine(p.path)}: ${oneLine(p.message)}` : `${where}: ${oneLine(p.message)}`;
}

const MAX_MESSAGE = 300;

/** Control characters escaped and length capped, so one problem is always one short line. */
function oneLine(s: string): string {
  const flat = s.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE)}…` : flat;
}

export function pathText(path: readonly PropertyKey[]): string {
  return path.map((k) => String(k)).join('.');
}
