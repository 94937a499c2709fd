/**
 * How the pane starts, as a small store the start-up component reads. Inside Office (the page was
 * opened by Excel, see hostedByOffice) the pane waits for Office.onReady as long as it takes and
 * says « Connexion à Excel… » meanwhile: it never shows the demo workbook there. Only a page office.js
 * itself calls a plain browser starts in browser mode on the demo.
 */

import type { Lang } from "../core";
import type { StartDecision } from "../workbook/office";
import type { Engine } from "./engine";
import type { HostEnvironment, PaneHost } from "./host";
import type { StartedHost } from "./hosts";

/** Where start-up is. */
export type StartPhase =
  | { readonly status: "starting" }
  /** Inside Office, office.js not ready yet; `stalled` once the wait has been long. */
  | { readonly status: "connecting"; readonly stalled: boolean }
  | {
      readonly status: "ready";
      readonly host: PaneHost;
      readonly engine: Engine;
      readonly env?: Partial<HostEnvironment>;
      /** Changes when the pane must start afresh (browser mode, then Office says Excel after all). */
      readonly serial: number;
    }
  /** Inside Office but office.js is missing (did not load) or calls the page a plain browser. */
  | { readonly status: "office-failed" }
  /** Office.onReady names another application than Excel. */
  | { readonly status: "not-excel"; readonly host: string }
  | { readonly status: "failed"; readonly message: string };

/** What start-up needs from the page (injected, so the logic is tested without a browser). */
export interface StartDeps {
  readonly decision: StartDecision;
  /** Office.onReady's answer (see officeReady). */
  ready(): Promise<"excel" | "browser" | { readonly other: string }>;
  loadEngine(): Promise<Engine>;
  loadHost(where: "excel" | "browser", lang: Lang): Promise<StartedHost>;
  readonly lang: Lang;
  /** How long a plain browser page waits for Office.onReady before browser mode. */
  readonly probeMs?: number;
  /** How long inside Office before the pane says Excel does not answer (and how to reload). */
  readonly stallMs?: number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

/** A plain browser page: Office.onReady answers at once there (host null); 3 s is generous. */
export const PROBE_MS = 3000;
/** Inside Office: after 30 s without Office.onReady the pane says so, and keeps waiting. */
export const STALL_MS = 30_000;

/** The store: the current phase and a way to hear of changes (useSyncExternalStore's shape). */
export interface StartStore {
  get(): StartPhase;
  subscribe(listener: () => void): () => void;
  /** Resolves once start-up has settled (ready or failed): for tests. */
  readonly settled: Promise<StartPhase>;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Starts the pane: begins at once, before the first render.
 *
 * @param deps - the page's decision and loaders
 * @returns the store
 */
export function startPane(deps: StartDeps): StartStore {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let phase: StartPhase =
    deps.decision === "connect" ? { status: "connecting", stalled: false } : { status: "starting" };
  const listeners = new Set<() => void>();
  let serial = 0;
  let settle: (p: StartPhase) => void = () => undefined;
  const settled = new Promise<StartPhase>((resolve) => {
    settle = resolve;
  });
  const emit = (next: StartPhase): void => {
    phase = next;
    if (next.status !== "starting" && next.status !== "connecting") settle(next);
    for (const l of [...listeners]) l();
  };

  // The engine loads while Office says where the pane runs.
  const engine = deps.loadEngine();
  engine.catch(() => undefined); // reported by `open` below when it is used
  const open = async (where: "excel" | "browser"): Promise<void> => {
    try {
      const [loaded, started] = await Promise.all([engine, deps.loadHost(where, deps.lang)]);
      serial += 1;
      emit({
        status: "ready",
        host: started.host,
        engine: loaded,
        serial,
        ...(started.env === undefined ? {} : { env: started.env }),
      });
    } catch (error) {
      emit({ status: "failed", message: message(error) });
    }
  };

  const run = async (): Promise<void> => {
    switch (deps.decision) {
      case "browser":
        return open("browser");
      case "office-missing":
        return emit({ status: "office-failed" });
      case "connect": {
        const timer = setTimer(() => {
          if (phase.status === "connecting") emit({ status: "connecting", stalled: true });
        }, deps.stallMs ?? STALL_MS);
        const where = await deps.ready();
        clearTimer(timer);
        if (where === "excel") return open("excel");
        // Never the demo inside Office: office.js answering "no host" there is a failure to connect.
        if (where === "browser") return emit({ status: "office-failed" });
        return emit({ status: "not-excel", host: where.other });
      }
      case "probe": {
        let timer: unknown;
        const late = new Promise<"late">((resolve) => {
          timer = setTimer(() => resolve("late"), deps.probeMs ?? PROBE_MS);
        });
        const answer = deps.ready();
        const first = await Promise.race([answer, late]);
        clearTimer(timer);
        if (first === "excel") return open("excel");
        await open("browser");
        // office.js said Excel after all (a host this page did not recognise): Excel mode then.
        if (first === "late" && (await answer) === "excel") await open("excel");
        return;
      }
    }
  };
  run().catch((error: unknown) => emit({ status: "failed", message: message(error) }));

  return {
    get: () => phase,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settled,
  };
}
