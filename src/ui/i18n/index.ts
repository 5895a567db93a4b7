// Translation: the current language (remembered in localStorage), `t` for UI strings, `loc` for scenario text.
import { en, type MessageKey } from './en.js';
import { fr } from './fr.js';

export type Lang = 'en' | 'fr';
export type { MessageKey };

const TABLES: Record<Lang, Record<MessageKey, string>> = { en, fr };
const KEY = 'mandate.lang';
let current: Lang = readLang();

function readLang(): Lang {
  try {
    const v = localStorage.getItem(KEY);
    if (v === 'en' || v === 'fr') return v;
  } catch {
    // storage may be unavailable; fall back to the browser's language
  }
  // no navigator outside a browser (Node 20 in tests and tools): English
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function lang(): Lang {
  return current;
}

export function setLang(l: Lang): void {
  current = l;
  document.documentElement.lang = l;
  // the page's own skip link is written in English in index.html
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = t('app.skip');
  try {
    localStorage.setItem(KEY, l);
  } catch {
    // not remembered, still applied
  }
}

/** A UI string with its {placeholders} filled in, in the player's language unless another is given. */
export function t(key: MessageKey, params: Readonly<Record<string, string | number>> = {}, l: Lang = current): string {
  const fr = l === 'fr' && TABLES.fr[key] !== undefined;
  // French typography: a narrow no-break space before : ; ? ! (in our strings, not in the scenario's text put into them)
  const text = fr ? TABLES.fr[key].replace(/[ \u00a0]([:;?!])/g, '\u202f$1') : (TABLES[l][key] ?? en[key]);
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? numberText(params[name]!, l) : m));
}

/** A number as the language writes it: a decimal comma in French (77,9). */
export function numberText(v: string | number, l: Lang = current): string {
  if (typeof v !== 'number' || Number.isInteger(v)) return String(v);
  return l === 'fr' ? String(v).replace('.', ',') : String(v);
}

/** A number to a fixed count of decimals, as the language writes it: a table's column of means reads 50.0, 57.5, 60.0. */
export function decimal(v: number, digits = 1, l: Lang = current): string {
  // `|| 0` turns a rounded −0 into 0, so a mean just below zero is not written "-0.0".
  const text = (Number(v.toFixed(digits)) || 0).toFixed(digits);
  return l === 'fr' ? text.replace('.', ',') : text;
}

/** Whether a string is a known UI key (for codes coming from the engine). */
export function hasKey(key: string): key is MessageKey {
  return key in en;
}

/** Scenario text in the current language, English when no translation exists. */
export function loc(text: { readonly en: string; readonly fr?: string | undefined }): string {
  return (current === 'fr' ? text.fr : undefined) ?? text.en;
}

/** A number with its sign, as changes are shown; with `digits`, to that fixed count of decimals (decimal). */
export function signed(n: number, digits?: number): string {
  if (digits === undefined) return n > 0 ? `+${numberText(n)}` : n < 0 ? `−${numberText(Math.abs(n))}` : '0';
  // Signed as rounded, so a difference of 0.04 reads 0.0, not +0.0.
  const r = Number(n.toFixed(digits));
  return r > 0 ? `+${decimal(r, digits)}` : r < 0 ? `−${decimal(-r, digits)}` : decimal(0, digits);
}
