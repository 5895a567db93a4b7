// A configurable planning doctrine: the `report` doctrine and the ones that break one lesson each.
// Doctrines read only the chair's view and the scenario's public data (cards, tags, tasks).
import type { Card, Chair, Effect, IndicatorId, Scenario, Strategy } from '../../scenario/schema.js';
import type { PlanItem } from '../../engine/index.js';
import { OPERATIONS, repeatShare } from '../../engine/mechanics/modifiers.js';
import { indexOf } from '../../engine/scenario-index.js';
import { unitsByRegion } from '../../engine/legal-facts.js';
import type { Doctrine, DoctrineContext } from '../doctrine.js';
import type { History } from '../history.js';

export interface Style {
  readonly name: string;
  /** `focused`: the required tasks plus the most political and protective up to the focus; `all`: every task. */
  readonly mandate: 'focused' | 'all';
  /** Refocus the mandate at a review. */
  readonly refocus: boolean;
  /** Play coordination steps and revise plans that conflict. */
  readonly coordinate: boolean;
  readonly analysis: boolean;
  readonly outreach: boolean;
  /** `balanced`: keep a balanced distance from the host state; `embrace`: side with it. */
  readonly hostState: 'balanced' | 'embrace';
  /** `servant`: force backs the political track; `first`: force is the main tool and the strategy names no track. */
  readonly military: 'servant' | 'first';
  readonly regional: boolean;
  /**
   * How a style that does not follow a lesson treats that lesson's cards: `ban` (the `report`
   * family: −50, never played) or `deprioritise` (the `strong` family: a capable team that does not
   * believe in the lesson, costing `tuning.neglect`).
   */
  readonly breaking?: 'ban' | 'deprioritise';
  /** The planner's numbers; `report` uses REPORT_TUNING, `strong` the searched ones. */
  readonly tuning?: Tuning;
}

/** Every number the planner weighs with: the search in scripts/tune-strong.ts varies these. */
export interface Tuning {
  readonly weights: Partial<Record<IndicatorId, number>>;
  readonly violenceBase: number;
  readonly violencePop: number;
  readonly stance: number;
  readonly strength: number;
  readonly implement: number;
  readonly sign: number;
  readonly request: number;
  readonly consult: number;
  readonly coordination: number;
  readonly regional: number;
  readonly implementationBonus: number;
  readonly forceOnTrack: number;
  readonly forceOffTrack: number;
  readonly talksOnTrack: number;
  readonly talksOffTrack: number;
  readonly cost: number;
  readonly analysisCap: number;
  readonly closeness: number;
  /** What a deprioritised lesson's card loses (only for `breaking: 'deprioritise'`). */
  readonly neglect: number;
  /** A unit moves toward bare violent regions weighted by population (0) or alike (1). */
  readonly moveArea: number;
  /**
   * What an outreach, regional or analysis step is worth to a chair whose last such step is about
   * to go stale (the practice mechanics: its talks or operations lose effect). Optional: 0.
   */
  readonly practice?: number;
  /** What force on a spoiler (an actor outside any process) is worth, in the strong family. Optional: −forceOffTrack. */
  readonly spoilerForce?: number;
}

export const REPORT: Style = {
  name: 'report',
  mandate: 'focused',
  refocus: true,
  coordinate: true,
  analysis: true,
  outreach: true,
  hostState: 'balanced',
  military: 'servant',
  regional: true,
};

export const REPORT_TUNING: Tuning = {
  weights: {
    process: 3,
    consent: 1,
    impartiality: 1.5,
    trust: 1,
    cohesion: 1.2,
    credibility: 1,
    regional: 1,
    analysis: 0.8,
    casualties: -2,
    expectations: -0.6,
  },
  violenceBase: 0.6,
  violencePop: 2,
  stance: 0.3,
  strength: 0.4,
  implement: 0.3,
  sign: 25,
  request: 4,
  consult: 3,
  coordination: 3,
  regional: 2,
  implementationBonus: 8,
  forceOnTrack: 6,
  forceOffTrack: 12,
  talksOnTrack: 5,
  talksOffTrack: 2,
  cost: 1.5,
  analysisCap: 75,
  closeness: 0.5,
  neglect: 50,
  moveArea: 0,
};

const tun = (style: Style): Tuning => style.tuning ?? REPORT_TUNING;
/** The value a card of a lesson this style does not follow loses. */
const neglect = (style: Style): number => (style.breaking === 'deprioritise' ? tun(style).neglect : 50);

type Item = Extract<PlanItem, { kind: 'card' }>;

function card(ctx: DoctrineContext, id: string): Card | undefined {
  return indexOf(ctx.scenario).cards.get(id);
}

/** The scenario's total population, once per scenario (the planner weighs violence by it for every effect). */
const populations = new WeakMap<Scenario, number>();
function totalPopulation(scn: Scenario): number {
  let total = populations.get(scn);
  if (total === undefined) populations.set(scn, (total = scn.regions.reduce((a, x) => a + x.population, 0)));
  return total;
}

const NO_ACTORS: ReadonlySet<string> = new Set();

/** The actors of the strategy's track, as a set made once per strategy (scenario data) rather than once per plan. */
const tracks = new WeakMap<Strategy, ReadonlySet<string>>();
function trackOf(ctx: DoctrineContext): ReadonlySet<string> {
  const st = ctx.board.strategy === null ? undefined : indexOf(ctx.scenario).strategies.get(ctx.board.strategy);
  if (!st) return NO_ACTORS;
  let track = tracks.get(st);
  if (!track) tracks.set(st, (track = new Set(st.track)));
  return track;
}

/**
 * How much a doctrine of this style values one effect, given what its chair sees. The numbers are read one at a time
 * (`ctx.numbers`) and the rest from the view's board (`ctx.board`), so no decision of the planner builds the view.
 */
function effectValue(style: Style, ctx: DoctrineContext, e: Effect, target: string | undefined): number {
  const fixed = fixedValue(style, ctx.scenario, e, target);
  return fixed === fixed ? fixed : seenValue(style, ctx, e, target);
}

/**
 * What an effect is worth when that depends on the scenario, the style and the target alone (the planner works it out
 * once per card and target: `Valued`), or NaN when it depends on what the chair sees (`seenValue`).
 */
function fixedValue(style: Style, scn: Scenario, e: Effect, target: string | undefined): number {
  const T = tun(style);
  switch (e.do) {
    case 'indicator': {
      if (e.id === 'closeness') return style.hostState === 'embrace' ? e.by * 0.4 : NaN;
      if (e.id === 'analysis' && style.analysis) return NaN;
      if (e.id === 'analysis' || (e.id === 'expectations' && !style.outreach)) return 0;
      return (T.weights[e.id] ?? 0) * e.by;
    }
    case 'violence': {
      const id = e.region === '$target' ? target : e.region;
      const r = id === undefined ? undefined : indexOf(scn).regions.get(id);
      const total = totalPopulation(scn) || 1;
      return r ? -e.by * (T.violenceBase + (T.violencePop * r.population) / total) : 0;
    }
    case 'stance': {
      const id = e.actor === '$target' ? target : e.actor;
      const a = id === undefined ? undefined : indexOf(scn).actors.get(id);
      return a && a.negotiable ? e.by * T.stance : 0;
    }
    case 'strength': {
      const id = e.actor === '$target' ? target : e.actor;
      return id && indexOf(scn).actors.has(id) ? NaN : 0;
    }
    case 'implement':
    case 'sign-agreement':
    case 'expedite':
      return NaN;
    case 'request-unit':
      return T.request;
    case 'consult-contributors':
      return T.consult;
    default:
      return 0;
  }
}

/** What an effect whose worth `fixedValue` cannot tell is worth, given what the chair sees. */
function seenValue(style: Style, ctx: DoctrineContext, e: Effect, target: string | undefined): number {
  const T = tun(style);
  switch (e.do) {
    case 'indicator': {
      if (e.id === 'closeness') {
        const c = ctx.numbers.indicator('closeness');
        return (Math.abs(c - 50) - Math.abs(c + e.by - 50)) * T.closeness;
      }
      // The analysis a style that follows it values until its cap.
      if (ctx.numbers.indicator('analysis') >= T.analysisCap) return 0;
      return (T.weights[e.id] ?? 0) * e.by;
    }
    case 'strength': {
      const id = (e.actor === '$target' ? target : e.actor)!;
      return ctx.numbers.stance(id) < 0 ? -e.by * T.strength : 0;
    }
    case 'implement':
      return ctx.board.agreement.status === 'signed' ? e.by * T.implement : 0;
    case 'sign-agreement':
      return ctx.board.agreement.status === 'none' ? T.sign : 0;
    case 'expedite':
      return ctx.board.deployments.length > 0 ? 5 : -5;
    default:
      return 0;
  }
}

/** What the planner reads of a card's tags and effects, worked out once per card (itemValue asks for every candidate). */
interface CardTags {
  readonly talks: boolean;
  readonly implementation: boolean;
  readonly coordination: boolean;
  readonly analysis: boolean;
  readonly outreach: boolean;
  readonly regional: boolean;
  readonly supportState: boolean;
  readonly ceasefireTechnical: boolean;
  /** Offensive or pressure. */
  readonly force: boolean;
  readonly operation: boolean;
  /** Whether some effect is on the card's target (effectValue reads the target for those alone). */
  readonly targeted: boolean;
}

const cardTags = new WeakMap<Card, CardTags>();
function tagsOf(c: Card): CardTags {
  let t = cardTags.get(c);
  if (!t) {
    const has = (x: Card['tags'][number]) => c.tags.includes(x);
    t = {
      talks: has('talks'),
      implementation: has('implementation'),
      coordination: has('coordination'),
      analysis: has('analysis'),
      outreach: has('outreach'),
      regional: has('regional'),
      supportState: has('support-state'),
      ceasefireTechnical: has('ceasefire-technical'),
      force: has('offensive') || has('pressure'),
      operation: c.tags.some((x) => (OPERATIONS as readonly string[]).includes(x)),
      targeted: c.effects.some(
        (e) =>
          (e.do === 'violence' && e.region === '$target') ||
          ((e.do === 'stance' || e.do === 'strength') && e.actor === '$target'),
      ),
    };
    cardTags.set(c, t);
  }
  return t;
}

type Practice = 'outreach' | 'regional' | 'analysis' | 'coordination';

/**
 * Whether a practice of this chair (its outreach, regional, analysis or coordination steps) is about to go stale
 * under the practice or silo mechanics, where this chair has the talks (or operations, for analysis) that
 * would lose effect. Read from the chair's view of the ledger: the turns its own cards changed something.
 */
function practiceDue(ctx: DoctrineContext, history: History, tag: Practice): boolean {
  const cards = practiceCards(ctx.scenario, ctx.chair, tag);
  if (cards === null) return false;
  let last = 0;
  for (const id of cards) last = Math.max(last, history.lastPlayed(ctx.chair, id) ?? 0);
  const m = ctx.scenario.mechanics;
  return ctx.board.turn - last >= (tag === 'coordination' ? m.siloTurns : m.practiceTurns) - 1;
}

/**
 * The chair's cards that are a practice's steps, or null when the chair has no card the practice's staleness would
 * weigh on (a chair in a silo loses on everything it does; the other practices weigh on talks or operations).
 * Scenario data alone: made once per scenario, chair and practice.
 */
const practiceMemo = new WeakMap<Scenario, Map<Chair, Map<Practice, readonly string[] | null>>>();
function practiceCards(scn: Scenario, chair: Chair, tag: Practice): readonly string[] | null {
  let byChair = practiceMemo.get(scn);
  if (!byChair) practiceMemo.set(scn, (byChair = new Map()));
  // By chair, then by practice: a key string made for each ask cost more than the two lookups.
  let byTag = byChair.get(chair);
  if (!byTag) byChair.set(chair, (byTag = new Map()));
  let cards = byTag.get(tag);
  if (cards === undefined) {
    const mine = indexOf(scn).cardsByChair.get(chair) ?? [];
    const affected = (c: Card) =>
      tag === 'coordination' || tagsOf(c).talks || (tag === 'analysis' && tagsOf(c).operation);
    cards = mine.some(affected) ? mine.filter((c) => c.tags.includes(tag)).map((c) => c.id) : null;
    byTag.set(tag, cards);
  }
  return cards;
}

/**
 * What bringing in an actor by name avoids, when no chair has worked with it for long enough that it is about to be
 * left out (the exclusion mechanics: a neighbour or regional organization drifts, stance −3 and regional −1; a civil
 * society consulted by nobody costs stance −3, process −1 and trust −1; the estimate counts stance and the process).
 * Read from the view's ledger (any chair's actions on it).
 */
function inclusionValue(style: Style, ctx: DoctrineContext, history: History, actor: string): number {
  const a = indexOf(ctx.scenario).actors.get(actor);
  if (!a) return 0;
  const regional = a.kind === 'neighbour' || a.kind === 'regional-org';
  if (!(regional && style.regional) && !(a.kind === 'civil-society' && style.outreach)) return 0;
  const last = history.lastTargeted(actor) ?? 0;
  if (ctx.board.turn - last < ctx.scenario.mechanics.exclusionTurns - 1) return 0;
  const T = tun(style);
  return 3 * T.stance + (regional ? (T.weights.regional ?? 0) : (T.weights.process ?? 0));
}

/**
 * What itemValue reads that depends on the chair and its view but not on the item, worked out once per plan (a chair
 * plans once a month) instead of once per candidate: the turn, whether the agreement is signed, the strategy's track,
 * whether the process is live, what each practice about to go stale is worth, the turns the chair last played each
 * card, and the inclusion values by actor.
 */
interface PlanDigest {
  readonly turn: number;
  /** Whether the agreement is signed (and not yet implemented). */
  readonly signed: boolean;
  readonly track: ReadonlySet<string>;
  readonly live: boolean;
  readonly outreach: number;
  readonly regional: number;
  readonly analysis: number;
  readonly coordination: number;
  readonly history: History;
  readonly inclusion: Map<string, number>;
  /** What this style's planner reads of each card of the scenario, by id. */
  readonly cards: ReadonlyMap<string, Valued>;
  /** This plan among every plan made (a card's effects valued in it are kept on the card: `Valued`). */
  readonly stamp: number;
}

/**
 * What one style's planner reads of one card of a scenario, worked out once: the card, its tags, and the worth of each
 * of its effects that the scenario and the target tell (`fixedValue`: NaN where what the chair sees does), by target.
 */
class Valued {
  /** The plan (PlanDigest `stamp`) in which the card's effects were last valued at `value`, when they name no target. */
  plan = -1;
  value = 0;
  /** The plan (PlanDigest `stamp`) that last took the card (on one target: planItems takes each card once). */
  taken = -1;
  /** The card's id and whether some effect names its target (its tags'): read for every candidate, kept at hand. */
  readonly id: string;
  readonly targeted: boolean;
  /** Each effect's fixed worth, for every target when no effect names it, else by target. */
  #untargeted: Float64Array | undefined;
  readonly #byTarget = new Map<string | undefined, Float64Array>();

  constructor(
    readonly card: Card,
    readonly tags: CardTags,
  ) {
    this.id = card.id;
    this.targeted = tags.targeted;
  }

  /** Each effect's fixed worth with this target (one list for every target when no effect names it). */
  fixed(style: Style, scn: Scenario, target: string | undefined): Float64Array {
    if (!this.targeted) return (this.#untargeted ??= this.#valued(style, scn, undefined));
    let f = this.#byTarget.get(target);
    if (!f) this.#byTarget.set(target, (f = this.#valued(style, scn, target)));
    return f;
  }

  #valued(style: Style, scn: Scenario, target: string | undefined): Float64Array {
    return Float64Array.from(this.card.effects, (e) => fixedValue(style, scn, e, target));
  }
}

/** Each style's Valued cards by scenario (both live as long as the doctrine and the scenario). */
const valuations = new WeakMap<Style, WeakMap<Scenario, ReadonlyMap<string, Valued>>>();
function valuedCards(style: Style, scn: Scenario): ReadonlyMap<string, Valued> {
  let byScenario = valuations.get(style);
  if (!byScenario) valuations.set(style, (byScenario = new WeakMap()));
  let cards = byScenario.get(scn);
  if (!cards) byScenario.set(scn, (cards = new Map(scn.actions.map((c) => [c.id, new Valued(c, tagsOf(c))]))));
  return cards;
}

let plans = 0;

/** A practice's worth to this style when it is about to go stale (0 when the style does not follow it). */
function due(style: Style, ctx: DoctrineContext, history: History, follows: boolean, tag: Practice): number {
  const practice = tun(style).practice;
  return follows && practice && practiceDue(ctx, history, tag) ? practice : 0;
}

function planDigest(style: Style, ctx: DoctrineContext): PlanDigest {
  const track = trackOf(ctx);
  const history = ctx.history;
  const board = ctx.board;
  return {
    turn: board.turn,
    signed: board.agreement.status === 'signed',
    track,
    live: track.size > 0 && ctx.numbers.indicator('process') >= ctx.scenario.mechanics.liveProcess,
    outreach: due(style, ctx, history, style.outreach, 'outreach'),
    regional: due(style, ctx, history, style.regional, 'regional'),
    analysis: due(style, ctx, history, style.analysis, 'analysis'),
    coordination: due(style, ctx, history, style.coordinate, 'coordination'),
    history,
    inclusion: new Map(),
    cards: valuedCards(style, ctx.scenario),
    stamp: ++plans,
  };
}

/** What `item` is worth to this style's planner, `x` being what it reads of the item's card. */
function itemValue(style: Style, ctx: DoctrineContext, item: Item, x: Valued, m: PlanDigest): number {
  const c = x.card;
  const T = tun(style);
  const N = neglect(style);
  const tags = x.tags;
  const track = m.track;
  let value: number;
  // What the effects are worth, in their order (effectValue's sums): the same in a plan for each target when none
  // names it.
  if (!x.targeted && x.plan === m.stamp) value = x.value;
  else {
    const fixed = x.fixed(style, ctx.scenario, item.target);
    const effects = c.effects;
    value = 0;
    for (let i = 0; i < effects.length; i++) {
      const f = fixed[i]!;
      value = value + (f === f ? f : seenValue(style, ctx, effects[i]!, item.target));
    }
    if (!x.targeted) {
      x.plan = m.stamp;
      x.value = value;
    }
  }
  // The repetition mechanic: a card played last turn keeps half its effect, two turns ago three
  // quarters (talks and implementation exempt); the chair's view of the ledger says when it last played.
  if (value > 0 && !tags.talks && !tags.implementation) {
    const gap = m.turn - (m.history.lastPlayedBefore(ctx.chair, c.id) ?? -99);
    value *= repeatShare(gap);
  }
  const live = m.live;
  if (tags.coordination)
    value += style.coordinate ? T.coordination + Math.max(0, 60 - ctx.numbers.indicator('cohesion')) / 5 : -N;
  if (tags.analysis && !style.analysis) value -= N;
  if (tags.outreach && !style.outreach) value -= N;
  // A practice about to go stale (the practice mechanics), for the lessons this style follows.
  value += Math.max(
    tags.outreach ? m.outreach : 0,
    tags.regional ? m.regional : 0,
    tags.analysis ? m.analysis : 0,
    tags.coordination ? m.coordination : 0,
  );
  if (c.target === 'actor' && item.target !== undefined) {
    let inclusion = m.inclusion.get(item.target);
    if (inclusion === undefined)
      m.inclusion.set(item.target, (inclusion = inclusionValue(style, ctx, m.history, item.target)));
    value += inclusion;
  }
  if (tags.supportState && style.hostState === 'embrace') value += 6;
  if (tags.regional) value += style.regional ? T.regional : -N;
  if (tags.ceasefireTechnical) value += live ? 1 : -30;
  if (tags.implementation) value += m.signed ? T.implementationBonus : 0;
  if (c.target === 'actor' && tags.force && item.target !== undefined) {
    const spoiler = indexOf(ctx.scenario).actors.get(item.target)?.negotiable === false;
    if (style.military === 'first') value += 8;
    else if (track.has(item.target) && live) value += T.forceOnTrack;
    else if (spoiler && style.breaking === 'deprioritise' && T.spoilerForce !== undefined) value += T.spoilerForce;
    else if (!spoiler || style.breaking === 'deprioritise') value -= T.forceOffTrack;
  }
  if (tags.talks && item.target !== undefined) {
    if (style.military === 'first') value -= 4;
    else value += track.has(item.target) ? T.talksOnTrack : -T.talksOffTrack;
  }
  return value - c.cost * T.cost;
}

/**
 * The planner's scratch: each candidate's value, item and card, by its place among the candidates kept, reused from
 * plan to plan (a plan is made whole before the next begins) so that valuing a dozen candidates makes no object for
 * each.
 */
let values = new Float64Array(256);
let order = new Uint32Array(256);
const candidates: Item[] = [];
const valued: Valued[] = [];

function planItems(style: Style, ctx: DoctrineContext): PlanItem[] {
  const m = planDigest(style, ctx);
  const cards = m.cards;
  // Every card the chair may add, valued in the legal list's order (each draws once, in that order), best first. A
  // card's targets come one after the other in the list: its Valued is looked up once for them.
  let n = 0;
  let x: Valued | undefined;
  for (const a of ctx.legal) {
    if (a.type !== 'plan/add' || a.item.kind !== 'card') continue;
    const item = a.item;
    if (x?.id !== item.card) x = cards.get(item.card);
    const value = (x ? itemValue(style, ctx, item, x, m) : -Infinity) + ctx.random() * 0.5;
    if (!(value > 0)) continue;
    if (n === values.length) {
      const grown = new Float64Array(2 * n);
      grown.set(values);
      values = grown;
      order = new Uint32Array(2 * n);
    }
    values[n] = value;
    candidates[n] = item;
    valued[n] = x!;
    n++;
  }
  // Best first; among equal values the legal list's order (what a stable sort of the candidates leaves): an insertion
  // sort, as a plan has a dozen candidates (a typed array's sort calling a comparator cost more).
  const vs = values;
  const ranked = order;
  for (let k = 0; k < n; k++) {
    const v = vs[k]!;
    let j = k;
    while (j > 0 && vs[ranked[j - 1]!]! < v) {
      ranked[j] = ranked[j - 1]!;
      j--;
    }
    ranked[j] = k;
  }
  // Each card once, at its best place: its Valued marked with this plan's stamp.
  const out: PlanItem[] = [];
  const stamp = m.stamp;
  for (let k = 0; k < n; k++) {
    const at = ranked[k]!;
    const card = valued[at]!;
    if (card.taken === stamp) continue;
    card.taken = stamp;
    out.push(candidates[at]!);
  }
  candidates.length = 0;
  valued.length = 0;
  if (ctx.chair === 'force') out.push(...moves(ctx, tun(style).moveArea));
  return out;
}

/** The Force Commander moves a unit toward the worst-hit region without mission presence. */
function moves(ctx: DoctrineContext, area: number): PlanItem[] {
  // The regions units stand in, as the legal list found them for the same units (legal-facts.ts keeps the last few).
  const occupied = unitsByRegion(ctx.board.units);
  const mean = totalPopulation(ctx.scenario) / Math.max(1, ctx.scenario.regions.length);
  const weight = (r: { population: number }) => (1 - area) * r.population + area * mean;
  // The first of the bare regions with the most weighted violence (what a stable sort, worst first, puts first).
  let worst: (typeof ctx.scenario.regions)[number] | undefined;
  let most = 0;
  for (const r of ctx.scenario.regions) {
    if (occupied.has(r.id)) continue;
    const x = ctx.numbers.violence(r.id) * weight(r);
    if (worst === undefined || x > most) {
      worst = r;
      most = x;
    }
  }
  if (!worst) return [];
  const mv = ctx.legal.find((a) => a.type === 'plan/add' && a.item.kind === 'move' && a.item.to === worst.id);
  return mv && mv.type === 'plan/add' ? [mv.item] : [];
}

/** How many of the scenario's talks cards may target an actor (scenario data: counted once per scenario and actor). */
const talksCounts = new WeakMap<Scenario, Map<string, number>>();
function talksWith(scn: Scenario, actor: string): number {
  let byActor = talksCounts.get(scn);
  if (!byActor) talksCounts.set(scn, (byActor = new Map()));
  let n = byActor.get(actor);
  if (n === undefined)
    byActor.set(
      actor,
      (n = scn.actions.filter((c) => c.tags.includes('talks') && (c.targets?.includes(actor) ?? true)).length),
    );
  return n;
}

/** Whether a card is a talks card (its tags as read once per card: `tagsOf`). */
function isTalks(ctx: DoctrineContext, id: string): boolean {
  const c = card(ctx, id);
  return c !== undefined && tagsOf(c).talks;
}

/** The actors some chair's plan talks with this turn, as the view shows the plans. */
function talkedWith(ctx: DoctrineContext): ReadonlySet<string> {
  const out = new Set<string>();
  for (const p of Object.values(ctx.board.plans))
    for (const it of p?.items ?? [])
      if (it.kind === 'card' && it.target !== undefined && isTalks(ctx, it.card)) out.add(it.target);
  return out;
}

/** A task's weight for the mandate: its cards, the political and protective twice. Scenario data: once per scenario. */
const priorities = new WeakMap<Scenario, Map<string, number>>();
function taskPriority(ctx: DoctrineContext, task: string): number {
  let byTask = priorities.get(ctx.scenario);
  if (!byTask) {
    priorities.set(ctx.scenario, (byTask = new Map()));
    for (const c of ctx.scenario.actions)
      if (c.task !== undefined)
        byTask.set(
          c.task,
          (byTask.get(c.task) ?? 0) +
            (c.tags.some((t) => t === 'talks' || t === 'political' || t === 'protection' || t === 'implementation')
              ? 2
              : 1),
        );
  }
  return byTask.get(task) ?? 0;
}

export function makeDoctrine(style: Style): Doctrine {
  return {
    name: style.name,
    adoptMandate(ctx) {
      const tasks = ctx.scenario.mandate.tasks;
      if (style.mandate === 'all') return tasks.map((t) => t.id);
      const required = tasks.filter((t) => t.required).map((t) => t.id);
      const rest = tasks
        .filter((t) => !t.required)
        .sort((a, b) => taskPriority(ctx, b.id) - taskPriority(ctx, a.id) || (a.id < b.id ? -1 : 1))
        .map((t) => t.id);
      return [...required, ...rest.slice(0, Math.max(0, ctx.scenario.mandate.focus - required.length))];
    },
    reviewMandate(ctx) {
      if (!style.refocus) return null;
      const extra = ctx.board.mandate.length - ctx.scenario.mandate.focus;
      if (extra <= 0) return null;
      const droppable = ctx.board.mandate
        .filter((t) => !indexOf(ctx.scenario).tasks.get(t)?.required)
        .sort((a, b) => taskPriority(ctx, a) - taskPriority(ctx, b));
      return { drop: droppable.slice(0, extra), add: [] };
    },
    choose(ctx, event) {
      // The first of the choices worth the most (what a stable sort, best first, puts first), each valued once.
      let best: string | undefined;
      let most = 0;
      for (const c of indexOf(ctx.scenario).events.get(event)?.choices ?? []) {
        const value = c.effects.reduce((s, e) => s + effectValue(style, ctx, e, undefined), 0);
        if (best === undefined || value > most) {
          best = c.id;
          most = value;
        }
      }
      return best ?? '';
    },
    strategy(ctx) {
      const strategies = ctx.scenario.strategies;
      if (style.military === 'first' || style.hostState === 'embrace') {
        return (strategies.find((s) => s.track.length === 0) ?? strategies[0]!).id;
      }
      const talksOn = (actor: string) => talksWith(ctx.scenario, actor);
      // The numbers of the track's actors alone, read without the view (an actor the scenario lacks reads 0).
      const actors = indexOf(ctx.scenario).actors;
      const numbers = ctx.numbers;
      const stance = (a: string) => (actors.has(a) ? numbers.stance(a) : 0);
      const strength = (a: string) => (actors.has(a) ? numbers.strength(a) : 0);
      // The first of the strategies worth the most (what a stable sort, best first, puts first).
      let best = strategies[0]!;
      let most = -Infinity;
      for (const s of strategies) {
        const value = s.track.reduce((sum, a) => sum + talksOn(a) + stance(a) / 50 + (strength(a) > 0 ? 1 : -3), 0);
        if (value > most) {
          best = s;
          most = value;
        }
      }
      return best.id;
    },
    plan(ctx) {
      return planItems(style, ctx);
    },
    revise(ctx) {
      if (!style.coordinate) return null;
      const mine = ctx.board.conflicts.filter((c) => c.chairs.includes(ctx.chair));
      const items = ctx.board.plans[ctx.chair]?.items ?? [];
      // The strong family, seeing every plan at the reveal, keeps force on an actor only where some
      // chair talks with it this turn (L-primacy: pressure backs live talks, or it substitutes). Only that family
      // reads it, so only it lists the actors talked with.
      const judges = style.breaking === 'deprioritise' && style.military !== 'first';
      const talked = judges ? talkedWith(ctx) : NO_ACTORS;
      const idle = (it: PlanItem) => {
        if (
          style.breaking !== 'deprioritise' ||
          style.military === 'first' ||
          it.kind !== 'card' ||
          it.target === undefined
        )
          return false;
        const c = card(ctx, it.card);
        // Pressure on a spoiler (outside any process) backs no talks by nature: kept when the tuning values it.
        const spoiler = it.target !== undefined && indexOf(ctx.scenario).actors.get(it.target)?.negotiable === false;
        if (spoiler && (tun(style).spoilerForce ?? -1) > 0) return false;
        return !!c && c.target === 'actor' && tagsOf(c).force && !talked.has(it.target);
      };
      if (mine.length === 0) return items.some(idle) ? items.filter((it) => !idle(it)) : null;
      // Drop whatever of this chair's plan touches a contested actor, keep the rest.
      const subjects = new Set(mine.map((c) => c.subject));
      const kept = items.filter((it) => {
        if (idle(it)) return false;
        if (it.kind !== 'card') return true;
        const c = card(ctx, it.card);
        if (!c) return false;
        if (it.target !== undefined && subjects.has(it.target) && tagsOf(c).force) return false;
        if (mine.some((m) => m.kind === 'opposed-strategy' && m.subject === it.target)) return false;
        return true;
      });
      if (mine.some((m) => m.kind === 'uncoordinated-mediation')) {
        const coord = ctx.scenario.actions.find(
          (c) => c.chair === ctx.chair && c.tags.includes('coordination') && c.target === 'none',
        );
        if (coord && !kept.some((it) => it.kind === 'card' && it.card === coord.id))
          kept.unshift({ kind: 'card', card: coord.id });
      }
      return kept;
    },
  };
}
