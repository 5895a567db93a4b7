// Where the browser tests find Chrome or Chromium: CHROME_PATH, then the usual places on Linux, macOS and Windows.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The usual places, in order: Debian's Chromium (what CI installs) first. */
export function usualPaths(env: NodeJS.ProcessEnv = process.env): string[] {
  const win = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((d): d is string => !!d);
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ...win.map((d) => join(d, 'Google', 'Chrome', 'Application', 'chrome.exe')),
    ...win.map((d) => join(d, 'Chromium', 'Application', 'chrome.exe')),
  ];
}

/** The one line a newcomer reads when no browser is found. */
export const NO_BROWSER =
  'The browser tests need Chrome or Chromium: install it (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH to its executable.';

/** The browser to drive, or null. A CHROME_PATH that does not exist is an answer too (null): it was asked for by name. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (p: string) => boolean = existsSync,
): string | null {
  const asked = env['CHROME_PATH'];
  if (asked) return exists(asked) ? asked : null;
  return usualPaths(env).find(exists) ?? null;
}

/** The browser to drive; throws the one line when there is none. */
export function chromiumPath(): string {
  const path = findChromium();
  if (!path) throw Object.assign(new Error(NO_BROWSER), { stack: NO_BROWSER });
  return path;
}
