// What keeps one address from locking others out: connection addresses, and the throttle on join-code guesses.
import { TokenBucket } from './rate-limit.js';

/**
 * The key an address is counted under: an IPv4 address, or the /64 network of an IPv6 address (one machine
 * easily holds a whole /64). IPv4-mapped IPv6 addresses count as their IPv4 address.
 */
export function addressKey(raw: string | undefined): string {
  if (!raw) return 'unknown';
  const a = raw.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1]!;
  if (!a.includes(':')) return a;
  const [head = '', tail = ''] = a.split('::', 2) as [string, string?] as [string, string];
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = a.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export interface JoinThrottleOptions {
  /** Wrong codes an address may send before each further attempt waits (default 5). */
  readonly free?: number;
  /** The longest wait between attempts from one address (default 60 s). */
  readonly maxDelayMs?: number;
  /** An address's wrong codes are forgotten after this long without one (default 15 min). */
  readonly forgetMs?: number;
  /** Wrong codes per second the whole server tolerates from addresses that have already sent one (default 5, bursts of 30). */
  readonly globalPerSecond?: number;
  readonly globalBurst?: number;
}

interface Tally {
  failures: number;
  lastFail: number;
  lastAlarm: number;
}

export type JoinVerdict = { readonly ok: true } | { readonly ok: false; readonly waitMs: number };

/** An alarm for the facilitator: an address has been trying join codes. */
export interface GuessAlarm {
  readonly address: string;
  readonly attempts: number;
}

/** How many addresses are remembered at most; the oldest are forgotten first. */
const MAX_ADDRESSES = 10_000;
const ALARM_EVERY_MS = 60_000;

/**
 * Join-code guesses, per address, with a delay that doubles after the first few wrong codes, and a budget for the
 * whole server. An attempt that must wait is refused before the code is looked at, so waiting out nothing is learnt.
 */
export class JoinThrottle {
  private readonly tallies = new Map<string, Tally>();
  private readonly global: TokenBucket;
  private readonly free: number;
  private readonly maxDelay: number;
  private readonly forget: number;

  constructor(
    opts: JoinThrottleOptions,
    private readonly now: () => number,
  ) {
    this.free = opts.free ?? 5;
    this.maxDelay = opts.maxDelayMs ?? 60_000;
    this.forget = opts.forgetMs ?? 15 * 60_000;
    this.global = new TokenBucket({ perSecond: opts.globalPerSecond ?? 5, burst: opts.globalBurst ?? 30 }, now);
  }

  private tally(address: string): Tally | undefined {
    const t = this.tallies.get(address);
    if (t && this.now() - t.lastFail > this.forget) {
      this.tallies.delete(address);
      return undefined;
    }
    return t;
  }

  /** The wait after `failures` wrong codes: none for the first few, then 1 s, 2 s, 4 s … up to the maximum. */
  delayAfter(failures: number): number {
    return failures < this.free ? 0 : Math.min(this.maxDelay, 1000 * 2 ** (failures - this.free));
  }

  /** Whether an address may try a code now. Addresses with a wrong code behind them also draw on the server's budget. */
  check(address: string): JoinVerdict {
    const t = this.tally(address);
    if (!t) return { ok: true };
    const wait = t.lastFail + this.delayAfter(t.failures) - this.now();
    if (wait > 0) return { ok: false, waitMs: wait };
    if (!this.global.take()) return { ok: false, waitMs: 1000 };
    return { ok: true };
  }

  /** Notes a wrong code. Returns an alarm when the address has now tried too many (at most one a minute per address). */
  fail(address: string): GuessAlarm | null {
    const now = this.now();
    let t = this.tally(address);
    if (!t) {
      if (this.tallies.size >= MAX_ADDRESSES) this.tallies.delete(this.tallies.keys().next().value!);
      t = { failures: 0, lastFail: now, lastAlarm: -Infinity };
    }
    // Most recently failing last, so the oldest are forgotten first.
    this.tallies.delete(address);
    this.tallies.set(address, t);
    t.failures++;
    t.lastFail = now;
    if (t.failures >= this.free && now - t.lastAlarm >= ALARM_EVERY_MS) {
      t.lastAlarm = now;
      return { address, attempts: t.failures };
    }
    return null;
  }
}
