// Entry point: styles, language, and the app.
import './style.css';
import { startApp } from './app.js';
import { lang, setLang } from './i18n/index.js';

setLang(lang());
const root = document.getElementById('app');
if (root) startApp(root);

// Offline play: the built site's service worker (scripts/sw-plugin.ts) precaches every file; not in dev, not on file://.
if (import.meta.env.PROD && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((e: unknown) => console.warn('offline play unavailable', e));
  });
}
