/**
 * Picks the pane's host once start-up knows where it runs. Each host is loaded with a dynamic
 * import(): the file host brings the .xlsx code (fflate, xmldom), which Excel never needs.
 */

import type { Lang } from "../core/types";
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
    // TODO(lead): wire the Office.js adapter once src/workbook/office exports it:
    //   const { createExcelHost } = await import(/* webpackChunkName: "excel-host" */ "./excel-host");
    //   return createExcelHost();
    throw new Error(
      lang === "fr"
        ? "le volet ne sait pas encore lire le classeur Excel ouvert (adaptateur Office.js non branché)."
        : "the pane cannot read the open Excel workbook yet (Office.js adapter not wired).",
    );
  }
  const { FileHost } = await import(/* webpackChunkName: "file-host" */ "./file-host");
  return { host: FileHost.withDemo(lang) };
}
