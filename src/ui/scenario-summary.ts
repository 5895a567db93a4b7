// What the title screen shows of a scenario before its data is downloaded. The build writes one per bundled scenario
// (scripts/scenarios-plugin.ts); a custom scenario's is made from the parsed file with the same function.
import { indexOf } from '../engine/scenario-index.js';
import type { Chair, Scenario } from '../scenario/schema.js';
import { baseMapFor } from './scenes/geo.js';

export interface ScenarioSummary {
  readonly id: string;
  readonly title: Scenario['title'];
  readonly turns: number;
  readonly start: string;
  readonly briefing: Scenario['briefing'];
  /** The chairs the scenario has, in the order of indexOf(scenario).chairs. */
  readonly chairs: readonly Chair[];
  readonly chairBriefs: Scenario['chairBriefs'];
  /** The base map its regions lie on (assets/maps/), or null: the title fetches it when the scenario is chosen. */
  readonly map: string | null;
}

export function summaryOf(scn: Scenario): ScenarioSummary {
  return {
    id: scn.id,
    title: scn.title,
    turns: scn.turns,
    start: scn.start,
    briefing: scn.briefing,
    chairs: indexOf(scn).chairs,
    chairBriefs: scn.chairBriefs,
    map: baseMapFor(scn.regions),
  };
}
