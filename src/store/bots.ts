// The bots of a game in this tab: for each chair the human does not hold, the next actions its doctrine takes (sim/driver.ts).
import type { Chair, Scenario } from '../scenario/schema.js';
import type { Action, GameState } from '../engine/index.js';
import type { Doctrine } from '../sim/doctrine.js';
import { decide, nextChair, situationOf } from '../sim/driver.js';

export interface Seating {
  /** Chairs a person holds; every other chair is played by `doctrine`. */
  readonly humans: readonly Chair[];
  readonly doctrine: Doctrine;
}

/** Whether a chair is played by a bot. */
export function isBot(seating: Pick<Seating, 'humans'>, chair: Chair): boolean {
  return !seating.humans.includes(chair);
}

/**
 * The actions one bot takes next, in order, or null when every bot waits on a person (or the game
 * is over). The store sends each through `step`; a refused one is skipped, as every caller of the driver does.
 */
export function nextBotActions(s: GameState, scn: Scenario, seating: Seating): Action[] | null {
  const chair = nextChair(s, scn, (c) => isBot(seating, c));
  return chair === null ? null : decide(situationOf(s, scn, chair), seating.doctrine);
}
