// What the group-session pages share: scenario lookup, error text, the countdown, re-rendering that keeps typed fields.
// Everything on screen comes from the server's messages; text goes in as textContent only.
import { RequestError } from '../../net/client.js';
import type { IndicatorId, Scenario } from '../../scenario/schema.js';
import { rejectionText, trackName } from '../describe.js';
import { t } from '../i18n/index.js';
import { bundledScenarios } from '../scenarios.js';

let bundled: Map<string, Scenario> | null = null;

/** Downloads every bundled scenario (once), before a page shows: a session may name any of them at any moment. */
export async function loadBundled(): Promise<void> {
  bundled ??= new Map(await Promise.all(bundledScenarios().map(async (e) => [e.id, await e.load()] as const)));
}

/** A bundled scenario by id, once loadBundled has run: pages look scenarios up on every view, several times a second. */
export function scenarioOf(id: string): Scenario | undefined {
  return bundled?.get(id);
}

export function errText(e: unknown): string {
  if (e instanceof RequestError) return rejectionText(e.code);
  return e instanceof Error ? e.message : String(e);
}

export function clock(ms: number | null): string {
  if (ms === null) return t('session.noClock');
  const s = Math.ceil(ms / 1000);
  return t('session.timeLeft', { time: `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}` });
}

export function indName(scn: Scenario | undefined, k: IndicatorId): string {
  return scn ? trackName(scn, { kind: 'indicator', id: k }) : k;
}

/** Re-renders `box` keeping what was typed in its fields and which field had focus (views arrive while people type). */
export function keepFields(box: HTMLElement, paint: () => void): void {
  const values = new Map<string, string>();
  for (const el of box.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[id], select[id]'))
    values.set(el.id, el.value);
  const focused =
    document.activeElement instanceof HTMLElement && box.contains(document.activeElement)
      ? document.activeElement.id
      : '';
  paint();
  for (const [id, v] of values) {
    const el = box.querySelector<HTMLInputElement | HTMLSelectElement>(`#${CSS.escape(id)}`);
    if (el) el.value = v;
  }
  if (focused) box.querySelector<HTMLElement>(`#${CSS.escape(focused)}`)?.focus();
}

/** Milliseconds left on a session's clock from its last timer message, by the server's time; null with no clock. */
export function timeLeftOf(
  tm: { readonly deadline: number | null; readonly remaining: number | null } | undefined,
  clockOffset: number,
): number | null {
  if (!tm) return null;
  if (tm.remaining !== null) return tm.remaining;
  return tm.deadline === null ? null : Math.max(0, tm.deadline - (Date.now() + clockOffset));
}
