// The theatre as text: the map's content as a table of regions, violence, mission units and actors, for everyone.
import type { ActorKind } from './theatre-kinds.js';
import type { PanelContext } from '../context.js';
import { seenText, unitName, violenceText } from '../describe.js';
import { h } from '../dom.js';
import { loc, t } from '../i18n/index.js';
import type { MapChange } from '../scenes/changes.js';
import { changesSection } from '../scenes/changes-text.js';
import { beyondSection } from './beyond.js';

export const ARMED: readonly ActorKind[] = ['armed-group', 'spoiler', 'parallel-force'];

/** `changes`: what changed on the map since last month (the map's marks, as text), when known. */
export function theatrePanel(ctx: PanelContext, changes?: readonly MapChange[] | null): HTMLElement {
  const { scn, view } = ctx;
  const rows = scn.regions.map((r) => {
    const units = Object.entries(view.units)
      .filter(([, u]) => u.region === r.id)
      .map(([id]) => unitName(scn, id));
    const actors = scn.actors
      .filter((a) => a.regions.includes(r.id))
      .map((a) => {
        const seen = view.actors[a.id];
        return ARMED.includes(a.kind) && seen ? `${loc(a.name)} (${seenText(seen.strength)})` : loc(a.name);
      });
    const notes = [r.urban ? t('theatre.urban') : null, r.access >= 60 ? t('theatre.hard') : null]
      .filter(Boolean)
      .join(', ');
    const v = view.violence[r.id] ?? { value: 0, spread: 0 };
    return h(
      'tr',
      { 'data-region': r.id },
      h('th', { scope: 'row' }, loc(r.name), notes ? h('span', { class: 'muted small block' }, notes) : null),
      h('td', {}, violenceText(v)),
      h('td', {}, units.length > 0 ? units.join(', ') : t('theatre.none')),
      h('td', {}, actors.length > 0 ? actors.join(', ') : t('theatre.none')),
    );
  });
  const arriving = view.deployments.map((d) =>
    h(
      'li',
      {},
      t('theatre.arriving', {
        unit: unitName(scn, scn.reinforcements[d.reinforcement]?.unit.id ?? d.reinforcement),
        turn: d.arrives,
      }),
    ),
  );
  return h(
    'section',
    { class: 'panel theatre', 'aria-labelledby': 'theatre-heading' },
    h('h2', { id: 'theatre-heading' }, t('theatre.heading')),
    h(
      'table',
      {},
      h('caption', {}, t('theatre.caption')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('theatre.region')),
          h('th', { scope: 'col' }, t('theatre.violence')),
          h('th', { scope: 'col' }, t('theatre.units')),
          h('th', { scope: 'col' }, t('theatre.actors')),
        ),
      ),
      h('tbody', {}, rows),
    ),
    arriving.length > 0 ? h('ul', { class: 'small' }, arriving) : null,
    beyondSection(ctx),
    changesSection(scn, changes),
  );
}
