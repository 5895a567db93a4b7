// The title screen: scenario with its briefing, chair, bot doctrine, seed, language, saved games, import, custom scenarios.
import { readJoinCode, CODE_LENGTH } from '../../net/codes.js';
import type { Chair } from '../../scenario/schema.js';
import { chairName, doctrineName } from '../describe.js';
import { h, newId } from '../dom.js';
import { lang, loc, t, type Lang } from '../i18n/index.js';
import type { SaveRecord } from '../saves.js';
import { entryKey, type ScenarioEntry } from '../scenarios.js';

export interface TitleChoice {
  readonly scenario: ScenarioEntry;
  readonly humanChairs: readonly Chair[];
  readonly doctrine: string;
  readonly seed: number;
}

export interface TitleProps {
  readonly scenarios: readonly ScenarioEntry[];
  readonly doctrines: readonly string[];
  readonly saves: readonly SaveRecord[];
  /** Chosen before a re-render (language switch), kept. */
  readonly selected: { scenario: string; chair: string; doctrine: string; seed: string };
  /** A message after an import or a custom load: ok, or a list of problems. */
  readonly notice: { kind: 'ok' | 'error'; text: string; problems?: readonly string[] } | null;
  onStart(choice: TitleChoice): void;
  /** The scenario on show changed (and when the title first shows it): its data may be fetched ahead of Start. */
  onChoose?(entry: ScenarioEntry): void;
  onResume(id: string): void;
  onDelete(id: string): void;
  onImport(file: File): void;
  onCustom(file: File): void;
  onLang(l: Lang): void;
  /** Goes to a group session's player page with a checked join code. */
  onJoin(code: string): void;
}

export function randomSeed(): number {
  return Math.floor(Math.random() * 0xffffffff) >>> 0;
}

export function languageSwitch(onLang: (l: Lang) => void): HTMLElement {
  const id = newId('lang');
  const select = h(
    'select',
    { id, 'data-key': 'lang', onchange: (e: Event) => onLang((e.target as HTMLSelectElement).value as Lang) },
    h('option', { value: 'en', lang: 'en' }, t('lang.en')),
    h('option', { value: 'fr', lang: 'fr' }, t('lang.fr')),
  );
  select.value = lang();
  return h('div', { class: 'lang-switch' }, h('label', { for: id }, t('lang.label')), select);
}

export function titleScreen(p: TitleProps): HTMLElement {
  const sel = p.selected;
  const entry = () => p.scenarios.find((e) => entryKey(e) === sel.scenario) ?? p.scenarios[0];
  const briefing = h('div', { class: 'briefing', 'aria-live': 'polite' });
  const chairSelect = h('select', { id: 'chair-select', 'data-key': 'chair' });
  const doctrineField = h('div', { class: 'field' });
  const renderScenario = () => {
    const e = entry();
    briefing.replaceChildren();
    chairSelect.replaceChildren();
    if (!e) return;
    const sum = e.summary;
    briefing.append(
      h('h3', {}, loc(sum.title)),
      h('p', { class: 'muted' }, t('title.months', { n: sum.turns, start: sum.start })),
      h('p', {}, loc(sum.briefing)),
    );
    const chairs = sum.chairs;
    chairSelect.append(
      h('option', { value: 'all' }, t('title.allChairs')),
      ...chairs.map((c) => h('option', { value: c }, chairName(c))),
    );
    chairSelect.value = sel.chair === 'all' || chairs.includes(sel.chair as Chair) ? sel.chair : 'all';
    const brief = sel.chair !== 'all' ? sum.chairBriefs[sel.chair as Chair] : undefined;
    if (brief)
      briefing.append(
        h('p', { class: 'chair-brief' }, h('strong', {}, `${chairName(sel.chair as Chair)}: `), loc(brief)),
      );
    renderDoctrine();
  };
  const doctrineSelect = h(
    'select',
    { id: 'doctrine-select', 'data-key': 'doctrine', onchange: () => (sel.doctrine = doctrineSelect.value) },
    p.doctrines.map((d) => h('option', { value: d }, doctrineName(d))),
  );
  doctrineSelect.value = sel.doctrine;
  const renderDoctrine = () => {
    const all = sel.chair === 'all';
    doctrineSelect.disabled = all;
    doctrineField.replaceChildren(h('label', { for: 'doctrine-select' }, t('title.doctrine')), doctrineSelect);
    if (all) doctrineField.append(h('p', { class: 'hint' }, t('title.doctrineNone')));
  };
  chairSelect.addEventListener('change', () => {
    sel.chair = chairSelect.value;
    renderScenario();
  });
  const scenarioSelect = h(
    'select',
    {
      id: 'scenario-select',
      'data-key': 'scenario',
      onchange: () => {
        sel.scenario = scenarioSelect.value;
        renderScenario();
        const e = entry();
        if (e) p.onChoose?.(e);
      },
    },
    p.scenarios.map((e) =>
      h('option', { value: entryKey(e) }, `${loc(e.summary.title)}${e.custom ? ` ${t('title.custom.tag')}` : ''}`),
    ),
  );
  const shown = entry();
  scenarioSelect.value = shown ? entryKey(shown) : '';
  const seedInput = h('input', {
    id: 'seed-input',
    type: 'text',
    inputmode: 'numeric',
    value: sel.seed,
    'data-key': 'seed',
    'aria-describedby': 'seed-hint',
    oninput: () => (sel.seed = seedInput.value),
  });
  const seedError = h('p', { class: 'rejection', role: 'alert', hidden: true });
  renderScenario();

  const form = h(
    'form',
    {
      class: 'panel new-game',
      'aria-labelledby': 'new-game-heading',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const seed = Number(seedInput.value.trim());
        if (!/^\d+$/.test(seedInput.value.trim()) || !Number.isSafeInteger(seed) || seed > 0xffffffff) {
          seedError.textContent = t('title.invalidSeed');
          seedError.hidden = false;
          seedInput.focus();
          return;
        }
        const en = entry();
        if (!en) return;
        const humanChairs = sel.chair === 'all' ? en.summary.chairs : [sel.chair as Chair];
        p.onStart({ scenario: en, humanChairs, doctrine: doctrineSelect.value, seed });
      },
    },
    h('h2', { id: 'new-game-heading' }, t('title.newGame')),
    h('div', { class: 'field' }, h('label', { for: 'scenario-select' }, t('title.scenario')), scenarioSelect),
    h('section', { class: 'briefing-box', 'aria-label': t('title.briefing') }, briefing),
    h('div', { class: 'field' }, h('label', { for: 'chair-select' }, t('title.chair')), chairSelect),
    doctrineField,
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'seed-input' }, t('title.seed')),
      h(
        'div',
        { class: 'inline' },
        seedInput,
        h(
          'button',
          {
            type: 'button',
            'data-key': 'new-seed',
            onclick: () => {
              seedInput.value = String(randomSeed());
              sel.seed = seedInput.value;
            },
          },
          t('title.newSeed'),
        ),
      ),
      h('p', { id: 'seed-hint', class: 'hint' }, t('title.seedHint')),
      seedError,
    ),
    h('button', { type: 'submit', class: 'primary big', 'data-key': 'start' }, t('title.start')),
  );

  const saves = h(
    'section',
    { class: 'panel saves', 'aria-labelledby': 'saves-heading' },
    h('h2', { id: 'saves-heading' }, t('title.saved')),
    p.saves.length === 0
      ? h('p', { class: 'muted' }, t('title.noSaves'))
      : h(
          'ul',
          { class: 'save-list' },
          p.saves.map((r) => {
            const scenario = loc(r.title);
            const chairs =
              r.humanChairs.length >= 3 ? t('title.allChairs') : r.humanChairs.map((c) => chairName(c)).join(', ');
            const date = new Date(r.savedAt).toLocaleString(lang() === 'fr' ? 'fr-FR' : 'en-GB', {
              dateStyle: 'medium',
              timeStyle: 'short',
            });
            return h(
              'li',
              {},
              h('span', {}, t(r.over ? 'title.savedOver' : 'title.savedRow', { scenario, turn: r.turn, chairs, date })),
              h(
                'span',
                { class: 'button-row' },
                h(
                  'button',
                  {
                    type: 'button',
                    'data-key': `resume-${r.id}`,
                    'aria-label': t('title.resumeLabel', { scenario, turn: r.turn }),
                    onclick: () => p.onResume(r.id),
                  },
                  t('title.resume'),
                ),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'quiet',
                    'data-key': `delete-${r.id}`,
                    'aria-label': t('title.deleteLabel', { scenario, turn: r.turn }),
                    onclick: () => p.onDelete(r.id),
                  },
                  t('title.delete'),
                ),
              ),
            );
          }),
        ),
    fileField('import-save', t('title.import'), '.json,application/json', p.onImport),
  );

  const drop = h(
    'div',
    { class: 'dropzone', 'data-testid': 'dropzone' },
    fileField('custom-scenario', t('title.customLoad'), '.yaml,.yml,.json', p.onCustom),
    h('p', { class: 'hint' }, t('title.customHint')),
  );
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer?.files[0];
    if (f) p.onCustom(f);
  });
  const custom = h(
    'section',
    { class: 'panel custom', 'aria-labelledby': 'custom-heading' },
    h('h2', { id: 'custom-heading' }, t('title.custom')),
    drop,
  );

  const notice = p.notice
    ? h(
        'div',
        {
          class: `notice ${p.notice.kind}`,
          role: p.notice.kind === 'error' ? 'alert' : 'status',
          'data-testid': 'notice',
          tabindex: -1,
        },
        h('p', {}, p.notice.text),
        p.notice.problems && p.notice.problems.length > 0
          ? h(
              'ul',
              { class: 'problems' },
              p.notice.problems.map((x) => h('li', {}, h('code', {}, x))),
            )
          : null,
      )
    : null;

  return h(
    'div',
    { class: 'title-screen' },
    h(
      'header',
      { class: 'title-header' },
      h('div', {}, h('h1', {}, t('app.title')), h('p', { class: 'tagline' }, t('app.tagline'))),
      languageSwitch(p.onLang),
    ),
    h(
      'main',
      { id: 'main', class: 'title-main', tabindex: -1 },
      notice,
      h('div', { class: 'title-grid' }, form, h('div', { class: 'title-side' }, groupSection(p.onJoin), saves, custom)),
    ),
  );
}

/** Group sessions: a join code to type (checked here, in words), and how a facilitator runs a workshop. */
function groupSection(onJoin: (code: string) => void): HTMLElement {
  const input = h('input', {
    id: 'join-code',
    type: 'text',
    class: 'code-input',
    'data-key': 'join-code',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: 16,
    'aria-describedby': 'join-code-hint',
  });
  const error = h('p', { id: 'join-code-error', class: 'rejection', role: 'alert', hidden: true });
  const form = h(
    'form',
    {
      class: 'join-form',
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        const r = readJoinCode(input.value);
        if (r.ok) {
          onJoin(r.code);
          return;
        }
        const pr = r.problem;
        error.textContent =
          pr.kind === 'empty'
            ? t('ws.title.codeEmpty')
            : pr.kind === 'char'
              ? t('ws.title.codeChar', { char: pr.char })
              : t('ws.title.codeLength', { n: CODE_LENGTH, length: pr.length });
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-errormessage', 'join-code-error');
        input.focus();
      },
    },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'join-code' }, t('ws.title.code')),
      h('div', { class: 'inline' }, input, h('button', { type: 'submit', 'data-key': 'join-go' }, t('ws.title.join'))),
      h('p', { id: 'join-code-hint', class: 'hint' }, t('ws.title.codeHint')),
      error,
    ),
  );
  return h(
    'section',
    { class: 'panel group', 'aria-labelledby': 'group-heading' },
    h('h2', { id: 'group-heading' }, t('ws.title.heading')),
    form,
    h(
      'details',
      { class: 'howto' },
      h('summary', { 'data-key': 'howto' }, t('ws.title.howto')),
      h(
        'ol',
        {},
        h('li', {}, t('ws.title.step1'), ' ', h('code', {}, 'npm run build'), ', ', h('code', {}, 'npm run serve')),
        h('li', {}, t('ws.title.step2')),
        h('li', {}, t('ws.title.step3')),
        h('li', {}, t('ws.title.step4')),
      ),
      h('p', { class: 'hint' }, t('ws.title.more'), ' ', h('code', {}, 'docs/group-sessions.md')),
    ),
  );
}

function fileField(key: string, label: string, accept: string, onFile: (f: File) => void): HTMLElement {
  const id = newId(key);
  const input = h('input', {
    type: 'file',
    id,
    accept,
    'data-key': key,
    onchange: () => {
      const f = input.files?.[0];
      if (f) onFile(f);
      input.value = '';
    },
  });
  return h('div', { class: 'field file' }, h('label', { for: id }, label), input);
}
