/**
 * manifest.xml: what the XML schema cannot check (the schema itself runs in .ci/run with xmllint).
 * One origin for every URL, icons that exist at the size they claim, resids that resolve, English
 * overrides for every user-visible string, the permissions and requirements the pane relies on.
 */
import fs from "fs";
import path from "path";
import { DOMParser, onWarningStopParsing, type Document, type Element } from "@xmldom/xmldom";

const root = path.resolve(__dirname, "..");
const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

const doc: Document = new DOMParser({ onError: onWarningStopParsing }).parseFromString(
  fs.readFileSync(path.join(root, "manifest.xml"), "utf8"),
  "text/xml",
);
const officeApp = doc.documentElement as Element;
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };

/** Element children of `parent` named `ns`:`name` (all element children without a name). */
function children(parent: Element, ns?: string, name?: string): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < parent.childNodes.length; i++) {
    const node = parent.childNodes.item(i);
    if (node && node.nodeType === node.ELEMENT_NODE) {
      const el = node as Element;
      if (name === undefined || (el.namespaceURI === ns && el.localName === name)) out.push(el);
    }
  }
  return out;
}

/** The single child `ns`:`name` of `parent`; fails the test when there are none or several. */
function child(parent: Element, ns: string, name: string): Element {
  const found = children(parent, ns, name);
  if (found.length !== 1)
    throw new Error(`expected one <${name}> in <${parent.localName}>, got ${found.length}`);
  return found[0] as Element;
}

/** Every element of the document named `ns`:`name`, in document order. */
function all(ns: string, name: string): Element[] {
  const list = doc.getElementsByTagNameNS(ns, name);
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) out.push(list.item(i) as Element);
  return out;
}

/** Every element of the document, in document order. */
function allElements(): Element[] {
  return all("*", "*");
}

const xsiType = (el: Element): string | null => el.getAttributeNS(NS.xsi, "type");
const sourceLocation = child(child(officeApp, NS.app, "DefaultSettings"), NS.app, "SourceLocation");
const origin = new URL(sourceLocation.getAttribute("DefaultValue") ?? "").origin;
const versionOverrides = child(officeApp, NS.ov, "VersionOverrides");
const resources = child(versionOverrides, NS.ov, "Resources");

/** Resource id → element, for one kind of bt: resource (Images, Urls, ShortStrings, LongStrings). */
function resourceMap(kind: "Images" | "Urls" | "ShortStrings" | "LongStrings"): Map<string, Element> {
  const item = { Images: "Image", Urls: "Url", ShortStrings: "String", LongStrings: "String" }[kind];
  const map = new Map<string, Element>();
  for (const el of children(child(resources, NS.bt, kind), NS.bt, item)) {
    const id = el.getAttribute("id") ?? "";
    expect(map.has(id)).toBe(false); // ids are unique within a kind
    map.set(id, el);
  }
  return map;
}

/** Width and height from a PNG file's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** assets/ file served at an icon URL (the build copies assets/ to dist/assets/). */
function assetFile(url: string): string {
  const { pathname, search, hash } = new URL(url);
  expect(`${search}${hash}`).toBe("");
  expect(pathname).toMatch(/^\/assets\/[\w.-]+\.png$/);
  return path.join(root, pathname.slice(1));
}

describe("manifest.xml", () => {
  test("is a task-pane add-in for Excel (Workbook)", () => {
    expect(officeApp.namespaceURI).toBe(NS.app);
    expect(officeApp.localName).toBe("OfficeApp");
    expect(xsiType(officeApp)).toBe("TaskPaneApp");
    const hosts = children(child(officeApp, NS.app, "Hosts"), NS.app, "Host");
    expect(hosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(xsiType(versionOverrides)).toBe("VersionOverridesV1_0");
    const overrideHosts = children(child(versionOverrides, NS.ov, "Hosts"), NS.ov, "Host");
    expect(overrideHosts.map(xsiType)).toEqual(["Workbook"]);
  });

  test("the Id is a GUID", () => {
    expect(child(officeApp, NS.app, "Id").textContent?.trim()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
  });

  test("the Version is package.json's version in four parts", () => {
    const parts = pkg.version.split(/[-+]/)[0]?.split(".") ?? [];
    while (parts.length < 4) parts.push("0");
    expect(child(officeApp, NS.app, "Version").textContent?.trim()).toBe(parts.join("."));
  });

  test("French by default, with en-US overrides of the display name and the description", () => {
    expect(child(officeApp, NS.app, "DefaultLocale").textContent?.trim()).toBe("fr-FR");
    for (const name of ["DisplayName", "Description"]) {
      const el = child(officeApp, NS.app, name);
      expect(el.getAttribute("DefaultValue")?.trim()).toBeTruthy();
      const overrides = children(el, NS.app, "Override").filter((o) => o.getAttribute("Locale") === "en-US");
      expect(overrides).toHaveLength(1);
      expect(overrides[0]?.getAttribute("Value")?.trim()).toBeTruthy();
    }
  });

  test("every string resource has an en-US override", () => {
    const strings = [...resourceMap("ShortStrings").values(), ...resourceMap("LongStrings").values()];
    expect(strings.length).toBeGreaterThan(0);
    for (const el of strings) {
      const id = el.getAttribute("id");
      expect({ id, fr: el.getAttribute("DefaultValue")?.trim() || null }).toEqual({
        id,
        fr: expect.any(String),
      });
      const en = children(el, NS.bt, "Override").filter((o) => o.getAttribute("Locale") === "en-US");
      expect({ id, en: en.map((o) => o.getAttribute("Value")?.trim() || null) }).toEqual({
        id,
        en: [expect.any(String)],
      });
    }
  });

  test("every URL is https on the origin of the pane (SourceLocation)", () => {
    expect(origin).toBe("https://localhost:3000");
    const named = [
      ...["IconUrl", "HighResolutionIconUrl", "SupportUrl"].map((n) => child(officeApp, NS.app, n)),
      sourceLocation,
      ...resourceMap("Urls").values(),
      ...resourceMap("Images").values(),
    ];
    for (const el of named) expect(el.getAttribute("DefaultValue")).toMatch(/^https:\/\//);
    // Every URL anywhere: attribute values (overrides included) and text, namespace declarations aside.
    const urls: string[] = [];
    for (const el of allElements()) {
      for (let i = 0; i < el.attributes.length; i++) {
        const attr = el.attributes.item(i);
        if (!attr || attr.name === "xmlns" || attr.prefix === "xmlns") continue;
        if (/^\s*[a-z][\w+.-]*:\/\//i.test(attr.value)) urls.push(attr.value);
      }
      for (const node of children(el).length === 0 ? [el] : []) {
        const text = node.textContent?.trim() ?? "";
        if (/^[a-z][\w+.-]*:\/\//i.test(text)) urls.push(text);
      }
    }
    expect(urls.length).toBeGreaterThanOrEqual(named.length);
    for (const url of urls) {
      const parsed = new URL(url);
      expect({ url, protocol: parsed.protocol, origin: parsed.origin }).toEqual({
        url,
        protocol: "https:",
        origin,
      });
    }
  });

  test("no AppDomains beyond the add-in's own origin", () => {
    const appDomains = children(officeApp, NS.app, "AppDomains");
    const domains = appDomains.flatMap((d) => children(d, NS.app, "AppDomain"));
    for (const d of domains) expect(new URL(d.textContent?.trim() ?? "").origin).toBe(origin);
  });

  test("asks for ReadWriteDocument and ExcelApi 1.7", () => {
    expect(child(officeApp, NS.app, "Permissions").textContent?.trim()).toBe("ReadWriteDocument");
    const sets = child(child(officeApp, NS.app, "Requirements"), NS.app, "Sets");
    const excelApi = children(sets, NS.app, "Set").filter((s) => s.getAttribute("Name") === "ExcelApi");
    expect(excelApi.map((s) => s.getAttribute("MinVersion"))).toEqual(["1.7"]);
  });

  test("every resid resolves to a resource of the right kind, and every resource is used", () => {
    const maps = {
      Images: resourceMap("Images"),
      Urls: resourceMap("Urls"),
      ShortStrings: resourceMap("ShortStrings"),
      LongStrings: resourceMap("LongStrings"),
    };
    const kindOf = (el: Element): keyof typeof maps => {
      if (el.namespaceURI === NS.bt && el.localName === "Image") return "Images";
      if (["SourceLocation", "LearnMoreUrl", "FunctionFile"].includes(el.localName ?? "")) return "Urls";
      if (el.localName === "Description") return "LongStrings";
      return "ShortStrings"; // Label, Title
    };
    const used = new Set<string>();
    const refs = allElements().filter((el) => el.hasAttribute("resid"));
    expect(refs.length).toBeGreaterThan(0);
    for (const el of refs) {
      const resid = el.getAttribute("resid") ?? "";
      const kind = kindOf(el);
      expect({ element: el.localName, resid, defined: maps[kind].has(resid) }).toEqual({
        element: el.localName,
        resid,
        defined: true,
      });
      used.add(`${kind}/${resid}`);
    }
    for (const [kind, map] of Object.entries(maps)) {
      for (const id of map.keys()) expect(used).toContain(`${kind}/${id}`);
    }
  });

  test("a Home-tab button opens the pane at the SourceLocation", () => {
    const tab = all(NS.ov, "OfficeTab");
    expect(tab.map((t) => t.getAttribute("id"))).toEqual(["TabHome"]);
    const buttons = all(NS.ov, "Control").filter((c) => xsiType(c) === "Button");
    expect(buttons).toHaveLength(1);
    const action = child(buttons[0] as Element, NS.ov, "Action");
    expect(xsiType(action)).toBe("ShowTaskpane");
    expect(child(action, NS.ov, "TaskpaneId").textContent?.trim()).toBe("ButtonId1");
    const resid = child(action, NS.ov, "SourceLocation").getAttribute("resid") ?? "";
    expect(resourceMap("Urls").get(resid)?.getAttribute("DefaultValue")).toBe(
      sourceLocation.getAttribute("DefaultValue"),
    );
    const group = child(tab[0] as Element, NS.ov, "Group");
    const label = child(group, NS.ov, "Label").getAttribute("resid") ?? "";
    expect(resourceMap("ShortStrings").get(label)?.getAttribute("DefaultValue")).toBe("CTG Planner");
  });

  test("every icon exists in assets/ at the size the manifest names", () => {
    const images = resourceMap("Images");
    const checked: string[] = [];
    const expectSize = (url: string, size: number): void => {
      const file = assetFile(url);
      expect(fs.existsSync(file)).toBe(true);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
      checked.push(url);
    };
    expectSize(child(officeApp, NS.app, "IconUrl").getAttribute("DefaultValue") ?? "", 32);
    expectSize(child(officeApp, NS.app, "HighResolutionIconUrl").getAttribute("DefaultValue") ?? "", 64);
    const sizes = new Set<number>();
    for (const ref of all(NS.bt, "Image").filter((el) => el.hasAttribute("resid"))) {
      const size = Number(ref.getAttribute("size"));
      sizes.add(size);
      expectSize(images.get(ref.getAttribute("resid") ?? "")?.getAttribute("DefaultValue") ?? "", size);
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 80]);
    // Image resources named icon-N.png: the N is the size, whatever references them.
    for (const el of images.values()) {
      const url = el.getAttribute("DefaultValue") ?? "";
      const n = /icon-(\d+)\.png$/.exec(url)?.[1];
      if (n) expectSize(url, Number(n));
    }
    expect(checked.length).toBeGreaterThan(2);
  });

  test("assets/ holds every icon size, each PNG the size its name says", () => {
    const files = fs.readdirSync(path.join(root, "assets")).filter((f) => /^icon-\d+\.png$/.test(f));
    const sizes = files.map((f) => Number(/\d+/.exec(f)?.[0])).sort((a, b) => a - b);
    expect(sizes).toEqual([16, 32, 64, 80, 128]);
    for (const f of files) {
      const n = Number(/\d+/.exec(f)?.[0]);
      expect({ f, ...pngSize(path.join(root, "assets", f)) }).toEqual({ f, width: n, height: n });
    }
  });
});
