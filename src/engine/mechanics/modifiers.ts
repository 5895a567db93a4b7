// The factors the report's lessons put on what an action achieves; each names its mechanic and lessons.
import type { Card, Scenario } from '../../scenario/schema.js';
import type { Tag } from '../../scenario/constants.js';
import type { Modifier } from '../effects.js';
import { bestUnit } from '../eligibility.js';
import { indexOf, mechanicCause, type ScenarioIndex } from '../scenario-index.js';
import { CHAIR_ORDER, type Cause, type Conflict, type GameState } from '../types.js';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** L-cohesion: a united mission gets more from every action (cohesion 50 → ×1, 0 → ×0.5, 100 → ×1.5). */
export function cohesionFactor(s: GameState): number {
  return round2(0.5 + s.indicators.cohesion / 100);
}

/** L-mandate: capacity is shared across the mandated tasks; past the mission's focus each does less. */
export function focusFactor(s: GameState, scn: Scenario): number {
  const n = Math.max(1, s.mandate.length);
  return round2(Math.min(1.2, Math.sqrt(scn.mandate.focus / n)));
}

/** L-hoststate: leverage is best at a balanced distance from the host state (closeness 50). */
export function distanceFactor(s: GameState): number {
  return round2(1 - Math.abs(s.indicators.closeness - 50) / 100);
}

/** L-population: a trusted mission has more leverage over the parties (trust 50 → ×1). */
export function trustFactor(s: GameState): number {
  return round2(0.85 + (0.3 * s.indicators.trust) / 100);
}

/** L-tcc: the best able contingent's performance, better for a while after contributors are consulted. */
export function performanceFactor(s: GameState, scn: Scenario, card: Card, target: string | undefined): number {
  const best = bestUnit(s, scn, card, target);
  const perf = best ? (indexOf(scn).units.get(best)?.performance ?? 1) : 1;
  return round2(perf + (s.turn <= s.consultedUntil ? 0.25 : 0));
}

/**
 * L-analysis: operations planned on a good picture of the micro-local dynamics hit what matters
 * (analysis 50 → ×1, 0 → ×0.7, 100 → ×1.3).
 */
export function analysisFactor(s: GameState): number {
  return round2(0.7 + (0.6 * s.indicators.analysis) / 100);
}

export const OPERATIONS = ['military', 'offensive', 'pressure', 'protection', 'police'] as const;

/**
 * What `modifiersFor` reads of a card, worked out once per card and kept in one shape: the scenario's cards come in a
 * dozen shapes (their optional fields), which made each read of a card's fields megamorphic, and its tags were searched
 * for each modifier every time it resolved.
 */
interface Traits {
  readonly chair: Card['chair'];
  readonly task: boolean;
  readonly talks: boolean;
  /** Talks or political work (the host-state and trust modifiers). */
  readonly political: boolean;
  /** One of OPERATIONS' tags. */
  readonly operation: boolean;
  readonly needsUnit: boolean;
}

const traits = new WeakMap<Card, Traits>();
function traitsOf(card: Card): Traits {
  let t = traits.get(card);
  if (!t) {
    const talks = card.tags.includes('talks');
    t = {
      chair: card.chair,
      task: Boolean(card.task),
      talks,
      political: talks || card.tags.includes('political'),
      operation: card.tags.some((x) => (OPERATIONS as readonly string[]).includes(x)),
      needsUnit: Boolean(card.needsUnit),
    };
    traits.set(card, t);
  }
  return t;
}

/**
 * L-regional: talks hold only as far as the region backs them (regional 50 → ×1, 0 → ×0.6,
 * 100 → ×1.4). Report ¶4 (the Kampala and Algiers processes depended on the neighbours) and ¶13.
 */
export function regionalFactor(s: GameState): number {
  return round2(0.6 + (0.8 * s.indicators.regional) / 100);
}

/**
 * L-primacy, L-leadership: talks are worth what the mission's political strategy makes of them.
 * Talks with an actor the turn's strategy does not name, or under a strategy that names no track,
 * keep only `offTrack` of their effect. Report ¶3 (a political strategy shared by the whole
 * mission) and ¶9 (leadership sets one direction).
 */
export function trackFactor(s: GameState, scn: Scenario, card: Card, target: string | undefined): number {
  if (!card.tags.includes('talks') || target === undefined) return 1;
  const st = s.strategy ? indexOf(scn).strategies.get(s.strategy) : undefined;
  return st && st.track.includes(target) ? 1 : scn.mechanics.offTrack;
}

/**
 * Diminishing returns of doing the same thing again: a card played last turn keeps half of its
 * favourable effect, two turns ago three quarters. Sustained talks and implementation are exempt
 * (report ¶3: agreements and processes need constant attention). Goes beyond the report: it
 * stands for the common sense that a repeated gesture or briefing wears thin (L-leadership ¶9).
 * `exempt` is `sustained(card)`, worked out once per card by its caller.
 */
export function repetitionFactor(s: GameState, exempt: boolean, lastPlayed: number | undefined): number {
  if (lastPlayed === undefined || exempt) return 1;
  return repeatShare(s.turn - lastPlayed);
}

/** Whether the repetition mechanics leave a card alone: sustained talks and implementation (report ¶3). */
export function sustained(card: Card): boolean {
  return card.tags.includes('talks') || card.tags.includes('implementation');
}

/** The share of a favourable effect kept when the same thing was done `gap` turns ago (1: last turn). */
export function repeatShare(gap: number): number {
  return gap <= 1 ? 0.5 : gap === 2 ? 0.75 : 1;
}

/**
 * Whether a chair that has actions with `tag` (within the adopted mandate) has taken none of them
 * for `turns` turns (a practice it has let go stale). Chairs without such actions are never stale.
 * With `memo` (one resolution's: PracticeMemo) the last turn is read from it.
 */
export function practiceStale(
  s: GameState,
  scn: Scenario,
  chair: Card['chair'],
  tag: Tag,
  turns: number,
  memo?: PracticeMemo,
): boolean {
  const last = memo ? memo.lastTaken(s, scn, chair, tag) : lastTaken(s, scn, chair, tag);
  return last >= 0 && s.turn - last >= turns;
}

/** The last turn a chair took a step with `tag` within the mandate (0: never), or -1 when it has no such step. */
function lastTaken(s: GameState, scn: Scenario, chair: Card['chair'], tag: Tag): number {
  // Only steps the mandate allows count: a chair is not held to a practice it may not take.
  let any = false;
  let last = 0;
  for (const c of indexOf(scn).cardsByChairTag.get(chair)?.get(tag) ?? []) {
    if (c.task !== undefined && !s.mandate.includes(c.task)) continue;
    any = true;
    const t = s.played[c.id] ?? 0;
    if (t > last) last = t;
  }
  return any ? last : -1;
}

/** The tags the practice mechanics ask after, each with its place in a PracticeMemo's row (any other tag: -1). */
function practiceSlot(tag: Tag): number {
  return tag === 'coordination' ? 0 : tag === 'outreach' ? 1 : tag === 'regional' ? 2 : tag === 'analysis' ? 3 : -1;
}

/** A PracticeMemo's last turn not asked for yet (a chair without such steps is -1, `lastTaken`). */
const UNASKED = -2;

/** A new PracticeMemo's rows, copied: a small array of integers is made faster than a typed array (one a month). */
const UNASKED_ROWS: readonly number[] = Array.from({ length: CHAIR_ORDER.length * 4 }, () => UNASKED);

/**
 * practiceStale's last turns for one resolution of one state: a talks card asks for three or four of
 * them and the month's mechanics ask again, while only the cards resolved change them (a resolution
 * changes neither the mandate nor the turn). `played` moves what a resolved card changes to this turn.
 * Kept in one row per chair (CHAIR_ORDER) of the practice tags (`practiceSlot`): asked a few times a card, two maps
 * looked up each time were most of the asking. Other tags are not kept.
 */
export class PracticeMemo {
  private readonly last: number[] = UNASKED_ROWS.slice();

  lastTaken(s: GameState, scn: Scenario, chair: Card['chair'], tag: Tag): number {
    const slot = practiceSlot(tag);
    if (slot < 0) return lastTaken(s, scn, chair, tag);
    const at = CHAIR_ORDER.indexOf(chair) * 4 + slot;
    let last = this.last[at]!;
    if (last === UNASKED) this.last[at] = last = lastTaken(s, scn, chair, tag);
    return last;
  }

  /**
   * Records `card` played in `s`'s turn (as `s.played` now says): its chair last took each of its tags this turn, if
   * the mandate lets the card count (`lastTaken`); a card that does not count changes nothing. Worked out here rather
   * than forgotten and scanned for again: the turn is the latest any card was played, so it is the new last turn.
   */
  played(card: Card, s: GameState): void {
    if (card.task !== undefined && !s.mandate.includes(card.task)) return;
    const row = CHAIR_ORDER.indexOf(card.chair) * 4;
    for (const t of card.tags) {
      const slot = practiceSlot(t);
      if (slot >= 0 && this.last[row + slot] !== UNASKED) this.last[row + slot] = s.turn;
    }
  }
}

/**
 * L-population, report ¶15: civil society should be consulted before and while solutions are
 * designed, and a population that understands the mission gives it leverage. A chair that talks
 * with the parties but has taken none of its outreach steps for `practiceTurns` turns negotiates
 * blind to the people the settlement is for: its talks achieve ×`practiceFactor`. Goes beyond the
 * report in holding each chair to it.
 */
export function outreachFactor(s: GameState, scn: Scenario, chair: Card['chair'], memo?: PracticeMemo): number {
  return practiceStale(s, scn, chair, 'outreach', scn.mechanics.practiceTurns, memo) ? scn.mechanics.practiceFactor : 1;
}

/**
 * L-regional, report ¶4 (the Kampala and Algiers processes hung on the neighbours) and ¶13: a chair
 * that talks but has taken none of its regional steps for `practiceTurns` turns mediates without
 * the region, and its talks achieve ×`practiceFactor`. Per chair: beyond the report.
 */
export function regionalPracticeFactor(s: GameState, scn: Scenario, chair: Card['chair'], memo?: PracticeMemo): number {
  return practiceStale(s, scn, chair, 'regional', scn.mechanics.practiceTurns, memo) ? scn.mechanics.practiceFactor : 1;
}

/**
 * L-analysis, report ¶10 (leadership decisions informed by sound analysis of local dynamics): a
 * chair that has taken none of its analysis steps for `practiceTurns` turns plans its operations
 * and talks on a picture it has not refreshed, ×`practiceFactor`. Per chair: beyond the report.
 */
export function analysisPracticeFactor(s: GameState, scn: Scenario, chair: Card['chair'], memo?: PracticeMemo): number {
  return practiceStale(s, scn, chair, 'analysis', scn.mechanics.practiceTurns, memo) ? scn.mechanics.practiceFactor : 1;
}

/**
 * L-cohesion, report ¶8: a chair that has taken no coordination step for `siloTurns` turns works in
 * a silo, and its actions achieve less (×0.7): integrated planning is what makes them land.
 */
export function siloFactor(s: GameState, scn: Scenario, chair: Card['chair'], memo?: PracticeMemo): number {
  return practiceStale(s, scn, chair, 'coordination', scn.mechanics.siloTurns, memo) ? 0.7 : 1;
}

/** A modifier's mechanic, the lessons it names and its cause (`mechanicCause`), shared by every modifier it makes. */
interface Kind {
  readonly mechanic: Modifier['mechanic'];
  readonly lessons: readonly string[];
  readonly cause: Cause;
}

/** The kinds `modifiersFor` makes, per scenario: each card resolved asks for a dozen, and looked each cause up. */
interface Kinds {
  readonly cohesion: Kind;
  readonly silo: Kind;
  readonly focus: Kind;
  readonly distance: Kind;
  readonly trust: Kind;
  readonly track: Kind;
  readonly regional: Kind;
  readonly outreach: Kind;
  readonly regionalPractice: Kind;
  readonly analysis: Kind;
  readonly analysisPractice: Kind;
  readonly performance: Kind;
  readonly conflict: Kind;
}

function makeKinds(idx: ScenarioIndex): Kinds {
  const kind = (mechanic: Modifier['mechanic'], ...lessons: string[]): Kind => ({
    mechanic,
    lessons,
    cause: mechanicCause(idx, mechanic),
  });
  return {
    cohesion: kind('cohesion-multiplier', 'L-cohesion'),
    silo: kind('silo-working', 'L-cohesion'),
    focus: kind('mandate-focus', 'L-mandate'),
    distance: kind('host-state-distance', 'L-hoststate'),
    trust: kind('expectation-gap', 'L-population'),
    track: kind('strategy-track', 'L-primacy', 'L-leadership'),
    regional: kind('regional-alignment', 'L-regional'),
    outreach: kind('civil-society', 'L-population'),
    regionalPractice: kind('regional-practice', 'L-regional'),
    analysis: kind('analysis-targeting', 'L-analysis'),
    analysisPractice: kind('analysis-practice', 'L-analysis'),
    performance: kind('contributor-consultation', 'L-tcc'),
    conflict: kind('plan-conflicts', 'L-cohesion', 'L-primacy'),
  };
}

/** The scenario asked for last and its kinds (as `indexOf`), then each scenario's, kept by its index. */
let lastIdx: ScenarioIndex | undefined;
let lastKinds: Kinds | undefined;
const kindsByIndex = new WeakMap<ScenarioIndex, Kinds>();
function kindsOf(idx: ScenarioIndex): Kinds {
  if (idx === lastIdx) return lastKinds!;
  let k = kindsByIndex.get(idx);
  if (!k) kindsByIndex.set(idx, (k = makeKinds(idx)));
  lastIdx = idx;
  lastKinds = k;
  return k;
}

/** Adds a modifier that changes something (a factor of 1 changes nothing and is left out). */
function push(mods: Modifier[], kind: Kind, factor: number): void {
  if (factor !== 1) mods.push({ factor, mechanic: kind.mechanic, lessons: kind.lessons, cause: kind.cause });
}

export function modifiersFor(
  s: GameState,
  scn: Scenario,
  card: Card,
  target: string | undefined,
  conflicts: readonly Conflict[],
  memo?: PracticeMemo,
): Modifier[] {
  const k = kindsOf(indexOf(scn));
  const t = traitsOf(card);
  const chair = t.chair;
  const mods: Modifier[] = [];
  push(mods, k.cohesion, cohesionFactor(s));
  push(mods, k.silo, siloFactor(s, scn, chair, memo));
  if (t.task) push(mods, k.focus, focusFactor(s, scn));
  if (t.political) {
    push(mods, k.distance, distanceFactor(s));
    push(mods, k.trust, trustFactor(s));
  }
  if (t.talks) {
    push(mods, k.track, trackFactor(s, scn, card, target));
    push(mods, k.regional, regionalFactor(s));
    push(mods, k.outreach, outreachFactor(s, scn, chair, memo));
    push(mods, k.regionalPractice, regionalPracticeFactor(s, scn, chair, memo));
  }
  // L-analysis ¶10: operations and talks alike are planned on the mission's picture of the conflict.
  if (t.talks || t.operation) {
    push(mods, k.analysis, analysisFactor(s));
    push(mods, k.analysisPractice, analysisPracticeFactor(s, scn, chair, memo));
  }
  if (t.needsUnit) push(mods, k.performance, performanceFactor(s, scn, card, target));
  if (t.talks) {
    for (const c of conflicts)
      if (c.kind === 'offensive-vs-talks' && c.subject === target) {
        push(mods, k.conflict, 0.5);
        break;
      }
  }
  return mods;
}
