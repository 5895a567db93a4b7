// Resolution: moves, then each chair's actions in a fixed order, then the factions and the world react.
import type { Card, Chair, Scenario } from '../../scenario/schema.js';
import type { Tag } from '../../scenario/constants.js';
import { applyReady } from '../effects.js';
import { change, INDICATOR } from '../ledger.js';
import { modifiersFor, PracticeMemo, practiceStale, repetitionFactor, sustained } from '../mechanics/modifiers.js';
import {
  agreementImplementation,
  expectationGap,
  hostStateDistance,
  processDrift,
  regionalExclusion,
  siloWorking,
  tally,
} from '../mechanics/politics.js';
import {
  analysisDecay,
  armedViolence,
  capabilityGaps,
  deployments,
  missionPresence,
  spoilerAttacks,
} from '../mechanics/world.js';
import { type Aim, wearFactors, wearOf } from '../mechanics/wear.js';
import { unrequestedMeans } from '../mechanics/means.js';
import { chances } from '../rng.js';
import { indexOf, mechanicCause, readyEffects, trackOf, type Ready, type ScenarioIndex } from '../scenario-index.js';
import { CHAIR_ORDER, type Cause, type Conflict, type DraftState, type EngineEvent } from '../types.js';

const STALLED: readonly string[] = ['L-stalled'];
const PRIMACY: readonly string[] = ['L-primacy'];

const CONFLICT_LESSONS: Record<Conflict['kind'], string[]> = {
  'offensive-vs-talks': ['L-cohesion', 'L-primacy'],
  'opposed-strategy': ['L-cohesion', 'L-primacy'],
  'uncoordinated-mediation': ['L-cohesion', 'L-leadership'],
};

/** The parties the turn's strategy names as its political track (none without a strategy): one set per strategy. */
function strategyTrack(d: DraftState, idx: ScenarioIndex): ReadonlySet<string> {
  const st = d.strategy ? idx.strategies.get(d.strategy) : undefined;
  if (!st || st.track.length === 0) return NO_TRACK;
  let track = tracks.get(st);
  if (!track) tracks.set(st, (track = new Set(st.track)));
  return track;
}

const NO_TRACK: ReadonlySet<string> = new Set();
/** Each strategy's track as a set, made once (every card resolved reads it). */
const tracks = new WeakMap<object, ReadonlySet<string>>();

/**
 * What one resolution reads alike for every card: the scenario's index and plays, the chairs' practices (asked after
 * several times a card and again by the mechanics), and the strategy's track (a resolution does not change the strategy).
 */
interface Month {
  readonly scn: Scenario;
  readonly idx: ScenarioIndex;
  readonly plays: ReadonlyMap<string, Play>;
  readonly practice: PracticeMemo;
  readonly track: ReadonlySet<string>;
}

/** The political track when it is live: the strategy names parties and the process is alive (it moves card by card). */
function liveTrack(d: DraftState, m: Month): ReadonlySet<string> {
  return d.indicators.process < m.scn.mechanics.liveProcess ? NO_TRACK : m.track;
}

/** What resolution asks of a card's tags each time it resolves one, worked out once per card (`playsOf`). */
interface Play {
  readonly card: Card;
  /** Its effects made ready (scenario-index.ts `readyEffects`) and its lessons. */
  readonly effects: readonly Ready[];
  readonly lessons: readonly string[];
  /** It is aimed at an actor (`target: actor`). */
  readonly atActor: boolean;
  readonly talks: boolean;
  /** Talks or political work: the process does not drift that month (processDrift). */
  readonly political: boolean;
  readonly implementation: boolean;
  /** Sustained talks and implementation: not worn by repetition (mechanics/modifiers.ts `sustained`). */
  readonly sustained: boolean;
  /** Its aims that other cards wear (mechanics/wear.ts `wearOf`). */
  readonly wear: readonly Aim[];
  readonly coordination: boolean;
  /** Technical ceasefire talks: futile without a live political track. */
  readonly technical: boolean;
  /** Force on an actor (offensive or pressure, aimed at an actor): leverage, or a substitute for politics. */
  readonly force: boolean;
  /** The card played by its chair, by target (`actionCause`). */
  readonly causes: Map<string | undefined, Cause>;
}

/** Per scenario: each card's Play, by id. */
const plays = new WeakMap<Scenario, ReadonlyMap<string, Play>>();
function playsOf(scn: Scenario): ReadonlyMap<string, Play> {
  let m = plays.get(scn);
  if (m) return m;
  const idx = indexOf(scn);
  m = new Map(
    scn.actions.map((card) => {
      const has = (t: Tag) => card.tags.includes(t);
      const play: Play = {
        card,
        effects: readyEffects(idx, card.effects),
        lessons: card.lessons,
        atActor: card.target === 'actor',
        talks: has('talks'),
        political: has('talks') || has('political'),
        implementation: has('implementation'),
        sustained: sustained(card),
        wear: wearOf(scn, card),
        coordination: has('coordination'),
        technical: has('ceasefire-technical'),
        force: card.target === 'actor' && (has('offensive') || has('pressure')),
        causes: new Map(),
      };
      return [card.id, play] as const;
    }),
  );
  plays.set(scn, m);
  return m;
}

export function resolve(d: DraftState, scn: Scenario, out: EngineEvent[]): void {
  const idx = indexOf(scn);
  for (const c of d.conflicts) {
    const mechanic = c.kind === 'uncoordinated-mediation' ? 'envoy-coordination' : 'plan-conflicts';
    const cause = mechanicCause(idx, mechanic, c.subject);
    change(d, scn, INDICATOR.cohesion, -scn.mechanics.conflictCost, cause, CONFLICT_LESSONS[c.kind]);
  }
  for (const it of d.plans.force?.items ?? []) {
    const unit = it.kind === 'move' ? d.units[it.unit] : undefined;
    if (it.kind !== 'move' || !unit) continue;
    out.push({ type: 'unit-moved', unit: it.unit, from: unit.region, to: it.to });
    // Replaced, not written: the record before shares its units (apply.ts `cloneBranches`).
    d.units[it.unit] = { ...unit, region: it.to };
  }
  let worked = false;
  let political = false;
  const month: Month = {
    scn,
    idx,
    plays: playsOf(scn),
    practice: new PracticeMemo(),
    track: strategyTrack(d, idx),
  };
  for (const chair of CHAIR_ORDER) {
    for (const it of d.plans[chair]?.items ?? []) {
      const play = it.kind === 'card' ? month.plays.get(it.card) : undefined;
      if (!play || it.kind !== 'card') continue;
      resolveCard(d, month, chair, play, it.target);
      if (play.implementation) worked = true;
      if (play.political) political = true;
    }
  }
  const chance = chances(d, 'rule');
  for (const run of idx.rules) {
    const rule = run.rule;
    if (!run.when(d)) continue;
    if (!chance(rule.chance, run.subject)) continue;
    applyReady(d, scn, run.effects, run.context);
  }
  armedViolence(d, scn);
  missionPresence(d, scn, month.practice);
  spoilerAttacks(d, scn);
  hostStateDistance(d, scn);
  regionalExclusion(d, scn);
  processDrift(d, scn, political);
  agreementImplementation(d, scn, worked);
  deployments(d, scn, out);
  capabilityGaps(d, scn);
  unrequestedMeans(d, scn);
  siloWorking(d, scn, month.practice);
  analysisDecay(d, scn);
  expectationGap(d, scn);
}

function resolveCard(d: DraftState, m: Month, chair: Chair, play: Play, target: string | undefined): void {
  const { scn, idx, practice } = m;
  const card = play.card;
  const repeat = repetitionFactor(d, play.sustained, d.played[card.id]);
  const wear = wearFactors(d, play.wear);
  d.played[card.id] = d.turn;
  practice.played(card, d);
  // L-regional ¶13, L-population ¶15: an actor is brought in by work with it by name. A step that informs the region
  // or the public at large (no target) raises alignment or trust but involves no one in particular.
  // L-leadership ¶9, L-cohesion ¶8: a chair working in a silo (no coordination step for `siloTurns` turns) shares
  // nothing of what it agrees with an actor, so its contact does not bring that actor in for the mission.
  if (play.atActor && target !== undefined && !siloed(d, m, chair)) {
    const a = d.actors[target];
    if (a) a.engaged = d.turn;
  }
  const cause = actionCause(play, chair, target);
  const track = liveTrack(d, m);
  if (play.technical && track.size === 0) {
    // L-stalled: with no live political track, technical ceasefire talks are futile and divert attention.
    const why = mechanicCause(idx, 'futile-technical-talks', card.id);
    change(d, scn, INDICATOR.cohesion, -1, why, STALLED);
    change(d, scn, INDICATOR.credibility, -1, why, STALLED);
    return;
  }
  applyReady(d, scn, play.effects, {
    cause,
    lessons: play.lessons,
    target,
    modifiers: modifiersFor(d, scn, card, target, d.conflicts, practice),
    repeat,
    wear,
  });
  if (!play.force || target === undefined) return;
  // L-primacy ¶3: pressure strengthens the negotiators' hand only while talks with that group are
  // alive: the strategy names it, the process is live, and some chair talks with it this turn.
  if (track.has(target) && talkedWith(d, m, target)) {
    // L-primacy: force in the service of a live political track adds leverage at the table.
    const why = mechanicCause(idx, 'primacy-leverage', target);
    change(d, scn, INDICATOR.process, scn.mechanics.leverage, why, PRIMACY);
    if (idx.actors.get(target)?.negotiable) change(d, scn, trackOf(idx, 'stance', target), 2, why, PRIMACY);
  } else {
    // L-primacy: force used as a substitute for a political process erodes the process and consent.
    const why = mechanicCause(idx, 'force-substitution', target);
    change(d, scn, INDICATOR.process, -scn.mechanics.substitution, why, PRIMACY);
    change(d, scn, INDICATOR.consent, -scn.mechanics.substitution / 2, why, PRIMACY);
    tally(d, 'force-substitution');
  }
}

/**
 * The cause of the entries a card played by `chair` on `target` makes, `{ kind: 'action', chair, card, target }` (no
 * target when undefined): shared for the game and beyond, as `mechanicCause`'s, since every entry keeps its cause and
 * none is written; a literal made for each card resolved was a third of resolveCard's own time (made old: pretenured).
 */
function actionCause(play: Play, chair: Chair, target: string | undefined): Cause {
  const id = play.card.id;
  // A card is played by its own chair (legality): kept for it; any other chair's cause is made anew.
  const own = chair === play.card.chair;
  let c = own ? play.causes.get(target) : undefined;
  if (!c) {
    c = target === undefined ? { kind: 'action', chair, card: id } : { kind: 'action', chair, card: id, target };
    if (own) play.causes.set(target, c);
  }
  return c;
}

/** Whether a chair works in a silo: no coordination step for `siloTurns` turns, none in this turn's plan either. */
function siloed(d: DraftState, m: Month, chair: Chair): boolean {
  // The practice first: it is remembered for the month, and a chair that keeps it up needs no look at its plan.
  if (!practiceStale(d, m.scn, chair, 'coordination', m.scn.mechanics.siloTurns, m.practice)) return false;
  for (const it of d.plans[chair]?.items ?? [])
    if (it.kind === 'card' && m.plays.get(it.card)?.coordination) return false;
  return true;
}

/** Whether any chair's plan this turn holds talks with an actor. */
function talkedWith(d: DraftState, m: Month, actor: string): boolean {
  for (const c of m.idx.chairs)
    for (const it of d.plans[c]?.items ?? [])
      if (it.kind === 'card' && it.target === actor && m.plays.get(it.card)?.talks) return true;
  return false;
}
