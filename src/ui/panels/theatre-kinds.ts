// The actor kinds, as a type for the map and the theatre table.
import type { ACTOR_KINDS } from '../../scenario/schema.js';

export type ActorKind = (typeof ACTOR_KINDS)[number];
