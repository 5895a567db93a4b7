// Beyond the map: the actors with no region of their own (neighbours, regional organisations, the Security Council),
// each with its stance as the viewer's analysis sees it, and the Council's penholder, renewal timetable and backing
// (issue #19: a veteran looks for the Council beside the theatre). Built from the scenario and the viewer's view only.
import type { PanelContext } from '../context.js';
import { monthOf, seenText } from '../describe.js';
import { h } from '../dom.js';
import { loc, t } from '../i18n/index.js';

export function beyondSection(ctx: PanelContext): HTMLElement | null {
  const { scn, view } = ctx;
  const away = scn.actors.filter((a) => a.regions.length === 0);
  if (away.length === 0) return null;
  const council = scn.council ? away.find((a) => a.kind === 'council') : undefined;
  const stance = (id: string) => {
    const seen = view.actors[id]?.stance;
    return seen ? seenText(seen) : t('theatre.none');
  };
  const rows = away.map((a) =>
    h(
      'tr',
      { 'data-actor': a.id },
      h('th', { scope: 'row' }, loc(a.name)),
      h('td', {}, t(`actorKind.${a.kind}`)),
      h('td', {}, stance(a.id)),
    ),
  );
  return h(
    'section',
    { class: 'beyond', 'aria-labelledby': 'beyond-heading' },
    h('h3', { id: 'beyond-heading' }, t('beyond.heading')),
    h(
      'table',
      {},
      h('caption', {}, t('beyond.caption')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('beyond.actor')),
          h('th', { scope: 'col' }, t('beyond.kind')),
          h('th', { scope: 'col' }, t('beyond.stance')),
        ),
      ),
      h('tbody', {}, rows),
    ),
    council && scn.council
      ? h(
          'div',
          { class: 'council', 'data-actor': council.id },
          h('h4', {}, loc(council.name)),
          h('p', {}, t('beyond.penholder', { name: loc(scn.council.penholder) })),
          scn.mandate.reviewTurns.length > 0
            ? h(
                'p',
                {},
                t('beyond.renewals', {
                  months: scn.mandate.reviewTurns
                    .map((turn) => t('beyond.renewal', { month: monthOf(scn, turn), turn }))
                    .join(', '),
                }),
              )
            : null,
          h('p', {}, t('beyond.backing', { value: stance(council.id), divided: scn.council.divided })),
          council.interests.length > 0
            ? h(
                'ul',
                { class: 'small' },
                council.interests.map((x) => h('li', {}, loc(x))),
              )
            : null,
          view.actors[council.id]?.intentKnown && council.intent
            ? h('p', { class: 'small' }, loc(council.intent))
            : null,
        )
      : null,
  );
}
