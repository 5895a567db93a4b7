// The facilitator's powers: its commands as engine actions (ledgered under the facilitator, with the reason), and undo.
import type { Action, Phase } from '../engine/index.js';
import type { FacilitatorCommand } from '../net/protocol.js';
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The engine action a game-changing command becomes, or null for commands that only steer the
 * session (pause, clocks, seats, undo, end). The engine's `facilitator/*` actions write every change
 * to the ledger with cause `{ kind: 'facilitator', reason }`, so the debrief shows who moved what and why.
 */
export function engineActionOf(cmd: FacilitatorCommand): Action | null {
  switch (cmd.do) {
    case 'inject':
      return { type: 'facilitator/inject', event: cmd.event, reason: cmd.reason };
    case 'custom-inject':
      return { type: 'facilitator/custom', title: cmd.title, effects: cmd.effects, reason: cmd.reason };
    case 'adjust-indicator':
      return { type: 'facilitator/adjust', indicator: cmd.indicator, by: cmd.by, reason: cmd.reason };
    default:
      return null;
  }
}

/**
 * Where undo-last-resolution goes back to: the number of game actions up to the moment the last
 * resolved turn entered coordination (plans just revealed, none confirmed, no revision used).
 * `phases[i]` is the phase after game action i. Null when no turn has been resolved yet.
 */
export function undoTarget(phases: readonly Phase[]): number | null {
  const before = (i: number): Phase => (i === 0 ? 'setup' : phases[i - 1]!);
  let resolved = -1;
  for (let i = phases.length - 1; i >= 0; i--) {
    if (before(i) === 'coordination' && (phases[i] === 'sitrep' || phases[i] === 'over')) {
      resolved = i;
      break;
    }
  }
  if (resolved < 0) return null;
  for (let j = resolved - 1; j >= 0; j--) if (before(j) === 'planning' && phases[j] === 'coordination') return j + 1;
  return null;
}

/** Whether a presented token is the facilitator's, given the SHA-256 (hex) of the facilitator's token (constant time). */
export function isFacilitatorToken(presented: string, facilitatorTokenHash: string): boolean {
  const x = createHash('sha256').update(presented, 'utf8').digest();
  const y = Buffer.from(facilitatorTokenHash, 'hex');
  return y.length === x.length && timingSafeEqual(x, y);
}
