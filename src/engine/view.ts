// viewFor: what one chair sees of the true state, through the fog of the mission's analysis.
import { CORE_INDICATORS, type Chair, type IndicatorId, type MechanicId } from '../scenario/constants.js';
import type { Scenario } from '../scenario/schema.js';
import { firstEntryOfTurn, fogSpread, knownTo, memoSeen, seenTable, sightMemo, type Seen } from './knowledge.js';
import { isEstimated, tracksOf } from './tracks.js';
import type { Reader } from './conditions.js';
import { deepFreeze, isFreezing } from './freeze.js';
import { warned } from './phases/sitrep.js';
import { indexOf } from './scenario-index.js';
import { ledgerTape, type Tape } from './tape.js';
import { Recent } from './recent.js';
import type {
  Agreement,
  Conflict,
  Deployment,
  FiredEvent,
  GameState,
  LedgerEntry,
  Outcome,
  Phase,
  PlanItem,
  Track,
  UnitState,
} from './types.js';

export { fogSpread, type Seen };

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
  /** The game's length when set shorter than the scenario's (everyone may know it). */
  readonly months?: number;
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
  /**
   * The situations in force and how many times each mechanic of a broken lesson has weighed on the mission: every
   * chair sees them, since conditions read them (a card's legality, an event), and a condition must read nothing the
   * chair is not shown but the hidden numbers behind its estimates.
   */
  readonly flags: readonly string[];
  readonly tally: Readonly<Partial<Record<MechanicId, number>>>;
}

export interface ViewOptions {
  /** Include ledger entries from this turn on (default 0: all). Bots that never read history pass the current turn. */
  readonly ledgerFrom?: number;
}

const NO_TALLY: Readonly<Partial<Record<MechanicId, number>>> = Object.freeze({});

export function viewFor(s: GameState, scn: Scenario, viewer: Chair, opts: ViewOptions = {}): ChairView {
  const idx = indexOf(scn);
  const over = s.phase === 'over';
  const numbers = memoSeen(s, scn, seenNumbers, sharedNumbers);
  const { indicators, violence, actors } = numbers;
  const revealed = isRevealed(s);
  const plans = plansSeen(s, idx.chairs, viewer, revealed);
  const ledger = seenLedger(s, scn, opts.ledgerFrom ?? 0);
  return {
    viewer,
    turn: s.turn,
    phase: s.phase,
    ...(s.months !== undefined ? { months: s.months } : {}),
    indicators,
    violence,
    actors,
    units: s.units,
    deployments: s.deployments,
    mandate: s.mandate,
    strategy: s.strategy,
    fired: s.fired,
    pendingChoices: s.pendingChoices,
    // Judged on what this chair may know (the state's list is judged on the truth); the month's opening list once over.
    warnings: over || s.turn < 1 ? s.warnings : warnedTo(s, scn, viewer, numbers),
    plans,
    conflicts: revealed ? s.conflicts : [],
    agreement: s.agreement,
    ledger,
    outcome: s.outcome,
    flags: s.flags,
    tally: s.tally ?? NO_TALLY,
  };
}

/**
 * The fields of a chair's view that are the state's own, shown as they are or hidden whole (other chairs' plans before
 * the reveal, the conflicts): the view but its numbers (read through the chair's knowledge), its warnings (judged on
 * them) and its ledger, which are what a view costs. A ChairView is one.
 */
export type ChairBoard = Omit<ChairView, 'indicators' | 'violence' | 'actors' | 'warnings' | 'ledger'>;

/**
 * What `viewFor` would show of the board, without building the rest of the view: the bots' planner reads the turn, the
 * strategy, the agreement, the units and the plans of every decision, and the numbers one at a time (knowledge.ts
 * `knownTo`). Each field is the view's (the same objects); tests/engine/view-sharing checks they stay so.
 */
export function boardFor(s: GameState, scn: Scenario, viewer: Chair): ChairBoard {
  return new Board(s, indexOf(scn).chairs, viewer);
}

/**
 * A board made by a constructor rather than a literal with the view's `...months` spread in it (a literal built past a
 * spread adds its later fields one by one): one shape for every board, the game's length set after the rest when set.
 */
class Board implements ChairBoard {
  readonly viewer: Chair;
  readonly turn: number;
  readonly phase: Phase;
  declare readonly months?: number;
  readonly units: ChairBoard['units'];
  readonly deployments: readonly Deployment[];
  readonly mandate: readonly string[];
  readonly strategy: string | null;
  readonly fired: readonly FiredEvent[];
  readonly pendingChoices: readonly string[];
  readonly plans: ChairBoard['plans'];
  readonly conflicts: readonly Conflict[];
  readonly agreement: Agreement;
  readonly outcome: Outcome | null;
  readonly flags: readonly string[];
  readonly tally: ChairBoard['tally'];

  constructor(s: GameState, chairs: readonly Chair[], viewer: Chair) {
    const revealed = isRevealed(s);
    this.viewer = viewer;
    this.turn = s.turn;
    this.phase = s.phase;
    this.units = s.units;
    this.deployments = s.deployments;
    this.mandate = s.mandate;
    this.strategy = s.strategy;
    this.fired = s.fired;
    this.pendingChoices = s.pendingChoices;
    this.plans = plansSeen(s, chairs, viewer, revealed);
    this.conflicts = revealed ? s.conflicts : [];
    this.agreement = s.agreement;
    this.outcome = s.outcome;
    this.flags = s.flags;
    this.tally = s.tally ?? NO_TALLY;
    if (s.months !== undefined) (this as { months?: number }).months = s.months;
  }
}

/** Whether every chair sees the plans and the conflicts: from coordination's reveal, and once the game is over. */
const isRevealed = (s: GameState): boolean => s.phase === 'coordination' || s.phase === 'over';

/** The plans as `viewer` sees them: its own, and the others' once revealed (else as closed). */
function plansSeen(
  s: GameState,
  chairs: readonly Chair[],
  viewer: Chair,
  revealed: boolean,
): Partial<Record<Chair, SeenPlan>> {
  const plans: Partial<Record<Chair, SeenPlan>> = {};
  for (const c of chairs) plans[c] = seenPlan(c, s.plans[c], c === viewer || revealed, c === viewer);
  return plans;
}

/**
 * Each chair's plan as last seen, open and closed: plans are replaced, never written, so the same plan object looks
 * the same, and a chair's plan changes only when that chair acts (a view between two of its actions finds it here).
 * One entry a chair rather than one a plan: a weak map entry for every plan of a game costs the collector more
 * than the few plans it would keep. Which one a viewer gets (open or closed) is decided per view (`seenPlan`).
 */
const lastPlans = new Map<Chair, { readonly plan: object; open?: SeenPlan; closed?: SeenPlan }>();
const NO_PLAN_OWN: SeenPlan = deepFreeze({ committed: false, confirmed: false, revised: false, items: [], note: null });
const NO_PLAN: SeenPlan = Object.freeze({
  committed: false,
  confirmed: false,
  revised: false,
  items: null,
  note: null,
});

function seenPlan(c: Chair, p: GameState['plans'][Chair], open: boolean, own: boolean): SeenPlan {
  if (!p) return own ? NO_PLAN_OWN : NO_PLAN;
  let kept = lastPlans.get(c);
  if (kept?.plan !== p) lastPlans.set(c, (kept = { plan: p }));
  if (open)
    return (kept.open ??= frozen({
      committed: p.committed,
      confirmed: p.confirmed,
      revised: p.revised,
      items: p.items,
      note: p.note,
    }));
  return (kept.closed ??= frozen({
    committed: p.committed,
    confirmed: p.confirmed,
    revised: p.revised,
    items: null,
    note: null,
  }));
}

/** What the event conditions behind the warnings read of the state, besides the estimates: kept with the list. */
interface Warned {
  readonly from: {
    readonly [K in 'fired' | 'flags' | 'strategy' | 'mandate' | 'agreement' | 'units' | 'tally' | 'months']:
      GameState[K] | undefined;
  };
  readonly warnings: readonly string[];
}

/**
 * The warnings a chair's estimates give (`warned` on its knowledge), made once for every state that shares the
 * estimates and what event conditions read: a plan edit changes neither, so the views in one phase share it, and so do
 * the chairs that share their knowledge (knowledge.ts `knownTo`: one reader for the chairs that know alike).
 */
function warnedTo(s: GameState, scn: Scenario, viewer: Chair, numbers: Numbers): readonly string[] {
  // Kept by the numbers seen (the view's, shared by the states of a month that see the same: `sharedNumbers`), which
  // are all the warnings read of the estimates, then by the reader they are read through.
  const read = knownTo(s, scn, viewer);
  let byReader = warnedLists.get(numbers);
  if (!byReader) warnedLists.set(numbers, (byReader = new Map()));
  const hit = byReader.get(read);
  if (
    hit &&
    hit.from.fired === s.fired &&
    hit.from.flags === s.flags &&
    hit.from.strategy === s.strategy &&
    hit.from.mandate === s.mandate &&
    hit.from.agreement === s.agreement &&
    hit.from.units === s.units &&
    hit.from.tally === s.tally &&
    hit.from.months === s.months
  )
    return hit.warnings;
  const warnings = frozen(warned(s, scn, read));
  const { fired, flags, strategy, mandate, agreement, units, tally, months } = s;
  byReader.set(read, { from: { fired, flags, strategy, mandate, agreement, units, tally, months }, warnings });
  return warnings;
}

/** warnedTo's lists by the numbers they were judged on (the last few: recent.ts), then by the reader. */
const warnedLists = new Recent<object, Map<Reader, Warned>>(8);

type Numbers = Pick<ChairView, 'indicators' | 'violence' | 'actors'>;

/** The numbers last made in a sight, with the table they were made from. */
interface KeptNumbers {
  readonly list: readonly Seen[];
  readonly numbers: Numbers;
}

/**
 * seenNumbers, shared by the states of a month that see the same estimates (an event's chosen option is held back
 * to the next month, so deciding one changes no number a chair sees): the same object while every estimate is, and
 * the same records (indicators, violence, actors) while theirs are.
 */
function sharedNumbers(s: GameState, scn: Scenario): Numbers {
  const list = seenTable(s, scn);
  if (s.phase === 'over') return frozen(seenNumbers(s, scn, list));
  const memo = sightMemo(s, scn);
  const prev = memo.get(sharedNumbers) as KeptNumbers | undefined;
  if (prev && sameList(prev.list, list, 0, list.length)) return prev.numbers;
  const numbers = frozen(seenNumbers(s, scn, list, prev));
  memo.set(sharedNumbers, { list, numbers } satisfies KeptNumbers);
  return numbers;
}

/**
 * Whether two lists of the table's numbers are alike from `from` to `to` (numbers seen alike in one sight are mostly
 * the same object).
 */
function sameList(a: readonly Seen[], b: readonly Seen[], from: number, to: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = from; i < to; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.value !== y.value || x.spread !== y.spread)) return false;
  }
  return true;
}

/**
 * The numbers a chair sees, from the table of every number as seen (knowledge.ts `seenTable`, which the rules also
 * read to judge this chair's choices, in the table's order: indicators, violence by region, each actor's stance and
 * strength). They depend on the estimates alone, so states that see the same numbers share them (memoSeen).
 */
function seenNumbers(s: GameState, scn: Scenario, list: readonly Seen[], prev?: KeptNumbers): Numbers {
  const over = s.phase === 'over';
  const tr = tracksOf(scn);
  // A record of the numbers made before from a table that saw its part alike is kept (the actors' also reads analysis).
  const kept = (from: number, to: number) => prev !== undefined && sameList(prev.list, list, from, to);
  let indicators: Record<IndicatorId, Seen>;
  if (prev && kept(0, tr.violenceAt)) indicators = prev.numbers.indicators;
  else {
    let at = 0;
    indicators = {} as Record<IndicatorId, Seen>;
    for (const k of CORE_INDICATORS) indicators[k] = list[at++]!;
  }
  let violence: Record<string, Seen>;
  if (prev && kept(tr.violenceAt, tr.actorsAt)) violence = prev.numbers.violence;
  else {
    let at = tr.violenceAt;
    violence = {};
    for (const r of scn.regions) violence[r.id] = list[at++]!;
  }
  const analysis = indicators.analysis.value;
  let actors: Record<string, SeenActor>;
  if (prev && kept(tr.actorsAt, list.length) && prev.numbers.indicators.analysis.value === analysis)
    actors = prev.numbers.actors;
  else {
    let at = tr.actorsAt;
    actors = {};
    for (const a of scn.actors) {
      const stance = list[at++]!;
      const strength = list[at++]!;
      actors[a.id] = {
        stance,
        strength,
        intentKnown: over || (a.intent !== undefined && analysis >= a.intentVisibleAt),
      };
    }
  }
  return { indicators, violence, actors };
}

/**
 * The ledger's entries from turn `from` on, as a chair sees them; kept for the last few ledgers (recent.ts), so that
 * unchanged ones are not rebuilt.
 */
const seenLedgers = new Recent<
  Tape<LedgerEntry>,
  { readonly scn: Scenario; readonly from: number; readonly over: boolean; readonly entries: readonly SeenEntry[] }
>(8);

/**
 * Each entry of a ledger's buffer as a chair sees it while the game runs, made once: the states of a game share the
 * buffer (tape.ts), so a new entry costs one seen entry, not a pass over the ledger.
 */
const seenBuffers = new WeakMap<readonly LedgerEntry[], { readonly scn: Scenario; readonly seen: SeenEntry[] }>();

/**
 * An entry as seen, made with `new` rather than as a literal: the entries seen while the game runs are kept for the
 * whole game (`seenBuffers`), and V8 moves the allocation of a literal whose objects outlive a young collection to the
 * old generation, where each cost several times a young one (a bot game's views spent about half as long on their
 * ledgers made this way). A constructor's objects are made young.
 */
class SeenLedgerEntry implements SeenEntry {
  readonly turn: number;
  readonly track: Track;
  readonly delta: number | null;
  readonly direction: 'up' | 'down';
  readonly cause: LedgerEntry['cause'];
  readonly lessons: readonly string[];

  constructor(scn: Scenario, e: LedgerEntry, over: boolean) {
    this.turn = e.turn;
    this.track = e.track;
    this.delta = over || !isEstimated(scn, e.track) ? e.delta : null;
    this.direction = e.delta > 0 ? 'up' : 'down';
    this.cause = e.cause;
    this.lessons = e.lessons;
  }
}

function seenLedger(s: GameState, scn: Scenario, from: number): readonly SeenEntry[] {
  const over = s.phase === 'over';
  const ledger = ledgerTape(s);
  const hit = seenLedgers.get(ledger);
  if (hit && hit.scn === scn && hit.from === from && hit.over === over) return hit.entries;
  const firstIdx = from <= 0 ? 0 : firstEntryOfTurn(ledger.items, from, ledger.length);
  let entries: SeenEntry[];
  if (over) {
    entries = [];
    for (let i = firstIdx; i < ledger.length; i++) entries.push(new SeenLedgerEntry(scn, ledger.items[i]!, true));
  } else {
    let buf = seenBuffers.get(ledger.items);
    if (!buf || buf.scn !== scn) {
      buf = { scn, seen: [] };
      seenBuffers.set(ledger.items, buf);
    }
    const seen = buf.seen;
    for (let i = seen.length; i < ledger.length; i++)
      seen.push(frozen(new SeenLedgerEntry(scn, ledger.items[i]!, false)));
    entries = seen.slice(firstIdx, ledger.length);
  }
  seenLedgers.set(ledger, { scn, from, over, entries: frozen(entries) });
  return entries;
}

/** Parts of views shared between calls are frozen where states are (under tests), so a caller that writes to one throws. */
const frozen = <T>(v: T): T => (isFreezing() ? deepFreeze(v) : v);

/** What the facilitator sees: the true state and every chair's view of it, side by side. */
export function facilitatorView(
  s: GameState,
  scn: Scenario,
): { readonly truth: GameState; readonly chairs: Readonly<Partial<Record<Chair, ChairView>>> } {
  return { truth: s, chairs: Object.fromEntries(indexOf(scn).chairs.map((c) => [c, viewFor(s, scn, c)])) };
}
