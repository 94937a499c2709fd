// Test-only stand-in for office.js in the browser: the strict Excel fake behind `Excel.run`, and an
// `Office` that says "Excel". Served in place of https://appsforoffice.microsoft.com/…/office.js by
// the Excel-mode browser test, so the real pane (its Excel host, its Office.js adapter) runs against
// the fake, and the test drives edits through `window.__ctgFake`.

import { createExcelFake, type FakeInit, type FakeOptions } from "../../fakes/excel-fake";

interface ShimWindow {
  __ctgFakeInit?: FakeInit;
  /**
   * Where to fetch the workbook instead (the benchmark): the fake is built after the page has parsed,
   * and `Office.onReady` answers once it is, as office.js answers after its handshake with Excel,
   * which holds the workbook. With `__ctgFakeInit` the fake is built at once, in the page's head.
   */
  __ctgFakeInitUrl?: string;
  /** The fake's options (its ExcelApi level: the suite runs at 1.7 and at the newest). */
  __ctgFakeOptions?: FakeOptions;
  __ctgFake?: ReturnType<typeof createExcelFake>;
  Excel?: unknown;
  Office?: unknown;
}

type Fake = ReturnType<typeof createExcelFake>;
/** Performance measure of building the fake from its workbook: the shim's own work, not the pane's. */
const BUILD_MEASURE = "ctg-shim:fake-built";

const w = window as unknown as ShimWindow;
const build = (init: FakeInit | undefined): Fake => {
  const t0 = performance.now();
  const fake = createExcelFake(init, w.__ctgFakeOptions ?? {});
  performance.measure(BUILD_MEASURE, { start: t0, end: performance.now() });
  w.__ctgFake = fake;
  return fake;
};

const url = w.__ctgFakeInitUrl;
let built: Fake | null = null;
const ready: Promise<Fake> =
  url === undefined
    ? Promise.resolve((built = build(w.__ctgFakeInit)))
    : // After the page has parsed, so that the pane's scripts load meanwhile, as with office.js.
      new Promise<void>((resolve) => setTimeout(resolve, 0))
        .then(() => fetch(url))
        .then((response) => response.json() as Promise<FakeInit>)
        .then((init) => (built = build(init)));

w.Excel = {
  run:
    built !== null
      ? built.excelRun
      : (...args: unknown[]) => ready.then((f) => (f.excelRun as (...a: unknown[]) => unknown)(...args)),
};
w.Office = {
  HostType: { Excel: "Excel" },
  onReady: () => ready.then(() => ({ host: "Excel", platform: "OfficeOnline" })),
  context: {
    displayLanguage: "fr-FR",
    // Before Office.onReady (the fake not built yet) no set is said to be supported.
    requirements: {
      isSetSupported: (set: string, version: string) => built?.supports(set, version) ?? false,
    },
  },
};
