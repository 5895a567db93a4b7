// The bundled scenarios and lessons catalogue, checked at build time by scripts/scenarios-plugin.ts.
declare module 'virtual:mandate/scenarios' {
  import type { LessonCatalogue } from '../scenario/lessons.js';
  import type { Scenario } from '../scenario/schema.js';
  import type { ScenarioSummary } from './scenario-summary.js';
  export const lessons: LessonCatalogue;
  /** One per scenarios/*.yaml but the lessons, in file-name order. */
  export const summaries: readonly ScenarioSummary[];
  /** By scenario id: fetches that scenario's own data file (rejects when it cannot be downloaded; a later call tries again). */
  export const loaders: Readonly<Record<string, () => Promise<Scenario>>>;
}

/** One bundled scenario's data, whole (virtual:mandate/scenario/<id>). */
declare module 'virtual:mandate/scenario/*' {
  import type { Scenario } from '../scenario/schema.js';
  const scenario: Scenario;
  export default scenario;
}
