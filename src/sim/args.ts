// Command-line arguments and doctrine loading shared by the sim and study tools.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHAIRS, type Chair } from '../scenario/schema.js';
import { isDoctrine, type Doctrine } from './doctrine.js';
import { DOCTRINES, doctrineByName } from './doctrines/index.js';
import { seatAll, type Seating } from './play.js';

export class UsageError extends Error {}

export function parseArgs(
  argv: readonly string[],
  flags: readonly string[],
  valued: readonly string[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument '${a}'`);
    const [key, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (flags.includes(key)) out.set(key, 'true');
    else if (valued.includes(key)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`--${key} needs a value`);
      out.set(key, v);
    } else throw new UsageError(`unknown option --${key}`);
  }
  return out;
}

export function intArg(args: Map<string, string>, key: string, dflt: number, min: number, max: number): number {
  const v = args.get(key);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${key} must be a whole number from ${min} to ${max}, got '${v}'`);
  return n;
}

/** A built-in doctrine by name, or an ES module file whose default export is a Doctrine. */
export async function loadDoctrine(nameOrPath: string): Promise<Doctrine> {
  const builtin = doctrineByName(nameOrPath);
  if (builtin) return builtin;
  const path = resolve(nameOrPath);
  if (!existsSync(path))
    throw new UsageError(
      `no doctrine '${nameOrPath}': built in are ${Object.keys(DOCTRINES).join(', ')}; or give a file path`,
    );
  let mod: unknown;
  try {
    mod = await import(pathToFileURL(path).href);
  } catch (e) {
    throw new UsageError(`${nameOrPath}: cannot load: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const d = (mod as { default?: unknown }).default;
  if (!isDoctrine(d))
    throw new UsageError(
      `${nameOrPath}: the default export is not a doctrine (needs name, adoptMandate, reviewMandate, choose, strategy, plan, revise)`,
    );
  return d;
}

/**
 * `--doctrine X` for every chair, and `--srsg Y --force Z …` per chair. `--doctrine all` plays
 * game i with the i-th built-in doctrine in turn, for varied play when checking a scenario's content.
 */
export async function loadSeating(
  args: Map<string, string>,
  dflt: string,
): Promise<{ seats: Seating | ((game: number) => Seating); label: string }> {
  if (args.get('doctrine') === 'all') {
    const names = Object.keys(DOCTRINES);
    return { seats: (i: number) => seatAll(DOCTRINES[names[i % names.length]!]!), label: 'all' };
  }
  const base = await loadDoctrine(args.get('doctrine') ?? dflt);
  const seats: Partial<Record<Chair, Doctrine>> = {};
  const parts: string[] = [];
  for (const c of CHAIRS) {
    const name = args.get(c);
    seats[c] = name ? await loadDoctrine(name) : base;
    if (name) parts.push(`${c}=${seats[c]!.name}`);
  }
  return { seats, label: [base.name, ...parts].join(' ') };
}
