// Reads untrusted YAML into plain data, keeping what is needed to give problems a line number.
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { err, ok, pathText, type Problem, type Result } from './problems.js';

export const MAX_BYTES = 1_000_000;
export const MAX_DEPTH = 24;
const MAX_ALIASES = 100;

export interface Source {
  readonly file: string;
  readonly data: unknown;
  /** The line of the node at a path, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export function readYaml(text: string, file: string): Result<Source, Problem[]> {
  if (text.length > MAX_BYTES) {
    return err([{ file, path: '', message: `file too large: ${text.length} characters, at most ${MAX_BYTES}` }]);
  }
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    return err([{ file, path: '', message: `not readable as YAML: ${describe(e)}` }]);
  }
  if (doc.errors.length > 0) {
    return err(
      doc.errors.slice(0, 20).map((e) => ({
        file,
        line: lines.linePos(e.pos[0]).line,
        path: '',
        message: `YAML: ${firstLine(e.message)}`,
      })),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return err([{ file, path: '', message: `YAML: ${describe(e)}` }]);
  }
  const deep = findTooDeep(data, MAX_DEPTH);
  if (deep) {
    return err([{ file, line: lineAt(doc, lines, deep), path: pathText(deep), message: `nested more than ${MAX_DEPTH} levels deep` }]);
  }
  return ok({ file, data, lineOf: (path) => lineAt(doc, lines, path) });
}

function lineAt(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    if (n > 0) {
      // a missing key: point at the map that should hold it
      continue;
    }
  }
  return undefined;
}

function findTooDeep(value: unknown, max: number): PropertyKey[] | null {
  const stack: { v: unknown; path: PropertyKey[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (path.length > max) return path;
    if (Array.isArray(v)) v.forEach((c, i) => stack.push({ v: c, path: [...path, i] }));
    else if (v !== null && typeof v === 'object') {
      for (const [k, c] of Object.entries(v)) stack.push({ v: c, path: [...path, k] });
    }
  }
  return null;
}

function describe(e: unknown): string {
  return firstLine(e instanceof Error ? e.message : String(e));
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
