// viewFor: what one chair sees of the true state, through the fog of the mission's analysis.
import { CORE_INDICATORS, type Chair, type IndicatorId } from '../scenario/constants.js';
import type { Scenario } from '../scenario/schema.js';
import { hashUnit } from './rng.js';
import { indexOf } from './scenario-index.js';
import type { Agreement, Conflict, Deployment, FiredEvent, GameState, Outcome, Phase, PlanItem, Track, UnitState } from './types.js';

/** A number as a chair sees it: exact, or an estimate with the spread of its possible error. */
export interface Seen {
  readonly value: number;
  /** 0 when exact; otherwise the estimate may be off by up to this much. */
  readonly spread: number;
}

export interface SeenActor {
  readonly stance: Seen;
  readonly strength: Seen;
  /** Whether the mission's analysis has uncovered this actor's real intention. */
  readonly intentKnown: boolean;
}

export interface SeenPlan {
  readonly committed: boolean;
  readonly confirmed: boolean;
  readonly revised: boolean;
  /** Hidden (null) until the plans are revealed in coordination, except a chair's own. */
  readonly items: readonly PlanItem[] | null;
  readonly note: string | null;
}

/** A ledger entry as a chair sees it: the amount is hidden where the number itself is estimated. */
export interface SeenEntry {
  readonly turn: number;
  readonly track: Track;
  readonly delta: number | null;
  readonly direction: 'up' | 'down';
  readonly cause: GameState['ledger'][number]['cause'];
  readonly lessons: readonly string[];
}

export interface ChairView {
  readonly viewer: Chair;
  readonly turn: number;
  readonly phase: Phase;
  readonly indicators: Readonly<Record<IndicatorId, Seen>>;
  readonly violence: Readonly<Record<string, Seen>>;
  readonly actors: Readonly<Record<string, SeenActor>>;
  readonly units: Readonly<Record<string, UnitState>>;
  readonly deployments: readonly Deployment[];
  readonly mandate: readonly string[];
  readonly strategy: string | null;
  readonly fired: readonly FiredEvent[];
  readonly pendingChoices: readonly string[];
  readonly warnings: readonly string[];
  readonly plans: Readonly<Partial<Record<Chair, SeenPlan>>>;
  readonly conflicts: readonly Conflict[];
  readonly agreement: Agreement;
  readonly ledger: readonly SeenEntry[];
  readonly outcome: Outcome | null;
}

/** How far an estimate may be off: the scenario's fog, shrinking as analysis grows. */
export function fogSpread(s: GameState, scn: Scenario): number {
  return Math.round((scn.mechanics.fog * (100 - s.indicators.analysis)) / 100);
}

function estimate(s: GameState, spread: number, key: string, v: number, lo: number, hi: number): Seen {
  if (spread === 0) return { value: v, spread: 0 };
  // Stateless noise keyed on seed, turn and what is seen: viewing never consumes the generator.
  const noise = Math.round((hashUnit(s.seed, s.turn, key) * 2 - 1) * spread);
  return { value: Math.min(hi, Math.max(lo, v + noise)), spread };
}

function isEstimated(scn: Scenario, t: Track): boolean {
  if (t.kind === 'indicator') return scn.indicators[t.id].observed === 'estimated';
  return t.kind !== 'implementation';
}

export interface ViewOptions {
  /** Include ledger entries from this turn on (default 0: all). Bots that never read history pass the current turn. */
  readonly ledgerFrom?: number;
}

export function viewFor(s: GameState, scn: Scenario, viewer: Chair, opts: ViewOptions = {}): ChairView {
  const idx = indexOf(scn);
  const over = s.phase === 'over';
  const spread = over ? 0 : fogSpread(s, scn);
  const memo = seenBefore(s, scn, spread);
  const indicators = memo?.indicators ?? Object.fromEntries(
    CORE_INDICATORS.map((k) => {
      const ind = scn.indicators[k];
      const exact = ind.observed === 'exact' || over;
      return [k, exact ? { value: s.indicators[k], spread: 0 } : estimate(s, spread, `i:${k}`, s.indicators[k], ind.min, ind.max)];
    }),
  ) as Record<IndicatorId, Seen>;
  const violence = memo?.violence ?? Object.fromEntries(scn.regions.map((r) => [r.id, estimate(s, spread, `v:${r.id}`, s.violence[r.id] ?? 0, 0, 100)]));
  const actors = memo?.actors ?? Object.fromEntries(
    scn.actors.map((a) => {
      const st = s.actors[a.id]!;
      return [
        a.id,
        {
          stance: estimate(s, spread, `s:${a.id}`, st.stance, -100, 100),
          // A group broken to nothing is plain to everyone (it has disarmed or scattered): no fog on a zero.
          // Legality reads the true strength (a defeated group is no target), so this keeps the legal list from telling more than the view.
          strength: st.strength === 0 ? { value: 0, spread: 0 } : estimate(s, spread, `t:${a.id}`, st.strength, 0, 100),
          intentKnown: over || (a.intent !== undefined && s.indicators.analysis >= a.intentVisibleAt),
        },
      ];
    }),
  );
  if (!memo) remember(s, scn, spread, { indicators, violence, actors });
  const revealed = s.phase === 'coordination' || over;
  const plans = Object.fromEntries(
    idx.chairs.map((c) => {
      const p = s.plans[c];
      const open = c === viewer || revealed;
      return [
        c,
        p
          ? { committed: p.committed, confirmed: p.confirmed, revised: p.revised, items: open ? p.items : null, note: open ? p.note : null }
          : { committed: false, confirmed: false, revised: false, items: c === viewer ? [] : null, note: null },
      ];
    }),
  );
  const from = opts.ledgerFrom ?? 0;
  const firstIdx = from <= 0 ? 0 : firstEntryOfTurn(s.ledger, from);
  const ledger = s.ledger.slice(firstIdx).map((e) => ({
    turn: e.turn,
    track: e.track,
    delta: over || !isEstimated(scn, e.track) ? e.delta : null,
    direction: e.delta > 0 ? ('up' as const) : ('down' as const),
    cause: e.cause,
    lessons: e.lessons,
  }));
  return {
    viewer,
    turn: s.turn,
    phase: s.phase,
    indicators,
    violence,
    actors,
    units: s.units,
    deployments: s.deployments,
    mandate: s.mandate,
    strategy: s.strategy,
    fired: s.fired,
    pendingChoices: s.pendingChoices,
    warnings: s.warnings,
    plans,
    conflicts: revealed ? s.conflicts : [],
    agreement: s.agreement,
    ledger,
    outcome: s.outcome,
  };
}

interface SeenNumbers {
  readonly indicators: ChairView['indicators'];
  readonly violence: ChairView['violence'];
  readonly actors: ChairView['actors'];
}
interface Memo extends SeenNumbers {
  readonly scn: Scenario;
  readonly violenceOf: GameState['violence'];
  readonly actorsOf: GameState['actors'];
  readonly seed: number;
  readonly turn: number;
  readonly spread: number;
  readonly over: boolean;
}
/**
 * The estimated numbers of the last view made from the same branches of a state. States share the
 * branches no action touched (step copies on write), so the views of every chair through a turn's
 * planning reuse one set of estimates; they depend on nothing else, and nobody writes them.
 */
const memos = new WeakMap<object, Memo>();

function seenBefore(s: GameState, scn: Scenario, spread: number): SeenNumbers | null {
  const m = memos.get(s.indicators);
  const same = m && m.scn === scn && m.violenceOf === s.violence && m.actorsOf === s.actors && m.seed === s.seed && m.turn === s.turn && m.spread === spread && m.over === (s.phase === 'over');
  return same ? m : null;
}

function remember(s: GameState, scn: Scenario, spread: number, seen: SeenNumbers): void {
  memos.set(s.indicators, { ...seen, scn, violenceOf: s.violence, actorsOf: s.actors, seed: s.seed, turn: s.turn, spread, over: s.phase === 'over' });
}

/** The index of the first ledger entry of a turn or later (entries are in turn order). */
function firstEntryOfTurn(ledger: GameState['ledger'], turn: number): number {
  let lo = 0;
  let hi = ledger.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ledger[mid]!.turn < turn) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the facilitator sees: the true state and every chair's view of it, side by side. */
export function facilitatorView(s: GameState, scn: Scenario): { readonly truth: GameState; readonly chairs: Readonly<Partial<Record<Chair, ChairView>>> } {
  return { truth: s, chairs: Object.fromEntries(indexOf(scn).chairs.map((c) => [c, viewFor(s, scn, c)])) };
}
