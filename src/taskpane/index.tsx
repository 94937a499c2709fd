import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import {
  Body1,
  Caption1,
  FluentProvider,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { detectHost, type PaneHost } from "../workbook/office/host";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  title: { margin: 0 },
  placeholder: {
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground3,
  },
});

const HOST_LABEL: Record<PaneHost | "pending", string> = {
  pending: "Connexion à Excel…",
  excel: "Connecté à Excel.",
  browser: "Mode navigateur : Excel n'est pas disponible.",
};

function App({ host }: { host: Promise<PaneHost> }) {
  const styles = useStyles();
  const [status, setStatus] = useState<PaneHost | "pending">("pending");
  useEffect(() => {
    let live = true;
    host.then((h) => live && setStatus(h));
    return () => {
      live = false;
    };
  }, [host]);

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.pane}>
        <Title2 as="h1" className={styles.title}>
          CTG Planner
        </Title2>
        <Body1>
          Calcule les totaux CEJ, la répartition 50/50 de l'ingénierie et les allocations par bassin des CTG
          de la CUCM.
        </Body1>
        <section className={styles.placeholder} aria-label="Espace de travail" data-testid="placeholder">
          <Body1>Le panneau de travail arrive bientôt.</Body1>
        </section>
        <Caption1 role="status" data-host={status}>
          {HOST_LABEL[status]}
        </Caption1>
      </main>
    </FluentProvider>
  );
}

// Office.onReady is called at once (Office wants it early); the pane renders without waiting for it.
const host = detectHost(3000);
const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );
}
