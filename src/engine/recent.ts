// A cache by identity for the few objects in use now, in place of a WeakMap keyed by objects that live for a step.

/**
 * Remembers values for the last `size` keys it was given, by identity. The engine's caches keyed by states, plans,
 * ledgers and readers use it rather than a WeakMap: a game played forward makes such a key for nearly every step, and
 * V8's young-generation collector pays for every weak entry whose key is young (an entry whose value holds its key
 * is even kept alive until a full collection), which made the collector a quarter of a bot game's time. It holds its
 * keys strongly, so at most `size` of them outlive their use; a key it has forgotten is worked out again, so a value
 * kept here must be what making it again would give (equal, not necessarily the same object).
 */
export class Recent<K extends object, V> {
  readonly #keys: (K | undefined)[];
  readonly #values: (V | undefined)[];
  /** Where the next key is written: the slot of the oldest. */
  #next = 0;

  constructor(readonly size: number) {
    this.#keys = new Array<K | undefined>(size).fill(undefined);
    this.#values = new Array<V | undefined>(size).fill(undefined);
  }

  /** The value kept for `key`, or undefined. Looks from the newest back: most reads are of the key set last. */
  get(key: K): V | undefined {
    const keys = this.#keys;
    const n = this.size;
    for (let i = 1, at = this.#next - 1; i <= n; i++, at--) {
      if (at < 0) at += n;
      if (keys[at] === key) return this.#values[at];
    }
    return undefined;
  }

  /** Keeps `value` for `key` (in place of the oldest key), and returns it. */
  set(key: K, value: V): V {
    const keys = this.#keys;
    const n = this.size;
    for (let i = 0; i < n; i++)
      if (keys[i] === key) {
        this.#values[i] = value;
        return value;
      }
    const at = this.#next;
    keys[at] = key;
    this.#values[at] = value;
    this.#next = at + 1 === n ? 0 : at + 1;
    return value;
  }
}
