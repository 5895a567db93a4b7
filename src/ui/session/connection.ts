// The connection's state on every session screen (player, projector, facilitator): a banner on top of whatever the page
// shows, within moments of losing the server, and gone again when it is back. It lives beside the page's root, so
// pages that repaint their root (the table, the debrief) never take it away.
import './connection.css';
import type { ConnectionState, SessionClient } from '../../net/client.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';

const ID = 'session-connection';
/** How long "connected again" stays on screen. */
const BACK_MS = 3000;

/** Whether a reload now would load the page (a service worker holds the build) rather than the browser's error page. */
function reloadWorksOffline(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && !!navigator.serviceWorker.controller;
}

/**
 * Shows the connection's state of `client` on this page: "Reconnecting…" while the server cannot be reached (what the
 * player does meanwhile is kept and sent when it is back), "Connected again" for a moment after. While it is lost and
 * no service worker could serve a reload, leaving the page asks first. Returns a function that stops watching.
 */
export function showConnection(client: Pick<SessionClient, 'connection' | 'onConnection'>): () => void {
  document.getElementById(ID)?.remove();
  const text = h('span', {});
  const banner = h('div', { id: ID, class: 'conn-banner', role: 'status', 'data-testid': 'connection' }, text);
  banner.hidden = true;
  document.body.append(banner);
  let back: ReturnType<typeof setTimeout> | null = null;
  let wasLost = false;
  const guard = (e: BeforeUnloadEvent) => {
    if (client.connection !== 'reconnecting' || reloadWorksOffline()) return;
    e.preventDefault();
  };
  window.addEventListener('beforeunload', guard);
  const paint = (state: ConnectionState) => {
    if (back) clearTimeout(back);
    back = null;
    const lost = state === 'reconnecting';
    document.body.classList.toggle('session-offline', lost);
    banner.classList.toggle('lost', lost);
    if (lost) {
      wasLost = true;
      banner.hidden = false;
      text.textContent = t('conn.reconnecting');
      banner.dataset['state'] = 'reconnecting';
    } else if (state === 'online' && wasLost) {
      wasLost = false;
      banner.hidden = false;
      text.textContent = t('conn.back');
      banner.dataset['state'] = 'online';
      back = setTimeout(() => (banner.hidden = true), BACK_MS);
    } else {
      banner.hidden = true;
      banner.dataset['state'] = state;
    }
  };
  paint(client.connection);
  const stop = client.onConnection(paint);
  return () => {
    stop();
    if (back) clearTimeout(back);
    window.removeEventListener('beforeunload', guard);
    document.body.classList.remove('session-offline');
    banner.remove();
  };
}
