// An event that compresses, moves or invents history says so where it appears (issue #19): the sitrep's card carries a
// "hypothetical" badge, and only that card; its title says so wherever else it is named (report, debrief, projector)
// and in the Markdown debrief.
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/debrief/debrief.js';
import { debriefMarkdown } from '../../src/debrief/markdown.js';
import { legalActions, newGame, viewFor } from '../../src/engine/index.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { eventTitle } from '../../src/ui/describe.js';
import { contextFromView } from '../../src/ui/context.js';
import type { BoardContext, Fields } from '../../src/ui/fields.js';
import { t } from '../../src/ui/i18n/index.js';
import { sitrepPanel } from '../../src/ui/panels/sitrep.js';
import type { VNode } from '../../src/ui/vdom.js';
import { L, makeScenario, run } from '../helpers/factory.js';

/** Every element of a described tree, depth first. */
function elements(node: unknown, out: VNode[] = []): VNode[] {
  if (Array.isArray(node)) for (const n of node) elements(n, out);
  else if (node !== null && typeof node === 'object' && 'props' in node) {
    out.push(node as VNode);
    elements((node as { props: { children?: unknown } }).props.children, out);
  }
  return out;
}
const textOf = (node: unknown): string =>
  Array.isArray(node)
    ? node.map(textOf).join('')
    : typeof node === 'string' || typeof node === 'number'
      ? String(node)
      : node !== null && typeof node === 'object' && 'props' in node
        ? textOf((node as { props: { children?: unknown } }).props.children)
        : '';

describe('a hypothetical event in the sitrep', () => {
  const scn = makeScenario((s) => {
    s.events = [
      {
        id: 'moved',
        title: L('Moved'),
        text: L('A deadline of a later year, played now.'),
        hypothetical: true,
        window: { from: 1, to: 1 },
      },
      { id: 'dated', title: L('Dated'), text: L('As history dated it.'), window: { from: 1, to: 1 } },
    ];
  });
  const s = run(scn, newGame(scn, 1), [{ type: 'mandate/adopt', chair: 'srsg', tasks: ['politics'] }]);

  it('carries the badge on its own card, not on the historical one beside it', () => {
    expect(s.phase).toBe('sitrep');
    expect(
      s.fired
        .filter((f) => f.turn === 1)
        .map((f) => f.event)
        .sort(),
    ).toEqual(['dated', 'moved']);
    const ctx: BoardContext = {
      ...contextFromView({
        scn,
        chair: 'srsg',
        view: viewFor(s, scn, 'srsg'),
        legal: legalActions(s, scn, 'srsg'),
        humans: ['srsg'],
        dispatch: () => {},
        rejection: null,
      }),
      fields: {} as Fields,
      redraw: () => {},
    };
    const badges = elements(sitrepPanel(ctx)).filter((n) => (n.props as Record<string, unknown>)['data-hypothetical']);
    expect(badges.map((n) => (n.props as Record<string, unknown>)['data-hypothetical'])).toEqual(['moved']);
    expect(textOf(badges[0])).toBe(t('sitrep.hypothetical'));
  });

  it('says so in its title wherever the title is named, and only its own', () => {
    expect(eventTitle(scn, 'moved')).toBe(t('event.hypotheticalTitle', { title: 'Moved' }));
    expect(eventTitle(scn, 'moved')).toBe('Moved (hypothetical)');
    expect(eventTitle(scn, 'dated')).toBe('Dated');
  });

  it('says so in the Markdown debrief, in both languages', () => {
    const over = playGame(scn, 1, seatAll(DOCTRINES['report']!));
    expect(over.phase).toBe('over');
    const d = buildDebrief(scn, over, null);
    const en = debriefMarkdown(d, scn, 'en');
    expect(en).toContain('Moved (hypothetical)');
    expect(en).not.toContain('Dated (hypothetical)');
    expect(debriefMarkdown(d, scn, 'fr')).toContain('Moved (hypothétique)');
  });
});
