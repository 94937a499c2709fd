// The pane's Content Security Policy, in Chromium: the policy is there, the production bundle has no eval,
// and the pane renders in browser mode with no CSP violation.

import * as fs from "fs";
import * as path from "path";
import { DIST, openPane, paneSuite } from "./pane-browser";

const suite = paneSuite();

test("taskpane.html carries the policy: scripts from this origin and the Office CDN, connect-src self", () => {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(html)?.[1] ?? "";
  expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain("unsafe-eval");
});

test("the production bundle uses neither eval nor new Function", () => {
  for (const file of fs.readdirSync(DIST).filter((f) => f.endsWith(".js"))) {
    const code = fs.readFileSync(path.join(DIST, file), "utf8");
    expect(`${file}: ${/\bnew Function\s*\(|\beval\s*\(/.test(code)}`).toBe(`${file}: false`);
  }
});

test("the pane renders with no CSP violation in the console", async () => {
  const context = await suite.context();
  const violations: string[] = [];
  context.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const { page, errors } = await openPane(context, suite.url(), "?lang=fr");
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.getByRole("button", { name: /Générer/ }).click();
  await page.getByText("Feuilles de synthèse écrites").waitFor({ timeout: 60_000 });
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);
