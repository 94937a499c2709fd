// Checks on whole packages shared by the writer's tests.

import { strFromU8, unzipSync } from "fflate";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

export type Parts = Map<string, Uint8Array>;

export function unzip(bytes: Uint8Array): Parts {
  return new Map(Object.entries(unzipSync(bytes)));
}

export function text(parts: Parts, name: string): string {
  const bytes = parts.get(name);
  if (bytes === undefined) throw new Error(`no part ${name}`);
  return strFromU8(bytes);
}

/** Parses XML, failing on any error or warning. */
export function strictXml(xml: string, part: string): Document {
  const doc = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${part}: ${level}: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
  if (!doc.documentElement) throw new Error(`${part}: no root element`);
  return doc;
}

/** Every .xml/.rels/.vml part parses. */
export function assertAllXmlWellFormed(parts: Parts): void {
  for (const [name, bytes] of parts) {
    if (/\.(xml|rels|vml)$/i.test(name)) strictXml(strFromU8(bytes), name);
  }
}

export function elements(node: Document | Element, localName: string): Element[] {
  return Array.from(node.getElementsByTagNameNS("*", localName));
}

export function childNames(el: Element): string[] {
  const out: string[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling)
    if (c.nodeType === 1) out.push((c as Element).localName ?? "");
  return out;
}

export function rootElement(doc: Document): Element {
  if (!doc.documentElement) throw new Error("no root");
  return doc.documentElement;
}

function resolve(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = source.includes("/") ? source.slice(0, source.lastIndexOf("/")).split("/") : [];
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? `_rels/${part}.rels` : `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * Parts reachable through relationships from the package root; throws on a relationship whose target
 * part is missing.
 */
export function reachable(parts: Parts): Set<string> {
  const seen = new Set<string>();
  const queue = [""];
  while (queue.length > 0) {
    const source = queue.pop() ?? "";
    const rels = parts.get(source === "" ? "_rels/.rels" : relsPath(source));
    if (rels === undefined) continue;
    for (const rel of elements(strictXml(strFromU8(rels), source), "Relationship")) {
      if (rel.getAttribute("TargetMode") === "External") continue;
      const target = resolve(source, rel.getAttribute("Target") ?? "");
      if (!parts.has(target))
        throw new Error(
          `${source || "package"}: relationship ${rel.getAttribute("Id")} to missing ${target}`,
        );
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

/** Parts that nothing reaches (rels parts and [Content_Types].xml excepted). */
export function orphans(parts: Parts): string[] {
  const seen = reachable(parts);
  return [...parts.keys()].filter(
    (p) => p !== "[Content_Types].xml" && !/(^|\/)_rels\/[^/]*\.rels$/.test(p) && !seen.has(p),
  );
}

/** Overrides of [Content_Types].xml whose part is missing, and parts with no content type. */
export function contentTypeProblems(parts: Parts): string[] {
  const doc = strictXml(text(parts, "[Content_Types].xml"), "[Content_Types].xml");
  const overrides = new Set(
    elements(doc, "Override").map((o) => (o.getAttribute("PartName") ?? "").slice(1)),
  );
  const defaults = new Set(
    elements(doc, "Default").map((d) => (d.getAttribute("Extension") ?? "").toLowerCase()),
  );
  const problems: string[] = [];
  for (const o of overrides) if (!parts.has(o)) problems.push(`override of missing ${o}`);
  for (const p of parts.keys()) {
    if (p === "[Content_Types].xml" || p.endsWith("/")) continue;
    const ext = p.slice(p.lastIndexOf(".") + 1).toLowerCase();
    if (!overrides.has(p) && !defaults.has(ext)) problems.push(`no content type for ${p}`);
  }
  return problems;
}

export function bytesEqual(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
