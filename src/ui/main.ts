// Entry point: styles, language, and the app.
import './style.css';
import { startApp } from './app.js';
import { lang, setLang } from './i18n/index.js';

setLang(lang());
const root = document.getElementById('app');
if (root) startApp(root);
