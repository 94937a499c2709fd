/**
 * Start-up: one component follows start-up (startup.ts): inside Office it says « Connexion à Excel… »
 * until Office.onReady, never the demo; in a plain browser it starts in browser mode. Then it loads
 * the engine and the host's code and shows the pane.
 *
 * What paints first is only this component (the header and a spinner): the pane and its sections,
 * the engine, the host and the dark theme are chunks of their own, asked for as this script starts
 * (taskpane.html preloads those both modes need, see webpack.config.js), so they download while
 * React paints.
 */

import { lazy, StrictMode, Suspense, useCallback, useEffect, useState, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  makeStyles,
  Spinner,
  tokens,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import type { Lang } from "../core";
import {
  hostedByOffice,
  hostInfoLocale,
  officeLoaded,
  officeReady,
  readHostSignals,
  startDecision,
} from "../workbook/office";
import { Header } from "./components/Header";
import { browserEnvironment, themeForced } from "./env";
import type { HostEnvironment } from "./host";
import { loadHost, preloadHost } from "./hosts";
import { uiText } from "./i18n";
import { loadIssueText } from "./issue-text";
import { startPane, type StartPhase, type StartStore } from "./startup";

/** Name of the performance mark set when the pane first shows a workbook's figures. */
export const READY_MARK = "ctg:pane-ready";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  shell: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "720px",
    margin: "0 auto",
  },
});

function prefersDark(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
}

const signals = readHostSignals(window);
const hosted = hostedByOffice(signals);

// The pane's own chunk, asked for now: it downloads with the engine's and the host's.
const paneModule = import(/* webpackChunkName: "pane" */ "./components/Pane");
paneModule.catch(() => undefined); // reported by React.lazy when the pane renders
const Pane = lazy(() => paneModule.then((m) => ({ default: m.Pane })));

/** The start-up screen's notices: rare, so not in the first scripts. */
const StartupNotice = lazy(() =>
  import(/* webpackChunkName: "startup-notice" */ "./components/StartupNotice").then(
    (m) => ({ default: m.StartupNotice }),
    // Its chunk cannot load either (the network is down): the notice as plain text all the same.
    () => ({
      default: ({ testId, text }: { intent: "warning" | "error"; testId: string; text: string }) => (
        <div role="alert" data-testid={testId}>
          {text}
        </div>
      ),
    }),
  ),
);

/** The dark theme's tokens: a chunk of their own, loaded when the pane is dark. */
let darkTheme: Theme | null = null;
let darkLoading: Promise<Theme> | null = null;
function loadDarkTheme(): Promise<Theme> {
  darkLoading ??= import(/* webpackChunkName: "dark-theme" */ "./dark-theme").then((m) => {
    darkTheme = m.webDarkTheme;
    return darkTheme;
  });
  return darkLoading;
}

// Inside Office, the language Office put in the page's address (`_host_Info`) until Office says more.
const initialEnv: HostEnvironment = browserEnvironment(
  window.location.search,
  (hosted ? hostInfoLocale(signals.search) : undefined) ?? navigator.language,
  prefersDark(),
);
if (initialEnv.theme === "dark") loadDarkTheme().catch(() => undefined);
// The issue sentences of the first language (a chunk per language), asked for with the engine's.
loadIssueText(initialEnv.lang).catch(() => undefined);

/** Start-up's phase as it goes, with the language and theme it asks for (Office's, once ready). */
function useStartPhase(env: HostEnvironment, starting: StartStore) {
  const [lang, setLang] = useState<Lang>(env.lang);
  const [theme, setTheme] = useState<"light" | "dark">(env.theme);
  const [started, setStarted] = useState<StartPhase>(starting.get);

  // Each phase as start-up reaches it; with the pane, Office's language and theme (one render).
  useEffect(() => {
    const update = (): void => {
      const phase = starting.get();
      if (phase.status === "ready" && phase.env?.lang !== undefined) setLang(phase.env.lang);
      if (phase.status === "ready" && phase.env?.theme !== undefined) setTheme(phase.env.theme);
      setStarted(phase);
    };
    update();
    return starting.subscribe(update);
  }, [starting]);
  // The user's switch: the pane changes language once that language's issue sentences are here (a
  // chunk that cannot load leaves the language as it is; the switch can be tried again).
  const switchLang = useCallback((next: Lang) => {
    loadIssueText(next).then(
      () => setLang(next),
      () => undefined,
    );
  }, []);
  return { lang, switchLang, theme, setTheme, started, setStarted };
}

/** In a browser, follows the system's light/dark setting unless the URL forces one. */
function useSystemTheme(setTheme: (theme: "light" | "dark") => void): void {
  useEffect(() => {
    if (themeForced(window.location.search) || typeof window.matchMedia !== "function") return;
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    const follow = (): void => setTheme(query.matches ? "dark" : "light");
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, [setTheme]);
}

/** The page's language, title and color scheme follow the pane's. */
function useDocumentSettings(lang: Lang, theme: "light" | "dark"): void {
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = uiText(lang).appTitle;
  }, [lang]);
  useEffect(() => {
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
}

/** The dark theme's tokens once loaded (null before); a chunk that cannot load fails start-up. */
function useDarkTheme(theme: "light" | "dark", setStarted: (phase: StartPhase) => void): Theme | null {
  const [dark, setDark] = useState<Theme | null>(darkTheme);
  useEffect(() => {
    if (theme !== "dark" || dark !== null) return;
    let live = true;
    loadDarkTheme().then(
      (loaded) => {
        if (live) setDark(loaded);
      },
      (error: unknown) => {
        if (live)
          setStarted({ status: "failed", message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [theme, dark, setStarted]);
  return dark;
}

/** The start-up screen's body before the pane: connecting (with its stalled notice) or a failure. */
function StartupBody({
  started,
  lang,
}: {
  started: Exclude<StartPhase, { status: "ready" | "starting" }>;
  lang: Lang;
}) {
  const t = uiText(lang);
  return (
    <main data-testid="startup" data-status={started.status}>
      {started.status === "connecting" ? (
        <>
          <Spinner size="small" label={t.connecting} />
          {/* Present from the start, so that the notice is read out when it appears. */}
          <div aria-live="polite">
            {started.stalled ? (
              <Suspense fallback={null}>
                <StartupNotice intent="warning" testId="connect-stalled" text={t.connectStalled} />
              </Suspense>
            ) : null}
          </div>
        </>
      ) : (
        <Suspense fallback={null}>
          <StartupNotice
            intent="error"
            testId="startup-error"
            text={
              started.status === "office-failed"
                ? t.officeFailed
                : started.status === "not-excel"
                  ? t.notExcel(started.host)
                  : t.startFailed(started.message)
            }
          />
        </Suspense>
      )}
    </main>
  );
}

/** The start-up component: follows start-up, then renders the pane with its host. */
export function Startup({ env, starting }: { env: HostEnvironment; starting: StartStore }) {
  const styles = useStyles();
  const { lang, switchLang, theme, setTheme, started, setStarted } = useStartPhase(env, starting);
  useSystemTheme(setTheme);
  useDocumentSettings(lang, theme);
  const dark = useDarkTheme(theme, setStarted);

  const onReady = useCallback(() => {
    requestAnimationFrame(() => performance.mark(READY_MARK));
  }, []);

  // Dark asked for and its tokens not there yet: nothing at first (no flash of the light theme), the
  // start-up screen when the theme changes later; never the pane in the wrong theme.
  const waitingForDark = theme === "dark" && dark === null;
  if (waitingForDark && (started.status === "starting" || started.status === "connecting")) return null;
  const shell = (body: ReactNode): ReactNode => (
    <div className={styles.shell}>
      <Header lang={lang} mode={null} onLangChange={switchLang} />
      {body}
    </div>
  );
  const loading = shell(
    <main data-testid="startup" data-status="starting">
      <Spinner size="small" label={uiText(lang).loading} />
    </main>,
  );
  return (
    <FluentProvider
      theme={theme === "dark" && dark !== null ? dark : webLightTheme}
      className={styles.provider}
      data-theme={waitingForDark ? "light" : theme}
    >
      {started.status === "ready" && !waitingForDark ? (
        <Suspense fallback={loading}>
          <Pane
            key={started.serial}
            host={started.host}
            engine={started.engine}
            lang={lang}
            onLangChange={switchLang}
            onReady={onReady}
          />
        </Suspense>
      ) : started.status === "ready" || started.status === "starting" ? (
        loading
      ) : (
        shell(<StartupBody started={started} lang={lang} />)
      )}
    </FluentProvider>
  );
}

// Start at once, before the first render: the host and the engine's chunks load while React paints.
const decision = startDecision(hosted, officeLoaded());
preloadHost(decision);
const starting = startPane({
  decision,
  ready: officeReady,
  loadEngine: async () => (await import(/* webpackChunkName: "engine" */ "./engine")).engine,
  // Ready once the host has started and the issue sentences of its language are here.
  loadHost: async (where, lang) => {
    const started = await loadHost(where, lang);
    await loadIssueText(started.env?.lang ?? lang);
    return started;
  },
  lang: initialEnv.lang,
});
const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Startup env={initialEnv} starting={starting} />
    </StrictMode>,
  );
}
