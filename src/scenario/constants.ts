// The closed sets of the scenario format (chairs, indicators, tags, dimensions, mechanics), without zod:
// the game's first chunk needs these at runtime, the schema (schema.ts, lessons.ts) builds on them.

/** Bumped when the file format changes; migrations in parse.ts bring older files forward. */
export const SCHEMA_VERSION = 1;

export const CHAIRS = ['srsg', 'force', 'envoy', 'police'] as const;
export type Chair = (typeof CHAIRS)[number];

/**
 * The indicators every scenario defines. The engine's mechanics read these by id, so they are a
 * closed set; a scenario names them, sets their start values and may narrow their bounds.
 */
export const CORE_INDICATORS = [
  'process', // the political process (talks, agreement, implementation)
  'consent', // host-state consent to the mission
  'impartiality', // impartiality as seen by the parties and the population
  'trust', // population trust in the mission
  'expectations', // what the population expects the mission to deliver
  'cohesion', // unity of the mission's components
  'credibility', // credibility with the Security Council and contributors
  'regional', // alignment of neighbours and regional organizations with the process
  'analysis', // the mission's analysis capacity (JMAC, JOC, ASIFU)
  'casualties', // peacekeeper casualties (higher is worse)
  'closeness', // closeness of the mission to the host state (50 is a balanced distance)
] as const;
export type IndicatorId = (typeof CORE_INDICATORS)[number];

/** Tags on actions that the engine's mechanics react to. */
export const TAGS = [
  'military', // uses the force
  'offensive', // an offensive operation against the target actor
  'pressure', // military pressure on the target actor
  'talks', // negotiation with the target actor
  'political', // political work: good offices, mediation, leverage
  'outreach', // explaining the mandate, managing expectations
  'coordination', // joint structures and meetings that bind the components together
  'ceasefire-technical', // technical ceasefire and security arrangements
  'implementation', // work on implementing a signed agreement
  'regional', // engagement with neighbours and regional organizations
  'protection', // protection of civilians
  'support-state', // support to the host state's forces and authority
  'analysis', // collection and analysis
  'police', // police work
] as const;
export type Tag = (typeof TAGS)[number];

export const ACTOR_KINDS = [
  'host-state',
  'armed-group',
  'spoiler',
  'neighbour',
  'regional-org',
  'parallel-force',
  'civil-society',
  'council', // the Security Council: its stance is its backing of the mission (see `council` in the schema)
] as const;

export const CAPABILITIES = ['infantry', 'combat', 'police', 'air', 'isr', 'engineers'] as const;
export const CAVEATS = ['no-offensive', 'static'] as const;
export const DIMENSIONS = [
  'process',
  'protection',
  'credibility',
  'consent',
  'trust',
  'cohesion',
  'casualties',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The engine's generic mechanics, by id; the lessons catalogue says which lesson each carries. */
export const MECHANICS = [
  'mandate-focus',
  'mandate-expectations',
  'mandate-review',
  'primacy-leverage',
  'process-drift',
  'force-substitution',
  'agreement-implementation',
  'futile-technical-talks',
  'cohesion-multiplier',
  'plan-conflicts',
  'analysis-fog',
  'analysis-targeting',
  'deployment-lead-time',
  'emergency-support',
  'police-presence',
  'envoy-coordination',
  'regional-exclusion',
  'host-state-distance',
  'expectation-gap',
  'spoiler-attacks',
  'contributor-consultation',
  'armed-violence',
  'mission-presence',
  'strategy-track',
  'capability-gap',
  'repetition',
  'regional-alignment',
  'analysis-decay',
  'monthly-assessment',
  'silo-working',
  'council-renewal',
  'penholder',
  'policy-committee',
  'force-supply',
  'civil-society',
  'regional-practice',
  'analysis-practice',
] as const;
export type MechanicId = (typeof MECHANICS)[number];
