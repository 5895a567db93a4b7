// Autopilot: what a doctrine does next for one chair, from that chair's view and legal actions only.
// The server's bots and a networked client (or the bench) use it; the logic is the one bot driver's (sim/driver.ts).
export {
  decide as nextActionsFor,
  timeoutActions as timeoutActionsFor,
  nextChair,
  type ChairSituation,
} from '../sim/driver.js';
