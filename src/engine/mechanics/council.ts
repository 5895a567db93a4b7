// Above the mission: the Security Council (its unity, its penholder, its renewal timetable) and headquarters (the
// Policy Committee, force generation). Read from the scenario's `council` block, its actor of kind `council`, the
// mandate's draft and review turns, and the reinforcements' `offered` units; a scenario without them is untouched.
import type { Reinforcement, Scenario, Unit } from '../../scenario/schema.js';
import { change, INDICATOR } from '../ledger.js';
import type { DraftState } from '../types.js';
import { tally, tallyFrom } from './politics.js';

/** The Security Council's actor id, when the scenario brings the Council into play. */
function councilActor(scn: Scenario): string | undefined {
  return scn.council ? scn.actors.find((a) => a.kind === 'council')?.id : undefined;
}

/** Whether the Council is divided now: its backing of the mission (the council actor's stance) is below `divided`. */
function councilDivided(d: DraftState, scn: Scenario): boolean {
  const id = councilActor(scn);
  return id !== undefined && scn.council !== undefined && (d.actors[id]?.stance ?? 0) < scn.council.divided;
}

/**
 * L-mandate, report ¶15 (the lack of cohesion between Council members can jeopardize its mandating authority, and with
 * it the host country's support) and ¶2: at each renewal on the Council's timetable (`mandate.reviewTurns`), the
 * mission's credibility moves with the Council's backing (stance / 20, at most 3 either way); a divided Council also
 * costs consent.
 */
export function councilRenewal(d: DraftState, scn: Scenario): void {
  const id = councilActor(scn);
  if (id === undefined || !scn.mandate.reviewTurns.includes(d.turn)) return;
  const cause = { kind: 'mechanic', mechanic: 'council-renewal', subject: id } as const;
  const by = Math.max(-3, Math.min(3, Math.round((d.actors[id]?.stance ?? 0) / 20)));
  change(d, scn, INDICATOR.credibility, by, cause, ['L-mandate']);
  if (councilDivided(d, scn)) {
    tallyFrom(d, 'council-renewal'); // the count rests on the consent entry alone: the credibility one comes either way
    change(d, scn, INDICATOR.consent, -2, cause, ['L-mandate', 'L-hoststate']);
    tally(d, 'council-renewal');
  }
}

/**
 * L-mandate ¶15: a divided Council renews what it has and grants nothing new; asking costs credibility 1 per task
 * refused. Returns whether the review may add `task`.
 */
export function councilGrants(d: DraftState, scn: Scenario, task: string): boolean {
  if (!councilDivided(d, scn)) return true;
  const cause = { kind: 'mechanic', mechanic: 'council-renewal', subject: task } as const;
  change(d, scn, INDICATOR.credibility, -1, cause, ['L-mandate']);
  tally(d, 'council-renewal');
  return false;
}

/**
 * The penholder drafts the resolutions and holds to its own priorities (`council.backs`): a backed task left out of
 * the mandate, or dropped at a review, costs the Council's backing. Beyond the report, which does not name penholders:
 * it stands for ¶15's point that the Council's members bring their own interests to the mandate.
 */
export function penholderCuts(d: DraftState, scn: Scenario, cut: readonly string[]): void {
  const id = councilActor(scn);
  if (id === undefined || !scn.council) return;
  for (const task of cut.filter((t) => scn.council!.backs.includes(t))) {
    const cause = { kind: 'mechanic', mechanic: 'penholder', subject: task } as const;
    change(d, scn, { kind: 'stance', id }, -scn.council.penholderCost, cause, ['L-mandate']);
    tally(d, 'penholder');
  }
}

/**
 * L-primacy, report ¶5: headquarters' Policy Committee seeks consensus among all its departments and agrees on the
 * lowest common denominator, where the SRSG is one voice out of two dozen. Priorities are hard to set: at adoption,
 * each task of the draft left out beyond `council.hqCuts` costs cohesion 1 (the departments whose task was cut keep
 * instructing their staff, ¶8); at a review (`atReview`), every task dropped does.
 */
export function policyCommittee(d: DraftState, scn: Scenario, cut: readonly string[], atReview: boolean): void {
  if (!scn.council) return;
  const over = atReview ? cut.length : Math.max(0, cut.length - scn.council.hqCuts);
  if (over === 0) return;
  const cause = { kind: 'mechanic', mechanic: 'policy-committee' } as const;
  change(d, scn, INDICATOR.cohesion, -over, cause, ['L-primacy', 'L-cohesion']);
  tally(d, 'policy-committee');
}

/**
 * L-nimble, report ¶8 and ¶16 (missions designed on supply rather than demand): a reinforcement with an `offered` unit
 * brings what contributors offer, not what the mission asked for, unless contributors were consulted between the
 * request and the arrival (L-tcc ¶12); the mismatch costs credibility 1. Returns the unit that arrives.
 */
export function suppliedUnit(d: DraftState, scn: Scenario, r: Reinforcement, requested: number, key: string): Unit {
  if (!r.offered || d.consultedUntil >= requested) return r.unit;
  const cause = { kind: 'mechanic', mechanic: 'force-supply', subject: key } as const;
  change(d, scn, INDICATOR.credibility, -1, cause, ['L-nimble', 'L-tcc']);
  tally(d, 'force-supply');
  return r.offered;
}
