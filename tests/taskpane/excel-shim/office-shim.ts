// Test-only stand-in for office.js in the browser: the strict Excel fake behind `Excel.run`, and an
// `Office` that says "Excel". Served in place of https://appsforoffice.microsoft.com/…/office.js by
// the Excel-mode browser test, so the real pane (its Excel host, its Office.js adapter) runs against
// the fake, and the test drives edits through `window.__ctgFake`.

import { createExcelFake, type FakeInit, type FakeOptions } from "../../fakes/excel-fake";

interface ShimWindow {
  __ctgFakeInit?: FakeInit;
  /** The fake's options (its ExcelApi level: the suite runs at 1.7 and at the newest). */
  __ctgFakeOptions?: FakeOptions;
  __ctgFake?: ReturnType<typeof createExcelFake>;
  Excel?: unknown;
  Office?: unknown;
}

const w = window as unknown as ShimWindow;
const fake = createExcelFake(w.__ctgFakeInit, w.__ctgFakeOptions ?? {});
w.__ctgFake = fake;
w.Excel = { run: fake.excelRun };
w.Office = {
  HostType: { Excel: "Excel" },
  onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }),
  context: {
    displayLanguage: "fr-FR",
    requirements: { isSetSupported: (set: string, version: string) => fake.supports(set, version) },
  },
};
