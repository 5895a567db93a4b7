// Vitest global setup: a run that includes the browser tests stops at once, with one line, when no browser is found.
import { findChromium, NO_BROWSER } from './browser-path.js';

export default function setup(): void {
  const argv = process.argv.join(' ');
  const withoutBrowser = /--exclude[= ]["']?tests\/e2e/.test(argv);
  if (withoutBrowser || findChromium()) return;
  console.error(NO_BROWSER);
  process.exit(1);
}
