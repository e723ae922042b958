import { REFUSAL_PACING, RefusalPacer } from "../../src/server/refusal-pacing";

describe("anonymous refusals are paced per address", () => {
  const gap = 1_000 / REFUSAL_PACING.perSecond;

  test("a refusal is held a second, or its Retry-After if shorter", () => {
    const pacer = new RefusalPacer();
    expect(pacer.hold("ip:203.0.113.1", 5_000, 4_000)).toBe(REFUSAL_PACING.holdMs);
    expect(pacer.hold("ip:203.0.113.2", 5_000, 300)).toBe(300);
  });

  test("one address's refusals leave at most perSecond a second, however many connections ask at once", () => {
    const pacer = new RefusalPacer();
    const holds = Array.from({ length: 64 }, () => pacer.hold("ip:203.0.113.66", 0, 1_000));
    expect(holds).toEqual(Array.from({ length: 64 }, (_, i) => REFUSAL_PACING.holdMs + i * gap));
    expect(pacer.holding("ip:203.0.113.66")).toBe(64);
    // Another address is not held up by the first one's queue.
    expect(pacer.hold("ip:198.51.100.7", 0, 1_000)).toBe(REFUSAL_PACING.holdMs);
    expect(pacer.holding()).toBe(65);
  });

  test("a refusal asked for while the address's queue is still ahead waits its turn; once nothing is held it is forgotten", () => {
    const pacer = new RefusalPacer();
    const address = "ip:203.0.113.9";
    expect(pacer.hold(address, 0, 1_000)).toBe(1_000);
    expect(pacer.hold(address, 0, 1_000)).toBe(1_000 + gap);
    // Sent at 1,000 ms, answered, asked again at once: after the second (sent at 1,000 + gap), a gap later.
    pacer.release(address);
    expect(pacer.hold(address, 1_000, 50)).toBe(2 * gap);
    pacer.release(address);
    pacer.release(address);
    expect(pacer.holding(address)).toBe(0);
    expect(pacer.hold(address, 10_000, 1_000)).toBe(1_000);
  });

  test("past the bound per address, or in all, a request is cut without an answer", () => {
    const pacer = new RefusalPacer({ ...REFUSAL_PACING, maxHeldPerAddress: 2, maxHeld: 3 });
    expect(pacer.hold("ip:203.0.113.1", 0, 1_000)).toBe(1_000);
    expect(pacer.hold("ip:203.0.113.1", 0, 1_000)).toBe(1_000 + gap);
    expect(pacer.hold("ip:203.0.113.1", 0, 1_000)).toBeNull();
    expect(pacer.hold("ip:203.0.113.2", 0, 1_000)).toBe(1_000);
    expect(pacer.hold("ip:203.0.113.3", 0, 1_000)).toBeNull();
    pacer.release("ip:203.0.113.1");
    expect(pacer.hold("ip:203.0.113.3", 0, 1_000)).toBe(1_000);
  });
});
