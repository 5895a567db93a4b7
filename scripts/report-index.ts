// `npm run report:index`: writes scenarios/report-paragraphs.json, an index of the seminar report's numbered
// paragraphs (the Meeting Report's body, 1 to 16) that the lessons catalogue cites. The report lives beside the
// repository (../shared/seed), not in it; the index holds no sentence of it: for each paragraph, the sections it opens
// (its bold headings, which lessons.yaml names) and a fingerprint of its text, so tests check every lesson's citation
// without the report, and, where the report is present, that the index is still what the report says.
// `npm run report:index -- --check` only compares, and exits 1 when the file is stale or the report absent.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPORT_FILE = fileURLToPath(
  new URL('../../shared/seed/making-peace-while-maintaining-it-2015.md', import.meta.url),
);
export const INDEX_FILE = fileURLToPath(new URL('../scenarios/report-paragraphs.json', import.meta.url));

export interface ReportParagraph {
  /** The paragraph's number in the Meeting Report, from 1. */
  readonly n: number;
  /** The sections it opens: its bold headings, in lower case; empty when it continues the section before. */
  readonly sections: readonly string[];
  /** The first 16 hex digits of the SHA-256 of its text: the index changes when the report does. */
  readonly sha256: string;
}

export interface ReportIndex {
  readonly report: string;
  readonly paragraphs: readonly ReportParagraph[];
}

const BODY_HEADING = '### **Meeting Report**';

/** The Meeting Report's paragraphs; a block that starts in lower case continues the one before (a page break). */
export function reportParagraphs(seed: string): string[] {
  const at = seed.indexOf(BODY_HEADING);
  if (at < 0) throw new Error(`the report has no "${BODY_HEADING}" heading`);
  const out: string[] = [];
  for (const block of seed
    .slice(at + BODY_HEADING.length)
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== ''))
    if (/^[a-z]/.test(block) && out.length > 0) out[out.length - 1] += ` ${block}`;
    else out.push(block);
  return out;
}

/** The index of the report's paragraphs, from the report's text. */
export function reportIndex(seed: string): ReportIndex {
  return {
    report: 'The Challenges of Making Peace While Maintaining It (IPI, 2015), Meeting Report',
    paragraphs: reportParagraphs(seed).map((p, i) => ({
      n: i + 1,
      sections: [...p.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!.trim().toLowerCase()),
      sha256: createHash('sha256').update(p).digest('hex').slice(0, 16),
    })),
  };
}

export function renderReportIndex(seed: string): string {
  return `${JSON.stringify(reportIndex(seed), null, 2)}\n`;
}

/** The committed index. */
export function readReportIndex(): ReportIndex {
  return JSON.parse(readFileSync(INDEX_FILE, 'utf8')) as ReportIndex;
}

function main(args: readonly string[]): number {
  if (!existsSync(REPORT_FILE)) {
    console.error(`${REPORT_FILE}: not found; the index is made from the report`);
    return 1;
  }
  const text = renderReportIndex(readFileSync(REPORT_FILE, 'utf8'));
  const current = existsSync(INDEX_FILE) ? readFileSync(INDEX_FILE, 'utf8') : null;
  if (args.includes('--check')) {
    if (current === text) {
      console.log(`${INDEX_FILE}: up to date`);
      return 0;
    }
    console.error(`${INDEX_FILE}: stale; run npm run report:index`);
    return 1;
  }
  if (current !== text) writeFileSync(INDEX_FILE, text);
  console.log(`${INDEX_FILE}: ${current === text ? 'unchanged' : 'written'}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
