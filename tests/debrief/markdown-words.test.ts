// The Markdown report speaks as the screen does: its months, its dimension names, its conflict names,
// no internal id or lesson code, and French typography (decimal comma, space before the colon).
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/debrief/debrief.js';
import { LABELS } from '../../src/debrief/labels.js';
import { debriefMarkdown } from '../../src/debrief/markdown.js';
import { loadLessons } from '../../src/scenario/load-node.js';
import { DIMENSIONS } from '../../src/scenario/constants.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { en } from '../../src/ui/i18n/en.js';
import { fr } from '../../src/ui/i18n/fr.js';
import { loadShipped } from '../helpers/factory.js';

const scn = loadShipped('tutorial');
const lessons = loadLessons();
const catalogue = lessons.ok ? lessons.value : null;

describe('the Markdown report', () => {
  it('names the dimensions and conflicts as the screen does, in both languages', () => {
    for (const [lang, table] of [
      ['en', en],
      ['fr', fr],
    ] as const) {
      for (const d of DIMENSIONS) expect(LABELS[lang].dimensions[d]).toBe(table[`dim.${d}`]);
      for (const [k, v] of Object.entries(LABELS[lang].conflictKinds))
        expect(v).toBe(table[`debrief.conflict.${k}` as keyof typeof en]);
    }
  });

  it('counts months, writes names not ids, and French numbers with a decimal comma', () => {
    const s = playGame(scn, 3, seatAll(DOCTRINES['christmas-tree']!));
    const d = buildDebrief(scn, s, catalogue);
    const mdEn = debriefMarkdown(d, scn, 'en');
    expect(mdEn).toContain('### Month 1');
    expect(mdEn).not.toMatch(/\bTurns?\b/);
    expect(mdEn).toContain('| Safety of peacekeepers |');
    expect(mdEn).not.toContain('Casualties avoided');
    expect(mdEn).not.toMatch(/\bL-[a-z]+/);
    const ids = [
      ...scn.mandate.tasks.map((t) => t.id),
      ...scn.actions.map((c) => c.id),
      ...scn.events.map((e) => e.id),
    ];
    for (const id of ids.filter((x) => x.includes('-'))) expect(mdEn, id).not.toContain(id);
    const mdFr = debriefMarkdown(d, scn, 'fr');
    expect(mdFr).toContain('### Mois 1');
    expect(mdFr).toContain('| Sécurité des Casques bleus |');
    expect(mdFr).toContain('Résultat\u202f: ');
    // the game must score with a decimal (69.9 today), or the decimal comma goes unchecked: fail rather than skip
    expect(d.score, 'this game scores a whole number: pick one that does not').toSatisfy(
      (x: number | null) => x !== null && !Number.isInteger(x),
    );
    expect(mdFr).toContain(String(d.score).replace('.', ','));
    expect(mdFr).not.toMatch(/\d\.\d/);
  });
});
