// Drives a seated chair client with a doctrine: on every new view, send what the doctrine does next (for bots over
// the network: tests, the bench, a "let the deputy play" button).
import { canonicalJson, type Action } from '../engine/index.js';
import type { Scenario } from '../scenario/schema.js';
import type { Doctrine } from '../sim/doctrine.js';
import { nextActionsFor } from './autopilot.js';
import { RequestError, type SessionClient } from './client.js';
import type { ViewBody } from './protocol.js';

export interface DriveOptions {
  readonly scenario: Scenario;
  readonly doctrine: Doctrine;
  /** The doctrine's draws (default Math.random). */
  readonly random?: () => number;
  /** While this holds for the latest view, the driver waits (e.g. to leave a decision to a person). */
  readonly hold?: (body: Extract<ViewBody, { role: 'chair' }>) => boolean;
  /** Milliseconds to wait before each action, as a person would (0: none). */
  readonly thinkMs?: number;
  /** Called with the round trip of every intent (ms, intent sent to its answer), and the action. */
  readonly onRoundTrip?: (ms: number, accepted: boolean, action: Action) => void;
}

export interface Driver {
  /** Settles when the session ends (the game is over or the facilitator ended it). */
  readonly done: Promise<void>;
  /** Intents accepted and refused so far. */
  readonly counts: { accepted: number; refused: number };
  stop(): void;
}

/** Action types for which the legal list names every legal action (mandate choices are offered as samples only). */
const EXHAUSTIVE: ReadonlySet<Action['type']> = new Set([
  'event/choose',
  'sitrep/close',
  'strategy/set',
  'plan/add',
  'plan/remove',
  'plan/commit',
  'plan/revise',
  'plan/confirm',
]);

/** The legal actions of a view as comparable keys (a commit's note is free text: the key leaves it out). */
const keyOf = (a: Action): string => (a.type === 'plan/commit' ? `plan/commit:${a.chair}` : canonicalJson(a));
const legalKeys = new WeakMap<object, ReadonlySet<string>>();
function isListed(legal: readonly Action[], a: Action): boolean {
  let keys = legalKeys.get(legal);
  if (!keys) legalKeys.set(legal, (keys = new Set(legal.map(keyOf))));
  return keys.has(keyOf(a));
}

/** A round of the doctrine's actions that changes nothing is not retried until the next view. */
const MAX_ROUNDS_PER_VIEW = 50;

export function driveChair(client: SessionClient, o: DriveOptions): Driver {
  const random = o.random ?? Math.random;
  const counts = { accepted: 0, refused: 0 };
  let busy = false;
  let dirty = false;
  let stopped = false;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const offs: (() => void)[] = [];

  const ended = () => {
    const b = client.view;
    return b !== null && b.role === 'chair' && (b.status.ended || b.view.phase === 'over');
  };

  const tick = async (): Promise<void> => {
    if (stopped) return;
    if (busy) {
      dirty = true;
      return;
    }
    busy = true;
    dirty = false;
    try {
      for (let round = 0; round < MAX_ROUNDS_PER_VIEW && !stopped; round++) {
        const body = client.view;
        if (
          !body ||
          body.role !== 'chair' ||
          !body.status.started ||
          body.status.paused ||
          body.status.ended ||
          o.hold?.(body)
        )
          break;
        const acts = nextActionsFor(
          { chair: body.chair, view: body.view, legal: body.legal, scenario: o.scenario, random },
          o.doctrine,
        );
        if (!acts) break;
        let accepted = 0;
        for (const a of acts) {
          // Where the rules list every option, an action not listed now would be refused: skip the round trip.
          const now = client.view;
          if (now?.role === 'chair' && EXHAUSTIVE.has(a.type) && !isListed(now.legal, a)) continue;
          // A person takes a moment over each decision; a bench can model that.
          if (o.thinkMs) await new Promise((r) => setTimeout(r, o.thinkMs));
          const t0 = performance.now();
          try {
            await client.act(a);
            accepted++;
            counts.accepted++;
            o.onRoundTrip?.(performance.now() - t0, true, a);
          } catch (e) {
            counts.refused++;
            o.onRoundTrip?.(performance.now() - t0, false, a);
            // Paused, ended or cut off: wait for the next view rather than pressing on.
            if (
              !(e instanceof RequestError) ||
              e.code.startsWith('session/') ||
              e.code.startsWith('client/') ||
              e.code.startsWith('auth/')
            ) {
              accepted = 0;
              break;
            }
          }
        }
        if (accepted === 0 || client.view === body) break;
      }
    } finally {
      busy = false;
    }
    if (ended()) {
      stop();
      return;
    }
    if (dirty) void tick();
  };

  function stop(): void {
    if (stopped) return;
    stopped = true;
    for (const off of offs) off();
    finish();
  }

  offs.push(client.on('view', () => void tick()));
  offs.push(client.on('ended', () => stop()));
  void tick();
  return { done, counts, stop };
}
