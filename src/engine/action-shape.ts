// The shape of an action, checked at runtime: actions may come from saves, files or the network.
// In zod/mini, which bundles only what it uses: step() checks every action, and the game's first chunk holds the engine.
import * as z from 'zod/mini';
import { CHAIRS, CORE_INDICATORS } from '../scenario/constants.js';
import { Effect } from '../scenario/effect.js';
import { MAX_NOTE, MAX_PLAN_ITEMS, type Action } from './types.js';

const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
const int = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
const id = text(1, 64);
const chair = z.enum(CHAIRS);
const ids = z.array(id).check(z.maxLength(60));
const reason = text(1, MAX_NOTE);

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
      z.strictObject({ kind: z.literal('card'), card: id, target: z.optional(id) }),
      z.strictObject({ kind: z.literal('move'), unit: id, to: id }),
    ]),
  }),
  z.strictObject({ type: z.literal('plan/remove'), chair, index: int(0, MAX_PLAN_ITEMS) }),
  z.strictObject({ type: z.literal('plan/commit'), chair, note: z.optional(z.string().check(z.maxLength(MAX_NOTE))) }),
  z.strictObject({ type: z.literal('plan/revise'), chair }),
  z.strictObject({ type: z.literal('plan/confirm'), chair }),
  z.strictObject({ type: z.literal('facilitator/inject'), event: id, reason }),
  z.strictObject({ type: z.literal('facilitator/custom'), title: text(1, 200), effects: z.array(Effect).check(z.minLength(1), z.maxLength(10)), reason }),
  z.strictObject({ type: z.literal('facilitator/end'), reason }),
  z.strictObject({ type: z.literal('facilitator/adjust'), indicator: z.enum(CORE_INDICATORS), by: int(-50, 50), reason }),
]);

export function isAction(x: unknown): x is Action {
  return ActionShape.safeParse(x).success;
}
