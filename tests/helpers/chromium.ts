// The system's Chromium as the browser tests and the benchmarks launch it (never a downloaded browser).
// No test framework here: the benchmark harness imports it too.

/** Debian's `chromium`. */
export const CHROMIUM = "/usr/bin/chromium";
/** What to say when it is missing. */
export const CHROMIUM_INSTALL = "Chromium is required: apt-get update && apt-get install -y chromium";
/** Headless, no sandbox (containers, root), nothing that reaches the network on its own. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
