/** Where the task pane runs: inside Excel, or in a plain browser (office.js missing, failed to load, or another host). */
export type PaneHost = "excel" | "browser";

/**
 * What the page knows of its host before office.js is ready: the places office.js itself reads to
 * tell a page opened by Office from a plain browser page (`_retrieveHostInfo` and the plain-browser
 * test of `OSF._OfficeAppFactory.initialize` in @microsoft/office-js/dist/office.debug.js).
 */
export interface HostSignals {
  /** `location.search`: Office adds `_host_Info=Excel$Win32$16.01$fr-FR$$$$0` (desktop, Mac, web). */
  readonly search: string;
  /** `location.hash`: Office on the web's older channel, `&_xdm_Info=…`. */
  readonly hash: string;
  /** `window.name`: Office on the web may pass JSON with `hostInfo` or `xdmInfo`. */
  readonly windowName: string;
  /** `sessionStorage.hostInfoValue`: saved by office.js on an earlier load of this pane (a reload). */
  readonly sessionHostInfo: string | null;
  /** Whether the web view offers `window.external.GetHostInfo`/`GetContext` or `agaveHost.GetHostInfo` (older Windows and Mac hosts). */
  readonly nativeHost: boolean;
}

/** The value of `_host_Info` in a query string, split as office.js does (up to `&` or `#`). */
function hostInfoParam(search: string): string {
  const parts = search.split("_host_Info=");
  return parts.length > 1 ? ((parts[1] ?? "").split(/[&#]/)[0] ?? "") : "";
}

/** A key of `window.name` when it is JSON (office.js `parseInfoFromWindowName`). */
function windowNameKey(windowName: string, key: string): unknown {
  if (!windowName.startsWith("{")) return undefined;
  try {
    const parsed: unknown = JSON.parse(windowName);
    return parsed !== null && typeof parsed === "object"
      ? (parsed as Record<string, unknown>)[key]
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether Office opened this page, decided before office.js is ready, by the rule office.js applies
 * at load: host information in the URL's query (`_host_Info`), in `window.name` (`hostInfo`), in the
 * session (`hostInfoValue`) or from the web view (`window.external.GetHostInfo`), or Office on the
 * web's channel (`_xdm_Info` in the hash or `xdmInfo` in `window.name`). Without any of them,
 * office.js itself treats the page as a plain browser (`Office.onReady` gives host null).
 *
 * @param signals - what the page holds
 * @returns true when the page runs inside an Office host
 */
export function hostedByOffice(signals: HostSignals): boolean {
  if (hostInfoParam(signals.search) !== "") return true;
  if (signals.hash.includes("_xdm_Info=")) return true;
  for (const key of ["hostInfo", "xdmInfo"]) {
    const value = windowNameKey(signals.windowName, key);
    if (typeof value === "string" && value !== "") return true;
  }
  if (signals.sessionHostInfo !== null && signals.sessionHostInfo !== "") return true;
  return signals.nativeHost;
}

/**
 * The display language Office put in `_host_Info` (its fourth `$`-separated item, `fr-FR`), before
 * office.js is ready: the start-up messages speak it.
 *
 * @param search - `location.search`
 * @returns the BCP 47 tag, or undefined
 */
export function hostInfoLocale(search: string): string | undefined {
  let value = hostInfoParam(search);
  try {
    value = decodeURIComponent(value);
  } catch {
    return undefined;
  }
  const items = value.split("$");
  const locale = (items.length > 2 ? items : value.split("|"))[3];
  return locale !== undefined && /^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(locale) ? locale : undefined;
}

/** The page's {@link HostSignals}; any of them unreadable (sessionStorage denied…) counts as absent. */
export function readHostSignals(w: Window): HostSignals {
  let sessionHostInfo: string | null = null;
  try {
    sessionHostInfo = w.sessionStorage.getItem("hostInfoValue");
  } catch {
    sessionHostInfo = null;
  }
  let nativeHost = false;
  try {
    const external = (w as unknown as { external?: Record<string, unknown> }).external;
    const agave = (w as unknown as { agaveHost?: Record<string, unknown> }).agaveHost;
    // typeof a host method is "unknown" in the older (IE) web views: present all the same.
    nativeHost =
      (external !== undefined &&
        external !== null &&
        (typeof external.GetHostInfo !== "undefined" || typeof external.GetContext !== "undefined")) ||
      (agave !== undefined && agave !== null && typeof agave.GetHostInfo !== "undefined");
  } catch {
    nativeHost = false;
  }
  return {
    search: w.location.search,
    hash: w.location.hash,
    windowName: typeof w.name === "string" ? w.name : "",
    sessionHostInfo,
    nativeHost,
  };
}

/**
 * How start-up goes, from whether Office opened the page and whether office.js is there (its
 * `<script>` in `<head>` has run, or failed, by the time the bundle runs):
 * - `connect`: inside Office; wait for `Office.onReady` as long as it takes (never the demo);
 * - `office-missing`: inside Office but office.js did not load; say so (never the demo);
 * - `probe`: a page office.js calls a plain browser; `Office.onReady` answers at once (host null)
 *   and the pane starts in browser mode, or in Excel mode should it say Excel;
 * - `browser`: a plain browser without office.js (offline, blocked): browser mode at once.
 */
export type StartDecision = "connect" | "office-missing" | "probe" | "browser";

/**
 * @param hosted - {@link hostedByOffice}
 * @param officeLoaded - whether `Office.onReady` exists
 * @returns how start-up goes
 */
export function startDecision(hosted: boolean, officeLoaded: boolean): StartDecision {
  if (hosted) return officeLoaded ? "connect" : "office-missing";
  return officeLoaded ? "probe" : "browser";
}

/** Whether office.js has loaded (`Office.onReady` is there). */
export function officeLoaded(): boolean {
  return typeof Office !== "undefined" && typeof Office.onReady === "function";
}

/**
 * What `Office.onReady` says: "excel", another host's name (`Word`…), "browser" when office.js calls
 * the page a plain browser (host null) or onReady fails. Never times out: the caller decides how
 * long to wait and what to show meanwhile.
 *
 * @returns the host
 */
export async function officeReady(): Promise<PaneHost | { readonly other: string }> {
  if (!officeLoaded()) return "browser";
  try {
    const info = await Office.onReady();
    if (info.host === Office.HostType.Excel) return "excel";
    return info.host === null || info.host === undefined ? "browser" : { other: String(info.host) };
  } catch {
    return "browser";
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
