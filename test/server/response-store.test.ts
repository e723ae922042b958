import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import { REFRESH_SHARE, ResponseStore } from "../../src/server/plugins/response-store";

/** A store over a real in-memory cache, on a clock the test moves, asked by the request `as` names. */
function storeOnClock() {
  const clock = { now: 1_700_000_000_000 };
  const requests = { a: { name: "a" }, b: { name: "b" }, c: { name: "c" } };
  let asking: object = requests.a;
  const store = new ResponseStore(new InMemoryLRUCache<string>(), { now: () => clock.now, owner: () => asking, maxWaitMs: 600_000 });
  const as = (name: keyof typeof requests) => {
    asking = requests[name];
    return store;
  };
  return { clock, store, as };
}

/** Resolves to the promise's value, or "pending" when it has not settled once every queued callback has run. */
async function settled<T>(promise: Promise<T>): Promise<T | "pending"> {
  return Promise.race([promise, new Promise<"pending">((resolve) => setImmediate(() => resolve("pending")))]);
}

describe("the response store: single flight", () => {
  test("of concurrent readers missing one page, the first computes it and the others get its answer", async () => {
    const { store, as } = storeOnClock();
    expect(await as("a").get("page")).toBeUndefined();
    const b = as("b").get("page");
    const c = as("c").get("page");
    expect([await settled(b), await settled(c), store.inFlight]).toEqual(["pending", "pending", 1]);
    await as("a").set("page", "answer", { ttl: 20 });
    expect([await b, await c, store.inFlight]).toEqual(["answer", "answer", 0]);
    expect(await as("b").get("page")).toBe("answer");
  });

  test("when the computing request ends without an answer to keep, the others compute the page themselves", async () => {
    const { store, as } = storeOnClock();
    expect(await as("a").get("page")).toBeUndefined();
    const b = as("b").get("page");
    as("c").release();
    expect(await settled(b)).toBe("pending");
    as("a").release();
    expect([await b, store.inFlight]).toEqual([undefined, 0]);
    // The next reader leads a new flight.
    expect(await as("c").get("page")).toBeUndefined();
    expect(await settled(as("b").get("page"))).toBe("pending");
  });

  test("pages are flights of their own", async () => {
    const { store, as } = storeOnClock();
    expect(await as("a").get("one")).toBeUndefined();
    expect(await as("b").get("two")).toBeUndefined();
    expect(store.inFlight).toBe(2);
  });

  test("a reader gives up waiting after maxWaitMs and computes the page", async () => {
    jest.useFakeTimers({ doNotFake: ["setImmediate"] });
    try {
      const store = new ResponseStore(new InMemoryLRUCache<string>(), { now: () => 0, owner: () => undefined, maxWaitMs: 10_000 });
      expect(await store.get("page")).toBeUndefined();
      const waiting = store.get("page");
      jest.advanceTimersByTime(9_999);
      expect(await settled(waiting)).toBe("pending");
      jest.advanceTimersByTime(1);
      expect([await waiting, store.inFlight]).toEqual([undefined, 0]);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("the response store: refresh ahead of expiry", () => {
  // An answer kept 20 s: fresh for 15 s, then refreshed by its first reader while the others are served it, gone at 20 s.
  test.each([
    ["fresh", 0, "old", "old", "old"],
    ["still fresh", 14_999, "old", "old", "old"],
    ["in the last quarter: the first reader refreshes, the others are served the entry", 15_000, undefined, "old", "new"],
    ["just before expiry", 19_999, undefined, "old", "new"],
    ["expired: never served, the first reader computes and the others wait for it", 20_000, undefined, "new", "new"],
  ])("%s (+%i ms)", async (_name, after, first, second, afterSet) => {
    const { clock, as } = storeOnClock();
    await as("a").set("page", "old", { ttl: 20 });
    clock.now += after;
    expect(await as("a").get("page")).toBe(first);
    const others = as("b").get("page");
    const early = await settled(others);
    if (first === undefined) await as("a").set("page", "new", { ttl: 20 });
    expect(early === "pending" ? await others : early).toBe(second);
    expect(await as("c").get("page")).toBe(afterSet);
  });

  test("the refresh window is the last quarter of the max-age, so the stated bound holds", () => {
    expect(REFRESH_SHARE).toBe(0.25);
  });

  test("an answer stored without a max-age is handed to waiting readers but not kept", async () => {
    const { store, as } = storeOnClock();
    expect(await as("a").get("page")).toBeUndefined();
    const b = as("b").get("page");
    expect(await settled(b)).toBe("pending");
    await as("a").set("page", "answer");
    expect(await b).toBe("answer");
    expect(await as("c").get("page")).toBeUndefined();
    expect(store.inFlight).toBe(1);
  });
});
