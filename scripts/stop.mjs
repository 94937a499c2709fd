#!/usr/bin/env node
// `npm stop`: ends the dev server that `npm start` recorded in .tmp/dev-server.pid (its process group on
// Linux/macOS: SIGTERM, then SIGKILL after 5 s), removes the file and says what it did. On Windows or macOS
// with office-addin-debugging installed, also runs `office-addin-debugging stop manifest.xml`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pidFile = path.join(root, ".tmp", "dev-server.pid");
const posix = process.platform !== "win32";
const say = (message) => console.log(`[ctg-planner] ${message}`);

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** On Linux, whether `pid` still runs webpack (a PID reused by another program is left alone). */
function isOurServer(pid) {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!fs.existsSync(cmdline)) return process.platform !== "linux"; // cannot tell elsewhere
  return /webpack/.test(fs.readFileSync(cmdline, "utf8"));
}

function signal(pid, name) {
  try {
    if (posix)
      process.kill(-pid, name); // the process group start.mjs created
    else process.kill(pid, name);
  } catch {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

async function waitForExit(pid, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

let text = null;
try {
  text = fs.readFileSync(pidFile, "utf8").trim();
} catch {
  say("Aucun serveur enregistré (.tmp/dev-server.pid absent) : rien à arrêter.");
  say("No dev server recorded (.tmp/dev-server.pid missing): nothing to stop.");
}

if (text !== null) {
  const pid = Number.parseInt(text, 10);
  if (!Number.isInteger(pid) || pid <= 0 || String(pid) !== text) {
    say(`.tmp/dev-server.pid illisible (« ${text} ») : fichier supprimé / unreadable pid file removed.`);
  } else if (!isAlive(pid)) {
    say(
      `Le serveur ${pid} ne tourne plus : fichier PID supprimé. / Server ${pid} was not running: stale pid file removed.`,
    );
  } else if (!isOurServer(pid)) {
    say(
      `Le PID ${pid} n'est plus webpack (réutilisé) : laissé tel quel, fichier supprimé. / ` +
        `PID ${pid} is no longer webpack (reused): left alone, pid file removed.`,
    );
  } else {
    signal(pid, "SIGTERM");
    if (await waitForExit(pid, 5000)) {
      say(
        `Serveur de développement arrêté (PID ${pid}, SIGTERM). / Dev server stopped (PID ${pid}, SIGTERM).`,
      );
    } else {
      signal(pid, "SIGKILL");
      const dead = await waitForExit(pid, 2000);
      say(
        dead
          ? `Serveur tué (PID ${pid}, SIGKILL après 5 s). / Dev server killed (PID ${pid}, SIGKILL after 5 s).`
          : `Le PID ${pid} résiste à SIGKILL. / PID ${pid} survived SIGKILL.`,
      );
      if (!dead) process.exitCode = 1;
    }
  }
  fs.rmSync(pidFile, { force: true });
}

const bin = path.join(
  root,
  "node_modules",
  ".bin",
  posix ? "office-addin-debugging" : "office-addin-debugging.cmd",
);
if ((process.platform === "win32" || process.platform === "darwin") && fs.existsSync(bin)) {
  say("office-addin-debugging stop manifest.xml");
  const result = spawnSync(bin, ["stop", path.join(root, "manifest.xml")], {
    cwd: root,
    stdio: "inherit",
    shell: !posix,
  });
  if (result.status !== 0) process.exitCode = result.status ?? 1;
}
