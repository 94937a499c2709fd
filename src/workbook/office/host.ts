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

/** What Office says of the user's environment: display language tag and whether its theme is dark. */
export interface OfficeEnvironment {
  /** BCP 47 tag of Office's display language (`fr-FR`, `en-US`), when Office gives one. */
  readonly displayLanguage?: string;
  /** Whether the Office theme's body background is dark, when Office gives a theme. */
  readonly dark?: boolean;
}

/** Relative luminance of a `#RRGGBB` colour (0 black … 1 white). */
function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? "0", 16) / 255);
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/**
 * Office's display language and theme, read after Office.onReady (the task pane follows them).
 * Outside Office, or when Office does not say, the fields are absent.
 *
 * @returns the environment
 */
export function officeEnvironment(): OfficeEnvironment {
  if (typeof Office === "undefined" || !Office.context) return {};
  const displayLanguage = Office.context.displayLanguage || undefined;
  const background = Office.context.officeTheme?.bodyBackgroundColor;
  const lum = background ? luminance(background) : null;
  return {
    ...(displayLanguage ? { displayLanguage } : {}),
    ...(lum !== null ? { dark: lum < 0.5 } : {}),
  };
}
