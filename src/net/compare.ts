// The teams side by side: how far each got, their key decisions (the mandate, the strategy month by month) and, once a
// game is over, its outcome against the pass mark for the length it was played. Pure: the server makes the public rows
// (the projector's comparison: nothing a projector could not see), the facilitator's page adds the live true score.
import { lastTurn, scoreOf, thresholdOf, type GameState, type Outcome, type Phase } from '../engine/index.js';
import type { Scenario } from '../scenario/schema.js';
import type { SessionStatus } from './protocol.js';

export interface TeamRow {
  readonly session: string;
  readonly team: string;
  readonly scenario: string;
  readonly seed: number;
  /** The game's length in months, and the month it has reached. */
  readonly months: number;
  readonly turn: number;
  readonly phase: Phase;
  readonly status: SessionStatus;
  /** The mandate's tasks in force, and how many the scenario offers. */
  readonly mandate: readonly string[];
  readonly tasks: number;
  /** The strategy of each month played, in order (one entry per month). */
  readonly strategies: readonly string[];
  /** Once over: the result, the score and the pass mark it was held to. */
  readonly outcome: {
    readonly result: Outcome['result'];
    readonly score: number;
    readonly threshold: number;
    readonly end: string | null;
    readonly dimensions: Outcome['dimensions'];
  } | null;
  /** The facilitator's only: the score as the true state stands now, and the mark it would be held to. */
  readonly live?: { readonly score: number; readonly threshold: number; readonly dimensions: Outcome['dimensions'] };
}

export interface TeamFacts {
  readonly session: string;
  readonly team: string;
  readonly seed: number;
  readonly status: SessionStatus;
}

/** A team's row from its true state. `truth` adds the live score (never in a public row: it reads hidden numbers). */
export function teamRow(f: TeamFacts, s: GameState, scn: Scenario, truth: boolean): TeamRow {
  const strategies = s.log.flatMap((a) => (a.type === 'strategy/set' ? [a.strategy] : []));
  const o = s.outcome;
  const row: TeamRow = {
    session: f.session,
    team: f.team,
    scenario: scn.id,
    seed: f.seed,
    months: lastTurn(s, scn),
    turn: s.turn,
    phase: s.phase,
    status: f.status,
    mandate: [...s.mandate],
    tasks: scn.mandate.tasks.length,
    strategies,
    outcome: o
      ? { result: o.result, score: o.score, threshold: thresholdOf(s, scn), end: o.end, dimensions: o.dimensions }
      : null,
  };
  if (!truth) return row;
  const now = scoreOf(s, scn);
  return { ...row, live: { score: now.score, threshold: thresholdOf(s, scn), dimensions: now.dimensions } };
}

/** Consecutive months with the same strategy, as [strategy, months]: the story of a team's choices in a few words. */
export function strategyRuns(strategies: readonly string[]): [string, number][] {
  const out: [string, number][] = [];
  for (const s of strategies) {
    const last = out.at(-1);
    if (last && last[0] === s) last[1]++;
    else out.push([s, 1]);
  }
  return out;
}

/** One CSV field: quoted when it holds a comma, a quote or a line break; a leading =, +, - or @ is defused. */
function csvField(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A table as CSV (RFC 4180, CRLF line ends). */
export function toCsv(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [head, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A table as Markdown; cells have their pipes and line breaks escaped. */
export function toMarkdown(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => String(v).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const line = (r: readonly (string | number)[]) => `| ${r.map(cell).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n') + '\n';
}
