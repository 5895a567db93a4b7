// What each action does to a draft of the state: the rules behind step.ts and working.ts, and the copy on write that
// gives a draft its own copy of every branch an action writes.
import type { Chair, Scenario } from '../scenario/schema.js';
import type { Effect } from '../scenario/effect.js';
import { applyEffects } from './effects.js';
import { change } from './ledger.js';
import { assess, outcomeOf } from './phases/assessment.js';
import { detectConflicts } from './phases/coordination.js';
import { resolve } from './phases/resolution.js';
import { beginTurn, chooseEventOption, EMPTY_PLAN } from './phases/sitrep.js';
import { indexOf } from './scenario-index.js';
import { shallowCopy } from './tape.js';
import { councilGrants, penholderCuts, policyCommittee } from './mechanics/council.js';
import type { Action, ActorState, Agreement, Deployment, DraftState, EngineEvent, GameState } from './types.js';

/**
 * A mutable copy of `s` for `a` to work on. Actions that only edit plans get new `plans` and a shared
 * rest; actions that run mechanics (a new turn, resolution, events, the facilitator) get a private
 * copy of every branch that rules write to in place. Under tests the states are frozen, so a branch written
 * without being copied here throws at once.
 */
export function draftFor(s: GameState, a: Action, scn: Scenario): DraftState {
  const d = shallowCopy(s);
  ownBranches(d, s, a, scn, s.plans);
  return d;
}

/**
 * Gives `d`, a copy of `s` (or `s` itself: a game played in place steps one working copy, and each branch is read
 * here before it is replaced), its own copy of every branch `a` writes to in place. `shared` is the plans record that
 * someone else holds (the state `s` for `step`; the last state handed out for a game played in place): the plans
 * record, and the acting chair's plan, are copied only when they are still that record's.
 */
export function ownBranches(
  d: DraftState,
  s: GameState | DraftState,
  a: Action,
  scn: Scenario,
  shared: GameState['plans'],
): void {
  // Actions that change only plans and the phase own the acting chair's plan, unless they end the phase.
  switch (a.type) {
    case 'sitrep/close':
    case 'strategy/set':
      return;
    case 'event/choose':
      return ownForChoice(d, s, a.event, a.choice, scn);
    case 'plan/add':
    case 'plan/remove':
    case 'plan/commit':
    case 'plan/revise':
      return ownPlan(d, a.chair, shared);
    case 'plan/confirm':
      ownPlan(d, a.chair, shared);
      // The confirm that ends coordination resolves the month: the rules write to the rest as well.
      if (endsCoordination(s, a.chair, scn)) cloneBranches(d, s);
      return;
    default:
      cloneBranches(d, s);
  }
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
  // Copied field by field, in the order plans are made (sitrep.ts): spreading the record or the plan was the costliest
  // line of a bot game's plan edits.
  if (d.plans === shared) {
    const plans: Record<string, unknown> = {};
    for (const c in shared) plans[c] = shared[c as Chair];
    d.plans = plans as DraftState['plans'];
  }
  const p = d.plans[chair];
  if (p && p === shared[chair])
    d.plans[chair] = {
      items: p.items.slice(),
      committed: p.committed,
      revised: p.revised,
      confirmed: p.confirmed,
      note: p.note,
    };
}

/**
 * The branch each kind of effect writes in place (effects.ts `applyEffect`), or null when it writes none (it replaces
 * a branch, or sets a number of the state's own). A kind added there without an entry here fails to compile.
 */
const WRITTEN_BY: Readonly<
  Record<Effect['do'], 'indicators' | 'violence' | 'actors' | 'agreement' | 'flags' | 'deployments' | null>
> = {
  indicator: 'indicators',
  violence: 'violence',
  stance: 'actors',
  strength: 'actors',
  implement: 'agreement',
  flag: 'flags',
  'request-unit': 'deployments',
  expedite: 'deployments',
  unflag: null,
  'sign-agreement': null,
  'consult-contributors': null,
};

/**
 * Gives `d` its own copy of what an event choice writes (sitrep.ts `chooseEventOption`): the fired list, where the
 * choice is recorded (its entry is replaced, not written), and the branches the choice's effects write. The pending
 * choices are replaced, never written. A choice runs no other mechanic, so every other branch stays shared, and the
 * caches keyed by a branch keep what they know of it.
 */
function ownForChoice(d: DraftState, s: GameState | DraftState, event: string, choiceId: string, scn: Scenario): void {
  d.fired = s.fired.slice() as DraftState['fired'];
  const choice = indexOf(scn)
    .events.get(event)
    ?.choices.find((c) => c.id === choiceId);
  if (!choice) return;
  const writes = writtenBy(choice);
  if (writes.has('indicators')) d.indicators = { ...s.indicators };
  if (writes.has('violence')) d.violence = { ...s.violence };
  if (writes.has('actors')) d.actors = copyActors(s.actors);
  if (writes.has('agreement')) d.agreement = copyAgreement(s.agreement);
  if (writes.has('flags')) d.flags = s.flags.slice();
  if (writes.has('deployments')) d.deployments = copyDeployments(s.deployments);
}

type Choice = Scenario['events'][number]['choices'][number];

/** The branches each choice's effects write, by choice (scenario data: listed once, not at every choice made). */
const choiceWrites = new WeakMap<Choice, ReadonlySet<string | null>>();

function writtenBy(choice: Choice): ReadonlySet<string | null> {
  let w = choiceWrites.get(choice);
  if (!w) choiceWrites.set(choice, (w = new Set(choice.effects.map((e) => WRITTEN_BY[e.do]))));
  return w;
}

// The records the rules write in place, copied field by field in the order they are made (step.ts newGame, effects.ts):
// spreading them was the costliest line of copying the branches (the spread's cache sees every shape the records took).
function copyActors(r: GameState['actors']): DraftState['actors'] {
  const out: Record<string, ActorState> = {};
  for (const k in r) {
    const a = r[k]!;
    out[k] = { stance: a.stance, strength: a.strength, engaged: a.engaged };
  }
  return out;
}

const copyAgreement = (a: Agreement): Agreement => ({ status: a.status, progress: a.progress, signed: a.signed });

function copyDeployments(ds: readonly Deployment[]): Deployment[] {
  const out: Deployment[] = [];
  for (const x of ds) out.push({ reinforcement: x.reinforcement, requested: x.requested, arrives: x.arrives });
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
  d.actors = copyActors(s.actors);
  // Units are replaced when they move or arrive (resolution.ts, world.ts), never written: the record is copied.
  d.units = { ...s.units } as DraftState['units'];
  d.deployments = copyDeployments(s.deployments);
  d.mandate = s.mandate.slice();
  d.flags = s.flags.slice();
  // Fired events are replaced, never written (chooseEventOption): the list is copied, not its entries.
  d.fired = s.fired.slice() as DraftState['fired'];
  d.pendingChoices = s.pendingChoices.slice();
  d.played = { ...s.played };
  d.agreement = copyAgreement(s.agreement);
  if (s.assessed) d.assessed = s.assessed.slice();
  if (s.tally) d.tally = { ...s.tally };
  return d;
}

export function apply(d: DraftState, a: Action, scn: Scenario, out: EngineEvent[]): void {
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
      // The action's own item, not a copy: both are immutable (the log holds the action, frozen where states are),
      // and spreading it was the costliest line of a replay.
      plan(d, a.chair).items.push(a.item);
      return;
    case 'plan/remove':
      plan(d, a.chair).items.splice(a.index, 1);
      return;
    case 'plan/commit': {
      const p = plan(d, a.chair);
      p.committed = true;
      if (a.note !== undefined) p.note = a.note;
      if (d.phase === 'planning' && allCommitted(d, idx.chairs)) {
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
      if (allConfirmed(d, idx.chairs)) {
        resolve(d, scn, out);
        assess(d, scn, out);
      }
      return;
    }
  }
}

function plan(d: DraftState, chair: Chair) {
  let p = d.plans[chair];
  if (!p) d.plans[chair] = p = { ...EMPTY_PLAN, items: [] };
  return p;
}

// Whether every chair's plan is committed, or confirmed: loops, not `every` with a closure made at each plan action.
function allCommitted(d: DraftState, chairs: readonly Chair[]): boolean {
  for (let i = 0; i < chairs.length; i++) if (!d.plans[chairs[i]!]?.committed) return false;
  return true;
}

function allConfirmed(d: DraftState, chairs: readonly Chair[]): boolean {
  for (let i = 0; i < chairs.length; i++) if (!d.plans[chairs[i]!]?.confirmed) return false;
  return true;
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
