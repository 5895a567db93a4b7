// The scenario file format: a strict zod schema from which the TypeScript types are derived.
import { z } from 'zod';
import {
  ACTOR_KINDS,
  CAPABILITIES,
  CAVEATS,
  CHAIRS,
  CORE_INDICATORS,
  DIMENSIONS,
  MECHANICS,
  SCHEMA_VERSION,
  TAGS,
  type Dimension,
  type IndicatorId,
} from './constants.js';
import { Effect, ID_MESSAGE, ID_PATTERN } from './effect.js';

// Effect is in effect.ts (zod/mini) for the engine's first chunk; re-exported so imports from here keep working.
export { Effect };
// The closed sets live in constants.ts (no zod there, for the game's first chunk); re-exported so imports from here keep working.
export * from './constants.js';

const LIMIT = { text: 4000, name: 160, list: 400 } as const;

const id = z.string().regex(ID_PATTERN, ID_MESSAGE);
const ref = id;
const num = (min: number, max: number) => z.number().finite().min(min).max(max);
const int = (min: number, max: number) => z.number().int().min(min).max(max);
// core.SomeType: classic schemas and the zod/mini Effect alike
const list = <T extends z.core.SomeType>(item: T, max: number = LIMIT.list) => z.array(item).max(max);

/** A text shown to players, in English and (optionally) French. */
export const Loc = z.strictObject({
  en: z.string().min(1).max(LIMIT.text),
  fr: z.string().min(1).max(LIMIT.text).optional(),
});
export type Loc = z.infer<typeof Loc>;

/** A short label for the map (a unit's or an actor's), in English and (optionally) French. */
export const ShortLoc = z.strictObject({
  en: z.string().min(1).max(16),
  fr: z.string().min(1).max(16).optional(),
});

const bounds = { gte: num(-100, 100).optional(), lte: num(-100, 100).optional() };

/** A declarative test on the game state. */
export type Condition =
  | { test: 'indicator'; id: IndicatorId; gte?: number | undefined; lte?: number | undefined }
  | { test: 'violence'; region: string; gte?: number | undefined; lte?: number | undefined }
  | { test: 'stance'; actor: string; gte?: number | undefined; lte?: number | undefined }
  | { test: 'strength'; actor: string; gte?: number | undefined; lte?: number | undefined }
  | { test: 'turn'; gte?: number | undefined; lte?: number | undefined }
  | { test: 'flag'; flag: string }
  | { test: 'event'; event: string }
  | { test: 'strategy'; strategy: string }
  | { test: 'mandated'; task: string }
  | { test: 'agreement'; status: 'none' | 'signed' | 'implemented' }
  | { test: 'presence'; region: string }
  | { test: 'unit'; unit: string }
  /** How many times an engine mechanic has weighed on the mission so far (the state's tally, from the ledger's causes). */
  | { test: 'mechanic'; mechanic: (typeof MECHANICS)[number]; gte?: number | undefined; lte?: number | undefined }
  | { test: 'all'; of: Condition[] }
  | { test: 'any'; of: Condition[] }
  | { test: 'not'; cond: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('test', [
    z.strictObject({ test: z.literal('indicator'), id: z.enum(CORE_INDICATORS), ...bounds }),
    z.strictObject({ test: z.literal('violence'), region: ref, ...bounds }),
    z.strictObject({ test: z.literal('stance'), actor: ref, ...bounds }),
    z.strictObject({ test: z.literal('strength'), actor: ref, ...bounds }),
    z.strictObject({ test: z.literal('turn'), gte: int(1, 200).optional(), lte: int(1, 200).optional() }),
    z.strictObject({ test: z.literal('flag'), flag: id }),
    z.strictObject({ test: z.literal('event'), event: ref }),
    z.strictObject({ test: z.literal('strategy'), strategy: ref }),
    z.strictObject({ test: z.literal('mandated'), task: ref }),
    z.strictObject({ test: z.literal('agreement'), status: z.enum(['none', 'signed', 'implemented']) }),
    z.strictObject({ test: z.literal('presence'), region: ref }),
    z.strictObject({ test: z.literal('unit'), unit: ref }),
    z.strictObject({
      test: z.literal('mechanic'),
      mechanic: z.enum(MECHANICS),
      gte: int(0, 200).optional(),
      lte: int(0, 200).optional(),
    }),
    z.strictObject({ test: z.literal('all'), of: list(Condition, 20).min(1) }),
    z.strictObject({ test: z.literal('any'), of: list(Condition, 20).min(1) }),
    z.strictObject({ test: z.literal('not'), cond: Condition }),
  ]),
);

/** A lesson id from the lessons catalogue, such as `L-primacy`. */
export const LessonId = z.string().regex(/^L-[a-z0-9-]{1,40}$/, 'a lesson id such as L-primacy');
const lessons = list(LessonId, 20).default([]);

const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date: YYYY-MM or YYYY-MM-DD');

/** A published source the scenario rests on; events cite it by id. */
export const Source = z.strictObject({
  id,
  author: z.string().min(1).max(LIMIT.name),
  title: z.string().min(1).max(400),
  /** Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date: YYYY, YYYY-MM or YYYY-MM-DD'),
  /** Web address (or a library reference when there is none). */
  url: z.string().min(1).max(600),
});

/** A named person who held a role, with the dates in office that fall near the scenario. */
export const Leader = z.strictObject({
  name: z.string().min(1).max(LIMIT.name),
  role: Loc,
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** An acronym or a name the players meet, explained in both languages. */
export const GlossaryEntry = z.strictObject({
  term: z.string().min(1).max(LIMIT.name),
  /** The term spelled out, or the person's role. */
  name: Loc,
  text: Loc.optional(),
});

export const Indicator = z.strictObject({
  name: Loc,
  initial: num(0, 100),
  min: num(0, 100).default(0),
  max: num(0, 100).default(100),
  /** `estimated` indicators are seen through the fog of the mission's analysis. */
  observed: z.enum(['exact', 'estimated']).default('estimated'),
});

export const Region = z.strictObject({
  id,
  name: Loc,
  /** Map position, 0–1000 on both axes: the schematic map's, used when the scenario has no geography. */
  x: num(0, 1000),
  y: num(0, 1000),
  /** Longitude and latitude of the region's centre (WGS 84 degrees); when every region has both, the map draws the
   *  base map of assets/maps/ whose box holds them, and the regions where they are. */
  lon: num(-180, 180).optional(),
  lat: num(-90, 90).optional(),
  /** The base map's country the region lies in (ISO 3166-1 alpha-3, such as COD or MLI), shown in its card. */
  area: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as COD')
    .optional(),
  /** Population in thousands. */
  population: num(0, 100000),
  violence: num(0, 100),
  /** How hard the region is to reach, 0–100. */
  access: num(0, 100).default(30),
  urban: z.boolean().default(false),
  links: list(ref, 20).default([]),
});

export const Rule = z.strictObject({
  id,
  text: Loc,
  when: Condition.optional(),
  chance: num(0, 1).default(1),
  effects: list(Effect, 20),
  lessons,
});

export const Actor = z.strictObject({
  id,
  name: Loc,
  kind: z.enum(ACTOR_KINDS),
  /** A short label for the map (up to 16 characters); without it the map shortens the name. */
  short: ShortLoc.optional(),
  /** Whether the mission can negotiate with this actor at all. */
  negotiable: z.boolean().default(true),
  /** Whether this actor is a party to the conflict. */
  party: z.boolean().default(false),
  /** Stance toward the mission and the process: -100 hostile, +100 supportive. */
  stance: num(-100, 100),
  strength: num(0, 100),
  regions: list(ref, 50).default([]),
  /** Violence this actor adds per turn to its regions at full strength while hostile. */
  aggression: num(0, 30).default(0),
  interests: list(Loc, 10).default([]),
  /** Its real intention, hidden from the chairs until analysis reaches `intentVisibleAt`. */
  intent: Loc.optional(),
  intentVisibleAt: num(0, 100).default(60),
  /** The people who led it, with their dates: history's names, not the game's. */
  leaders: list(Leader, 20).default([]),
  rules: list(Rule, 40).default([]),
});

export const Unit = z.strictObject({
  id,
  name: Loc,
  capability: z.enum(CAPABILITIES),
  /** A short label for the map (up to 16 characters), shown beside the unit's icon; without it, the icon alone. */
  short: ShortLoc.optional(),
  region: ref,
  strength: num(1, 10),
  /** How well the contingent performs, 0.5–1.5. */
  performance: num(0.3, 1.5).default(1),
  contributor: Loc.optional(),
  caveats: list(z.enum(CAVEATS), 4).default([]),
});

export const Reinforcement = z.strictObject({
  unit: Unit,
  /** Turns from request to arrival. */
  leadTime: int(0, 36),
  /**
   * What contributors offer in its place: force generation works on supply, not demand (report ¶8, ¶16). This unit
   * arrives instead of `unit` unless contributors were consulted between the request and the arrival.
   */
  offered: Unit.optional(),
  /**
   * Already generated and on its way when the game starts (a contingent history had in the pipeline): it arrives at
   * the start of this turn with no request, and no lead-time cost, since nobody in the game asked for it.
   */
  underway: int(1, 200).optional(),
});

export const Task = z.strictObject({
  id,
  name: Loc,
  text: Loc.optional(),
  /** How much adopting this task raises the population's expectations. */
  expectation: num(0, 30).default(3),
  /** The Council insists: it cannot be left out or dropped. */
  required: z.boolean().default(false),
});

export const Mandate = z.strictObject({
  tasks: list(Task, 60).min(1),
  /** Tasks adopted if the SRSG adopts none: the Council's draft. */
  draft: list(ref, 60).default([]),
  /** How many tasks the mission can pursue at full strength. */
  focus: int(1, 60).default(5),
  /** Turns at whose start the SRSG may review the mandate with the Council: the Council's renewal timetable. */
  reviewTurns: list(int(2, 200), 20).default([]),
  /**
   * Regions where the mandate applies (the resolution's priority areas): protection weighs them alike, on top of
   * where people live (see `mechanics.areaWeight`). Absent: every region.
   */
  areas: list(ref, 60).default([]),
});

export const Strategy = z.strictObject({
  id,
  name: Loc,
  text: Loc,
  /** Actors whose talks this strategy backs: the political track it names. */
  track: list(ref, 20).default([]),
  lessons,
});

export const Card = z.strictObject({
  id,
  chair: z.enum(CHAIRS),
  name: Loc,
  text: Loc,
  cost: int(0, 10).default(1),
  target: z.enum(['none', 'region', 'actor']).default('none'),
  /** When set, only these ids may be targeted. */
  targets: list(ref, 100).optional(),
  /** The mandate task this action serves; it is legal only while the task is mandated. */
  task: ref.optional(),
  tags: list(z.enum(TAGS), 10).default([]),
  requires: Condition.optional(),
  /** A mission unit of this capability must stand in the target region (or a region of the target actor). */
  needsUnit: z.enum(CAPABILITIES).optional(),
  /** Turns before this action can be played again (0: every turn). */
  cooldown: int(0, 50).default(0),
  effects: list(Effect, 20),
  lessons,
});

export const Choice = z.strictObject({
  id,
  label: Loc,
  effects: list(Effect, 20),
  lessons,
});

export const Event = z.strictObject({
  id,
  title: Loc,
  text: Loc,
  /** Historical date, `YYYY-MM` or `YYYY-MM-DD`. */
  date: isoDate.optional(),
  /** The id of the scenario source (see `sources`) the dated event rests on. */
  source: ref.optional(),
  /** The event compresses, moves or invents history; the game says so where it appears. */
  hypothetical: z.boolean().default(false),
  window: z.strictObject({ from: int(1, 200), to: int(1, 200) }).optional(),
  when: Condition.optional(),
  chance: num(0, 1).default(1),
  repeat: z.boolean().default(false),
  /** Analysis needed to see the warning one turn ahead; absent: no warning. */
  warnAt: num(0, 100).optional(),
  decider: z.enum(CHAIRS).default('srsg'),
  effects: list(Effect, 20).default([]),
  choices: list(Choice, 6).default([]),
  lessons,
});

export const EndCondition = z.strictObject({
  id,
  when: Condition,
  outcome: z.enum(['success', 'failure']),
  text: Loc,
});

export const Epilogue = z.strictObject({
  id,
  minScore: num(0, 100).default(0),
  maxScore: num(0, 100).default(100),
  when: Condition.optional(),
  text: Loc,
});

export const ChairSetup = z.strictObject({
  capacity: int(1, 10),
  /** Who held the seat in history, with their dates. */
  holders: list(Leader, 10).default([]),
});

/** A step of an interactive guide: shown to the players in a phase (of one turn, or of every turn). */
export const GuideStep = z.strictObject({
  phase: z.enum(['setup', 'sitrep', 'strategy', 'planning', 'coordination', 'over']),
  turn: int(0, 200).optional(),
  text: Loc,
});

/**
 * The Security Council and headquarters above the mission (report ¶5, ¶8, ¶13, ¶15). The Council itself is the actor
 * of kind `council`: its stance is how united it stands behind the mission, moved by events, cards and the rules below.
 */
export const Council = z.strictObject({
  /** The member that drafts the mission's resolutions. */
  penholder: Loc,
  /** Mandate tasks the penholder holds to: leaving one out of the mandate, or dropping it, costs the Council's backing. */
  backs: list(ref, 60).default([]),
  /** Council backing lost for each backed task left out or dropped. */
  penholderCost: num(0, 50).default(8),
  /** Backing below which the Council is divided: a renewal costs consent and grants no new task. */
  divided: num(-100, 100).default(0),
  /**
   * Tasks of the draft the SRSG can leave out before headquarters' Policy Committee, seeking consensus among two dozen
   * voices, resists: each further cut, and each task dropped at a review, costs cohesion 1.
   */
  hqCuts: int(0, 60).default(0),
});

/** Numbers the generic mechanics use; every one has a default. */
export const Mechanics = z.strictObject({
  liveProcess: num(0, 100).default(40),
  leverage: num(0, 20).default(4),
  substitution: num(0, 20).default(3),
  conflictCost: num(0, 20).default(4),
  fog: num(0, 50).default(20),
  deployGrace: int(0, 24).default(2),
  deployCost: num(0, 10).default(1),
  policeUnrest: num(0, 20).default(3),
  policeAnalysis: num(0, 10).default(1),
  exclusionTurns: int(1, 24).default(3),
  regionalFloor: num(0, 100).default(40),
  neglect: num(0, 20).default(3),
  /** Process lost in a turn when no chair does political work. */
  drift: num(0, 20).default(2),
  presence: num(0, 5).default(1),
  decay: num(0, 50).default(10),
  consultTurns: int(1, 12).default(3),
  frankAnalysis: num(0, 100).default(50),
  /** L-primacy: share of their effect that talks keep outside the strategy's named track. */
  offTrack: num(0, 1).default(0.5),
  /** L-nimble: violence at or above which a region without any mission unit is a capability gap. */
  gapViolence: num(0, 100).default(50),
  /** L-nimble: credibility lost per turn while a capability gap lasts. */
  gapCost: num(0, 10).default(1),
  /** L-analysis: analysis lost each turn as the picture goes stale. */
  analysisDecay: num(0, 10).default(2),
  /** Share of the final score taken from the mean of the monthly assessments (the rest: the end state). */
  accrual: num(0, 1).default(0.5),
  /** Weight of where the mandate applies (every region alike) against population, in protection. */
  areaWeight: num(0, 1).default(0.5),
  /** L-cohesion: turns a chair may go without a coordination step before its silo costs cohesion. */
  siloTurns: int(1, 24).default(3),
  /** L-cohesion: cohesion lost per turn by each chair working in a silo. */
  siloCost: num(0, 10).default(2),
  /**
   * L-population, L-regional, L-analysis: turns a chair may go without any of its outreach,
   * regional or analysis steps before its talks (and, for analysis, operations) lose effect.
   */
  practiceTurns: int(1, 24).default(3),
  /** Share of their effect that such a chair's actions keep. */
  practiceFactor: num(0, 1).default(0.75),
});
export type Mechanics = z.infer<typeof Mechanics>;

export const Scenario = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id,
  version: int(1, 100000).default(1),
  title: Loc,
  briefing: Loc,
  /** Real start of turn 1, `YYYY-MM`; each turn is one month. */
  start: z.string().regex(/^\d{4}-\d{2}$/, 'a month: YYYY-MM'),
  turns: int(1, 120),
  chairs: z.strictObject({
    srsg: ChairSetup,
    force: ChairSetup.optional(),
    envoy: ChairSetup.optional(),
    police: ChairSetup.optional(),
  }),
  /**
   * Who holds the UN's seat in the mediation: `separate` (a Special Envoy beside the SRSG, whose uncoordinated talks
   * cost cohesion) or `srsg` (the SRSG held it, as in Algiers, so there is no split to punish).
   */
  mediationSeat: z.enum(['separate', 'srsg']).default('separate'),
  /** The Security Council and headquarters as part of play; absent, the mission answers to no one in the game. */
  council: Council.optional(),
  /** Extra briefing per chair. */
  chairBriefs: z.partialRecord(z.enum(CHAIRS), Loc).default({}),
  indicators: z.strictObject(
    Object.fromEntries(CORE_INDICATORS.map((k) => [k, Indicator])) as Record<IndicatorId, typeof Indicator>,
  ),
  regions: list(Region, 60).min(1),
  actors: list(Actor, 60).min(1),
  units: list(Unit, 100).default([]),
  reinforcements: z.record(id, Reinforcement).default({}),
  mandate: Mandate,
  strategies: list(Strategy, 20).min(1),
  actions: list(Card, 300).min(1),
  events: list(Event, 300).default([]),
  end: list(EndCondition, 20).default([]),
  scoring: z.strictObject({
    weights: z.strictObject(
      Object.fromEntries(DIMENSIONS.map((k) => [k, num(0, 10)])) as Record<Dimension, z.ZodNumber>,
    ),
    threshold: num(0, 100),
    /**
     * Pass marks for games set shorter than `turns` (a workshop that plays six months): the score a team must reach in a
     * game of that many months. Lengths in between are interpolated; see engine/length.ts and docs/scenarios.md.
     */
    lengths: list(z.strictObject({ months: int(1, 120), threshold: num(0, 100) }), 24).optional(),
  }),
  epilogues: list(Epilogue, 20).min(1),
  /** An optional guide for new players, step by step; plain text, shown beside the phase prompt. */
  guide: list(GuideStep, 60).default([]),
  mechanics: Mechanics.prefault({}),
  /** The published sources the scenario rests on (author, title, date, address). */
  sources: list(Source, 200).default([]),
  /** Acronyms and names the players meet, shown in the glossary. */
  glossary: list(GlossaryEntry, 300).default([]),
});

/** Scenario data as written in a file, before defaults are filled in. */
export type ScenarioInput = z.input<typeof Scenario>;
/** A scenario that passed the schema and the cross-reference checks. */
export type Scenario = z.output<typeof Scenario> & { readonly __checked: true };
export type Card = z.output<typeof Card>;
export type Event = z.output<typeof Event>;
export type Actor = z.output<typeof Actor>;
export type Region = z.output<typeof Region>;
export type Unit = z.output<typeof Unit>;
export type Strategy = z.output<typeof Strategy>;
export type Task = z.output<typeof Task>;
export type Rule = z.output<typeof Rule>;
export type Source = z.output<typeof Source>;
export type Leader = z.output<typeof Leader>;
export type GlossaryEntry = z.output<typeof GlossaryEntry>;
export type Council = z.output<typeof Council>;
export type Reinforcement = z.output<typeof Reinforcement>;
