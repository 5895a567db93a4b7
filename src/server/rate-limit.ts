// Rate limits: a token bucket per connection (`burst` messages at once, refilled at `perSecond`), and the tally of
// refusals that closes a connection which keeps flooding.
export interface RateLimit {
  readonly perSecond: number;
  readonly burst: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number,
  ) {
    this.tokens = limit.burst;
    this.last = now();
  }

  /** Takes one token; false when the bucket is empty (the message is to be refused). */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((t - this.last) / 1000) * this.limit.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Refusals a connection may collect before it is closed: `allowed` at once, forgiven at `forgivenPerSecond`.
 * Accepted messages in between do not wipe the slate, so a steady flood (which the bucket lets through one
 * message at a time as it refills) is closed within seconds, while a client that bursts now and then is not.
 */
export class Strikes {
  private readonly bucket: TokenBucket;

  constructor(allowed: number, forgivenPerSecond: number, now: () => number) {
    this.bucket = new TokenBucket({ perSecond: forgivenPerSecond, burst: allowed }, now);
  }

  /** Counts one refusal; false when the connection has had too many and is to be closed. */
  strike(): boolean {
    return this.bucket.take();
  }
}
