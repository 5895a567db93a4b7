// The bots: for each chair the human does not hold, the next actions its doctrine takes, phase by phase as in sim/play.ts.
import type { Chair, Scenario } from '../scenario/schema.js';
import { legalActions, viewFor, type Action, type GameState, type PlanItem } from '../engine/index.js';
import { hashUnit } from '../engine/rng.js';
import { indexOf } from '../engine/scenario-index.js';
import type { Doctrine, DoctrineContext } from '../sim/doctrine.js';

export interface Seating {
  /** Chairs a person holds; every other chair is played by `doctrine`. */
  readonly humans: readonly Chair[];
  readonly doctrine: Doctrine;
}

/** Whether a chair is played by a bot. */
export function isBot(seating: Pick<Seating, 'humans'>, chair: Chair): boolean {
  return !seating.humans.includes(chair);
}

function contextFor(s: GameState, scn: Scenario, chair: Chair): DoctrineContext {
  let n = 0;
  // Stateless draws keyed on the seed and the log length, so a resumed game draws the same.
  const random = () => hashUnit(s.seed, 'bot', s.log.length, chair, n++);
  return { chair, view: viewFor(s, scn, chair), scenario: scn, legal: legalActions(s, scn, chair), random };
}

function refill(s: GameState, chair: Chair, items: readonly PlanItem[]): Action[] {
  const out: Action[] = [];
  for (let i = 0; i < (s.plans[chair]?.items.length ?? 0); i++) out.push({ type: 'plan/remove', chair, index: 0 });
  for (const item of items) out.push({ type: 'plan/add', chair, item });
  return out;
}

/**
 * The actions one bot takes next, in order, or null when every bot waits on a person (or the game
 * is over). The store sends each through `step`; a refused one is skipped, as in sim/play.ts.
 */
export function nextBotActions(s: GameState, scn: Scenario, seating: Seating): Action[] | null {
  const bot = (c: Chair) => isBot(seating, c);
  const d = seating.doctrine;
  const chairs = indexOf(scn).chairs;
  switch (s.phase) {
    case 'over':
      return null;
    case 'setup': {
      if (!bot('srsg')) return null;
      const tasks = d.adoptMandate(contextFor(s, scn, 'srsg'));
      const fallback = legalActions(s, scn, 'srsg').find((a) => a.type === 'mandate/adopt');
      return fallback ? [{ type: 'mandate/adopt', chair: 'srsg', tasks }, fallback] : [{ type: 'mandate/adopt', chair: 'srsg', tasks }];
    }
    case 'sitrep': {
      for (const ev of s.pendingChoices) {
        const decider = indexOf(scn).events.get(ev)?.decider ?? 'srsg';
        if (!bot(decider)) continue;
        const choice = d.choose(contextFor(s, scn, decider), ev);
        const first = indexOf(scn).events.get(ev)?.choices[0]?.id ?? '';
        return [
          { type: 'event/choose', chair: decider, event: ev, choice },
          { type: 'event/choose', chair: decider, event: ev, choice: first },
        ];
      }
      if (s.pendingChoices.length > 0 || !bot('srsg')) return null;
      const out: Action[] = [];
      if (scn.mandate.reviewTurns.includes(s.turn) && !s.reviewed) {
        const r = d.reviewMandate(contextFor(s, scn, 'srsg'));
        if (r) out.push({ type: 'mandate/review', chair: 'srsg', drop: r.drop, add: r.add });
      }
      out.push({ type: 'sitrep/close', chair: 'srsg' });
      return out;
    }
    case 'strategy': {
      if (!bot('srsg')) return null;
      const st = d.strategy(contextFor(s, scn, 'srsg'));
      return [
        { type: 'strategy/set', chair: 'srsg', strategy: st },
        { type: 'strategy/set', chair: 'srsg', strategy: scn.strategies[0]!.id },
      ];
    }
    case 'planning': {
      const c = chairs.find((x) => bot(x) && !s.plans[x]?.committed);
      if (c === undefined) return null;
      return [...refill(s, c, d.plan(contextFor(s, scn, c))), { type: 'plan/commit', chair: c }];
    }
    case 'coordination': {
      const c = chairs.find((x) => bot(x) && !s.plans[x]?.confirmed);
      if (c === undefined) return null;
      const p = s.plans[c];
      if (!p?.committed) return [...refill(s, c, d.plan(contextFor(s, scn, c))), { type: 'plan/commit', chair: c }, { type: 'plan/confirm', chair: c }];
      if (!p.revised) {
        const items = d.revise(contextFor(s, scn, c));
        if (items) {
          // Revising reopens the plan with its items, which refill clears first.
          return [{ type: 'plan/revise', chair: c }, ...refill(s, c, items), { type: 'plan/commit', chair: c }, { type: 'plan/confirm', chair: c }];
        }
      }
      return [{ type: 'plan/confirm', chair: c }];
    }
  }
}
