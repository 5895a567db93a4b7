// The debrief screen: tabs for the debrief, the replay viewer, what if, the doctrines and the model card; exports.
import './debrief.css';
import { debriefMarkdown } from '../../debrief/markdown.js';
import type { LessonCatalogue } from '../../scenario/lessons.js';
import type { Session } from '../../store/store.js';
import { h } from '../dom.js';
import { downloadBlob } from '../download.js';
import { lang, loc, t } from '../i18n/index.js';
import { saveFileOf } from '../saves.js';
import type { ScenarioEntry } from '../scenarios.js';
import { debriefSummary } from './summary.js';
import { replayViewer } from './replay.js';
import { whatIfPanel } from './whatif.js';
import { doctrinesPanel } from './doctrines.js';
import { modelCard } from '../model-card/model-card.js';

export interface DebriefProps {
  readonly session: Session;
  readonly catalogue: LessonCatalogue | null;
  readonly scenarios: readonly ScenarioEntry[];
  readonly onClose: () => void;
}

const TABS = ['summary', 'replay', 'whatif', 'doctrines', 'model'] as const;
type Tab = (typeof TABS)[number];

export interface DebriefScreen {
  readonly root: HTMLElement;
  destroy(): void;
}

export function debriefScreen(props: DebriefProps): DebriefScreen {
  const { session, catalogue } = props;
  const scn = session.scenario;
  const game = session.game;
  const over = game.phase === 'over';
  const cleanups: (() => void)[] = [];
  const summary = debriefSummary(scn, game, catalogue);
  const panels = new Map<Tab, HTMLElement>();
  const build = (tab: Tab): HTMLElement => {
    switch (tab) {
      case 'summary':
        return summary.el;
      case 'replay': {
        const v = replayViewer(session, props.scenarios);
        cleanups.push(v.destroy);
        return v.root;
      }
      case 'whatif':
        return whatIfPanel(session);
      case 'doctrines': {
        const v = doctrinesPanel(session, summary.debrief.score ?? 0);
        cleanups.push(v.destroy);
        return v.root;
      }
      case 'model':
        return modelCard(catalogue, scn);
    }
  };
  // Mid-game only the record so far and the model card: replay, what-if and the comparison need the whole game.
  const tabs: readonly Tab[] = over ? TABS : ['summary', 'model'];
  const tabButtons = tabs.map((tab) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `db-tab-${tab}`,
        'aria-controls': `db-panel-${tab}`,
        'aria-selected': 'false',
        tabindex: -1,
        'data-key': `db-tab-${tab}`,
        onclick: () => select(tab, true),
      },
      t(`debrief.tab.${tab}`),
    ),
  );
  const tablist = h('div', { role: 'tablist', class: 'db-tabs no-print', 'aria-label': t('debrief.tabs') }, tabButtons);
  tablist.addEventListener('keydown', (e) => {
    const i = tabButtons.findIndex((b) => b === document.activeElement);
    if (i < 0) return;
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    select(tabs[next]!, true);
  });
  const holder = h('div', { class: 'db-panels' });

  function select(tab: Tab, focus: boolean): void {
    tabs.forEach((x, i) => {
      const b = tabButtons[i]!;
      b.setAttribute('aria-selected', String(x === tab));
      b.tabIndex = x === tab ? 0 : -1;
      if (x === tab && focus) b.focus();
    });
    let panel = panels.get(tab);
    if (!panel) {
      panel = h(
        'div',
        {
          role: 'tabpanel',
          id: `db-panel-${tab}`,
          'aria-labelledby': `db-tab-${tab}`,
          class: `db-panel db-panel-${tab}`,
          tabindex: 0,
        },
        build(tab),
      );
      panels.set(tab, panel);
      holder.append(panel);
    }
    for (const [x, p] of panels) p.hidden = x !== tab;
  }

  const exportMd = () => {
    const text = debriefMarkdown(summary.debrief, scn, lang());
    downloadBlob(new Blob([text], { type: 'text/markdown;charset=utf-8' }), `mandate-${scn.id}-debrief.md`);
  };
  const exportGame = () => {
    const text = JSON.stringify(saveFileOf(session), null, 1);
    downloadBlob(new Blob([text], { type: 'application/json' }), `mandate-${scn.id}-game.json`);
  };

  const root = h(
    'div',
    { class: 'debrief-screen' },
    h(
      'header',
      { class: 'db-header' },
      h(
        'h1',
        { id: 'debrief-heading', tabindex: -1 },
        over ? t('debrief.heading') : t('debrief.headingSoFar'),
        ': ',
        loc(scn.title),
      ),
      over ? null : h('p', { class: 'muted', role: 'note' }, t('debrief.soFarNote', { turn: game.turn })),
      h(
        'div',
        { class: 'db-tools no-print', role: 'group', 'aria-label': t('debrief.exports') },
        h('button', { type: 'button', 'data-key': 'db-md', onclick: exportMd }, t('debrief.exportMd')),
        h('button', { type: 'button', 'data-key': 'db-game', onclick: exportGame }, t('debrief.exportGame')),
        h('button', { type: 'button', 'data-key': 'db-print', onclick: () => window.print() }, t('debrief.print')),
        h(
          'button',
          { type: 'button', class: 'primary', 'data-key': 'db-close', onclick: props.onClose },
          over ? t('debrief.close') : t('debrief.resume'),
        ),
      ),
    ),
    tablist,
    holder,
  );
  select('summary', false);
  return {
    root,
    destroy: () => {
      for (const c of cleanups) c();
    },
  };
}
