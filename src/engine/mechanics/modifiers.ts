// The factors the report's lessons put on what an action achieves; each names its mechanic and lessons.
import type { Card, Scenario } from '../../scenario/schema.js';
import type { Tag } from '../../scenario/constants.js';
import type { Modifier } from '../effects.js';
import { bestUnit } from '../eligibility.js';
import { indexOf, mechanicCause, type ScenarioIndex } from '../scenario-index.js';
import type { Conflict, GameState } from '../types.js';

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
 */
export function repetitionFactor(s: GameState, card: Card, lastPlayed: number | undefined): number {
  if (lastPlayed === undefined || sustained(card)) return 1;
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

/**
 * practiceStale's last turns for one resolution of one state: a talks card asks for three or four of
 * them and the month's mechanics ask again, while only the cards resolved change them (a resolution
 * changes neither the mandate nor the turn). `played` moves what a resolved card changes to this turn.
 */
export class PracticeMemo {
  private readonly last = new Map<Card['chair'], Map<Tag, number>>();

  lastTaken(s: GameState, scn: Scenario, chair: Card['chair'], tag: Tag): number {
    let byTag = this.last.get(chair);
    if (!byTag) this.last.set(chair, (byTag = new Map()));
    let last = byTag.get(tag);
    if (last === undefined) byTag.set(tag, (last = lastTaken(s, scn, chair, tag)));
    return last;
  }

  /**
   * Records `card` played in `s`'s turn (as `s.played` now says): its chair last took each of its tags this turn, if
   * the mandate lets the card count (`lastTaken`); a card that does not count changes nothing. Worked out here rather
   * than forgotten and scanned for again: the turn is the latest any card was played, so it is the new last turn.
   */
  played(card: Card, s: GameState): void {
    const byTag = this.last.get(card.chair);
    if (!byTag || (card.task !== undefined && !s.mandate.includes(card.task))) return;
    for (const t of card.tags) if (byTag.has(t)) byTag.set(t, s.turn);
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

/** The lessons each modifier names, made once. */
const LESSONS_COHESION: readonly string[] = ['L-cohesion'];
const LESSONS_MANDATE: readonly string[] = ['L-mandate'];
const LESSONS_HOSTSTATE: readonly string[] = ['L-hoststate'];
const LESSONS_POPULATION: readonly string[] = ['L-population'];
const LESSONS_PRIMACY_LEADERSHIP: readonly string[] = ['L-primacy', 'L-leadership'];
const LESSONS_REGIONAL: readonly string[] = ['L-regional'];
const LESSONS_ANALYSIS: readonly string[] = ['L-analysis'];
const LESSONS_TCC: readonly string[] = ['L-tcc'];
const LESSONS_COHESION_PRIMACY: readonly string[] = ['L-cohesion', 'L-primacy'];

/** Adds a modifier that changes something (a factor of 1 changes nothing and is left out). */
function push(
  mods: Modifier[],
  idx: ScenarioIndex,
  factor: number,
  mechanic: Modifier['mechanic'],
  lessons: readonly string[],
): void {
  if (factor !== 1) mods.push({ factor, mechanic, lessons, cause: mechanicCause(idx, mechanic) });
}

export function modifiersFor(
  s: GameState,
  scn: Scenario,
  card: Card,
  target: string | undefined,
  conflicts: readonly Conflict[],
  memo?: PracticeMemo,
): Modifier[] {
  const idx = indexOf(scn);
  const t = traitsOf(card);
  const chair = t.chair;
  const mods: Modifier[] = [];
  push(mods, idx, cohesionFactor(s), 'cohesion-multiplier', LESSONS_COHESION);
  push(mods, idx, siloFactor(s, scn, chair, memo), 'silo-working', LESSONS_COHESION);
  if (t.task) push(mods, idx, focusFactor(s, scn), 'mandate-focus', LESSONS_MANDATE);
  if (t.political) {
    push(mods, idx, distanceFactor(s), 'host-state-distance', LESSONS_HOSTSTATE);
    push(mods, idx, trustFactor(s), 'expectation-gap', LESSONS_POPULATION);
  }
  if (t.talks) {
    push(mods, idx, trackFactor(s, scn, card, target), 'strategy-track', LESSONS_PRIMACY_LEADERSHIP);
    push(mods, idx, regionalFactor(s), 'regional-alignment', LESSONS_REGIONAL);
    push(mods, idx, outreachFactor(s, scn, chair, memo), 'civil-society', LESSONS_POPULATION);
    push(mods, idx, regionalPracticeFactor(s, scn, chair, memo), 'regional-practice', LESSONS_REGIONAL);
  }
  // L-analysis ¶10: operations and talks alike are planned on the mission's picture of the conflict.
  if (t.talks || t.operation) {
    push(mods, idx, analysisFactor(s), 'analysis-targeting', LESSONS_ANALYSIS);
    push(mods, idx, analysisPracticeFactor(s, scn, chair, memo), 'analysis-practice', LESSONS_ANALYSIS);
  }
  if (t.needsUnit) push(mods, idx, performanceFactor(s, scn, card, target), 'contributor-consultation', LESSONS_TCC);
  if (t.talks) {
    for (const c of conflicts)
      if (c.kind === 'offensive-vs-talks' && c.subject === target) {
        push(mods, idx, 0.5, 'plan-conflicts', LESSONS_COHESION_PRIMACY);
        break;
      }
  }
  return mods;
}
