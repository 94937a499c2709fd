/**
 * The .xlsx file as the OOXML package it is: a zip of parts linked by relationships. Opening keeps
 * every part's uncompressed bytes as they are, so that saving leaves the parts nobody touched
 * byte-identical.
 *
 * Runs in Node and in the browser: Uint8Array only.
 */

import { unzipSync, zipSync, type Zippable } from "fflate";
import type { Element } from "@xmldom/xmldom";
import {
  childElements,
  decodeText,
  encodeText,
  NS_PKG_REL,
  parseXml,
  rootOf,
  XmlParseError,
  XML_DECLARATION,
  escapeXml,
} from "./xml";

import { WorkbookFileError } from "../../errors";

export { WorkbookFileError };
export type { WorkbookFileErrorReason } from "../../errors";

/**
 * An opened package. `parts` is mutable: the writer replaces, adds and deletes parts; entries keep the
 * zip's order, new ones are appended.
 */
export interface XlsxPackage {
  /** Parts by name without leading slash (`xl/workbook.xml`), in the zip's order. */
  readonly parts: Map<string, Uint8Array>;
  /** Part name of the workbook, found through the officeDocument relationship of `_rels/.rels`. */
  readonly workbookPath: string;
}

/** One relationship of a `.rels` part. */
export interface Relationship {
  readonly id: string;
  /** Full relationship type URI. */
  readonly type: string;
  /** Target as written. */
  readonly target: string;
  /** Whether TargetMode="External" (a URL or a file outside the package). */
  readonly external: boolean;
  /** Part name the target resolves to (no leading slash); null for external targets. */
  readonly path: string | null;
}

/** Content type of the package relationship parts. */
export const CT_RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml";
/** Name of the content types part. */
export const CONTENT_TYPES_PART = "[Content_Types].xml";

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** Whether the bytes hold this ASCII name in UTF-16LE (an OLE directory entry name). */
function containsUtf16Name(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  const limit = bytes.length - name.length * 2;
  outer: for (let i = 0; i <= limit; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * The last segment of a relationship type URI (`officeDocument`, `worksheet`, `table`), so that the
 * transitional and strict vocabularies compare alike.
 *
 * @param type - the relationship type URI
 * @returns its last path segment
 */
export function relationshipKind(type: string): string {
  const slash = type.lastIndexOf("/");
  return slash < 0 ? type : type.slice(slash + 1);
}

/**
 * Name of the relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the
 * package's own relationships (source "") are `_rels/.rels`.
 *
 * @param partName - part name without leading slash, or "" for the package
 * @returns the `.rels` part name
 */
export function relsPathOf(partName: string): string {
  const slash = partName.lastIndexOf("/");
  const dir = slash < 0 ? "" : partName.slice(0, slash + 1);
  const base = slash < 0 ? partName : partName.slice(slash + 1);
  return `${dir}_rels/${base}.rels`;
}

function folderOf(partName: string): string {
  const slash = partName.lastIndexOf("/");
  return slash < 0 ? "" : partName.slice(0, slash);
}

function normalizeSegments(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

/**
 * Resolves a relationship target to a part name: relative to the source part's folder, or from the
 * package root when it starts with `/`. Query and fragment are dropped.
 *
 * @param sourcePart - the part the relationship belongs to ("" for the package)
 * @param target - the Target attribute
 * @returns the part name, without leading slash
 */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = target.replace(/[?#].*$/, "").replace(/\\/g, "/");
  if (clean.startsWith("/")) return normalizeSegments(clean);
  const base = folderOf(sourcePart);
  return normalizeSegments(base === "" ? clean : `${base}/${clean}`);
}

/**
 * The relative target that points from a source part to a part (`xl/worksheets/sheet1.xml` →
 * `xl/tables/table1.xml` gives `../tables/table1.xml`).
 *
 * @param sourcePart - the part the relationship will belong to
 * @param targetPart - the part to point at
 * @returns the relative target
 */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = folderOf(sourcePart)
    .split("/")
    .filter((s) => s !== "");
  const to = targetPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/**
 * The actual name of a part: exact, else case-insensitive (OPC part names are case-insensitive),
 * else percent-decoded.
 *
 * @param pkg - the package
 * @param name - a part name without leading slash
 * @returns the name under which the part is stored, or undefined when there is none
 */
export function findPartName(pkg: Pick<XlsxPackage, "parts">, name: string): string | undefined {
  if (pkg.parts.has(name)) return name;
  const candidates = [name.toLowerCase()];
  try {
    const decoded = decodeURIComponent(name);
    if (decoded !== name) candidates.push(decoded.toLowerCase());
  } catch {
    // not percent-encoded
  }
  for (const key of pkg.parts.keys()) {
    if (candidates.includes(key.toLowerCase())) return key;
  }
  return undefined;
}

/**
 * Bytes of a part.
 *
 * @param pkg - the package
 * @param name - part name without leading slash (case-insensitive)
 * @returns the bytes, or undefined when the part does not exist
 */
export function getPart(pkg: Pick<XlsxPackage, "parts">, name: string): Uint8Array | undefined {
  const actual = findPartName(pkg, name);
  return actual === undefined ? undefined : pkg.parts.get(actual);
}

/**
 * Text of a part.
 *
 * @param pkg - the package
 * @param name - part name without leading slash (case-insensitive)
 * @returns the text, or undefined when the part does not exist
 */
export function getPartText(pkg: Pick<XlsxPackage, "parts">, name: string): string | undefined {
  const bytes = getPart(pkg, name);
  return bytes === undefined ? undefined : decodeText(bytes);
}

/**
 * Writes a part (replacing it in place, or appending it).
 *
 * @param pkg - the package
 * @param name - part name without leading slash
 * @param content - text (written as UTF-8) or bytes
 */
export function setPart(pkg: XlsxPackage, name: string, content: string | Uint8Array): void {
  const actual = findPartName(pkg, name) ?? name;
  pkg.parts.set(actual, typeof content === "string" ? encodeText(content) : content);
}

/**
 * Deletes a part if present.
 *
 * @param pkg - the package
 * @param name - part name without leading slash (case-insensitive)
 * @returns whether a part was deleted
 */
export function deletePart(pkg: XlsxPackage, name: string): boolean {
  const actual = findPartName(pkg, name);
  return actual !== undefined && pkg.parts.delete(actual);
}

function relationshipsOf(root: Element, sourcePart: string): Relationship[] {
  return childElements(root, "Relationship").map((rel) => {
    const target = rel.getAttribute("Target") ?? "";
    const external = (rel.getAttribute("TargetMode") ?? "").toLowerCase() === "external";
    return {
      id: rel.getAttribute("Id") ?? "",
      type: rel.getAttribute("Type") ?? "",
      target,
      external,
      path: external ? null : resolveTarget(sourcePart, target),
    };
  });
}

/**
 * The relationships of a part (empty when it has no `.rels` part).
 *
 * @param pkg - the package
 * @param sourcePart - part name, or "" for the package's own relationships
 * @returns its relationships, in document order
 * @throws WorkbookFileError (corrupt) when the `.rels` part is not well-formed
 */
export function readRelationships(pkg: Pick<XlsxPackage, "parts">, sourcePart: string): Relationship[] {
  const relsPath = relsPathOf(sourcePart);
  const text = getPartText(pkg, relsPath);
  if (text === undefined) return [];
  try {
    return relationshipsOf(rootOf(parseXml(text, relsPath)), sourcePart);
  } catch (err) {
    if (err instanceof XmlParseError) throw new WorkbookFileError("corrupt", err.message);
    throw err;
  }
}

/**
 * Text of a `.rels` part holding these relationships.
 *
 * @param rels - id, type, target and whether external
 * @returns the part's XML
 */
export function relationshipsXml(
  rels: readonly Pick<Relationship, "id" | "type" | "target" | "external">[],
): string {
  const items = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"` +
        `${r.external ? ' TargetMode="External"' : ""}/>`,
    )
    .join("");
  return `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}">${items}</Relationships>`;
}

/**
 * Opens an .xlsx file.
 *
 * @param bytes - the file's bytes
 * @returns the package, every part's uncompressed bytes kept as they are
 * @throws WorkbookFileError: `encrypted` for a password-protected workbook (an OLE compound file
 *   holding an EncryptedPackage), `not-a-zip` for anything else that is not a zip (legacy .xls
 *   included), `not-a-workbook` for a zip that is not an .xlsx workbook, `corrupt` for a damaged zip
 *   or package
 */
export function openPackage(bytes: Uint8Array): XlsxPackage {
  if (startsWith(bytes, OLE_SIGNATURE)) {
    if (containsUtf16Name(bytes, "EncryptedPackage") || containsUtf16Name(bytes, "EncryptionInfo")) {
      throw new WorkbookFileError(
        "encrypted",
        "the workbook is protected by a password (encrypted OLE package)",
      );
    }
    throw new WorkbookFileError("not-a-zip", "an OLE compound file (legacy .xls?), not an .xlsx package");
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    throw new WorkbookFileError("not-a-zip", "the file is not a zip archive");
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (err) {
    throw new WorkbookFileError(
      "corrupt",
      `damaged zip archive: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const parts = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) parts.set(name.replace(/^\/+/, ""), data);

  const probe = { parts };
  if (getPart(probe, "_rels/.rels") === undefined) {
    throw new WorkbookFileError("not-a-workbook", "no _rels/.rels: not an OOXML package");
  }
  const officeDocument = readRelationships(probe, "").find(
    (r) => relationshipKind(r.type) === "officeDocument" && r.path !== null,
  );
  if (!officeDocument || officeDocument.path === null) {
    throw new WorkbookFileError("not-a-workbook", "no officeDocument relationship in _rels/.rels");
  }
  const workbookPath = findPartName(probe, officeDocument.path);
  if (workbookPath === undefined) {
    throw new WorkbookFileError("not-a-workbook", `the office document ${officeDocument.path} is missing`);
  }
  const text = getPartText(probe, workbookPath) ?? "";
  try {
    const root = rootOf(parseXml(text, workbookPath));
    if (root.localName !== "workbook") {
      throw new WorkbookFileError(
        "not-a-workbook",
        `the office document is a <${root.localName ?? ""}>, not a workbook`,
      );
    }
  } catch (err) {
    if (err instanceof XmlParseError) throw new WorkbookFileError("corrupt", err.message);
    throw err;
  }
  return { parts, workbookPath };
}

const STORED_EXTENSIONS = /\.(png|jpe?g|gif|emf|wmf|tiff?|bin|zip|xlsx|docx|pptx|mp4|mp3)$/i;

/**
 * Zips a package: `[Content_Types].xml` first, then the parts in their order (new ones were appended).
 *
 * @param pkg - the package
 * @returns the .xlsx file's bytes
 */
export function savePackage(pkg: Pick<XlsxPackage, "parts">): Uint8Array {
  const zippable: Zippable = {};
  const contentTypes = findPartName(pkg, CONTENT_TYPES_PART);
  const names = [...pkg.parts.keys()];
  const ordered =
    contentTypes === undefined ? names : [contentTypes, ...names.filter((n) => n !== contentTypes)];
  for (const name of ordered) {
    const data = pkg.parts.get(name);
    if (data === undefined) continue;
    zippable[name] = [data, { level: STORED_EXTENSIONS.test(name) ? 0 : 6 }];
  }
  return zipSync(zippable);
}
