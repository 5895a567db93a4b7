// Links from the facilitator's list to the printable workshop pack: one per scenario, carrying its teams' names and
// join codes (and the server's own join address, so the printed QR codes never point to 127.0.0.1).
import type { SessionSummary } from '../../net/protocol.js';
import { h } from '../dom.js';
import { loc, t } from '../i18n/index.js';
import { scenarioOf } from './common.js';

/** The pack's address: ?pack=SCENARIO&base=JOIN_BASE&teams=Name~CODE,… (names may hold any character but ~ and ,). */
export function packHref(scenario: string, teams: readonly { team: string; code: string }[], base: string): string {
  const u = new URL(location.href);
  const list = teams.map((x) => `${x.team.replace(/[~,]/g, ' ')}~${x.code}`).join(',');
  u.search = `?pack=${encodeURIComponent(scenario)}${teams.length > 0 ? `&base=${encodeURIComponent(base)}&teams=${encodeURIComponent(list)}` : ''}`;
  u.hash = '';
  return u.href;
}

/** One link per scenario among the open sessions (and one for each scenario's pack without teams when none is open). */
export function packLinks(sessions: readonly SessionSummary[]): HTMLElement | string {
  const open = sessions.filter((x) => x.code && x.link);
  const by = new Map<string, SessionSummary[]>();
  for (const x of open) by.set(x.scenario, [...(by.get(x.scenario) ?? []), x]);
  if (by.size === 0) return '';
  return h(
    'ul',
    { class: 'pack-links' },
    [...by].map(([id, xs]) => {
      const scn = scenarioOf(id);
      const base = new URL(xs[0]!.link!).origin;
      const href = packHref(
        id,
        xs.map((x) => ({ team: x.team, code: x.code! })),
        base,
      );
      return h(
        'li',
        {},
        h('a', { href, target: '_blank', rel: 'noopener' }, `${t('pack.open')} — ${scn ? loc(scn.title) : id}`),
      );
    }),
  );
}
