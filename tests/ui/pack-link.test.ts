// The workshop pack's link carries the facilitator's plans in its fragment, never in what the browser sends.
import { describe, expect, it, vi } from 'vitest';
import type { InjectPlan } from '../../src/net/protocol.js';
import { packHref } from '../../src/ui/session/pack-link.js';
import { parsePlans } from '../../src/ui/session/pack.js';

describe('pack link', () => {
  it('keeps fifty plans of a hundred items out of the request line, and the pack reads them back', () => {
    vi.stubGlobal('location', new URL('http://127.0.0.1:8787/#facilitator=secret-token'));
    const plans: InjectPlan[] = Array.from({ length: 50 }, (_, i) => ({
      name: `Plan ${i}`,
      items: Array.from({ length: 100 }, (_, m) => ({
        key: `k${i}-${m}`,
        month: 1 + (m % 6),
        command: { do: 'broadcast', text: `Message ${m} of plan ${i}: the convoy leaves at dawn.` },
      })),
    }));
    const href = new URL(
      packHref('monusco-2013', [{ team: 'Blue', code: 'MK4RZP' }], 'http://192.168.1.20:8787', plans),
    );
    vi.unstubAllGlobals();
    expect(href.pathname + href.search).not.toContain('plans');
    expect((href.pathname + href.search).length).toBeLessThan(1000);
    expect(href.hash).not.toContain('secret-token');
    const back = parsePlans(new URLSearchParams(href.hash.slice(1)).get('plans'));
    expect(back).toHaveLength(50);
    expect(back[49]!.items[99]!.text).toBe('Message 99 of plan 49: the convoy leaves at dawn.');
  });
});
