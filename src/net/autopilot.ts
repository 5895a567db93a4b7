// Autopilot: what a doctrine does next for one chair, from that chair's view and legal actions only (as in sim/play.ts).
// The server's bots use it on the views it makes for them; a networked client (or the bench) uses it on the views it receives.
import type { Action, ChairView, PlanItem } from '../engine/index.js';
import type { Chair, Scenario } from '../scenario/schema.js';
import type { Doctrine, DoctrineContext } from '../sim/doctrine.js';

export interface ChairSituation {
  readonly chair: Chair;
  readonly view: ChairView;
  readonly legal: readonly Action[];
  readonly scenario: Scenario;
  readonly random: () => number;
}

function contextOf(s: ChairSituation): DoctrineContext {
  return { chair: s.chair, view: s.view, scenario: s.scenario, legal: s.legal, random: s.random };
}

function refill(chair: Chair, current: number, items: readonly PlanItem[]): Action[] {
  const out: Action[] = [];
  for (let i = 0; i < current; i++) out.push({ type: 'plan/remove', chair, index: 0 });
  for (const item of items) out.push({ type: 'plan/add', chair, item });
  return out;
}

const deciderOf = (scn: Scenario, event: string): Chair => scn.events.find((e) => e.id === event)?.decider ?? 'srsg';

/**
 * The actions this chair's doctrine takes next, in order, or null when the chair has nothing to do
 * now (another chair must act first, or the game is over). Send them in order and skip any the
 * server refuses, as sim/play.ts does; then ask again on the next view.
 */
export function nextActionsFor(s: ChairSituation, d: Doctrine): Action[] | null {
  const { chair, view, scenario: scn } = s;
  const mine = view.plans[chair];
  const ownItems = mine?.items?.length ?? 0;
  switch (view.phase) {
    case 'over':
      return null;
    case 'setup': {
      if (chair !== 'srsg') return null;
      const fallback = s.legal.find((a) => a.type === 'mandate/adopt');
      const tasks = d.adoptMandate(contextOf(s));
      return fallback ? [{ type: 'mandate/adopt', chair, tasks }, fallback] : [{ type: 'mandate/adopt', chair, tasks }];
    }
    case 'sitrep': {
      for (const ev of view.pendingChoices) {
        if (deciderOf(scn, ev) !== chair) continue;
        const first = scn.events.find((e) => e.id === ev)?.choices[0]?.id ?? '';
        return [
          { type: 'event/choose', chair, event: ev, choice: d.choose(contextOf(s), ev) },
          { type: 'event/choose', chair, event: ev, choice: first },
        ];
      }
      if (view.pendingChoices.length > 0 || chair !== 'srsg') return null;
      const out: Action[] = [];
      if (s.legal.some((a) => a.type === 'mandate/review')) {
        const r = d.reviewMandate(contextOf(s));
        if (r) out.push({ type: 'mandate/review', chair, drop: r.drop, add: r.add });
      }
      out.push({ type: 'sitrep/close', chair });
      return out;
    }
    case 'strategy': {
      if (chair !== 'srsg') return null;
      return [
        { type: 'strategy/set', chair, strategy: d.strategy(contextOf(s)) },
        { type: 'strategy/set', chair, strategy: scn.strategies[0]!.id },
      ];
    }
    case 'planning':
      if (mine?.committed) return null;
      return [...refill(chair, ownItems, d.plan(contextOf(s))), { type: 'plan/commit', chair }];
    case 'coordination': {
      if (!mine || mine.confirmed) return null;
      if (!mine.committed) return [...refill(chair, ownItems, d.plan(contextOf(s))), { type: 'plan/commit', chair }, { type: 'plan/confirm', chair }];
      if (!mine.revised) {
        const items = d.revise(contextOf(s));
        // Revising reopens the plan with its items, which refill clears first.
        if (items) return [{ type: 'plan/revise', chair }, ...refill(chair, ownItems, items), { type: 'plan/commit', chair }, { type: 'plan/confirm', chair }];
      }
      return [{ type: 'plan/confirm', chair }];
    }
  }
}

/**
 * What the clock does for a chair when a phase's time runs out: commit and confirm what is there,
 * and let the doctrine (as the chair's deputy) take the decisions that have no default.
 */
export function timeoutActionsFor(s: ChairSituation, d: Doctrine): Action[] {
  const { chair, view } = s;
  const mine = view.plans[chair];
  switch (view.phase) {
    case 'sitrep': {
      const out: Action[] = [];
      for (const ev of view.pendingChoices) {
        if (deciderOf(s.scenario, ev) !== chair) continue;
        const first = s.scenario.events.find((e) => e.id === ev)?.choices[0]?.id ?? '';
        out.push({ type: 'event/choose', chair, event: ev, choice: d.choose(contextOf(s), ev) }, { type: 'event/choose', chair, event: ev, choice: first });
      }
      if (chair === 'srsg') out.push({ type: 'sitrep/close', chair });
      return out;
    }
    case 'strategy':
      return chair === 'srsg' ? (nextActionsFor(s, d) ?? []) : [];
    case 'planning':
      return mine && !mine.committed ? [{ type: 'plan/commit', chair }] : [];
    case 'coordination': {
      if (!mine || mine.confirmed) return [];
      return mine.committed ? [{ type: 'plan/confirm', chair }] : [{ type: 'plan/commit', chair }, { type: 'plan/confirm', chair }];
    }
    default:
      return [];
  }
}
