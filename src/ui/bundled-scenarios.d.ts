// The bundled scenarios and lessons catalogue, checked at build time by scripts/scenarios-plugin.ts.
declare module 'virtual:mandate/scenarios' {
  import type { LessonCatalogue } from '../scenario/lessons.js';
  import type { Scenario } from '../scenario/schema.js';
  export const lessons: LessonCatalogue;
  /** Every scenarios/*.yaml but the lessons, in file-name order. */
  export const scenarios: readonly Scenario[];
}
