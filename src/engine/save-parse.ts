// Reading a save file: its shape checked with zod. Apart from save.ts so that the browser loads zod only to open a save.
import { z } from 'zod';
import { ActionShape } from './action-shape.js';
import { SECRET_PATTERN } from './hash.js';
import { MAX_SAVE_BYTES, SAVE_VERSION, type SaveError } from './save.js';

const common = {
  format: z.literal('mandate-save'),
  scenario: z.strictObject({
    id: z.string().max(64),
    version: z.number().int(),
    hash: z.string().regex(/^[0-9a-f]{16}$/),
  }),
  seed: z.number().int().min(0).max(0xffffffff),
  log: z.array(ActionShape).max(20000),
  stateHash: z.string().regex(/^[0-9a-f]{16}$/),
  meta: z.strictObject({ savedAt: z.string().max(40).optional(), label: z.string().max(200).optional() }).default({}),
};
/**
 * The current version carries the fog's secret and the world's key; version 2 only the secret (its world is the
 * generator seeded by the seed); version 1, from before, neither (restoreSave derives the secret).
 */
const SaveShape = z.union([
  z.strictObject({
    ...common,
    version: z.literal(SAVE_VERSION),
    secret: z.string().regex(SECRET_PATTERN),
    world: z.string().regex(SECRET_PATTERN),
  }),
  z.strictObject({ ...common, version: z.literal(2), secret: z.string().regex(SECRET_PATTERN) }),
  z.strictObject({ ...common, version: z.literal(1) }),
]);
type Parsed = z.infer<typeof SaveShape>;
/** A save of any version: `secret` is absent only from version 1 files, `world` from versions 1 and 2. */
export type SaveFile = { [K in Exclude<keyof Parsed, 'version'>]: Parsed[K] } & {
  version: Parsed['version'];
  secret?: string;
  world?: string;
};

/** Checks a save file's shape, without a scenario. */
export function parseSave(text: string): { ok: true; save: SaveFile } | { ok: false; error: SaveError } {
  if (text.length > MAX_SAVE_BYTES)
    return { ok: false, error: { code: 'save/too-large', message: `larger than ${MAX_SAVE_BYTES} characters` } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'save/not-json', message: 'not a JSON file' } };
  }
  const r = SaveShape.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0]!;
    return { ok: false, error: { code: 'save/shape', message: `${i.path.join('.') || 'file'}: ${i.message}` } };
  }
  return { ok: true, save: r.data };
}
