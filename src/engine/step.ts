// step: the only path by which the game state changes. A refused action leaves the state untouched.
import type { Chair, Scenario } from '../scenario/schema.js';
import { applyEffects } from './effects.js';
import { change } from './ledger.js';
import { checkAllowed } from './legal.js';
import { assess, outcomeOf } from './phases/assessment.js';
import { detectConflicts } from './phases/coordination.js';
import { resolve } from './phases/resolution.js';
import { beginTurn, chooseEventOption, EMPTY_PLAN } from './phases/sitrep.js';
import { isSecret, seedSecret } from './fog.js';
import { startingOffsets } from './knowledge.js';
import { seedRng, seedWorld } from './rng.js';
import { indexOf } from './scenario-index.js';
import { isAction } from './action-shape.js';
import { deepFreeze, isFreezing } from './freeze.js';
import { appendTapes, collectorOf, sealedCopy, shallowCopy, tapesFor, workingCopy, type Tape } from './tape.js';
import { councilGrants, penholderCuts, policyCommittee } from './mechanics/council.js';
import {
  STATE_FORMAT,
  type Action,
  type GameKeys,
  type DraftState,
  type EngineEvent,
  type GameState,
  type LedgerEntry,
  type Rejection,
  type StepResult,
} from './types.js';

/**
 * A new game of a scenario, waiting for the SRSG to adopt the mandate. `keys.secret` keys the fog (fog.ts) and
 * `keys.world` the world's chance and true starting values (rng.ts, knowledge.ts): a game that people play gets them
 * made with crypto randomness (`secretFromBytes`; a facilitated room shares one world key per seed). A string is the
 * secret alone, with the world derived from the seed; without keys both are derived from the seed, which is right
 * for simulations and tests but lets anyone who knows the seed see through the fog. `world: null` makes a game of
 * format 2 (before keyed draws), for saves and sessions from then.
 */
export function newGame(scn: Scenario, seed: number, keys?: string | GameKeys): GameState {
  const s = seed >>> 0;
  const secret = typeof keys === 'string' ? keys : (keys?.secret ?? seedSecret(s));
  const world = typeof keys === 'object' ? keys.world : seedWorld(s);
  if (!isSecret(secret)) throw new Error('a game secret is 32 hex digits');
  if (world !== null && !isSecret(world)) throw new Error('a world key is 32 hex digits');
  const offsets = world === null ? new Map<string, number>() : startingOffsets(scn, world);
  const at = (key: string, published: number) => Math.round(published) + (offsets.get(key) ?? 0);
  return {
    format: world === null ? 2 : STATE_FORMAT,
    scenario: { id: scn.id, version: scn.version },
    seed: s,
    secret,
    ...(world === null ? { rng: seedRng(s) } : { world }),
    turn: 0,
    phase: 'setup',
    indicators: Object.fromEntries(
      Object.entries(scn.indicators).map(([k, v]) => [k, at(`i:${k}`, v.initial)]),
    ) as GameState['indicators'],
    violence: Object.fromEntries(scn.regions.map((r) => [r.id, at(`v:${r.id}`, r.violence)])),
    actors: Object.fromEntries(
      scn.actors.map((a) => [
        a.id,
        { stance: at(`s:${a.id}`, a.stance), strength: at(`t:${a.id}`, a.strength), engaged: 0 },
      ]),
    ),
    units: Object.fromEntries(scn.units.map((u) => [u.id, { region: u.region }])),
    // Contingents already on their way: `requested` is their arrival, so no month of waiting is counted against anyone.
    deployments: Object.entries(scn.reinforcements).flatMap(([id, r]) =>
      r.underway === undefined ? [] : [{ reinforcement: id, requested: r.underway, arrives: r.underway }],
    ),
    mandate: [],
    reviewed: false,
    strategy: null,
    flags: [],
    fired: [],
    pendingChoices: [],
    warnings: [],
    plans: {},
    conflicts: [],
    played: {},
    agreement: { status: 'none', progress: 0, signed: 0 },
    consultedUntil: 0,
    ledger: [],
    log: [],
    outcome: null,
  };
}

/** The keys a game was made with: what `newGame` and `replay` need to make it again. */
export function keysOf(s: GameState): GameKeys {
  return { secret: s.secret, world: s.world ?? null };
}

export function step(s: GameState, a: Action, scn: Scenario): StepResult {
  if (!isAction(a)) return { ok: false, rejection: MALFORMED };
  const rejection = checkAllowed(s, a, scn);
  if (rejection) return { ok: false, rejection };
  const events: EngineEvent[] = [];
  // Copy on write: the draft shares every branch the action cannot touch with `s`; `s` is never written.
  const d = draftFor(s, a, scn);
  // The ledger and the log only grow: the draft collects this step's entries (tape.ts), appended with `a` after.
  apply(d, a, scn, events);
  appendTapes(d, a);
  const state = d as GameState;
  if (isFreezing()) freezeState(state);
  return { ok: true, state, events };
}

/**
 * A game played forward in place: replay, bot games and rollouts, which step one line of a game and hand out only
 * some of its states. Each step works on a fresh working copy of the last (tape.ts `workingCopy`: its own identity,
 * so that no cache keyed by a state ever sees one object change) which shares every branch the action does not
 * write; the log and the ledger are appended in place to buffers no earlier state reads past its length. The
 * difference from `step` is what is not done for every step: no state is made with accessors, nothing is frozen,
 * and plans are copied only when a state handed out (`state()`) or the game's start still holds them.
 *
 * The rules are `step`'s own (`checkAllowed`, then `apply` on a draft that owns what the action writes), so a game
 * played here is the game `step` plays. Nothing keeps a working copy: the states handed out are sealed copies,
 * frozen like `step`'s under tests, whose branches the working copies never write in place (the branches the rules
 * write are copied for each step that runs mechanics, as `step` copies them; the plans, after a state was handed out).
 *
 * The actions are trusted to be well formed (the bot driver's are typed, a saved log is parsed once by save-parse):
 * their shape is checked only where states are frozen (tests, development), with `step`'s verdict. Input from
 * outside goes through `step`.
 */
export class Working {
  /** The state the next step starts from: the start, or the last working copy. */
  #at: GameState | DraftState;
  #log: Tape<Action>;
  #ledger: Tape<LedgerEntry>;
  /** The state last handed out (or the start): its plans are others' to keep, and it is `state()` until a step. */
  #out: GameState;
  #fresh = true;
  #steps = 0;
  readonly #events: EngineEvent[] = [];

  constructor(
    readonly scenario: Scenario,
    from: GameState,
  ) {
    const t = tapesFor(from);
    this.#at = from;
    this.#out = from;
    this.#log = t.log;
    this.#ledger = t.ledger;
  }

  /** How many actions this game has taken since it was made here. */
  get steps(): number {
    return this.#steps;
  }

  get phase(): GameState['phase'] {
    return this.#at.phase;
  }

  get turn(): number {
    return this.#at.turn;
  }

  /** Takes `a` if the rules allow it, as `step` would; a refused action changes nothing. */
  play(a: Action): Rejection | null {
    if (isFreezing() && !isAction(a)) return MALFORMED;
    const scn = this.scenario;
    const prev = this.#at;
    const d = workingCopy(prev, this.#log, this.#ledger);
    // Judged on the state handed out when it is still the game's (the driver's first action after a decision: its
    // legality context is the one the legal list was made with), else on the working copy, which no one else reads.
    const rejection = checkAllowed(this.#fresh ? this.#out : (d as GameState), a, scn);
    if (rejection) return rejection;
    ownBranches(d, prev, a, scn, this.#out.plans);
    const events = this.#events;
    events.length = 0;
    apply(d, a, scn, events);
    const entries = collectorOf(d)!;
    if (isFreezing()) {
      deepFreeze(a);
      for (const e of entries) deepFreeze(e);
    }
    this.#log = this.#log.appendOne(a);
    this.#ledger = this.#ledger.append(entries);
    this.#at = d;
    this.#fresh = false;
    this.#steps++;
    return null;
  }

  /** The game as it stands, as an immutable state (the same object until the next step). */
  state(): GameState {
    if (this.#fresh) return this.#out;
    const s = sealedCopy(this.#at, this.#log, this.#ledger);
    if (isFreezing()) freezeState(s);
    this.#out = s;
    this.#fresh = true;
    return s;
  }
}

// One refusal for every malformed action, so frozen: no caller can change what the next one reads.
const MALFORMED: Rejection = Object.freeze({ code: 'action/malformed', message: 'not an action of this game' });

/**
 * Freezes a new state and everything new under it (under tests and in development: freeze.ts). The log and the
 * ledger are frozen as they are made into arrays, and their new action and entries by `appendTapes`.
 */
function freezeState(state: GameState): void {
  Object.freeze(state);
  for (const k of Object.keys(state))
    if (k !== 'log' && k !== 'ledger') deepFreeze((state as unknown as Record<string, unknown>)[k]);
}

/** Actions that change only plans and the phase (unless they end the phase: see draftFor). */
const PLAN_ONLY: ReadonlySet<Action['type']> = new Set([
  'plan/add',
  'plan/remove',
  'plan/commit',
  'plan/revise',
  'plan/confirm',
]);
type PlanAction = Extract<
  Action,
  { type: 'plan/add' | 'plan/remove' | 'plan/commit' | 'plan/revise' | 'plan/confirm' }
>;
const isPlanAction = (a: Action): a is PlanAction => PLAN_ONLY.has(a.type);

/**
 * A mutable copy of `s` for `a` to work on. Actions that only edit plans get new `plans` and a shared
 * rest; actions that run mechanics (a new turn, resolution, events, the facilitator) get a private
 * copy of every branch that rules write to in place. Under tests the states are frozen, so a branch written
 * without being copied here throws at once.
 */
function draftFor(s: GameState, a: Action, scn: Scenario): DraftState {
  const d = shallowCopy(s);
  ownBranches(d, s, a, scn, s.plans);
  return d;
}

/**
 * Gives `d`, a copy of `s`, its own copy of every branch `a` writes to in place. `shared` is the plans record that
 * someone else holds (the state `s` for `step`; the last state handed out for a game played in place): the plans
 * record, and the acting chair's plan, are copied only when they are still that record's.
 */
function ownBranches(
  d: DraftState,
  s: GameState | DraftState,
  a: Action,
  scn: Scenario,
  shared: GameState['plans'],
): void {
  if (a.type === 'sitrep/close' || a.type === 'strategy/set') return;
  if (isPlanAction(a)) {
    ownPlan(d, a.chair, shared);
    // The confirm that ends coordination resolves the month: the rules write to the rest as well.
    if (a.type === 'plan/confirm' && endsCoordination(s, a.chair, scn)) cloneBranches(d, s);
    return;
  }
  cloneBranches(d, s);
}

function endsCoordination(s: GameState | DraftState, chair: Chair, scn: Scenario): boolean {
  const chairs = indexOf(scn).chairs;
  for (let i = 0; i < chairs.length; i++) if (chairs[i] !== chair && !s.plans[chairs[i]!]?.confirmed) return false;
  return true;
}

/**
 * Makes the plans record of `d` and `chair`'s plan in it its own where they are still those of `shared`, which
 * others hold (and the chair's plan is made when missing by `plan()`, which writes the record).
 */
function ownPlan(d: DraftState, chair: Chair, shared: GameState['plans']): void {
  if (d.plans === shared) d.plans = { ...shared } as DraftState['plans'];
  const p = d.plans[chair];
  if (p && p === shared[chair]) d.plans[chair] = { ...p, items: p.items.slice() };
}

function cloneRecord<T extends object>(r: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k in r) out[k] = { ...r[k]! };
  return out;
}

/**
 * Gives `d`, a copy of `s` made by `shallowCopy`, its own copy of every branch the rules write to in place. Branches the
 * rules only replace are shared: the plans (each new month makes new ones; the acting chair's is its own already),
 * the conflicts and the warnings. The ledger and the log are appended to by `appendTapes`, never written.
 */
function cloneBranches(d: DraftState, s: GameState | DraftState): DraftState {
  if (s.rng) d.rng = [s.rng[0], s.rng[1], s.rng[2], s.rng[3]];
  d.indicators = { ...s.indicators };
  d.violence = { ...s.violence };
  d.actors = cloneRecord(s.actors);
  // Units are replaced when they move or arrive (resolution.ts, world.ts), never written: the record is copied.
  d.units = { ...s.units } as DraftState['units'];
  d.deployments = s.deployments.map((x) => ({ ...x }));
  d.mandate = s.mandate.slice();
  d.flags = s.flags.slice();
  // Fired events are replaced, never written (chooseEventOption): the list is copied, not its entries.
  d.fired = s.fired.slice() as DraftState['fired'];
  d.pendingChoices = s.pendingChoices.slice();
  d.played = { ...s.played };
  d.agreement = { ...s.agreement };
  if (s.assessed) d.assessed = s.assessed.slice();
  if (s.tally) d.tally = { ...s.tally };
  return d;
}

function apply(d: DraftState, a: Action, scn: Scenario, out: EngineEvent[]): void {
  const idx = indexOf(scn);
  switch (a.type) {
    case 'mandate/adopt': {
      d.mandate = scn.mandate.tasks.filter((t) => a.tasks.includes(t.id)).map((t) => t.id);
      for (const t of scn.mandate.tasks.filter((x) => d.mandate.includes(x.id))) {
        // L-mandate: every task the mission takes on raises what the population expects of it.
        change(
          d,
          scn,
          { kind: 'indicator', id: 'expectations' },
          t.expectation,
          { kind: 'mechanic', mechanic: 'mandate-expectations', subject: t.id },
          ['L-mandate', 'L-population'],
        );
      }
      // The Council and headquarters: the penholder's priorities and the Policy Committee's consensus (council.ts).
      const left = scn.mandate.tasks.map((t) => t.id).filter((t) => !d.mandate.includes(t));
      penholderCuts(d, scn, left);
      policyCommittee(
        d,
        scn,
        scn.mandate.draft.filter((t) => !d.mandate.includes(t)),
        false,
      );
      d.turn = 1;
      beginTurn(d, scn, out);
      return;
    }
    case 'mandate/review':
      return reviewMandate(d, scn, a.drop, a.add);
    case 'event/choose':
      return chooseEventOption(d, scn, a.event, a.choice);
    case 'sitrep/close':
      d.phase = 'strategy';
      out.push({ type: 'phase', phase: 'strategy', turn: d.turn });
      return;
    case 'strategy/set':
      d.strategy = a.strategy;
      d.phase = 'planning';
      out.push({ type: 'phase', phase: 'planning', turn: d.turn });
      return;
    case 'plan/add':
      plan(d, a.chair).items.push({ ...a.item } as never);
      return;
    case 'plan/remove':
      plan(d, a.chair).items.splice(a.index, 1);
      return;
    case 'plan/commit': {
      const p = plan(d, a.chair);
      p.committed = true;
      if (a.note !== undefined) p.note = a.note;
      if (d.phase === 'planning' && idx.chairs.every((c) => d.plans[c]?.committed)) {
        d.phase = 'coordination';
        out.push({ type: 'phase', phase: 'coordination', turn: d.turn });
      }
      d.conflicts = d.phase === 'coordination' ? (detectConflicts(d as GameState, scn) as never) : [];
      return;
    }
    case 'plan/revise': {
      const p = plan(d, a.chair);
      p.committed = false;
      p.revised = true;
      p.confirmed = false;
      return;
    }
    case 'facilitator/inject': {
      // Fired now, as the facilitator's: its effects are ledgered under the facilitator with the reason.
      const ev = idx.events.get(a.event)!;
      d.fired.push({ event: ev.id, turn: d.turn, choice: null });
      applyEffects(d, scn, ev.effects, {
        cause: { kind: 'facilitator', reason: a.reason, event: ev.id },
        lessons: ev.lessons,
      });
      if (ev.choices.length > 0 && d.phase === 'sitrep') d.pendingChoices.push(ev.id);
      out.push({ type: 'event-fired', event: ev.id });
      return;
    }
    case 'facilitator/custom':
      applyEffects(d, scn, a.effects, {
        cause: { kind: 'facilitator', reason: `${a.title}: ${a.reason}` },
        lessons: [],
      });
      return;
    case 'facilitator/end':
      d.phase = 'over';
      d.outcome = outcomeOf(d, scn, null) as never;
      out.push({ type: 'game-over', outcome: d.outcome as never });
      return;
    case 'facilitator/length':
      d.months = a.months;
      return;
    case 'facilitator/adjust':
      change(d, scn, { kind: 'indicator', id: a.indicator }, a.by, { kind: 'facilitator', reason: a.reason }, []);
      return;
    case 'plan/confirm': {
      plan(d, a.chair).confirmed = true;
      if (idx.chairs.every((c) => d.plans[c]?.confirmed)) {
        resolve(d, scn, out);
        assess(d, scn, out);
      }
      return;
    }
  }
}

function plan(d: DraftState, chair: Chair) {
  const p = d.plans[chair] ?? { ...EMPTY_PLAN, items: [] };
  d.plans[chair] = p;
  return p;
}

function reviewMandate(d: DraftState, scn: Scenario, drop: readonly string[], add: readonly string[]): void {
  const idx = indexOf(scn);
  d.reviewed = true;
  const before = d.mandate.join(',');
  const dropped = drop.filter((id) => d.mandate.includes(id));
  penholderCuts(d, scn, dropped);
  policyCommittee(d, scn, dropped, true);
  for (const id of drop) {
    if (!d.mandate.includes(id)) continue;
    d.mandate = d.mandate.filter((t) => t !== id);
    // L-mandate, L-population: a narrower mandate lets the mission manage expectations.
    change(
      d,
      scn,
      { kind: 'indicator', id: 'expectations' },
      -Math.ceil((idx.tasks.get(id)?.expectation ?? 0) / 2),
      { kind: 'mechanic', mechanic: 'mandate-expectations', subject: id },
      ['L-mandate', 'L-population'],
    );
  }
  for (const id of add) {
    if (d.mandate.includes(id) || !councilGrants(d, scn, id)) continue;
    d.mandate.push(id);
    change(
      d,
      scn,
      { kind: 'indicator', id: 'expectations' },
      idx.tasks.get(id)?.expectation ?? 0,
      { kind: 'mechanic', mechanic: 'mandate-expectations', subject: id },
      ['L-mandate', 'L-population'],
    );
  }
  // L-mandate ¶2: a review that changes nothing earns nothing.
  if (d.mandate.join(',') === before) return;
  // L-mandate, L-analysis: the Council refocuses a mandate when told what it needs to know, which takes analysis.
  const frank = d.indicators.analysis >= scn.mechanics.frankAnalysis;
  change(
    d,
    scn,
    { kind: 'indicator', id: 'credibility' },
    frank ? 3 : -2,
    { kind: 'mechanic', mechanic: 'mandate-review' },
    ['L-mandate', 'L-analysis'],
  );
}
