/**
 * Start-up: one component waits for the host (Office.onReady inside Excel, or browser mode when
 * office.js is absent or unreachable), loads the engine and the host's code, then shows the pane.
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
import type { Lang } from "../core/types";
import { detectHost } from "../workbook/office/host";
import { Header } from "./components/Header";
import { Pane } from "./components/Pane";
import type { Engine } from "./engine";
import { browserEnvironment, themeForced } from "./env";
import type { HostEnvironment, PaneHost } from "./host";
import { loadHost } from "./hosts";
import { uiText } from "./i18n";

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

type Started =
  | { readonly status: "starting" }
  | { readonly status: "ready"; readonly host: PaneHost; readonly engine: Engine }
  | { readonly status: "failed"; readonly message: string };

function prefersDark(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
}

const initialEnv: HostEnvironment = browserEnvironment(
  window.location.search,
  navigator.language,
  prefersDark(),
);

type Starting = Promise<{ host: PaneHost; engine: Engine; env?: Partial<HostEnvironment> }>;

async function start(lang: Lang): Starting {
  // The engine loads while Office says where the pane runs.
  const engineModule = import(/* webpackChunkName: "engine" */ "./engine");
  const where = await detectHost(3000);
  const [{ engine }, started] = await Promise.all([engineModule, loadHost(where, lang)]);
  return { host: started.host, engine, ...(started.env === undefined ? {} : { env: started.env }) };
}

/** The start-up component: waits for the host, then renders the pane with it. */
export function Startup({ env, starting }: { env: HostEnvironment; starting: Starting }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(env.lang);
  const [theme, setTheme] = useState<"light" | "dark">(env.theme);
  const [started, setStarted] = useState<Started>({ status: "starting" });

  useEffect(() => {
    let live = true;
    starting.then(
      (s) => {
        if (!live) return;
        if (s.env?.lang !== undefined) setLang(s.env.lang);
        if (s.env?.theme !== undefined) setTheme(s.env.theme);
        setStarted({ status: "ready", host: s.host, engine: s.engine });
      },
      (error: unknown) => {
        if (live)
          setStarted({ status: "failed", message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
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
          host={started.host}
          engine={started.engine}
          lang={lang}
          onLangChange={setLang}
          onReady={onReady}
        />
      ) : (
        <div className={styles.shell}>
          <Header lang={lang} mode={null} onLangChange={setLang} />
          <main>
            {started.status === "starting" ? (
              <Spinner size="small" label={t.loading} />
            ) : (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{t.startFailed(started.message)}</MessageBarBody>
              </MessageBar>
            )}
          </main>
        </div>
      )}
    </FluentProvider>
  );
}

// Start at once, before the first render: the host and the engine's chunks load while React paints.
const starting = start(initialEnv.lang);
const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Startup env={initialEnv} starting={starting} />
    </StrictMode>,
  );
}
