// The harness's watch: what it counts as a page's problem. A request abandoned because the page went to another address
// is not one (the title's idle prefetch of the map's code, cut off when a player joins quickly); any other failure is.
import { describe, expect, it } from 'vitest';
import { openPage, useHarness } from './harness.js';

const harness = useHarness();

describe('the e2e harness', () => {
  it('does not count a fetch the page abandoned by leaving, and counts one that failed while it stayed', async () => {
    const { page, context, problems } = await openPage(harness());
    const base = harness().url;
    // a script that never answers, then a real navigation while it is still pending
    await page.route('**/never.js', () => undefined);
    await page.route('**/broken.js', (r) => r.abort('failed'));
    await page.goto(base);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.src = '/never.js';
      document.head.append(s);
    });
    await page.waitForTimeout(200);
    await page.goto(`${base}?left=1`);
    await page.waitForLoadState('load');
    expect(problems.filter((p) => p.includes('never.js'))).toEqual([]);
    // a failure with no navigation after it is a problem
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.src = '/broken.js';
      document.head.append(s);
    });
    await expect.poll(() => problems.filter((p) => p.includes('broken.js')).length).toBe(1);
    await context.close();
  }, 60_000);
});
