// Reads untrusted YAML into plain data, keeping what is needed to give problems a line number.
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { err, ok, pathText, type Problem, type Result } from './problems.js';

export const MAX_BYTES = 1_000_000;
export const MAX_DEPTH = 24;
const MAX_ALIASES = 100;
/** Values an alias-expanded file may hold in all; past this it is an alias bomb, whatever its size. */
const MAX_VALUES = 2_000_000;
/** Text nesting past which the parser itself (recursive) is not asked to read a file. */
const MAX_TEXT_NESTING = 64;
const MAX_INDENT = 256;

export interface Source {
  readonly file: string;
  readonly data: unknown;
  /** The line of the node at a path, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * Counts the work of readYaml's own walks over a file (a step per key checked, per value walked), so that tests can
 * hold them to linear work without timing anything.
 */
export interface Meter {
  steps: number;
}

export function readYaml(text: string, file: string, meter: Meter = { steps: 0 }): Result<Source, Problem[]> {
  if (text.length > MAX_BYTES) {
    return err([{ file, path: '', message: `file too large: ${text.length} characters, at most ${MAX_BYTES}` }]);
  }
  // The YAML parser recurses; a file nested thousands of levels deep could exhaust the stack or
  // worse. Measure nesting on the raw text first, without recursion.
  const nested = textNesting(text);
  if (nested)
    return err([
      {
        file,
        line: nested.line,
        path: '',
        message: `nested too deeply (more than ${MAX_DEPTH} levels are not allowed)`,
      },
    ]);
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
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
  const dup = duplicateKey(doc.contents, meter);
  if (dup)
    return err([
      {
        file,
        line: dup.node.range ? lines.linePos(dup.node.range[0]).line : undefined,
        path: '',
        message: `YAML: map keys must be unique; '${dup.key}' appears twice`,
      },
    ]);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return err([{ file, path: '', message: `YAML: ${describe(e)}` }]);
  }
  const deep = findTooDeep(data, MAX_DEPTH, meter);
  if (deep === 'too-many')
    return err([{ file, path: '', message: `more than ${MAX_VALUES} values once aliases are expanded` }]);
  if (deep) {
    return err([
      {
        file,
        line: lineAt(doc, lines, deep),
        path: pathText(deep),
        message: `nested more than ${MAX_DEPTH} levels deep`,
      },
    ]);
  }
  return ok({ file, data, lineOf: (path) => lineAt(doc, lines, path) });
}

/** The first line whose flow brackets, indentation or run of `- ` goes past what any scenario needs. */
function textNesting(text: string): { line: number } | null {
  let line = 1;
  let depth = 0;
  let quote: '"' | "'" | null = null;
  let lineStart = true;
  let indent = 0;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = true;
      indent = 0;
      dashes = 0;
      if (quote === "'") quote = null; // a broken single-quoted scalar: let the parser report it
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '\t') {
        if (++indent > MAX_INDENT) return { line };
        continue;
      }
      if (c === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        if (++dashes > MAX_TEXT_NESTING / 2) return { line };
        indent += 2;
        if (indent > MAX_INDENT) return { line };
        i++;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_TEXT_NESTING) return { line };
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return null;
}

/** A key that appears twice in one mapping; iterative, linear in the file's size. */
function duplicateKey(root: unknown, meter: Meter): { key: string; node: Node } | null {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    meter.steps++;
    if (isMap(n)) {
      const seen = new Set<string>();
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const k = isScalar(pair.key) ? String(pair.key.value) : null;
        if (k !== null) {
          meter.steps++;
          if (seen.has(k)) return { key: k.length > 60 ? `${k.slice(0, 60)}…` : k, node: pair.key as Node };
          seen.add(k);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(n)) {
      for (const item of n.items) stack.push(item);
    }
  }
  return null;
}

function lineAt(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    // a missing key: fall back to the nearest parent that exists
    const node: unknown = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/**
 * The path of a value nested deeper than `max`. An object that aliases share is walked again only
 * when reached deeper than before, so alias fan-out costs little and an alias cycle still ends.
 */
function findTooDeep(value: unknown, max: number, meter: Meter): PropertyKey[] | 'too-many' | null {
  const depthSeen = new Map<object, number>();
  const stack: { v: unknown; path: PropertyKey[] }[] = [{ v: value, path: [] }];
  let count = 0;
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (path.length > max) return path;
    meter.steps++;
    if (++count > MAX_VALUES) return 'too-many';
    if (v === null || typeof v !== 'object') continue;
    const before = depthSeen.get(v);
    if (before !== undefined && before >= path.length) continue;
    depthSeen.set(v, path.length);
    if (Array.isArray(v)) v.forEach((c, i) => stack.push({ v: c, path: [...path, i] }));
    else for (const [k, c] of Object.entries(v)) stack.push({ v: c, path: [...path, k] });
  }
  return null;
}

function describe(e: unknown): string {
  return firstLine(e instanceof Error ? e.message : String(e));
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
