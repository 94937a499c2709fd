// The host decision at start-up: whether Office opened the page, read before office.js is ready, by
// the places office.js itself reads (office.debug.js `_retrieveHostInfo` and its plain-browser test).

import * as fs from "fs";
import * as path from "path";
import {
  hostedByOffice,
  hostInfoLocale,
  startDecision,
  type HostSignals,
} from "../../../src/workbook/office/host";

const plain: HostSignals = { search: "", hash: "", windowName: "", sessionHostInfo: null, nativeHost: false };

describe("hostedByOffice", () => {
  test("a plain browser page is not hosted, whatever else its address says", () => {
    expect(hostedByOffice(plain)).toBe(false);
    expect(hostedByOffice({ ...plain, search: "?lang=en&theme=dark" })).toBe(false);
    expect(hostedByOffice({ ...plain, search: "?_host_Info=" })).toBe(false); // empty value: office.js ignores it
    expect(hostedByOffice({ ...plain, windowName: "my-frame" })).toBe(false);
    expect(hostedByOffice({ ...plain, windowName: '{"other":"x"}' })).toBe(false);
    expect(hostedByOffice({ ...plain, windowName: "{not json" })).toBe(false);
    expect(hostedByOffice({ ...plain, sessionHostInfo: "" })).toBe(false);
  });

  test.each([
    ["Excel for Windows (WebView2)", "?_host_Info=Excel$Win32$16.01$fr-FR$$$$0"],
    ["Excel for Mac", "?_host_Info=Excel$Mac$16.01$fr-FR$$$$0"],
    ["Excel on the web", "?_host_Info=Excel$Web$16.01$fr-FR$telemetry$$$0"],
    ["after another parameter", "?lang=fr&_host_Info=Excel$Win32$16.01$fr-FR$$$$0"],
    ["encoded, older | form", "?_host_Info=Excel%7CWin32%7C16.01%7Cfr-FR"],
  ])("Office's _host_Info in the query: hosted (%s)", (_name, search) => {
    expect(hostedByOffice({ ...plain, search })).toBe(true);
  });

  test("the other channels office.js reads: window.name, the _xdm_Info fragment, the session, the web view", () => {
    expect(hostedByOffice({ ...plain, windowName: '{"hostInfo":"Excel|Web|16.00|fr-FR"}' })).toBe(true);
    expect(hostedByOffice({ ...plain, windowName: '{"xdmInfo":"abc|def"}' })).toBe(true);
    expect(hostedByOffice({ ...plain, hash: "#&_xdm_Info=abc" })).toBe(true);
    expect(hostedByOffice({ ...plain, sessionHostInfo: "Excel$Win32$16.01$fr-FR$$$$0" })).toBe(true);
    expect(hostedByOffice({ ...plain, nativeHost: true })).toBe(true);
  });

  test("the rule reads the same places as office.js (the checked-in client names them)", () => {
    const office = fs.readFileSync(
      path.join(__dirname, "../../../node_modules/@microsoft/office-js/dist/office.debug.js"),
      "utf8",
    );
    expect(office).toContain('var hostInfoParaName = "_host_Info";');
    expect(office).toContain('windowNameObj["hostInfo"]');
    expect(office).toContain('osfSessionStorage.getItem("hostInfoValue")');
    expect(office).toContain("window.external.GetHostInfo()");
    expect(office).toContain("OSF.OUtil.parseXdmInfo() == null");
  });
});

test("hostInfoLocale: the language Office put in _host_Info", () => {
  expect(hostInfoLocale("?_host_Info=Excel$Win32$16.01$fr-FR$$$$0")).toBe("fr-FR");
  expect(hostInfoLocale("?_host_Info=Excel$Mac$16.01$en-US$$$$0&x=1")).toBe("en-US");
  expect(hostInfoLocale("?_host_Info=Excel%7CWeb%7C16.00%7Cen-GB")).toBe("en-GB");
  expect(hostInfoLocale("?lang=en")).toBeUndefined();
  expect(hostInfoLocale("?_host_Info=Excel$Win32")).toBeUndefined();
  expect(hostInfoLocale("?_host_Info=%E0%A4%A")).toBeUndefined();
});

test("startDecision: inside Office never browser mode; browser mode only outside it", () => {
  expect(startDecision(true, true)).toBe("connect");
  expect(startDecision(true, false)).toBe("office-missing");
  expect(startDecision(false, true)).toBe("probe");
  expect(startDecision(false, false)).toBe("browser");
});
