// Plays by the controls' data-keys (so in any language), by keyboard or mouse, counting key presses; and reads every
// text on screen for an internal id or a lesson code.
import type { Page } from 'playwright-core';
import { MECHANICS } from '../../src/scenario/constants.js';
import { settled } from './play.js';

/** The next control the game asks for, as a CSS selector, or null when there is none. */
async function nextControl(p: Page): Promise<string | null> {
  return p.evaluate(() => {
    const shown = (el: Element | null): el is HTMLElement =>
      el instanceof HTMLElement && el.offsetParent !== null && !(el as HTMLButtonElement).disabled;
    const q = (s: string) => [...document.querySelectorAll(s)].find(shown) ?? null;
    if (q('[data-key="hotseat-ready"]')) return '[data-key="hotseat-ready"]';
    if (q('[data-key="adopt"]')) return '[data-key="adopt"]';
    const choice = q('.choices button');
    if (choice) return `[data-key="${(choice as HTMLElement).dataset['key']}"]`;
    if (q('[data-key="close-sitrep"]')) return '[data-key="close-sitrep"]';
    if (q('[data-key="set-strategy"]')) return '[data-key="set-strategy"]';
    if (q('[data-key="commit"]')) {
      const empty = document.querySelector('.plan-items') === null;
      const add = q('.cards button[data-key^="add-"]');
      if (empty && add) return `[data-key="${(add as HTMLElement).dataset['key']}"]`;
      return '[data-key="commit"]';
    }
    if (q('[data-key="confirm"]')) return '[data-key="confirm"]';
    return null;
  });
}

/** Tabs (forward or back, whichever is shorter, as a practised person would) to `selector`; returns the presses. */
async function tabTo(p: Page, selector: string): Promise<number> {
  const plan = await p.evaluate((sel) => {
    const target = document.querySelector<HTMLElement>(sel);
    const visible = (el: HTMLElement) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const all = [
      ...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]'),
    ].filter(
      (el) =>
        el.tabIndex >= 0 &&
        !(el as HTMLButtonElement).disabled &&
        visible(el) &&
        !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
    );
    const active = document.activeElement as HTMLElement | null;
    const to = target ? all.indexOf(target) : -1;
    let at = active ? all.indexOf(active) : -1;
    let before = false;
    if (at < 0 && active && active !== document.body) {
      // a heading that holds the focus without a tab stop: the next stop is the first after it
      at = all.findIndex((el) => active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
      before = true;
    }
    if (to < 0) return null;
    if (at < 0) return { key: 'Tab', n: to + 1 };
    const fwd = before ? (to >= at ? to - at + 1 : -1) : to - at;
    const back = before && to >= at ? -1 : at - to;
    if (fwd >= 0 && (back < 0 || fwd <= back)) return { key: 'Tab', n: fwd };
    return { key: 'Shift+Tab', n: back };
  }, selector);
  if (!plan) throw new Error(`no tab stop for ${selector}`);
  for (let i = 0; i < plan.n; i++) await p.keyboard.press(plan.key);
  const there = await p.evaluate(
    (sel) =>
      document.activeElement === document.querySelector(sel)
        ? null
        : (document.activeElement?.outerHTML ?? 'none').slice(0, 200),
    selector,
  );
  if (there !== null) throw new Error(`tabbing ${plan.key} × ${plan.n} did not reach ${selector} but ${there}`);
  return plan.n;
}

/** Takes the next step; returns the presses it took (keyboard) or 1 (mouse), or null when there is nothing to do. */
export async function keyStep(
  p: Page,
  mode: 'keyboard' | 'mouse',
): Promise<{ control: string; presses: number } | null> {
  const control = await nextControl(p);
  if (!control) return null;
  if (mode === 'mouse') {
    await p.locator(control).first().click();
    await settled(p);
    return { control, presses: 1 };
  }
  const n = await tabTo(p, control);
  await p.keyboard.press('Enter');
  await settled(p);
  return { control, presses: n + 1 };
}

/** Every text a person may meet on the page: text nodes (hidden tooltips and folded logs too) and accessible names. */
export async function screenText(p: Page): Promise<string> {
  return p.evaluate(() => {
    const out: string[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const parent = n.parentElement;
      if (parent && (parent.tagName === 'SCRIPT' || parent.tagName === 'STYLE')) continue;
      out.push(n.textContent ?? '');
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
      for (const a of ['aria-label', 'title', 'alt', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out.join('\n');
  });
}

/** The scenario's ids and the words of its own text in the page's language (an id that is also a word is not a leak). */
export async function scenarioIds(p: Page): Promise<{ ids: string[]; words: string }> {
  return p.evaluate(() => {
    const st = (
      window as unknown as {
        __mandate: { store: { getState(): { session: { scenario: Record<string, unknown> } | null } } };
      }
    ).__mandate.store.getState();
    const scn = st.session!.scenario;
    const lang = document.documentElement.lang === 'fr' ? 'fr' : 'en';
    const ids = new Set<string>();
    const words: string[] = [];
    const visit = (x: unknown, key: string) => {
      if (Array.isArray(x)) x.forEach((y) => visit(y, key));
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (typeof o['en'] === 'string') {
          words.push(String(o[lang] ?? o['en']));
          return;
        }
        if (typeof o['id'] === 'string') ids.add(o['id']);
        for (const [k, v] of Object.entries(o)) {
          if (key === 'reinforcements' || key === 'indicators') ids.add(k);
          visit(v, k);
        }
      }
    };
    visit(scn, '');
    return { ids: [...ids], words: words.join('\n') };
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const whole = (id: string) => new RegExp(`(?<![\\w-])${escape(id)}(?![\\w-])`);

/**
 * The internal ids and lesson codes in `text`, each with the line it is in. An id of one plain word counts only when
 * short (uav, jmac) and not a word of the scenario's own text: longer ones (impartiality, outreach) are ordinary words.
 */
export function leaks(text: string, ids: readonly string[], words: string): Map<string, string> {
  const found = new Map<string, string>();
  const line = (at: number) =>
    text.slice(text.lastIndexOf('\n', at) + 1, (text.indexOf('\n', at) + 1 || text.length + 1) - 1).slice(0, 160);
  for (const m of text.matchAll(/(?<![\w-])L-[a-z][a-z0-9-]*/g)) if (!found.has(m[0])) found.set(m[0], line(m.index));
  for (const id of [...ids, ...MECHANICS]) {
    const m = whole(id).exec(text);
    if (!m) continue;
    if (whole(id).test(words) || (!/[-\d]/.test(id) && id.length > 4)) continue;
    found.set(id, line(m.index));
  }
  return found;
}
