/**
 * Picks the pane's host once start-up knows where it runs. Each host is loaded with a dynamic
 * import(): the file host brings the .xlsx code (fflate, xmldom), which Excel never needs.
 */

import type { Lang } from "../core";
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
  const { FileHost } = await import(/* webpackChunkName: "file-host" */ "./file-host");
  return { host: FileHost.withDemo(lang) };
}
