// The after-action report as Markdown: every figure from the debrief data, every word from the scenario or the labels.
import type { Scenario } from '../scenario/schema.js';
import type { Loc } from '../scenario/schema.js';
import { indexOf } from '../engine/scenario-index.js';
import type { PlanItem } from '../engine/types.js';
import type { Debrief } from './debrief.js';
import { LABELS, type Lang } from './labels.js';

const text = (l: Loc | undefined, lang: Lang) => (l ? (lang === 'fr' ? (l.fr ?? l.en) : l.en) : '');
/**
 * Line breaks of every kind (CR alone, LF, NEL, U+2028/2029), every other control character and the bidirectional
 * overrides that reorder what a reader sees: each one becomes a space, so a text stays on its line.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/**
 * Scenario text and players' notes are data: keep Markdown from reading them as markup. Control characters go
 * (above), the characters of inline markup are escaped, and so is whatever would start a block at a line's start
 * (a list, a heading underline, an indented code block, a numbered item).
 */
const md = (s: string) =>
  s
    .replace(CONTROL, ' ')
    .replace(/([\\`*_[\]#<>|~!&])/g, '\\$1')
    .replace(/^\s+/, '')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
/** A number as the language writes it: a decimal comma in French (77,9). */
const num = (n: number, lang: Lang) => (lang === 'fr' ? String(n).replace('.', ',') : String(n));
const signedIn = (n: number, lang: Lang) => (n > 0 ? `+${num(n, lang)}` : n < 0 ? `−${num(-n, lang)}` : '0');

export function debriefMarkdown(d: Debrief, scn: Scenario, lang: Lang): string {
  const L = LABELS[lang];
  const idx = indexOf(scn);
  const signed = (n: number) => signedIn(n, lang);
  /** French typography: a narrow no-break space before the colon. */
  const C = lang === 'fr' ? '\u202f: ' : ': ';
  const SC = lang === 'fr' ? '\u202f; ' : '; ';
  const task = (id: string) => md(text(idx.tasks.get(id)?.name, lang) || id);
  const name = (id: string) =>
    md(
      text(
        idx.actors.get(id)?.name ??
          idx.regions.get(id)?.name ??
          idx.units.get(id)?.name ??
          idx.strategies.get(id)?.name,
        lang,
      ) || id,
    );
  const item = (it: PlanItem) =>
    it.kind === 'card'
      ? `${md(text(idx.cards.get(it.card)?.name, lang) || it.card)}${it.target ? ` → ${name(it.target)}` : ''}`
      : `${L.move} ${name(it.unit)} → ${name(it.to)}`;
  const lessonTitle = (id: string | null) =>
    (id === null ? '' : md(text(d.lessons.find((l) => l.id === id)?.title, lang))) || L.noLesson;
  const out: string[] = [];
  out.push(`# ${L.report}${C}${md(text(scn.title, lang))}`, '');
  out.push(
    `- ${L.scenario}${C}${md(text(scn.title, lang))} (v${scn.version})`,
    `- ${L.seed}${C}${d.seed}`,
    `- ${L.turns}${C}${d.timeline.length}`,
  );
  const result = d.result === 'success' ? L.success : d.result === 'failure' ? L.failure : L.inProgress;
  out.push(
    `- ${L.outcome}${C}**${result}**${d.score === null ? '' : `, ${L.score} ${num(d.score, lang)} (${L.threshold} ${num(d.threshold, lang)})`}`,
    '',
  );
  const epilogue = scn.epilogues.find((e) => e.id === d.epilogue);
  if (epilogue) out.push(`> ${md(text(epilogue.text, lang))}`, '');
  out.push(`| ${L.dimension} | ${L.value} | ${L.weight} |`, '|---|---:|---:|');
  for (const dim of d.dimensions) out.push(`| ${L.dimensions[dim.dimension]} | ${dim.value} | ${dim.weight} |`);
  out.push('', `## ${L.drivers}`, '');
  for (const dim of d.dimensions) {
    if (dim.drivers.length === 0) continue;
    out.push(`### ${L.dimensions[dim.dimension]}`, '');
    for (const dr of dim.drivers) out.push(`- ${signed(dr.delta)} — ${lessonTitle(dr.lesson)}`);
    out.push('');
  }
  out.push(`## ${L.timeline}`, '');
  for (const t of d.timeline) {
    out.push(`### ${L.turn} ${t.turn}`, '');
    if (t.strategy)
      out.push(`- ${L.strategy}${C}${md(text(idx.strategies.get(t.strategy)?.name, lang) || t.strategy)}`);
    for (const m of t.mandateChanges)
      out.push(
        `- ${L.mandate}${C}${L.dropped} ${m.drop.map(task).join(', ') || '—'}${SC}${L.added} ${m.add.map(task).join(', ') || '—'}`,
      );
    for (const e of t.events) {
      const ev = idx.events.get(e.event);
      const choice = e.choice ? ev?.choices.find((c) => c.id === e.choice) : undefined;
      out.push(
        `- ${L.events}${C}${md(text(ev?.title, lang) || e.event)}${ev?.hypothetical ? ` (${L.hypothetical})` : ''}${choice ? ` (${L.choice}${C}${md(text(choice.label, lang))})` : ''}`,
      );
    }
    for (const [chair, plan] of Object.entries(t.plans)) {
      const label = L.chairs[chair as keyof typeof L.chairs];
      out.push(
        `- ${label}${C}${plan.items.length ? plan.items.map(item).join(SC) : L.nothing}${plan.note ? ` — ${L.why}${C}“${md(plan.note)}”` : ''}`,
      );
    }
    for (const c of t.conflicts)
      out.push(
        `- ${L.conflicts}${C}${L.conflictKinds[c.kind as keyof typeof L.conflictKinds]} (${c.chairs.map((x) => L.chairs[x]).join(', ')}${SC}${name(c.subject)})`,
      );
    const moves = Object.entries(t.moves).map(
      ([k, v]) => `${md(text(scn.indicators[k as keyof typeof scn.indicators].name, lang))} ${signed(v)}`,
    );
    if (moves.length) out.push(`- ${moves.join(', ')}`);
    out.push('');
  }
  out.push(`${L.conflictCost}${C}${d.conflictCost}`, '');
  out.push(`## ${L.lessons}`, '');
  for (const l of d.lessons) {
    out.push(`### ${md(text(l.title, lang))}`, '', md(text(l.statement, lang)), '');
    for (const q of l.questions) out.push(`- ${md(text(q, lang))}`);
    out.push('');
  }
  return out.join('\n');
}
