// The engine and scenario types the UI uses, from one place.
export type { Chair, Scenario, Effect, Card, IndicatorId } from '../scenario/schema.js';
export type {
  Cause,
  GameState,
  PlanItem,
  Track,
  Action,
  Phase,
  ChairView,
  Seen,
  SeenEntry,
  Outcome,
} from '../engine/index.js';
