// The Effect schema (a declarative change to the game state) in zod/mini, which bundles only what it uses: the engine
// checks actions that carry effects (a facilitator's custom inject) in the game's first chunk, without the full zod of
// schema.ts. Its checks and messages are zod's own, the same as in schema.ts, which takes it in.
import * as z from 'zod/mini';
import { CORE_INDICATORS } from './constants.js';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const ID_MESSAGE = 'an id: lower-case letters, digits and dashes, at most 64';

const id = z.string().check(z.regex(ID_PATTERN, ID_MESSAGE));
const ref = id;
/** A reference that may also be `$target`, the target chosen when the action is played. */
const targetRef = z.union([z.literal('$target'), id]);
const delta = z.number().check(z.minimum(-100), z.maximum(100));

/** A declarative change to the game state. `$target` is the action's chosen target. */
export const Effect = z.discriminatedUnion('do', [
  z.strictObject({ do: z.literal('indicator'), id: z.enum(CORE_INDICATORS), by: delta }),
  z.strictObject({ do: z.literal('violence'), region: targetRef, by: delta }),
  z.strictObject({ do: z.literal('stance'), actor: targetRef, by: delta }),
  z.strictObject({ do: z.literal('strength'), actor: targetRef, by: delta }),
  z.strictObject({ do: z.literal('flag'), set: id }),
  z.strictObject({ do: z.literal('unflag'), flag: id }),
  z.strictObject({ do: z.literal('sign-agreement') }),
  z.strictObject({ do: z.literal('implement'), by: delta }),
  z.strictObject({ do: z.literal('request-unit'), unit: ref }),
  z.strictObject({ do: z.literal('expedite') }),
  z.strictObject({ do: z.literal('consult-contributors') }),
]);
export type Effect = z.infer<typeof Effect>;
