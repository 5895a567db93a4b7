// Plays a whole game with a doctrine in every chair, through the same step() as any player.
import type { Chair, Scenario } from '../scenario/schema.js';
import { legalActions, newGame, step, viewFor, type Action, type GameState, type PlanItem } from '../engine/index.js';
import { nextFloat, seedRng, type RngState } from '../engine/rng.js';
import { indexOf } from '../engine/scenario-index.js';
import type { Doctrine, DoctrineContext } from './doctrine.js';

export type Seating = Readonly<Partial<Record<Chair, Doctrine>>>;

/** One doctrine in every chair. */
export function seatAll(d: Doctrine): Seating {
  return { srsg: d, envoy: d, police: d, force: d };
}

const MAX_STEPS = 20000;

export class PlayError extends Error {}

/**
 * Drives a game from `state` (a new game by default) to its end, or to `untilTurn`.
 * Deterministic: the doctrines' draws come from a generator seeded by the game's seed.
 */
export function playGame(
  scn: Scenario,
  seed: number,
  seats: Seating,
  from?: GameState,
  untilTurn?: number,
  /** Called once as each turn's planning opens, for tools that study the content (never changes the game). */
  onPlanning?: (s: GameState) => void,
): GameState {
  let s = from ?? newGame(scn, seed);
  const draws: RngState = seedRng((seed ^ 0x5bd1e995) >>> 0);
  const random = () => nextFloat(draws);
  const chairs = indexOf(scn).chairs;
  const doctrineOf = (c: Chair): Doctrine => {
    const d = seats[c] ?? seats.srsg;
    if (!d) throw new PlayError(`no doctrine for the ${c} chair`);
    return d;
  };
  // The view and the legal actions are computed only if the doctrine reads them.
  const ctx = (chair: Chair): DoctrineContext => {
    const at = s;
    let view: DoctrineContext['view'] | undefined;
    let legal: readonly Action[] | undefined;
    return {
      chair,
      scenario: scn,
      random,
      get view() {
        return (view ??= viewFor(at, scn, chair, { ledgerFrom: at.turn }));
      },
      get legal() {
        return (legal ??= legalActions(at, scn, chair));
      },
    };
  };
  const act = (a: Action): boolean => {
    const r = step(s, a, scn);
    if (r.ok) s = r.state;
    return r.ok;
  };
  let guard = 0;
  while (s.phase !== 'over' && !(untilTurn !== undefined && s.turn > untilTurn)) {
    if (++guard > MAX_STEPS) throw new PlayError(`no end after ${MAX_STEPS} steps (phase ${s.phase}, turn ${s.turn})`);
    switch (s.phase) {
      case 'setup': {
        const tasks = doctrineOf('srsg').adoptMandate(ctx('srsg'));
        if (!act({ type: 'mandate/adopt', chair: 'srsg', tasks })) {
          const fallback = legalActions(s, scn, 'srsg').find((a) => a.type === 'mandate/adopt');
          if (!fallback || !act(fallback)) throw new PlayError('no mandate can be adopted');
        }
        break;
      }
      case 'sitrep': {
        const ev = s.pendingChoices[0];
        if (ev !== undefined) {
          const decider = indexOf(scn).events.get(ev)?.decider ?? 'srsg';
          const choice = doctrineOf(decider).choose(ctx(decider), ev);
          if (!act({ type: 'event/choose', chair: decider, event: ev, choice })) {
            const first = indexOf(scn).events.get(ev)?.choices[0]?.id ?? '';
            if (!act({ type: 'event/choose', chair: decider, event: ev, choice: first })) throw new PlayError(`no choice for ${ev}`);
          }
          break;
        }
        if (scn.mandate.reviewTurns.includes(s.turn) && !s.reviewed) {
          const r = doctrineOf('srsg').reviewMandate(ctx('srsg'));
          if (r) act({ type: 'mandate/review', chair: 'srsg', drop: r.drop, add: r.add });
        }
        if (!act({ type: 'sitrep/close', chair: 'srsg' })) throw new PlayError('sitrep cannot close');
        break;
      }
      case 'strategy': {
        const st = doctrineOf('srsg').strategy(ctx('srsg'));
        if (!act({ type: 'strategy/set', chair: 'srsg', strategy: st }) && !act({ type: 'strategy/set', chair: 'srsg', strategy: scn.strategies[0]!.id })) {
          throw new PlayError('no strategy can be set');
        }
        break;
      }
      case 'planning':
        if (onPlanning && chairs.every((c) => !s.plans[c]?.committed && (s.plans[c]?.items.length ?? 0) === 0)) onPlanning(s);
        for (const c of chairs) if (!s.plans[c]?.committed) planFor(c);
        break;
      case 'coordination':
        for (const c of chairs) {
          const p = s.plans[c];
          if (!p || p.confirmed) continue;
          if (!p.committed) planFor(c);
          else if (!p.revised) {
            const items = doctrineOf(c).revise(ctx(c));
            if (items && act({ type: 'plan/revise', chair: c })) {
              fill(c, items);
              act({ type: 'plan/commit', chair: c });
            }
          }
          if (!act({ type: 'plan/confirm', chair: c })) throw new PlayError(`the ${c} chair cannot confirm`);
        }
        break;
    }
  }
  return s;

  function fill(c: Chair, items: readonly PlanItem[]): void {
    // clear what is there, then add what fits
    while ((s.plans[c]?.items.length ?? 0) > 0) act({ type: 'plan/remove', chair: c, index: 0 });
    for (const item of items) act({ type: 'plan/add', chair: c, item });
  }

  function planFor(c: Chair): void {
    fill(c, doctrineOf(c).plan(ctx(c)));
    if (!act({ type: 'plan/commit', chair: c })) throw new PlayError(`the ${c} chair cannot commit`);
  }
}
