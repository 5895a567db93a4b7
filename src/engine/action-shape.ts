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
  z.strictObject({
    type: z.literal('facilitator/custom'),
    title: text(1, 200),
    effects: z.array(Effect).check(z.minLength(1), z.maxLength(10)),
    reason,
  }),
  z.strictObject({ type: z.literal('facilitator/end'), reason }),
  z.strictObject({ type: z.literal('facilitator/length'), months: int(1, 120) }),
  z.strictObject({
    type: z.literal('facilitator/adjust'),
    indicator: z.enum(CORE_INDICATORS),
    by: int(-50, 50),
    reason,
  }),
]);

const isId = (v: unknown): boolean => typeof v === 'string' && v.length >= 1 && v.length <= 64;
const isChair = (v: unknown): boolean => (CHAIRS as readonly unknown[]).includes(v);
const plain = (x: object): boolean => {
  const p = Object.getPrototypeOf(x) as unknown;
  return (p === Object.prototype || p === null) && !Array.isArray(x);
};
/** Exactly these keys (strict objects), with the `optional` ones allowed to be absent. */
function keysAre(o: object, required: readonly string[], optional: readonly string[] = []): boolean {
  let n = 0;
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) return false;
    if (!required.includes(k) && !optional.includes(k)) return false;
    n++;
  }
  for (const k of required) if (!Object.prototype.hasOwnProperty.call(o, k)) return false;
  return n >= required.length && Object.getOwnPropertySymbols(o).length === 0;
}
const isIds = (v: unknown): boolean => Array.isArray(v) && v.length <= 60 && v.every(isId);

/**
 * A quick check of the actions bots and players send all the time. It accepts only what ActionShape
 * accepts (a subset: in any doubt it answers false and zod decides), so it changes no verdict.
 */
function quickAction(x: unknown): boolean {
  if (x === null || typeof x !== 'object' || !plain(x)) return false;
  const a = x as Record<string, unknown>;
  if (!isChair(a['chair'])) return false;
  switch (a['type']) {
    case 'sitrep/close':
    case 'plan/revise':
    case 'plan/confirm':
      return keysAre(a, ['type', 'chair']);
    case 'plan/commit':
      return keysAre(a, ['type', 'chair']);
    case 'strategy/set':
      return keysAre(a, ['type', 'chair', 'strategy']) && isId(a['strategy']);
    case 'event/choose':
      return keysAre(a, ['type', 'chair', 'event', 'choice']) && isId(a['event']) && isId(a['choice']);
    case 'mandate/adopt':
      return keysAre(a, ['type', 'chair', 'tasks']) && isIds(a['tasks']);
    case 'mandate/review':
      return keysAre(a, ['type', 'chair', 'drop', 'add']) && isIds(a['drop']) && isIds(a['add']);
    case 'plan/remove': {
      const i = a['index'];
      return (
        keysAre(a, ['type', 'chair', 'index']) &&
        typeof i === 'number' &&
        Number.isInteger(i) &&
        i >= 0 &&
        i <= MAX_PLAN_ITEMS
      );
    }
    case 'plan/add': {
      const it = a['item'];
      if (!keysAre(a, ['type', 'chair', 'item']) || it === null || typeof it !== 'object' || !plain(it)) return false;
      const item = it as Record<string, unknown>;
      if (item['kind'] === 'card')
        return (
          keysAre(item, ['kind', 'card'], ['target']) &&
          isId(item['card']) &&
          (!('target' in item) || isId(item['target']))
        );
      if (item['kind'] === 'move')
        return keysAre(item, ['kind', 'unit', 'to']) && isId(item['unit']) && isId(item['to']);
      return false;
    }
    default:
      return false;
  }
}

export function isAction(x: unknown): x is Action {
  return quickAction(x) || ActionShape.safeParse(x).success;
}
