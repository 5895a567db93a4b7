// The browser tests find Chrome or Chromium where it usually lives, or CHROME_PATH, and otherwise say what to install.
import { describe, expect, it } from 'vitest';
import { findChromium, NO_BROWSER, usualPaths } from './browser-path.js';

describe('finding a browser for the browser tests', () => {
  it('takes CHROME_PATH when it exists, and nothing else when it does not', () => {
    const has =
      (...paths: string[]) =>
      (p: string) =>
        paths.includes(p);
    expect(findChromium({ CHROME_PATH: '/opt/chrome/chrome' }, has('/opt/chrome/chrome', '/usr/bin/chromium'))).toBe(
      '/opt/chrome/chrome',
    );
    expect(findChromium({ CHROME_PATH: '/opt/none' }, has('/usr/bin/chromium'))).toBeNull();
  });

  it('looks where Chrome and Chromium usually live, Debian’s Chromium first', () => {
    expect(findChromium({}, () => true)).toBe('/usr/bin/chromium');
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium({}, (p) => p === mac)).toBe(mac);
    expect(
      usualPaths({ PROGRAMFILES: 'C:\\Program Files' }).some(
        (p) => p.includes('Program Files') && p.endsWith('chrome.exe'),
      ),
    ).toBe(true);
    expect(findChromium({}, () => false)).toBeNull();
  });

  it('says in one line what to install', () => {
    expect(NO_BROWSER.split('\n')).toHaveLength(1);
    expect(NO_BROWSER).toMatch(/apt-get install chromium/);
    expect(NO_BROWSER).toMatch(/CHROME_PATH/);
  });
});
