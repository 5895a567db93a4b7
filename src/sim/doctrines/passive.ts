// `passive`: does as little as the rules allow — the smallest mandate, empty plans, first options.
import type { Doctrine } from '../doctrine.js';

export const passive: Doctrine = {
  name: 'passive',
  adoptMandate(ctx) {
    const required = ctx.scenario.mandate.tasks.filter((t) => t.required).map((t) => t.id);
    return required.length > 0 ? required : [ctx.scenario.mandate.tasks[0]!.id];
  },
  reviewMandate() {
    return null;
  },
  choose(ctx, event) {
    return ctx.scenario.events.find((e) => e.id === event)?.choices[0]?.id ?? '';
  },
  strategy(ctx) {
    return ctx.scenario.strategies[0]!.id;
  },
  plan() {
    return [];
  },
  revise() {
    return null;
  },
};
