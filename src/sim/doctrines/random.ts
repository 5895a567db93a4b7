// `random`: picks among the legal options at every decision, with no idea of what works.
import type { PlanItem } from '../../engine/index.js';
import type { Doctrine, DoctrineContext } from '../doctrine.js';

const pick = <T>(xs: readonly T[], r: () => number): T | undefined => xs[Math.floor(r() * xs.length)];

export function shuffled<T>(xs: readonly T[], r: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const random: Doctrine = {
  name: 'random',
  adoptMandate(ctx) {
    const options = ctx.legal.flatMap((a) => (a.type === 'mandate/adopt' ? [a.tasks] : []));
    return [...(pick(options, ctx.random) ?? [])];
  },
  reviewMandate(ctx) {
    if (ctx.random() < 0.5) return null;
    const r = pick(
      ctx.legal.flatMap((a) => (a.type === 'mandate/review' ? [a] : [])),
      ctx.random,
    );
    return r ? { drop: [...r.drop], add: [...r.add] } : null;
  },
  choose(ctx, event) {
    const options = ctx.legal.flatMap((a) => (a.type === 'event/choose' && a.event === event ? [a.choice] : []));
    return pick(options, ctx.random) ?? '';
  },
  strategy(ctx) {
    return pick(ctx.scenario.strategies, ctx.random)!.id;
  },
  plan(ctx) {
    return randomPlan(ctx);
  },
  revise(ctx) {
    return ctx.random() < 0.15 ? randomPlan(ctx) : null;
  },
};

function randomPlan(ctx: DoctrineContext): PlanItem[] {
  const items = ctx.legal.flatMap((a) => (a.type === 'plan/add' ? [a.item] : []));
  // Up to six draws; the engine drops what does not fit the chair's capacity.
  return shuffled(items, ctx.random).slice(0, 6);
}
