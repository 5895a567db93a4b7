// The month-end stop on the projector: the month just played, and the questions of the lessons it touched (the events
// that happened, the choices made, the strategy followed), as the debrief asks them. Only what the projector's view
// already shows decides which lessons: nothing of a plan.
import './discussion.css';
import type { ProjectorView } from '../../net/protocol.js';
import type { Lesson } from '../../scenario/lessons.js';
import { indexOf } from '../../engine/scenario-index.js';
import type { Scenario } from '../../scenario/schema.js';
import { eventTitle } from '../describe.js';
import { h } from '../dom.js';
import { loc, t } from '../i18n/index.js';
import { lessonOf } from '../lesson-names.js';

/** Lessons a wall shows at once: the room discusses a few, not the catalogue. */
const MAX_LESSONS = 3;

/** The lessons of a month, first those of its events and choices, then the strategy's; each once. */
export function monthLessons(scn: Scenario, view: ProjectorView, turn: number): Lesson[] {
  // the scenario's index (built once per scenario) and the catalogue's: the wall redraws this on every update
  const idx = indexOf(scn);
  const ids: string[] = [];
  for (const f of view.fired) {
    const ev = f.turn === turn ? idx.events.get(f.event) : undefined;
    if (!ev) continue;
    ids.push(...ev.lessons, ...(ev.choices.find((c) => c.id === f.choice)?.lessons ?? []));
  }
  const strategy = view.strategy === null ? undefined : idx.strategies.get(view.strategy);
  if (strategy) ids.push(...strategy.lessons);
  return [...new Set(ids)]
    .map(lessonOf)
    .filter((l): l is Lesson => l !== undefined)
    .slice(0, MAX_LESSONS);
}

/** The panel above the map while the room discusses `turn`. */
export function discussionPanel(scn: Scenario, view: ProjectorView, turn: number): HTMLElement {
  const events = view.fired.filter((x) => x.turn === turn).map((f) => eventTitle(scn, f.event));
  const lessons = monthLessons(scn, view, turn);
  return h(
    'section',
    { class: 'pj-discussion', 'aria-labelledby': 'pj-discussion-heading', 'data-testid': 'pj-discussion' },
    h('h2', { id: 'pj-discussion-heading' }, t('ws.pjDiscussion', { turn })),
    events.length > 0 ? h('p', { class: 'muted' }, t('ws.pjDiscussionEvents', { events: events.join(' · ') })) : null,
    lessons.length === 0
      ? h('p', {}, t('ws.pjDiscussionNone'))
      : h(
          'ul',
          { class: 'pj-questions' },
          lessons.map((l) =>
            h(
              'li',
              {},
              h('h3', {}, loc(l.title)),
              h(
                'ol',
                {},
                l.questions.map((q) => h('li', {}, loc(q))),
              ),
            ),
          ),
        ),
  );
}
