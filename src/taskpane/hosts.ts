/**
 * Picks the pane's host once start-up knows where it runs. Each host is loaded with a dynamic
 * import(): the file host brings the .xlsx code (fflate, xmldom), which Excel never needs; in a
 * browser the pane starts on the demo host, which loads the file host when it needs the workbook.
 */

import type { Lang } from "../core";
import type { StartDecision } from "../workbook/office";
import type { HostEnvironment, PaneHost } from "./host";

/** A host and, inside Office, the language and theme Office asks for. */
export interface StartedHost {
  readonly host: PaneHost;
  readonly env?: Partial<HostEnvironment>;
}

/**
 * @param where - what detectHost said
 * @param lang - the language of the demo workbook (file mode)
 * @returns the host
 */
export async function loadHost(where: "excel" | "browser", lang: Lang): Promise<StartedHost> {
  if (where === "excel") {
    const { createExcelHost } = await import(/* webpackChunkName: "excel-host" */ "./excel-host");
    return createExcelHost();
  }
  // The demo from its rows: the .xlsx code loads only when a file, a generation or a sheet needs it.
  const { DemoHost } = await import(/* webpackChunkName: "demo-host" */ "./demo-host");
  return {
    host: new DemoHost(lang, () => import(/* webpackChunkName: "file-host" */ "./file-host")),
  };
}

/**
 * Asks for the host's chunk as the page starts, before Office says where the pane runs: inside Office
 * the Excel host's, in a plain browser the demo's. Nothing is created: loadHost does that.
 *
 * @param decision - what start-up decided from the page (startDecision)
 */
export function preloadHost(decision: StartDecision): void {
  const chunk =
    decision === "connect"
      ? import(/* webpackChunkName: "excel-host" */ "./excel-host")
      : decision === "office-missing"
        ? null
        : import(/* webpackChunkName: "demo-host" */ "./demo-host");
  chunk?.catch(() => undefined); // reported by loadHost when it is used
}
