// Links from the facilitator's list to the printable workshop pack: one per scenario, carrying its teams' names and
// join codes (and the server's own join address, so the printed QR codes never point to 127.0.0.1).
import type { InjectPlan, SessionSummary } from '../../net/protocol.js';
import { h } from '../dom.js';
import { loc, t } from '../i18n/index.js';
import { scenarioOf } from './common.js';

/** What the pack prints of a plan kept on the server: months, titles and the players' text (never a private note). */
export interface PackPlan {
  readonly name: string;
  readonly items: readonly {
    readonly month: number;
    readonly event?: string | undefined;
    readonly title?: string | undefined;
    readonly text: string;
  }[];
}

/** A plan as the pack prints it. */
export function packPlan(p: InjectPlan): PackPlan {
  return {
    name: p.name,
    items: p.items.map(({ month, command: c }) =>
      c.do === 'broadcast'
        ? { month, text: c.text }
        : c.do === 'inject'
          ? { month, event: c.event, text: c.reason }
          : { month, title: c.title, text: c.reason },
    ),
  };
}

/**
 * The pack's address: ?pack=SCENARIO&base=JOIN_BASE&teams=Name~CODE,…#plans=JSON (names may hold any character but ~
 * and ,; the plans as `packPlan` gives them). The plans ride in the fragment, which the browser never sends: fifty
 * plans of a hundred items would pass the server's limit on a request line.
 */
export function packHref(
  scenario: string,
  teams: readonly { team: string; code: string }[],
  base: string,
  plans: readonly InjectPlan[] = [],
): string {
  const u = new URL(location.href);
  const list = teams.map((x) => `${x.team.replace(/[~,]/g, ' ')}~${x.code}`).join(',');
  u.search = `?pack=${encodeURIComponent(scenario)}${teams.length > 0 ? `&base=${encodeURIComponent(base)}&teams=${encodeURIComponent(list)}` : ''}`;
  u.hash = plans.length > 0 ? `plans=${encodeURIComponent(JSON.stringify(plans.map(packPlan)))}` : '';
  return u.href;
}

/** One link per scenario among the open sessions, with the inject plans kept on the server. */
export function packLinks(sessions: readonly SessionSummary[], plans: readonly InjectPlan[]): HTMLElement | string {
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
        plans,
      );
      return h(
        'li',
        {},
        h('a', { href, target: '_blank', rel: 'noopener' }, `${t('pack.open')} — ${scn ? loc(scn.title) : id}`),
      );
    }),
  );
}
