// Which sound cues a change of view calls for: pure, so it is tested without a browser (sound.ts plays them).

export type Cue = 'phase' | 'resolved' | 'warning';

/** What the cues listen to in a view: the month, the phase, and warnings or decisions waiting. */
export interface CueState {
  readonly turn: number;
  readonly phase: string;
  readonly alerts: readonly string[];
}

export function cueState(v: {
  readonly turn: number;
  readonly phase: string;
  readonly warnings: readonly string[];
  readonly pendingChoices: readonly string[];
}): CueState {
  return { turn: v.turn, phase: v.phase, alerts: [...v.warnings, ...v.pendingChoices] };
}

/** The cues for a change of view: a month done (or the game over), else a new phase; and a new warning or decision. */
export function cuesFor(prev: CueState | null, next: CueState): Cue[] {
  if (!prev) return [];
  const out: Cue[] = [];
  if (next.turn !== prev.turn || (next.phase === 'over' && prev.phase !== 'over')) out.push('resolved');
  else if (next.phase !== prev.phase) out.push('phase');
  if (next.alerts.some((a) => !prev.alerts.includes(a))) out.push('warning');
  return out;
}
