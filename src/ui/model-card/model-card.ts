// The model card: for every indicator and mechanic, what it means, how it moves, what it assumes, and its passage in the report.
import { CORE_INDICATORS, MECHANICS } from '../../scenario/constants.js';
import type { Lesson, LessonCatalogue } from '../../scenario/lessons.js';
import type { Scenario } from '../../scenario/schema.js';
import { h } from '../dom.js';
import { hasKey, lang, loc, t } from '../i18n/index.js';
import { INDICATOR_LESSONS, type ModelContent, type ModelEntry } from './content.js';
import { MODEL_EN } from './content.en.js';
import { MODEL_FR } from './content.fr.js';

export function modelContent(): ModelContent {
  return lang() === 'fr' ? MODEL_FR : MODEL_EN;
}

/** Fills {placeholders} with the scenario's mechanics parameters (and the mandate's focus). */
export function fillParams(text: string, scn: Scenario | null): string {
  if (!scn) return text;
  const params: Record<string, number> = { ...scn.mechanics, focus: scn.mandate.focus };
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

function entry(
  id: string,
  title: string,
  e: ModelEntry,
  lessons: readonly Lesson[],
  scn: Scenario | null,
): HTMLElement {
  const sources = lessons.map((l) =>
    h(
      'li',
      {},
      t('model.lessonSource', {
        lesson: `${l.id} ${loc(l.title)}`,
        section: l.source.section,
        paragraph: (l.source.paragraphs ?? [l.source.paragraph]).join(', '),
      }),
      l.beyond
        ? h('span', { class: 'muted small', 'data-beyond': l.id }, ` ${modelContent().beyond} ${loc(l.beyond)}`)
        : null,
    ),
  );
  return h(
    'article',
    { class: 'model-entry', id: `model-${id}`, 'data-model': id },
    h('h4', {}, title),
    h(
      'dl',
      {},
      h('dt', {}, t('model.means')),
      h('dd', {}, fillParams(e.means, scn)),
      h('dt', {}, t('model.moves')),
      h('dd', {}, fillParams(e.moves, scn)),
      h('dt', {}, t('model.assumes')),
      h('dd', {}, fillParams(e.assumes, scn)),
      h('dt', {}, t('model.source')),
      h('dd', {}, sources.length ? h('ul', {}, sources) : t('model.noSource')),
    ),
  );
}

export function modelCard(catalogue: LessonCatalogue | null, scn: Scenario | null): HTMLElement {
  const c = modelContent();
  const lessons = catalogue?.lessons ?? [];
  const byId = (ids: readonly string[]) => lessons.filter((l) => ids.includes(l.id));
  return h(
    'section',
    { class: 'model-card', 'aria-labelledby': 'model-heading' },
    h('h2', { id: 'model-heading' }, t('model.heading')),
    h('p', { class: 'muted' }, t('model.intro')),
    h('h3', {}, t('model.scoring')),
    entry('scoring', t('model.scoring'), c.scoring, [], scn),
    h('h3', {}, t('model.indicators')),
    CORE_INDICATORS.map((id) =>
      entry(`ind-${id}`, scn ? loc(scn.indicators[id].name) : id, c.indicators[id], byId(INDICATOR_LESSONS[id]), scn),
    ),
    h('h3', {}, t('model.mechanics')),
    MECHANICS.map((id) => {
      const key = `mech.${id}`;
      return entry(
        `mech-${id}`,
        hasKey(key) ? t(key) : id,
        c.mechanics[id],
        lessons.filter((l) => l.mechanics.includes(id)),
        scn,
      );
    }),
  );
}
