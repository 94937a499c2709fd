// Start-up's course: inside Office the pane waits for Office.onReady however long it takes, says so
// after a long wait and never opens the demo workbook; only a plain browser page gets browser mode.

import type { Lang } from "../../src/core/types";
import type { StartDecision } from "../../src/workbook/office/host";
import type { Engine } from "../../src/taskpane/engine";
import type { PaneHost } from "../../src/taskpane/host";
import type { StartedHost } from "../../src/taskpane/hosts";
import { PROBE_MS, STALL_MS, startPane, type StartPhase } from "../../src/taskpane/startup";

type Answer = "excel" | "browser" | { other: string };

/** A controllable Office.onReady, a manual clock and loaders that record which host was opened. */
function harness(decision: StartDecision) {
  let answer: (a: Answer) => void = () => undefined;
  const ready = new Promise<Answer>((resolve) => {
    answer = resolve;
  });
  const timers: { at: number; fn: () => void; live: boolean }[] = [];
  let now = 0;
  const opened: string[] = [];
  const engine = { name: "engine" } as unknown as Engine;
  const store = startPane({
    decision,
    ready: () => ready,
    loadEngine: () => Promise.resolve(engine),
    loadHost: (where: "excel" | "browser", _lang: Lang): Promise<StartedHost> => {
      opened.push(where);
      return Promise.resolve({ host: { kind: where === "excel" ? "excel" : "file" } as PaneHost });
    },
    lang: "fr",
    setTimer: (fn, ms) => {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      (h as { live: boolean }).live = false;
    },
  });
  const phases: StartPhase[] = [store.get()];
  store.subscribe(() => phases.push(store.get()));
  const flush = async (): Promise<void> => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  };
  return {
    store,
    phases,
    opened,
    answer: async (a: Answer) => {
      answer(a);
      await flush();
    },
    advance: async (ms: number) => {
      now += ms;
      for (const t of timers) {
        if (t.live && t.at <= now) {
          t.live = false;
          t.fn();
        }
      }
      await flush();
    },
  };
}

test("inside Office, a slow Office.onReady: « connecting », then a stall notice, never the demo, then Excel", async () => {
  const h = harness("connect");
  expect(h.store.get()).toEqual({ status: "connecting", stalled: false });
  await h.advance(PROBE_MS + 2000); // well past the old 3 s fallback to browser mode
  expect(h.store.get()).toEqual({ status: "connecting", stalled: false });
  expect(h.opened).toEqual([]);
  await h.advance(STALL_MS);
  expect(h.store.get()).toEqual({ status: "connecting", stalled: true });
  await h.answer("excel");
  expect(h.opened).toEqual(["excel"]);
  expect(h.store.get()).toMatchObject({ status: "ready", host: { kind: "excel" } });
  expect(h.phases.map((p) => p.status)).not.toContain("failed");
});

test("inside Office, Office.onReady on time: Excel mode and no stall notice", async () => {
  const h = harness("connect");
  await h.answer("excel");
  await h.advance(STALL_MS * 2);
  expect(h.opened).toEqual(["excel"]);
  expect(h.phases.map((p) => p.status)).toEqual(["connecting", "ready"]);
});

test("inside Office, office.js missing or saying 'no host': a failure to connect, never the demo", async () => {
  const missing = harness("office-missing");
  await missing.advance(0);
  expect(await missing.store.settled).toEqual({ status: "office-failed" });
  expect(missing.opened).toEqual([]);

  const none = harness("connect");
  await none.answer("browser");
  expect(none.store.get()).toEqual({ status: "office-failed" });
  expect(none.opened).toEqual([]);

  const word = harness("connect");
  await word.answer({ other: "Word" });
  expect(word.store.get()).toEqual({ status: "not-excel", host: "Word" });
  expect(word.opened).toEqual([]);
});

test("a plain browser page: browser mode (the demo), at once without office.js", async () => {
  const h = harness("browser");
  await h.advance(0);
  expect(h.opened).toEqual(["browser"]);
  expect(h.store.get()).toMatchObject({ status: "ready", host: { kind: "file" } });
});

test("a plain browser page with office.js: browser mode when onReady says no host", async () => {
  const h = harness("probe");
  expect(h.store.get()).toEqual({ status: "starting" });
  await h.answer("browser");
  expect(h.opened).toEqual(["browser"]);
});

test("a page not recognised as hosted whose onReady says Excel late: browser mode, then Excel mode", async () => {
  const h = harness("probe");
  await h.advance(PROBE_MS);
  expect(h.opened).toEqual(["browser"]);
  const first = h.store.get();
  await h.answer("excel");
  expect(h.opened).toEqual(["browser", "excel"]);
  const last = h.store.get();
  expect(last).toMatchObject({ status: "ready", host: { kind: "excel" } });
  expect(first.status === "ready" && last.status === "ready" && first.serial !== last.serial).toBe(true);
});

test("a host that fails to load is reported", async () => {
  const store = startPane({
    decision: "connect",
    ready: () => Promise.resolve("excel"),
    loadEngine: () => Promise.resolve({} as Engine),
    loadHost: () => Promise.reject(new Error("chunk failed")),
    lang: "en",
  });
  expect(await store.settled).toEqual({ status: "failed", message: "chunk failed" });
});
