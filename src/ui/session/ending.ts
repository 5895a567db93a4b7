// The debrief of a group session's game on the projector's or the facilitator's page: the game rebuilt from the server's record, and the way back.
import type { GameState, SaveFile } from '../../engine/index.js';
import { CHAIRS, type Chair } from '../../scenario/constants.js';
import type { Scenario } from '../../scenario/schema.js';
import type { Session } from '../../store/store.js';
import type { SeatInfo } from '../../net/protocol.js';
import { sessionFromSaveText } from '../save-restore.js';
import { bundledScenarios, LESSONS } from '../scenarios.js';
import { chunkFailure, chunkLoader } from '../chunk.js';

/** The debrief's code, downloaded when first opened; a failed download is retried from a fresh address. */
const loadDebrief = chunkLoader(() => import('../debrief/screen.js'));

/** Who played: the chairs people held (the debrief's what-if plays the others with the bots' doctrine). */
export interface Seating {
  readonly seats: Readonly<Partial<Record<Chair, SeatInfo>>> | undefined;
  /** The bots' doctrine; without it, the one the lobby names for a bot's chair ('report' if none). */
  readonly doctrine?: string | undefined;
}

function doctrineOf(seating: Seating): string {
  return seating.doctrine ?? Object.values(seating.seats ?? {}).find((x) => x?.by === 'bot')?.name ?? 'report';
}

function humanChairs(scn: Scenario, seating: Seating): Chair[] {
  const held = CHAIRS.filter((c) => scn.chairs[c] !== undefined && seating.seats?.[c]?.by === 'human');
  return held.length > 0 ? held : CHAIRS.filter((c) => scn.chairs[c] !== undefined);
}

/** Replays the server's record (the engine's save file with the whole log) against the bundled scenario; the replay proves it with the state hash. */
export async function sessionFromRecord(
  id: string,
  save: SaveFile,
  seating: Seating,
): Promise<{ ok: true; session: Session } | { ok: false; detail: string }> {
  const r = await sessionFromSaveText(JSON.stringify(save), bundledScenarios(), id, { facilitator: true });
  if (!r.ok) return { ok: false, detail: r.error.detail };
  return {
    ok: true,
    session: { ...r.session, humanChairs: humanChairs(r.session.scenario, seating), botDoctrine: doctrineOf(seating) },
  };
}

/** The facilitator's true state already is the whole game: no replay needed. */
export function sessionFromState(id: string, scn: Scenario, state: GameState, seating: Seating): Session {
  return { id, scenario: scn, game: state, humanChairs: humanChairs(scn, seating), botDoctrine: doctrineOf(seating) };
}

/**
 * Puts the debrief (loaded on demand) in place of the page; its close button puts the page back as it
 * was (a projector's map keeps running, detached) and calls `onBack`.
 */
export async function showDebrief(root: HTMLElement, session: Session, onBack: () => void): Promise<void> {
  let debriefScreen: Awaited<ReturnType<typeof loadDebrief>>['debriefScreen'];
  try {
    ({ debriefScreen } = await loadDebrief());
  } catch (e) {
    console.warn('the debrief could not be downloaded', e);
    root.querySelector('.chunk-failure')?.remove();
    root.prepend(chunkFailure(() => void showDebrief(root, session, onBack)));
    root.querySelector<HTMLElement>('.chunk-failure button')?.focus();
    return;
  }
  const page = [...root.childNodes];
  const screen = debriefScreen({
    session,
    catalogue: LESSONS,
    scenarios: bundledScenarios(),
    onClose: () => {
      screen.destroy();
      root.replaceChildren(...page);
      onBack();
    },
  });
  root.replaceChildren(screen.root);
  root.querySelector<HTMLElement>('#debrief-heading')?.focus();
  window.scrollTo(0, 0);
}

/** The debrief of a record, replayed then shown; `fail` hears why a record could not be replayed. Returns whether it opened. */
export async function debriefFromRecord(
  root: HTMLElement,
  id: string,
  save: SaveFile,
  seating: Seating,
  on: { fail(detail: string): void; back(): void },
): Promise<boolean> {
  const r = await sessionFromRecord(id, save, seating);
  if (!r.ok) {
    on.fail(r.detail);
    return false;
  }
  void showDebrief(root, r.session, on.back);
  return true;
}
