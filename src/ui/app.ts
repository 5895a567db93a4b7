// The app: title screen or table, kept in step with the store; autosave, resume on reload, focus kept across renders.
import { newGame, secretFromBytes, type GameKeys } from '../engine/index.js';
import { linkParams } from '../net/codes.js';
import type { Chair } from '../scenario/schema.js';
import { BOT_DOCTRINES, createGameStore, type Session } from '../store/store.js';
import { actingChairs } from './context.js';
import { announce, h } from './dom.js';
import { hasKey, loc, setLang, t, type Lang } from './i18n/index.js';
import { randomSeed, titleScreen, type TitleChoice, type TitleProps } from './panels/title.js';
import {
  autosave,
  customScenarios,
  deleteSave,
  downloadSave,
  listSaves,
  newGameId,
  readRecord,
  rememberCustom,
  sessionFromSaveText,
} from './saves.js';
import { bundledScenarios, entryKey, LESSONS, loadEntry, parseCustom, type ScenarioEntry } from './scenarios.js';
import { prefetchScenario } from './lazy-map.js';
import { createSoloTable, type SoloTable } from './solo-table.js';
import { chairName } from './describe.js';
import { needsPass, passScreen } from './session/hotseat.js';
import { chunkFailure, chunkLoader } from './chunk.js';

/** The debrief's code, downloaded when first opened; a failed download is retried from a fresh address. */
const loadDebrief = chunkLoader(() => import('./debrief/screen.js'));

export function startApp(root: HTMLElement): void {
  // Group sessions: a join link (?join=CODE), a projector's (?projector=CODE) or the facilitator's (#facilitator=TOKEN) opens that page instead.
  const link = linkParams(location.href);
  // The room's pages: the printable workshop pack (?pack=SCENARIO) and the teams' comparison for the wall (?compare=KEY).
  const room = new URL(location.href).searchParams;
  const pack = room.get('pack');
  const compare = room.get('compare');
  if (pack !== null || compare !== null) {
    const page =
      pack !== null
        ? import('./session/pack.js').then(
            (m) => () =>
              m.packPage(
                root,
                pack,
                room.get('base'),
                room.get('teams'),
                new URLSearchParams(location.hash.slice(1)).get('plans'),
              ),
          )
        : import('./session/compare.js').then((m) => () => m.comparePage(root, compare!, room.get('sessions')));
    void Promise.all([page, import('./session/common.js').then((m) => m.loadBundled())]).then(([show]) => show());
    return;
  }
  if (link.code || link.facilitatorToken !== null || link.projector) {
    const page = chunkLoader(() =>
      link.facilitatorToken !== null
        ? import('./session/facilitator.js').then((m) => () => m.facilitatorPage(root, link.facilitatorToken!))
        : link.projector
          ? import('./session/projector.js').then((m) => () => m.projectorPage(root, link.projector!))
          : import('./session/player.js').then((m) => () => m.playerPage(root, link.code!)),
    );
    // a session's views name its scenario at any moment: the pages get every bundled scenario before they show
    const common = chunkLoader(() => import('./session/common.js'));
    const go = () =>
      void Promise.all([page(), common().then((m) => m.loadBundled())]).then(
        ([show]) => show(),
        (e: unknown) => {
          console.warn('the group session page could not be loaded', e);
          root.replaceChildren(
            h(
              'main',
              { id: 'main', class: 'session-page' },
              h('p', { role: 'alert', class: 'rejection' }, t('session.unavailable')),
              h('button', { type: 'button', onclick: go }, t('chunk.retry')),
            ),
          );
        },
      );
    go();
    return;
  }
  const store = createGameStore();
  const scenarios: ScenarioEntry[] = bundledScenarios();
  const selected: TitleProps['selected'] = {
    scenario: scenarios[0] ? entryKey(scenarios[0]) : '',
    chair: 'all',
    doctrine: 'strong',
    seed: String(randomSeed()),
  };
  let notice: TitleProps['notice'] = null;
  // the title's last start, resume or import (each may wait for a scenario's download): only the last one acts
  let task = 0;
  let table: SoloTable | null = null;
  let titleMarked = false;
  let debrief: { root: HTMLElement; destroy(): void } | null = null;
  // Hot seat: the chair the device is being passed to; the table stays hidden until that chair says it is there.
  let passing: Chair | null = null;
  let passEl: HTMLElement | null = null;

  const keepFocus = (paint: () => void) => {
    const active = document.activeElement as HTMLElement | null;
    const key = active?.dataset['key'];
    const inside = active ? root.contains(active) : false;
    paint();
    if (!inside) return;
    const again = key ? root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) : null;
    if (again && !(again as HTMLButtonElement).disabled) again.focus();
    else root.querySelector<HTMLElement>('#phase-heading, #over-heading, main')?.focus();
  };

  const showTitle = () => {
    closeDebrief(false);
    table?.destroy();
    table = null;
    document.title = t('app.title');
    const props: TitleProps = {
      scenarios,
      doctrines: BOT_DOCTRINES,
      saves: listSaves(),
      selected,
      notice,
      onStart: (c) => void start(c),
      onChoose: prefetchScenario,
      onResume: (id) => void resume(id),
      onDelete: (id) => {
        deleteSave(id);
        keepFocus(showTitle);
      },
      onImport: (f) => void importSave(f),
      onCustom: (f) => void loadCustom(f),
      onLang: switchLang,
      onJoin: (code) => location.assign(`${location.pathname}?join=${encodeURIComponent(code)}`),
    };
    root.replaceChildren(titleScreen(props));
    if (!titleMarked) {
      titleMarked = true;
      performance.mark('title-ready');
    }
    // the scenario on show (kept across a language switch or a return to the title) is fetched ahead of Start
    const shown = scenarios.find((e) => entryKey(e) === selected.scenario);
    if (shown) prefetchScenario(shown);
  };

  const showPass = (chair: Chair) => {
    if (table) table.root.hidden = true;
    passEl?.remove();
    passEl = passScreen(chair, () => {
      passing = null;
      passEl?.remove();
      passEl = null;
      if (table) table.root.hidden = false;
      showTable();
      table?.flush();
      root.querySelector<HTMLElement>('#phase-heading')?.focus({ preventScroll: true });
    });
    root.append(passEl);
    passEl.querySelector<HTMLElement>('#pass-heading')?.focus();
  };

  /** The solo table, made once (it is kept, detached, while the debrief or a pass screen shows). */
  const makeTable = (): SoloTable => {
    const made = createSoloTable(store, {
      onQuit: quit,
      onExport: () => {
        const s = store.getState().session;
        if (s) downloadSave(s);
      },
      onLang: switchLang,
      onDebrief: () => void openDebrief(),
    });
    root.replaceChildren(made.root);
    return made;
  };

  const showTable = () => {
    if (passing) {
      table ??= makeTable();
      if (!passEl) showPass(passing);
      return;
    }
    if (!table) {
      table = makeTable();
      table.flush();
      root.querySelector<HTMLElement>('#phase-heading, #over-heading')?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    } else table.render();
  };

  // The debrief (loaded on demand) takes the screen; the table waits, detached, to come back as it was.
  async function openDebrief(): Promise<void> {
    const session = store.getState().session;
    if (!session || !table) return;
    let mod: Awaited<ReturnType<typeof loadDebrief>>;
    try {
      mod = await loadDebrief();
    } catch (e) {
      console.warn('the debrief could not be downloaded', e);
      root.querySelector('.chunk-failure')?.remove();
      root.prepend(chunkFailure(() => void openDebrief()));
      root.querySelector<HTMLElement>('.chunk-failure button')?.focus();
      return;
    }
    closeDebrief(false);
    debrief = mod.debriefScreen({ session, catalogue: LESSONS, scenarios, onClose: () => closeDebrief(true) });
    root.replaceChildren(debrief.root);
    root.querySelector<HTMLElement>('#debrief-heading')?.focus();
    window.scrollTo(0, 0);
  }

  function closeDebrief(back: boolean): void {
    if (!debrief) return;
    debrief.destroy();
    debrief = null;
    if (!back || !table) return;
    root.replaceChildren(table.root);
    table.flush();
    root.querySelector<HTMLElement>('[data-key="debrief"], #over-heading, #phase-heading')?.focus();
  }

  const open = (session: Session) => {
    notice = null;
    location.hash = `game=${session.id}`;
    store.getState().start(session);
  };

  /**
   * Runs a title action that may download a scenario: a slow one says so on the title, and its result is dropped
   * (null) when another action came after it or a game is already open.
   */
  async function titleTask<T>(loading: () => string, work: () => Promise<T>): Promise<T | null> {
    const mine = ++task;
    const slow = window.setTimeout(() => {
      if (mine !== task || store.getState().session) return;
      notice = { kind: 'ok', text: loading() };
      keepFocus(showTitle);
    }, 300);
    try {
      const r = await work();
      return mine === task && !store.getState().session ? r : null;
    } finally {
      window.clearTimeout(slow);
    }
  }

  const failed = (text: string) => {
    notice = { kind: 'error', text };
    keepFocus(showTitle);
    root.querySelector<HTMLElement>('[data-testid="notice"]')?.focus();
  };

  async function start(c: TitleChoice): Promise<void> {
    selected.seed = String(c.seed);
    const loaded = await titleTask(
      () => t('scenario.loading', { title: loc(c.scenario.summary.title) }),
      () => loadEntry(c.scenario),
    );
    if (loaded === null) return;
    if (!loaded.ok) return failed(loaded.message);
    const scn = loaded.scenario;
    open({
      id: newGameId(),
      scenario: scn,
      game: newGame(scn, c.seed, newKeys()),
      humanChairs: c.humanChairs,
      botDoctrine: c.doctrine,
    });
  }

  async function resume(id: string): Promise<void> {
    const r = readRecord(id);
    if (!r) return;
    const loaded = await titleTask(
      () => t('scenario.loading', { title: loc(r.title) }),
      async () => {
        await customsRead;
        return sessionFromSaveText(JSON.stringify(r.save), scenarios, r.id);
      },
    );
    if (loaded === null) return;
    if (!loaded.ok) return failed(loadFailure(loaded.error));
    open({ ...loaded.session, humanChairs: r.humanChairs, botDoctrine: r.botDoctrine });
  }

  async function importSave(f: File): Promise<void> {
    const loaded = await titleTask(
      () => t('title.importing'),
      async () => {
        await customsRead;
        return sessionFromSaveText(await f.text(), scenarios, newGameId());
      },
    );
    if (loaded === null) return;
    if (!loaded.ok) return failed(loadFailure(loaded.error));
    autosave(loaded.session);
    notice = { kind: 'ok', text: t('title.imported') };
    open(loaded.session);
  }

  async function loadCustom(f: File): Promise<void> {
    await customsRead;
    const r = await parseCustom(await f.text(), f.name);
    if (!r.ok) {
      notice = { kind: 'error', text: t('title.customErrors', { file: f.name }), problems: r.problems };
    } else {
      const at = scenarios.findIndex((e) => e.id === r.entry.id && e.custom);
      if (at >= 0) scenarios.splice(at, 1);
      scenarios.push(r.entry);
      rememberCustom(r.entry);
      selected.scenario = entryKey(r.entry);
      notice = { kind: 'ok', text: t('title.customOk', { title: loc(r.entry.summary.title) }) };
    }
    keepFocus(showTitle);
    announce(notice.text);
  }

  function quit(): void {
    history.replaceState(null, '', location.pathname + location.search);
    store.getState().quit();
  }

  function switchLang(l: Lang): void {
    setLang(l);
    if (passing) {
      passEl?.remove();
      passEl = null;
      showPass(passing);
    }
    if (store.getState().session) {
      table?.redrawMap();
    } else keepFocus(showTitle);
  }

  store.subscribe((s, prev) => {
    const session = s.session;
    if (!session) {
      passing = null;
      passEl = null;
      if (prev.session) showTitle();
      return;
    }
    if (s.viewer !== prev.viewer || session.game.phase !== prev.session?.game.phase) {
      const from = { viewer: prev.viewer, phase: prev.session ? prev.session.game.phase : null };
      if (needsPass(session.humanChairs.length, from, { viewer: s.viewer, phase: session.game.phase })) {
        passing = s.viewer;
        passEl?.remove();
        passEl = null;
      }
    }
    if (session.game !== prev.session?.game) {
      autosave(session);
      // hot seat: hand the screen to a chair that has something to do
      const acting = actingChairs(session.game, session.scenario, session.humanChairs);
      if (acting.length > 0 && !acting.includes(s.viewer)) {
        store.setState({ viewer: acting[0]! });
        announce(chairName(acting[0]!));
        return;
      }
      if (prev.session && session.game.phase !== prev.session.game.phase) announce(t(`phase.${session.game.phase}`));
    }
    if (s.rejection && s.rejection !== prev.rejection) {
      const key = `rej.${s.rejection.code}`;
      announce(hasKey(key) ? t(key) : t('rej.generic'));
    }
    showTable();
  });

  // Custom scenarios kept in this browser are checked again by the parser (loaded only if there are any), then listed.
  const customsRead = customScenarios()
    .then((cs) => {
      scenarios.push(...cs);
      if (cs.length > 0 && !store.getState().session) keepFocus(showTitle);
    })
    .catch((e: unknown) => console.warn('custom scenarios could not be read', e));

  // A reload resumes the game in the address bar exactly where it was.
  const m = /^#game=([\w-]+)$/.exec(location.hash);
  if (m?.[1] && readRecord(m[1])) {
    showTitle();
    void resume(m[1]);
  } else showTitle();

  if (import.meta.env.DEV || new URLSearchParams(location.search).has('test')) {
    (window as unknown as { __mandate: unknown }).__mandate = { store };
  }
}

/**
 * A new game's keys, the fog's and the world's: 128 bits each of the browser's crypto randomness (engine/fog.ts,
 * engine/rng.ts), so the seed alone neither lifts the fog nor foretells the world. Under `?test` (the browser tests)
 * none are made and the engine derives them from the seed: a seed is one game there.
 */
function newKeys(): GameKeys | undefined {
  if (new URLSearchParams(location.search).has('test')) return undefined;
  const key = () => secretFromBytes(crypto.getRandomValues(new Uint8Array(16)));
  return { secret: key(), world: key() };
}

/** Why a save could not be opened; a scenario that could not be downloaded is no fault of the file, and its detail says so. */
function loadFailure(e: { code: string; detail: string }): string {
  if (e.code === 'scenario-unavailable') return e.detail;
  const key = `save.${e.code}`;
  return t('title.importFailed', { reason: hasKey(key) ? t(key, { detail: e.detail, id: e.detail }) : e.detail });
}
