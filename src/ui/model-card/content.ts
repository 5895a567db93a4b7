// The model card's shape, and which lessons of the report stand behind each indicator (mechanics get theirs from the lessons catalogue).
import type { MechanicId } from '../../scenario/lessons.js';
import type { IndicatorId } from '../../scenario/schema.js';

/** One entry of the card. Text may hold {placeholders} filled from the scenario's mechanics parameters. */
export interface ModelEntry {
  readonly means: string;
  readonly moves: string;
  readonly assumes: string;
}

export interface ModelContent {
  readonly indicators: Readonly<Record<IndicatorId, ModelEntry>>;
  readonly mechanics: Readonly<Record<MechanicId, ModelEntry>>;
  readonly scoring: ModelEntry;
  /** The label before a lesson's inference beyond the report. */
  readonly beyond: string;
}

/** The lessons whose mechanics move each indicator (as in src/engine/mechanics and phases/resolution.ts). */
export const INDICATOR_LESSONS: Readonly<Record<IndicatorId, readonly string[]>> = {
  process: ['L-primacy', 'L-agreement'],
  consent: ['L-hoststate', 'L-primacy'],
  impartiality: ['L-hoststate'],
  trust: ['L-population'],
  expectations: ['L-mandate', 'L-population'],
  cohesion: ['L-cohesion', 'L-leadership', 'L-stalled'],
  credibility: ['L-nimble', 'L-spoilers', 'L-mandate', 'L-stalled'],
  regional: ['L-regional'],
  analysis: ['L-analysis', 'L-police'],
  casualties: ['L-spoilers'],
  closeness: ['L-hoststate'],
};
