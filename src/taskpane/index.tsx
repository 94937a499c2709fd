/**
 * Start-up: one component follows start-up (startup.ts): inside Office it says « Connexion à Excel… »
 * until Office.onReady, never the demo; in a plain browser it starts in browser mode. Then it loads
 * the engine and the host's code and shows the pane.
 */

import { StrictMode, useCallback, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
  webDarkTheme,
  webLightTheme,
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
import { Pane } from "./components/Pane";
import { browserEnvironment, themeForced } from "./env";
import type { HostEnvironment } from "./host";
import { loadHost } from "./hosts";
import { uiText } from "./i18n";
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

// Inside Office, the language Office put in the page's address (`_host_Info`) until Office says more.
const initialEnv: HostEnvironment = browserEnvironment(
  window.location.search,
  (hosted ? hostInfoLocale(signals.search) : undefined) ?? navigator.language,
  prefersDark(),
);

/** The start-up component: follows start-up, then renders the pane with its host. */
export function Startup({ env, starting }: { env: HostEnvironment; starting: StartStore }) {
  const styles = useStyles();
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

  // In a browser, follow the system's light/dark setting unless the URL forces one.
  useEffect(() => {
    if (themeForced(window.location.search) || typeof window.matchMedia !== "function") return;
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    const follow = (): void => setTheme(query.matches ? "dark" : "light");
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = uiText(lang).appTitle;
  }, [lang]);
  useEffect(() => {
    document.documentElement.style.colorScheme = theme;
  }, [theme]);

  const onReady = useCallback(() => {
    requestAnimationFrame(() => performance.mark(READY_MARK));
  }, []);

  const t = uiText(lang);
  return (
    <FluentProvider
      theme={theme === "dark" ? webDarkTheme : webLightTheme}
      className={styles.provider}
      data-theme={theme}
    >
      {started.status === "ready" ? (
        <Pane
          key={started.serial}
          host={started.host}
          engine={started.engine}
          lang={lang}
          onLangChange={setLang}
          onReady={onReady}
        />
      ) : (
        <div className={styles.shell}>
          <Header lang={lang} mode={null} onLangChange={setLang} />
          <main data-testid="startup" data-status={started.status}>
            {started.status === "starting" ? (
              <Spinner size="small" label={t.loading} />
            ) : started.status === "connecting" ? (
              <>
                <Spinner size="small" label={t.connecting} />
                {/* Present from the start, so that the notice is read out when it appears. */}
                <div aria-live="polite">
                  {started.stalled ? (
                    <MessageBar intent="warning" layout="multiline" data-testid="connect-stalled">
                      <MessageBarBody>{t.connectStalled}</MessageBarBody>
                    </MessageBar>
                  ) : null}
                </div>
              </>
            ) : (
              <MessageBar intent="error" layout="multiline" data-testid="startup-error">
                <MessageBarBody>
                  {started.status === "office-failed"
                    ? t.officeFailed
                    : started.status === "not-excel"
                      ? t.notExcel(started.host)
                      : t.startFailed(started.message)}
                </MessageBarBody>
              </MessageBar>
            )}
          </main>
        </div>
      )}
    </FluentProvider>
  );
}

// Start at once, before the first render: the host and the engine's chunks load while React paints.
const starting = startPane({
  decision: startDecision(hosted, officeLoaded()),
  ready: officeReady,
  loadEngine: async () => (await import(/* webpackChunkName: "engine" */ "./engine")).engine,
  loadHost,
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
