// The briefing a player reads in a session: the scenario's situation and their chair's own brief. Open in the lobby and
// before the start; folded (still there) once the game runs, so the table stays at the top of a phone's screen.
import type { Chair } from '../../scenario/constants.js';
import type { Scenario } from '../../scenario/schema.js';
import { chairName } from '../describe.js';
import { h } from '../dom.js';
import { loc, t } from '../i18n/index.js';

/** The scenario's briefing, a paragraph per blank-line-separated block. */
export function briefingParagraphs(scn: Scenario): HTMLElement[] {
  return loc(scn.briefing)
    .split(/\n\s*\n/)
    .map((para) => h('p', {}, para));
}

/** A folding box with the situation and, for a seated chair, its brief. Keeps the reader's fold until `started` changes. */
export function briefingBox(): {
  root: HTMLElement;
  update(scn: Scenario, chair: Chair | null, started: boolean): void;
} {
  const root = h('details', { class: 'panel session-brief', 'data-testid': 'session-brief' });
  let shown: string | null = null;
  let wasStarted: boolean | null = null;
  return {
    root,
    update(scn, chair, started) {
      const key = `${scn.id}|${chair ?? ''}`;
      if (key !== shown) {
        shown = key;
        const brief = chair ? scn.chairBriefs[chair] : undefined;
        root.replaceChildren(
          h('summary', {}, chair ? t('brief.summaryChair', { chair: chairName(chair) }) : t('brief.summary')),
          h('h2', {}, loc(scn.title)),
          ...briefingParagraphs(scn),
          ...(chair
            ? [
                h('h3', {}, t('brief.role', { chair: chairName(chair) })),
                h('p', {}, brief ? loc(brief) : t('brief.noRole')),
              ]
            : []),
        );
      }
      if (started !== wasStarted) {
        root.open = !started;
        wasStarted = started;
      }
    },
  };
}
