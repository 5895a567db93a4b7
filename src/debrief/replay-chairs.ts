// Like for like: the decisions people took in a game, as doctrines that take them again in a branch. Where an old
// decision no longer applies (the event did not fire, an action is no longer legal), the bot's doctrine decides, and
// the fallback is recorded so the screen can say exactly what was replayed and what was not.
import type { Chair, Scenario } from '../scenario/schema.js';
import { canonicalJson, keysOf, newGame, step, type Action, type GameState, type PlanItem } from '../engine/index.js';
import type { Doctrine, DoctrineContext } from '../sim/doctrine.js';

/** What one chair decided in one month of the original game. */
interface Month {
  strategy?: string;
  choices: Map<string, string>;
  review?: { drop: string[]; add: string[] };
  plan?: PlanItem[];
  revised?: PlanItem[];
}

export type DecisionKind = 'plan' | 'revision' | 'choice' | 'strategy' | 'review';

export interface Fallback {
  readonly turn: number;
  readonly chair: Chair;
  readonly kind: DecisionKind;
  /** Items of an old plan that are no longer legal (dropped; the rest was kept). */
  readonly dropped: readonly PlanItem[];
  /** The whole decision went to the bot. */
  readonly toBot: boolean;
}

export interface ReplayLog {
  /** Old decisions taken again as they were. */
  replayed: number;
  readonly fallbacks: Fallback[];
}

/** Each human chair's decisions by month, read by replaying the original log. */
export function decisionsOf(scn: Scenario, original: GameState, humans: readonly Chair[]): Map<string, Month> {
  const out = new Map<string, Month>();
  const at = (turn: number, chair: Chair) => {
    const k = `${turn}:${chair}`;
    let m = out.get(k);
    if (!m) out.set(k, (m = { choices: new Map() }));
    return m;
  };
  let s = newGame(scn, original.seed, keysOf(original));
  for (const a of original.log) {
    const r = step(s, a, scn);
    if (!r.ok) break;
    const before = s;
    s = r.state;
    if (!('chair' in a) || !humans.includes(a.chair)) continue;
    const m = at(before.turn, a.chair);
    if (a.type === 'strategy/set') m.strategy = a.strategy;
    else if (a.type === 'event/choose') m.choices.set(a.event, a.choice);
    else if (a.type === 'mandate/review') m.review = { drop: [...a.drop], add: [...a.add] };
    else if (a.type === 'plan/commit') {
      const items = [...(before.plans[a.chair]?.items ?? [])];
      if (before.plans[a.chair]?.revised) m.revised = items;
      else m.plan = items;
    }
  }
  return out;
}

/**
 * Doctrines for the human chairs that take their old decisions again from `from` on, falling back to `bot` where an
 * old decision no longer applies. `log` records both.
 */
export function replayingSeats(
  scn: Scenario,
  original: GameState,
  humans: readonly Chair[],
  bot: Doctrine,
  log: ReplayLog,
): Partial<Record<Chair, Doctrine>> {
  const months = decisionsOf(scn, original, humans);
  const month = (ctx: DoctrineContext) => months.get(`${ctx.view.turn}:${ctx.chair}`);
  const fallback = (ctx: DoctrineContext, kind: DecisionKind, dropped: readonly PlanItem[] = [], toBot = true) =>
    log.fallbacks.push({ turn: ctx.view.turn, chair: ctx.chair, kind, dropped, toBot });
  const legalItems = (ctx: DoctrineContext, items: readonly PlanItem[]) => {
    const legal = new Set(
      ctx.legal
        .filter((a): a is Extract<Action, { type: 'plan/add' }> => a.type === 'plan/add')
        .map((a) => canonicalJson(a.item)),
    );
    return {
      kept: items.filter((x) => legal.has(canonicalJson(x))),
      dropped: items.filter((x) => !legal.has(canonicalJson(x))),
    };
  };
  const planFrom = (ctx: DoctrineContext, items: readonly PlanItem[] | undefined, kind: DecisionKind): PlanItem[] => {
    if (items === undefined) {
      fallback(ctx, kind);
      return bot.plan(ctx);
    }
    const { kept, dropped } = legalItems(ctx, items);
    if (items.length > 0 && kept.length === 0) {
      fallback(ctx, kind, dropped);
      return bot.plan(ctx);
    }
    if (dropped.length > 0) fallback(ctx, kind, dropped, false);
    else log.replayed += 1;
    return kept;
  };
  const seat = (): Doctrine => ({
    name: 'replay',
    adoptMandate: (ctx) => bot.adoptMandate(ctx),
    reviewMandate: (ctx) => {
      const m = month(ctx);
      if (m?.review) {
        log.replayed += 1;
        return m.review;
      }
      return null;
    },
    choose: (ctx, event) => {
      const c = month(ctx)?.choices.get(event);
      if (c !== undefined) {
        log.replayed += 1;
        return c;
      }
      fallback(ctx, 'choice');
      return bot.choose(ctx, event);
    },
    strategy: (ctx) => {
      const st = month(ctx)?.strategy;
      if (st !== undefined) {
        log.replayed += 1;
        return st;
      }
      fallback(ctx, 'strategy');
      return bot.strategy(ctx);
    },
    plan: (ctx) => planFrom(ctx, month(ctx)?.plan, 'plan'),
    revise: (ctx) => {
      const r = month(ctx)?.revised;
      if (r === undefined) return null;
      return planFrom(ctx, r, 'revision');
    },
  });
  const out: Partial<Record<Chair, Doctrine>> = {};
  for (const c of humans) out[c] = seat();
  return out;
}
