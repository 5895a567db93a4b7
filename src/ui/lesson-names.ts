// A lesson's name for the screen, from the bundled catalogue; a code such as `L-primacy` is never shown.
import { loc } from './i18n/index.js';
import { LESSONS } from './scenarios.js';

export function lessonName(id: string): string | null {
  const l = LESSONS?.lessons.find((x) => x.id === id);
  return l ? loc(l.title) : null;
}
