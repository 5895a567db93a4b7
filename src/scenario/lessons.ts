// The lessons catalogue: the report's lessons, the passages they come from and the mechanics that carry them.
import { z } from 'zod';
import { MECHANICS } from './constants.js';
import { LessonId, Loc } from './schema.js';
import { err, ok, pathText, type Problem, type Result } from './problems.js';
import { readYaml } from './yaml-source.js';

export { MECHANICS, type MechanicId } from './constants.js';

export const Lesson = z.strictObject({
  id: LessonId,
  title: Loc,
  /** The lesson in our own words. */
  statement: Loc,
  /** Where in the report: its section heading and paragraph number (1-based, in the meeting report). */
  source: z.strictObject({
    section: z.string().min(1).max(200),
    paragraph: z.number().int().min(1).max(100),
    /** Every paragraph the lesson rests on, when more than the main one (the main one included). */
    paragraphs: z.array(z.number().int().min(1).max(100)).min(1).max(16).optional(),
  }),
  /** Where the lesson, or the game's use of it, goes further than the report says: an inference, marked as such. */
  beyond: Loc.optional(),
  /** The last question is the transfer question: "in your own mission, what was the equivalent?". */
  questions: z.array(Loc).min(2).max(10),
  mechanics: z.array(z.enum(MECHANICS)).min(1).max(20),
});
export type Lesson = z.infer<typeof Lesson>;

export const LessonCatalogue = z.strictObject({
  schemaVersion: z.literal(1),
  lessons: z.array(Lesson).min(1).max(100),
});
export type LessonCatalogue = z.infer<typeof LessonCatalogue>;

export function parseLessons(text: string, file: string): Result<LessonCatalogue, Problem[]> {
  const src = readYaml(text, file);
  if (!src.ok) return src;
  const parsed = LessonCatalogue.safeParse(src.value.data);
  if (!parsed.success) {
    return err(
      parsed.error.issues.map((i) => ({
        file,
        line: src.value.lineOf(i.path),
        path: pathText(i.path),
        message: i.message,
      })),
    );
  }
  const seen = new Set<string>();
  const problems: Problem[] = [];
  parsed.data.lessons.forEach((l, i) => {
    if (seen.has(l.id))
      problems.push({
        file,
        line: src.value.lineOf(['lessons', i, 'id']),
        path: `lessons.${i}.id`,
        message: `duplicate lesson id '${l.id}'`,
      });
    seen.add(l.id);
  });
  return problems.length > 0 ? err(problems) : ok(parsed.data);
}
