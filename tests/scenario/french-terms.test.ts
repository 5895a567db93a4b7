// The French pass by the UN's own terminology (issue #19 item 6): the forms docs/french-terms.md rejects appear in no
// French text the players read — scenarios, lessons, interface strings, the model card — and the forms it chooses are
// the ones the glossary of terms lists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLessons } from '../../src/scenario/load-node.js';
import { loadShipped } from '../helpers/factory.js';

const root = join(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

/** Each rejected form, and the form docs/french-terms.md chooses instead. */
const REJECTED: readonly [RegExp, string][] = [
  [/Commandant de la Force/, 'commandant de la force'],
  [/\bFPU\b/, 'unité de police constituée (UPC)'],
  [/policiers individuels/i, 'policiers hors unités constituées'],
  [/\bla JMAC\b/, "Centre mixte d'analyse de la mission (le JMAC, masculine)"],
  [/Groupe de direction/i, 'Groupe de hauts responsables'],
  [/action antimines/i, 'lutte antimines'],
  [/impact rapide/i, 'projets à effet rapide'],
  [/soutien d['’]urgence/i, "appui d'urgence sur le terrain"],
  [/longue portée/i, 'patrouilles de longue distance'],
  [/\bmédier\b/i, 'assurer une médiation, servir de médiateur'],
  [/\bretraite\b/i, 'séminaire de réflexion (de la direction)'],
  [/témoigner et signer/i, 'signer en qualité de témoin'],
  [/préparer une flambée/i, 'se préparer à une flambée de violence (anticiper)'],
  [/contingence/i, "plan d'urgence"],
  [/\bvivent\b|\bvivante?s?\b/i, 'tant que les pourparlers se poursuivent ; un processus actif'],
  [/\bADF\b[^.;]{0,60}\b(mises|elles)\b/, 'les ADF, masculine plural in agreement (« les ADF sont mis en cause »)'],
  [/Comité de politique\b/, 'Comité des politiques'],
  [/génération de forces/i, 'constitution des forces'],
];

/** Every French string under a `fr` key, with where it sits. */
function frenchOf(value: unknown, where: string, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) value.forEach((v, i) => frenchOf(v, `${where}.${i}`, out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'fr' && typeof v === 'string') out.push([`${where}.fr`, v]);
      else frenchOf(v, `${where}.${k}`, out);
    }
  return out;
}

const texts: [string, string][] = [];
for (const id of ['tutorial', 'monusco-2013', 'minusma-2014']) frenchOf(loadShipped(id), id, texts);
const lessons = loadLessons();
if (!lessons.ok) throw new Error('lessons');
frenchOf(lessons.value, 'lessons', texts);
// every French file of the interface: its strings, the model card, whatever a new screen adds
const FRENCH_FILES = readdirSync(join(root, 'src/ui'), { recursive: true, encoding: 'utf8' })
  .filter((f) => /(^|[./\\])fr\.ts$/.test(f))
  .map((f) => join('src/ui', f))
  .sort();
for (const f of FRENCH_FILES)
  read(f)
    .split('\n')
    .forEach((line, i) => texts.push([`${f}:${i + 1}`, line]));

describe('French terms (UNTERM)', () => {
  it('reads thousands of French strings, from every French file of the interface', () => {
    expect(texts.length).toBeGreaterThan(2000);
    expect(FRENCH_FILES).toContain('src/ui/i18n/fr.ts');
    expect(FRENCH_FILES).toContain('src/ui/model-card/content.fr.ts');
    expect(FRENCH_FILES.length).toBeGreaterThanOrEqual(9);
  });

  it.each(REJECTED.map(([re, chosen]) => [String(re), re, chosen] as const))(
    'uses no %s in French text',
    (_, re, chosen) => {
      expect(texts.filter(([, t]) => re.test(t)).map(([w, t]) => `${w}: ${t.slice(0, 120)}`)).toEqual([]);
      expect(read('docs/french-terms.md')).toContain(chosen);
    },
  );

  it('would catch a rejected form', () => {
    const hits = (t: string) => REJECTED.filter(([re]) => re.test(t)).length;
    expect(hits('Médier à Lakeside')).toBe(1);
    expect(hits('Une retraite de la direction')).toBe(1);
    expect(hits('ne paie à la table que si les pourparlers vivent')).toBe(1);
    expect(hits('Les ADF sont mises en cause')).toBe(1);
    expect(hits('La violence survit aux pourparlers ; les ADF sont mis en cause.')).toBe(0);
  });
});
