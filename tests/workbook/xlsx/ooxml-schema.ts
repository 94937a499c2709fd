// Validation of .xlsx parts against the ECMA-376 Transitional schemas with xmllint.
//
// The schemas are not in the repository (a user's clone has none): their folder is passed in through
// CTG_OOXML_SCHEMA_DIR, which .ci/run sets to the shared material's ooxml-schema folder beside the clone. That folder's README says which
// schema validates which part, and the two gaps between the schemas and what Excel writes that this
// module bridges before validating: `xml:space`/`xml:lang` attributes are dropped, and Markup
// Compatibility (mc:Ignorable, mc:AlternateContent) is processed as a Transitional-only reader does.

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8 } from "fflate";
import { DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";

export const SCHEMA_DIR_VARIABLE = "CTG_OOXML_SCHEMA_DIR";
export const XMLLINT_INSTALL_COMMAND = "apt-get update && apt-get install -y libxml2-utils";

const NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const NS_XML = "http://www.w3.org/XML/1998/namespace";

/** Schema (relative to the schema folder) by the namespace of a part's root element. */
const SCHEMA_BY_ROOT_NS: Readonly<Record<string, string>> = {
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "transitional/sml.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/chart": "transitional/dml-chart.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing":
    "transitional/dml-spreadsheetDrawing.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/main": "transitional/dml-main.xsd",
  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties":
    "transitional/shared-documentPropertiesExtended.xsd",
  "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "local/opc-coreProperties.xsd",
  "http://schemas.openxmlformats.org/package/2006/relationships": "local/opc-relationships.xsd",
  "http://schemas.openxmlformats.org/package/2006/content-types": "local/opc-contentTypes.xsd",
};

/** Namespaces a Transitional-only reader understands (an mc:Choice requiring others is skipped). */
const UNDERSTOOD = new Set([...Object.keys(SCHEMA_BY_ROOT_NS), NS_XML]);

/**
 * The schema folder given in CTG_OOXML_SCHEMA_DIR; throws, saying how to set it, when it is unset or
 * does not hold the schemas.
 */
export function schemaDir(): string {
  const dir = process.env[SCHEMA_DIR_VARIABLE];
  const how =
    `Set ${SCHEMA_DIR_VARIABLE} to the folder of the ECMA-376 Transitional schemas (the one whose README ` +
    `maps parts to transitional/sml.xsd, local/opc-relationships.xsd, ...): .ci/run sets it to the ` +
    `ooxml-schema folder of the shared material beside the clone when it exists, e.g. ` +
    `${SCHEMA_DIR_VARIABLE}=/path/to/ooxml-schema npx jest tests/workbook/xlsx/ooxml-schema.test.ts`;
  if (dir === undefined || dir === "") throw new Error(`${SCHEMA_DIR_VARIABLE} is not set. ${how}`);
  const resolved = path.resolve(dir);
  for (const xsd of new Set(Object.values(SCHEMA_BY_ROOT_NS))) {
    if (!fs.existsSync(path.join(resolved, xsd))) {
      throw new Error(`${SCHEMA_DIR_VARIABLE}=${dir}: no ${xsd} in ${resolved}. ${how}`);
    }
  }
  return resolved;
}

/** Path of xmllint; throws with the install command when it is missing. */
export function findXmllint(): string {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter((d) => d !== "");
  for (const dir of dirs) {
    const candidate = path.join(dir, "xmllint");
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new Error(
    `xmllint (libxml2) is required to validate .xlsx parts against the OOXML schemas, but it is not on PATH. ` +
      `Install it with: ${XMLLINT_INSTALL_COMMAND}`,
  );
}

function parse(xml: string, part: string): Document {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`${part}: not well-formed: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
  if (!doc.documentElement) throw new Error(`${part}: no root element`);
  return doc;
}

function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

/** Namespace URIs of the prefixes listed in an mc:Ignorable (or mc:Requires) attribute. */
function namespacesOf(el: Element, prefixes: string): string[] {
  return prefixes
    .split(/\s+/)
    .filter((p) => p !== "")
    .map((p) => el.lookupNamespaceURI(p) ?? `unbound:${p}`);
}

/**
 * Markup Compatibility as a Transitional-only consumer applies it (ECMA-376 Part 3): elements and
 * attributes of ignorable namespaces are dropped, an mc:AlternateContent is replaced by its first
 * mc:Choice whose required namespaces are all understood, else by its mc:Fallback, else by nothing;
 * mc attributes go.
 */
function applyMarkupCompatibility(el: Element, ignorable: ReadonlySet<string>): void {
  const mcIgnorable = el.getAttributeNS(NS_MC, "Ignorable");
  const ignored = new Set(ignorable);
  if (mcIgnorable) for (const ns of namespacesOf(el, mcIgnorable)) ignored.add(ns);
  for (let i = el.attributes.length - 1; i >= 0; i--) {
    const a = el.attributes.item(i);
    if (!a) continue;
    if (a.namespaceURI === NS_MC || (a.namespaceURI !== null && ignored.has(a.namespaceURI)))
      el.removeAttributeNode(a);
  }
  // extLst content is open (xsd:any): it validates whatever it holds, and its ext elements must keep
  // their one child, which is usually in an ignorable namespace.
  if (el.localName === "ext") return;
  for (const child of elementChildren(el)) {
    if (child.namespaceURI === NS_MC && child.localName === "AlternateContent") {
      const branches = elementChildren(child);
      const chosen =
        branches.find(
          (b) =>
            b.localName === "Choice" &&
            namespacesOf(b, b.getAttribute("Requires") ?? "").every((ns) => UNDERSTOOD.has(ns)),
        ) ?? branches.find((b) => b.localName === "Fallback");
      for (const inner of chosen ? elementChildren(chosen) : []) {
        el.insertBefore(inner, child);
        applyMarkupCompatibility(inner, ignored);
      }
      el.removeChild(child);
    } else if (child.namespaceURI !== null && ignored.has(child.namespaceURI)) {
      el.removeChild(child);
    } else {
      applyMarkupCompatibility(child, ignored);
    }
  }
}

function dropXmlAttributes(el: Element): void {
  for (let i = el.attributes.length - 1; i >= 0; i--) {
    const a = el.attributes.item(i);
    if (a && a.namespaceURI === NS_XML && (a.localName === "space" || a.localName === "lang"))
      el.removeAttributeNode(a);
  }
  for (const child of elementChildren(el)) dropXmlAttributes(child);
}

/** The outcome of validating one part. */
export interface PartValidation {
  readonly part: string;
  /** Schema path relative to the schema folder; null for a part checked only for well-formedness. */
  readonly schema: string | null;
  /** xmllint's messages (empty when the part is valid). */
  readonly errors: readonly string[];
}

/** Whether a part is XML the schemas speak about (VML is only well-formed by design). */
export function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/**
 * Validates parts of a package against the Transitional schemas.
 *
 * @param parts - part name → bytes
 * @param names - the parts to validate (each must be in `parts`)
 * @returns one outcome per part, in the order of `names`; a part whose root namespace has no schema
 *   gets an error saying so (never a silent pass)
 */
export function validateParts(
  parts: ReadonlyMap<string, Uint8Array>,
  names: readonly string[],
): PartValidation[] {
  const dir = schemaDir();
  const xmllint = findXmllint();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-ooxml-"));
  try {
    const results = new Map<string, { schema: string | null; errors: string[] }>();
    const bySchema = new Map<string, { part: string; file: string }[]>();
    names.forEach((part, i) => {
      const bytes = parts.get(part);
      if (bytes === undefined) throw new Error(`validateParts: no part ${part}`);
      let doc: Document;
      try {
        doc = parse(strFromU8(bytes), part);
      } catch (err) {
        results.set(part, { schema: null, errors: [err instanceof Error ? err.message : String(err)] });
        return;
      }
      if (/\.vml$/i.test(part)) {
        results.set(part, { schema: null, errors: [] });
        return;
      }
      const root = doc.documentElement as Element;
      const schema = SCHEMA_BY_ROOT_NS[root.namespaceURI ?? ""];
      if (schema === undefined) {
        results.set(part, {
          schema: null,
          errors: [
            `no schema for the root <${root.localName}> in namespace ${root.namespaceURI ?? "(none)"}`,
          ],
        });
        return;
      }
      applyMarkupCompatibility(root, new Set());
      dropXmlAttributes(root);
      const file = path.join(work, `${i}-${part.replace(/[^A-Za-z0-9.]+/g, "_")}`);
      fs.writeFileSync(file, new XMLSerializer().serializeToString(doc), "utf8");
      results.set(part, { schema, errors: [] });
      const group = bySchema.get(schema) ?? [];
      group.push({ part, file });
      bySchema.set(schema, group);
    });
    for (const [schema, group] of bySchema) {
      const run = spawnSync(
        xmllint,
        ["--noout", "--nonet", "--schema", path.join(dir, schema), ...group.map((g) => g.file)],
        { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      );
      if (run.error) throw run.error;
      const out = `${run.stderr}\n${run.stdout}`;
      if (/failed to compile|WXS schema .* failed/i.test(out)) {
        throw new Error(`xmllint could not load the schema ${schema}:\n${out}`);
      }
      for (const g of group) {
        const lines = out.split("\n").filter((l) => l.startsWith(`${g.file}:`));
        const validates = out.split("\n").some((l) => l.trim() === `${g.file} validates`);
        const errors = lines.map((l) => l.replace(g.file, g.part));
        if (!validates && errors.length === 0)
          errors.push(`xmllint did not say ${g.part} validates:\n${out}`);
        const entry = results.get(g.part);
        if (entry) entry.errors.push(...errors);
      }
    }
    return names.map((part) => {
      const r = results.get(part);
      return { part, schema: r?.schema ?? null, errors: r?.errors ?? [`${part} was not validated`] };
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The parts of `after` that the writer produced or changed: new ones, and those whose bytes differ
 * from `before` (XML parts only).
 */
export function writtenParts(
  before: ReadonlyMap<string, Uint8Array>,
  after: ReadonlyMap<string, Uint8Array>,
): string[] {
  const same = (a: Uint8Array, b: Uint8Array | undefined): boolean =>
    b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
  return [...after.keys()].filter(
    (name) => isXmlPart(name) && !same(after.get(name) as Uint8Array, before.get(name)),
  );
}
