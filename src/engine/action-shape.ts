// The shape of an action, checked at runtime: actions may come from saves, files or the network.
import { z } from 'zod';
import { CHAIRS, CORE_INDICATORS, Effect } from '../scenario/schema.js';
import { MAX_NOTE, MAX_PLAN_ITEMS, type Action } from './types.js';

const id = z.string().min(1).max(64);
const chair = z.enum(CHAIRS);
const ids = z.array(id).max(60);
const reason = z.string().min(1).max(MAX_NOTE);

export const ActionShape = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('mandate/adopt'), chair, tasks: ids }),
  z.strictObject({ type: z.literal('mandate/review'), chair, drop: ids, add: ids }),
  z.strictObject({ type: z.literal('event/choose'), chair, event: id, choice: id }),
  z.strictObject({ type: z.literal('sitrep/close'), chair }),
  z.strictObject({ type: z.literal('strategy/set'), chair, strategy: id }),
  z.strictObject({
    type: z.literal('plan/add'),
    chair,
    item: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('card'), card: id, target: id.optional() }),
      z.strictObject({ kind: z.literal('move'), unit: id, to: id }),
    ]),
  }),
  z.strictObject({ type: z.literal('plan/remove'), chair, index: z.number().int().min(0).max(MAX_PLAN_ITEMS) }),
  z.strictObject({ type: z.literal('plan/commit'), chair, note: z.string().max(MAX_NOTE).optional() }),
  z.strictObject({ type: z.literal('plan/revise'), chair }),
  z.strictObject({ type: z.literal('plan/confirm'), chair }),
  z.strictObject({ type: z.literal('facilitator/inject'), event: id, reason }),
  z.strictObject({ type: z.literal('facilitator/custom'), title: z.string().min(1).max(200), effects: z.array(Effect).min(1).max(10), reason }),
  z.strictObject({ type: z.literal('facilitator/end'), reason }),
  z.strictObject({ type: z.literal('facilitator/adjust'), indicator: z.enum(CORE_INDICATORS), by: z.number().int().min(-50).max(50), reason }),
]);

export function isAction(x: unknown): x is Action {
  return ActionShape.safeParse(x).success;
}
