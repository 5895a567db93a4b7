// A lesson's name for the screen, from the bundled catalogue; a code such as `L-primacy` is never shown.
import type { Lesson } from '../scenario/lessons.js';
import { loc } from './i18n/index.js';
import { LESSONS } from './scenarios.js';

/** The bundled catalogue's lessons by id, built once: screens redrawn every few seconds look lessons up. */
const BY_ID: ReadonlyMap<string, Lesson> = new Map((LESSONS?.lessons ?? []).map((l) => [l.id, l] as const));

/** A lesson of the bundled catalogue, or undefined for an unknown id. */
export function lessonOf(id: string): Lesson | undefined {
  return BY_ID.get(id);
}

export function lessonName(id: string): string | null {
  const l = BY_ID.get(id);
  return l ? loc(l.title) : null;
}
