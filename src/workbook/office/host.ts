/** Where the task pane runs: inside Excel, or in a plain browser (office.js missing, failed to load, or another host). */
export type PaneHost = "excel" | "browser";

/**
 * Waits for Office.onReady when office.js is present; falls back to "browser" after `timeoutMs`
 * or when office.js never loaded (offline, opened outside Office).
 */
export async function detectHost(timeoutMs = 3000): Promise<PaneHost> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "browser";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<PaneHost>((resolve) => {
    timer = setTimeout(() => resolve("browser"), timeoutMs);
  });
  const ready = Office.onReady().then(
    (info): PaneHost => (info.host === Office.HostType.Excel ? "excel" : "browser"),
    (): PaneHost => "browser",
  );
  try {
    return await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
