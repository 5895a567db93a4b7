// Issue #18, hole 8: the Markdown export keeps every scenario text and player's note on its own line, as text.
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/debrief/debrief.js';
import { debriefMarkdown } from '../../src/debrief/markdown.js';
import { newGame } from '../../src/engine/index.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { card, loadShipped, playTurn, run, toStrategy } from '../helpers/factory.js';

const shipped = loadShipped('tutorial');
const BREAKS = ['\r', '\n', '\r\n', '\u0085', '\u2028', '\u2029', '\u000b', '\u000c'];
const poison = (b: string) =>
  `Meridia${b}~~~${b}    indented code${b}\`\`\`js${b}- a list${b}1. item${b}<script>x</script>\u202eevil`;

function exported(b: string): string {
  const scn: Scenario = { ...shipped, title: { en: poison(b), fr: poison(b) } };
  let s = newGame(scn, 5);
  s = run(scn, s, [{ type: 'mandate/adopt', chair: 'srsg', tasks: ['political-process', 'poc'] }]);
  s = toStrategy(scn, s, 'lakeside-talks');
  s = run(scn, s, [
    { type: 'plan/add', chair: 'srsg', item: card('good-offices', 'hlf') },
    { type: 'plan/commit', chair: 'srsg', note: poison(b) },
  ]);
  s = playTurn(scn, s, { envoy: [card('envoy-talks', 'hlf')] });
  return debriefMarkdown(buildDebrief(scn, s, null), scn, 'en');
}

describe('the Markdown export', () => {
  it.each(BREAKS.map((b) => [JSON.stringify(b), b]))(
    'keeps a text with %s in it on one line, with nothing that opens a block',
    (_, b) => {
      const out = exported(b);
      // No line break but the export's own LF, no control character, no bidi override.
      // eslint-disable-next-line no-control-regex
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      for (const line of out.split('\n')) {
        expect(line).not.toMatch(/^\s*(```|~~~)/);
        expect(line).not.toMatch(/^ {4}/);
        expect(line).not.toMatch(/(?<!\\)<script/);
      }
      const title = out.split('\n')[0]!;
      expect(title).toContain('Meridia');
      expect(title).toContain('\\~\\~\\~');
      expect(out).toContain('\\<script\\>');
    },
  );
});
