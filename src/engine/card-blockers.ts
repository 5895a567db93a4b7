// Why a card is closed to a chair, in terms the chair may know: read from its view and the scenario, never from the
// true state, so a reason cannot reveal a hidden number (a threshold on an estimate is the rule, not the value).
import type { Card, Condition, Scenario } from '../scenario/schema.js';
import { indexOf } from './scenario-index.js';
import type { ChairView } from './view.js';

export type Blocker =
  /** The card opens from this month. */
  | { readonly kind: 'opens'; readonly turn: number }
  /** The card closed after this month. */
  | { readonly kind: 'closed'; readonly turn: number }
  /** Played too recently: this many more months before it can be played again (null: the chair cannot tell). */
  | { readonly kind: 'cooldown'; readonly months: number | null }
  /** After this event has happened (with the month it may come from, when the scenario says). */
  | { readonly kind: 'after-event'; readonly event: string; readonly from: number | null }
  /** After another action has been played. */
  | { readonly kind: 'after-card'; readonly card: string }
  | { readonly kind: 'strategy'; readonly strategy: string }
  | { readonly kind: 'mandated'; readonly task: string }
  | { readonly kind: 'agreement'; readonly status: 'none' | 'signed' | 'implemented' }
  | { readonly kind: 'unit'; readonly unit: string }
  | { readonly kind: 'presence'; readonly region: string }
  /** A level on a track: a rule of the card, told whatever the track's true value. */
  | {
      readonly kind: 'level';
      readonly track: 'indicator' | 'violence' | 'stance' | 'strength';
      readonly id: string;
      readonly gte?: number | undefined;
      readonly lte?: number | undefined;
    }
  /** Already done once (a situation that, once set, closes the card). */
  | { readonly kind: 'done' }
  | { readonly kind: 'unknown' };

/** The turn a chair last saw its card take effect, from the ledger it sees. */
function lastPlayed(view: ChairView, card: string): number | undefined {
  let last: number | undefined;
  for (const e of view.ledger)
    if (e.cause.kind === 'action' && e.cause.card === card && (last === undefined || e.turn > last)) last = e.turn;
  return last;
}

/** The months left before a card played in `last` may be played again, from `turn`. */
export function monthsUntilAgain(turn: number, last: number, cooldown: number): number {
  return Math.max(1, last + cooldown + 1 - turn);
}

export function cooldownBlocker(view: ChairView, card: Card): Blocker {
  const last = lastPlayed(view, card.id);
  return { kind: 'cooldown', months: last === undefined ? null : monthsUntilAgain(view.turn, last, card.cooldown) };
}

/** What a situation marker (flag) waits for: the events and cards that set it. */
function flagSources(scn: Scenario, flag: string): Blocker[] {
  const out: Blocker[] = [];
  for (const ev of scn.events) {
    const sets = [...ev.effects, ...ev.choices.flatMap((c) => c.effects)].some(
      (e) => e.do === 'flag' && e.set === flag,
    );
    if (sets) out.push({ kind: 'after-event', event: ev.id, from: ev.window?.from ?? turnFloor(ev.when) });
  }
  for (const c of indexOf(scn).cards.values())
    if (c.effects.some((e) => e.do === 'flag' && e.set === flag)) out.push({ kind: 'after-card', card: c.id });
  return out;
}

function turnFloor(c: Condition | undefined): number | null {
  if (!c) return null;
  if (c.test === 'turn') return c.gte ?? null;
  if (c.test === 'all') for (const x of c.of) if (x.test === 'turn' && x.gte !== undefined) return x.gte;
  return null;
}

/** The parts of a condition the chair cannot see holding, each as a blocker. Parts it sees holding are left out. */
function conditionBlockers(scn: Scenario, view: ChairView, c: Condition): Blocker[] {
  switch (c.test) {
    case 'turn':
      if (c.gte !== undefined && view.turn < c.gte) return [{ kind: 'opens', turn: c.gte }];
      if (c.lte !== undefined && view.turn > c.lte) return [{ kind: 'closed', turn: c.lte }];
      return [];
    case 'event':
      return view.fired.some((f) => f.event === c.event)
        ? []
        : [
            {
              kind: 'after-event',
              event: c.event,
              from:
                turnFloor(indexOf(scn).events.get(c.event)?.when) ??
                indexOf(scn).events.get(c.event)?.window?.from ??
                null,
            },
          ];
    case 'strategy':
      return view.strategy === c.strategy ? [] : [{ kind: 'strategy', strategy: c.strategy }];
    case 'mandated':
      return view.mandate.includes(c.task) ? [] : [{ kind: 'mandated', task: c.task }];
    case 'agreement':
      return view.agreement.status === c.status ? [] : [{ kind: 'agreement', status: c.status }];
    case 'unit':
      return c.unit in view.units ? [] : [{ kind: 'unit', unit: c.unit }];
    case 'presence':
      return Object.values(view.units).some((u) => u.region === c.region)
        ? []
        : [{ kind: 'presence', region: c.region }];
    case 'indicator':
      return [{ kind: 'level', track: 'indicator', id: c.id, gte: c.gte, lte: c.lte }];
    case 'violence':
      return [{ kind: 'level', track: 'violence', id: c.region, gte: c.gte, lte: c.lte }];
    case 'stance':
      return [{ kind: 'level', track: 'stance', id: c.actor, gte: c.gte, lte: c.lte }];
    case 'strength':
      return [{ kind: 'level', track: 'strength', id: c.actor, gte: c.gte, lte: c.lte }];
    case 'flag': {
      const sources = flagSources(scn, c.flag);
      return sources.length > 0 ? sources.slice(0, 1) : [{ kind: 'unknown' }];
    }
    case 'mechanic':
      // how often a rule fired is not in any view: say only that the conditions are not met
      return [{ kind: 'unknown' }];
    case 'all':
      return c.of.flatMap((x) => conditionBlockers(scn, view, x));
    case 'any': {
      const parts = c.of.map((x) => conditionBlockers(scn, view, x));
      if (parts.some((p) => p.length === 0)) return [];
      return parts[0] ?? [];
    }
    case 'not': {
      // "not yet set": a card that sets its own marker is closed once it (or its event) has been seen to happen
      if (c.cond.test !== 'flag') return [{ kind: 'unknown' }];
      const flag = c.cond.flag;
      const happened = flagSources(scn, flag).some((b) =>
        b.kind === 'after-card'
          ? lastPlayed(view, b.card) !== undefined
          : b.kind === 'after-event' && view.fired.some((f) => f.event === b.event),
      );
      return happened ? [{ kind: 'done' }] : [];
    }
  }
}

/**
 * Why a card's conditions (`requires`) keep it closed, as far as the chair can tell. The engine refused it, so at least
 * one part fails; the parts the chair sees holding are dropped, and those it cannot judge are told as the rule.
 */
export function requiresBlockers(scn: Scenario, view: ChairView, card: Card): Blocker[] {
  if (!card.requires) return [{ kind: 'unknown' }];
  const out = conditionBlockers(scn, view, card.requires);
  // one situation told once; the month a card opens first
  const seen = new Set<string>();
  const unique = out.filter((b) => {
    const k = JSON.stringify(b);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const timed = unique.filter((b) => b.kind === 'opens');
  const known = unique.filter((b) => b.kind !== 'unknown');
  return timed.length > 0 ? timed : known.length > 0 ? known : [{ kind: 'unknown' }];
}
