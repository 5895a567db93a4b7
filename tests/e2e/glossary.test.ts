// Browser tests of issue #19's people and Council: the glossary opened from a month's report, in English and in French,
// with the named leaders; the Security Council beside the theatre table, with its penholder and renewals, in both.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { OUTPUT, openPage, shot, useHarness } from './harness.js';
import { playUntil } from './play.js';

const harness = useHarness();

/** A MONUSCO game in the hot seat, seed 19, its map drawn. */
async function startMonusco() {
  const h = harness();
  const w = await openPage(h);
  const p = w.page;
  await p.goto(`${h.url}?test`);
  await p
    .getByLabel('Scenario', { exact: true })
    .selectOption({ label: 'MONUSCO 2012–2014: Goma, the Intervention Brigade and the Kampala talks' });
  await p.getByLabel('Your chair').selectOption({ label: 'All chairs (hot seat)' });
  await p.getByLabel('Seed', { exact: true }).fill('19');
  await p.getByRole('button', { name: 'Start the game' }).click();
  await p.locator('#map[data-ready="true"]').waitFor({ timeout: 20_000 });
  return w;
}

describe('glossary', () => {
  it('opens from the report of a month, in English and in French, with acronyms and named leaders', async () => {
    const w = await startMonusco();
    const p = w.page;
    // The month's report with its ledger: month 1 has been played.
    await playUntil(p, 'mouse', () => p.locator('.report .ledger').first().isVisible());
    await p.getByRole('heading', { name: 'Results of month 1' }).waitFor();

    await p.locator('.report').getByRole('button', { name: 'Glossary', exact: true }).click();
    const dialog = p.getByRole('dialog', { name: 'Glossary: acronyms, names and people' });
    await dialog.waitFor();
    await expect(dialog.getByText('Force Intervention Brigade', { exact: false }).first().isVisible()).resolves.toBe(
      true,
    );
    await expect(
      dialog.getByText('Carlos Alberto dos Santos Cruz', { exact: false }).first().isVisible(),
    ).resolves.toBe(true);
    await expect(dialog.getByText('Mary Robinson', { exact: false }).first().isVisible()).resolves.toBe(true);
    // Ranks and dates in the reader's language, not in the data's ISO form.
    await expect(dialog.getByText('Lieutenant General, Force Commander (Brazil)').first().isVisible()).resolves.toBe(
      true,
    );
    await expect(dialog.getByText('(from 17 May 2013)', { exact: false }).first().isVisible()).resolves.toBe(true);
    await shot(p, 'glossary-en');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog.count()).resolves.toBe(0);

    await p.getByLabel('Language').selectOption('fr');
    await p.getByRole('heading', { name: 'Résultats du mois 1' }).waitFor();
    await p.locator('.report').getByRole('button', { name: 'Glossaire', exact: true }).click();
    const dialogFr = p.getByRole('dialog', { name: 'Glossaire : sigles, noms et personnes' });
    await dialogFr.waitFor();
    // French text may write its apostrophe either way.
    const shown = (text: string) =>
      dialogFr
        .getByText(text, { exact: false })
        .or(dialogFr.getByText(text.replaceAll('’', "'"), { exact: false }))
        .first()
        .isVisible();
    await expect(shown('Brigade d’intervention de la force')).resolves.toBe(true);
    await expect(dialogFr.getByText('Envoyée spéciale', { exact: false }).first().isVisible()).resolves.toBe(true);
    await expect(
      dialogFr.getByText('Commandant de la force (Brésil)', { exact: false }).first().isVisible(),
    ).resolves.toBe(true);
    await expect(shown('Général de corps d’armée, commandant de la force (Brésil)')).resolves.toBe(true);
    await expect(dialogFr.getByText('(à partir du 17 mai 2013)', { exact: false }).first().isVisible()).resolves.toBe(
      true,
    );
    await expect(dialogFr.getByText('Lt. Gen.', { exact: false }).count()).resolves.toBe(0);
    await expect(dialogFr.getByText(/\(\d{4}-\d{2}/).count()).resolves.toBe(0);
    await shot(p, 'glossary-fr');
    await dialogFr.getByRole('button', { name: 'Fermer' }).click();
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 120_000);

  it('shows the Security Council beyond the map, with its penholder and renewals, in English and in French', async () => {
    const w = await startMonusco();
    const p = w.page;

    const beyond = p.getByRole('region', {
      name: 'Beyond the map: neighbours, organisations and the Security Council',
    });
    await beyond.waitFor();
    const table = beyond.getByRole('table', { name: /Actors with no region on the map/ });
    for (const name of ['UN Security Council', 'Rwanda', 'ICGLR'])
      await expect(table.getByRole('rowheader', { name, exact: false }).count(), name).resolves.toBeGreaterThan(0);
    const council = table.getByRole('row', { name: /UN Security Council/ });
    await expect(council.getByRole('cell').first().textContent()).resolves.toBe('Security Council');
    await expect(beyond.getByText('Penholder (drafts the resolutions): France').isVisible()).resolves.toBe(true);
    await expect(
      beyond.getByText('Mandate renewals: March 2013 (month 5), March 2014 (month 17)').isVisible(),
    ).resolves.toBe(true);
    await expect(beyond.getByText(/^Its backing of the mission: \d+/).isVisible()).resolves.toBe(true);
    // The mandate's adoption says what New York holds to: the penholder's priorities and the Policy Committee.
    const mandate = p.getByRole('region', { name: 'Adopt the mandate' });
    await expect(
      mandate.getByText(/^New York: the penholder \(France\) holds to its priorities/).isVisible(),
    ).resolves.toBe(true);
    await expect(mandate.getByText(/a priority of the penholder/).count()).resolves.toBe(1);
    await beyond.scrollIntoViewIfNeeded();
    await beyond.screenshot({ path: join(OUTPUT, 'council-en.png') });

    await p.getByLabel('Language').selectOption('fr');
    const ailleurs = p.getByRole('region', { name: /^Hors de la carte/ });
    await ailleurs.waitFor();
    await expect(
      ailleurs.getByRole('rowheader', { name: 'Conseil de sécurité des Nations Unies' }).count(),
    ).resolves.toBe(1);
    await expect(
      ailleurs.getByText(/^Porte-plume \(rédige les résolutions\)\s*: la France$/).isVisible(),
    ).resolves.toBe(true);
    await expect(
      ailleurs.getByText(/^Renouvellements du mandat\s*: mars 2013 \(mois 5\), mars 2014 \(mois 17\)$/).isVisible(),
    ).resolves.toBe(true);
    await expect(
      p
        .getByRole('region', { name: 'Adopter le mandat' })
        .getByText(/^New York\s*: le porte-plume \(la France\) tient à ses priorités/)
        .isVisible(),
    ).resolves.toBe(true);
    await ailleurs.screenshot({ path: join(OUTPUT, 'council-fr.png') });
    await shot(p, 'council-table-fr');
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 120_000);
});
