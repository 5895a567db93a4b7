// Cards for every screen of a session (player, projector): an inject as the facilitator sent it, or a message to the
// room. Only what the server sends every screen is shown; the facilitator's private note never reaches this page.
import './cards.css';
import type { Notice } from '../../net/protocol.js';
import type { SessionClient } from '../../net/client.js';
import type { Scenario } from '../../scenario/schema.js';
import { eventTitle } from '../describe.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';

/** A card host that shows the latest card of the session, until its reader closes it; a newer card shows again. */
export function noticeCards(client: SessionClient, scenario: () => Scenario | undefined): HTMLElement {
  const host = h('aside', { class: 'session-cards', 'aria-label': t('card.region'), 'data-testid': 'session-cards' });
  let closed = 0;
  const paint = () => {
    const list = client.session ? (client.notices.get(client.session) ?? []) : [];
    const last = list[list.length - 1];
    if (!last || last.id <= closed) {
      host.replaceChildren();
      host.hidden = true;
      return;
    }
    host.hidden = false;
    host.replaceChildren(
      card(last, scenario(), () => {
        closed = last.id;
        paint();
      }),
    );
  };
  client.on('notices', paint);
  client.on('welcome', paint);
  paint();
  return host;
}

function card(n: Notice, scn: Scenario | undefined, close: () => void): HTMLElement {
  const heading =
    n.kind === 'message'
      ? t('card.message')
      : n.event !== undefined
        ? scn
          ? eventTitle(scn, n.event)
          : n.event
        : (n.title ?? t('card.inject'));
  return h(
    'section',
    {
      class: `session-card ${n.kind}`,
      role: 'alert',
      'data-testid': 'session-card',
      'aria-labelledby': `card-${n.id}`,
    },
    h(
      'p',
      { class: 'small muted' },
      n.kind === 'message' ? t('card.fromFacilitator') : t('card.injectMonth', { turn: n.turn }),
    ),
    h('h2', { id: `card-${n.id}` }, heading),
    h('p', {}, n.text),
    h('button', { type: 'button', onclick: close }, t('card.close')),
  );
}
