// The phase table: for each phase, who acts, which actions it allows and what ends it (as boardgame.io keeps phases as data).
// step, legal, the bot driver and the UI read it instead of each keeping its own idea of the phases.
import type { ActionType, Phase } from '../types.js';

export interface PhaseRule {
  readonly phase: Phase;
  /**
   * Who acts: the SRSG alone; every chair until its plan is committed (planning); every chair until
   * its plan is confirmed (coordination); nobody (setup's SRSG adopts the mandate; over: nobody).
   */
  readonly actors: 'srsg' | 'each-to-commit' | 'each-to-confirm' | 'none';
  /** The chairs' actions this phase allows (the facilitator's are allowed in every phase but setup). */
  readonly moves: readonly ActionType[];
  /** The action that ends the phase, and the phase that follows. */
  readonly endedBy: ActionType | null;
  readonly next: Phase | null;
  /** What ends it, in words, for tooltips and the docs. */
  readonly endIf: string;
}

const FACILITATOR: readonly ActionType[] = [
  'facilitator/inject',
  'facilitator/custom',
  'facilitator/adjust',
  'facilitator/end',
  'facilitator/length',
];

export const PHASE_TABLE: Readonly<Record<Phase, PhaseRule>> = {
  setup: {
    phase: 'setup',
    actors: 'srsg',
    moves: ['mandate/adopt'],
    endedBy: 'mandate/adopt',
    next: 'sitrep',
    endIf: 'the SRSG adopts the mandate',
  },
  sitrep: {
    phase: 'sitrep',
    actors: 'srsg',
    moves: ['event/choose', 'mandate/review', 'sitrep/close', ...FACILITATOR],
    endedBy: 'sitrep/close',
    next: 'strategy',
    endIf: "every fired event's decider has chosen and the SRSG closes the sitrep",
  },
  strategy: {
    phase: 'strategy',
    actors: 'srsg',
    moves: ['strategy/set', ...FACILITATOR],
    endedBy: 'strategy/set',
    next: 'planning',
    endIf: 'the SRSG sets the strategy',
  },
  planning: {
    phase: 'planning',
    actors: 'each-to-commit',
    moves: ['plan/add', 'plan/remove', 'plan/commit', ...FACILITATOR],
    endedBy: 'plan/commit',
    next: 'coordination',
    endIf: 'every chair has committed its plan',
  },
  coordination: {
    phase: 'coordination',
    actors: 'each-to-confirm',
    moves: ['plan/revise', 'plan/add', 'plan/remove', 'plan/commit', 'plan/confirm', ...FACILITATOR],
    endedBy: 'plan/confirm',
    next: 'sitrep',
    endIf: 'every chair has confirmed its plan: the turn resolves, is assessed, and the next opens (or the game ends)',
  },
  over: { phase: 'over', actors: 'none', moves: [], endedBy: null, next: null, endIf: 'never' },
};

export function phaseRule(p: Phase): PhaseRule {
  return PHASE_TABLE[p];
}

/** Whether the phase allows an action of this type at all (legality then checks the details). */
export function phaseAllows(p: Phase, t: ActionType): boolean {
  return PHASE_TABLE[p].moves.includes(t);
}
