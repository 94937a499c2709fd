/**
 * Small XML helpers shared by the package reader and writer: text codecs, entity decoding, OOXML
 * `_xHHHH_` escapes, and a thin layer over @xmldom/xmldom for the small workbook-level parts.
 *
 * Runs in Node and in the browser: only TextEncoder/TextDecoder, no Buffer.
 */

import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";
import { XmlParseError } from "../../errors";

/** SpreadsheetML main namespace (transitional). */
export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** Office document relationships namespace (transitional), used by `r:id` attributes. */
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** Package relationships namespace (`.rels` parts). */
export const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
/** Content types namespace (`[Content_Types].xml`). */
export const NS_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
/** The XML declaration every part the writer produces starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const utf8Decoder = new TextDecoder("utf-8");
const utf8Encoder = new TextEncoder();

/**
 * Text of an XML part's bytes: UTF-8 (BOM dropped), or UTF-16 when the part starts with a UTF-16 BOM.
 *
 * @param bytes - the part's bytes
 * @returns the text
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes);
  return utf8Decoder.decode(bytes);
}

/**
 * UTF-8 bytes of a text.
 *
 * @param text - the text
 * @returns its UTF-8 encoding
 */
export function encodeText(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Decodes the XML entities of element text or an attribute value: the five named ones and numeric
 * references (`&#10;`, `&#x1F600;`). Unknown entities are left as they are.
 *
 * @param text - raw text between tags (or inside quotes)
 * @returns the decoded text
 */
export function decodeEntities(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);/g, (whole, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const code =
        body.charCodeAt(1) === 120 /* x */ ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/**
 * Decodes OOXML's `_xHHHH_` escapes (`_x000D_` is a carriage return, `_x005F_` a literal underscore
 * that protects the escape after it).
 *
 * @param text - text as stored in a shared string, inline string or table column name
 * @returns the text the user typed
 */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Escapes text for element content or a double-quoted attribute value: `& < > "`, and characters XML
 * cannot hold at all (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
 *
 * @param text - any text
 * @returns XML-safe text
 */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * Replaces characters that XML 1.0 cannot hold (C0 controls but tab, LF and CR; lone surrogates;
 * U+FFFE and U+FFFF) with U+FFFD.
 *
 * @param text - any text
 * @returns the text without characters invalid in XML
 */
export function stripInvalidXmlChars(text: string): string {
  // No lookbehind: older Safari (Excel for Mac's web view) cannot parse it.
  return text.replace(
    /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
    (m) => (m.length === 2 ? m : "\uFFFD"),
  );
}

/**
 * Escapes cell text the OOXML way, then for XML: control characters (and CR, which XML parsers turn
 * into LF) become `_x00HH_`, and a literal `_xHHHH_` in the text is protected as `_x005F_xHHHH_`.
 * Lone surrogates and U+FFFE/U+FFFF become U+FFFD.
 *
 * @param text - cell text, as the user should see it
 * @returns text ready for `<t>` or a table column name attribute
 */
export function escapeCellText(text: string): string {
  const ooxml = text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
  return escapeXml(ooxml);
}

/** Thrown by parseXml when a part is not well-formed XML (defined with the product's other errors). */
export { XmlParseError };

/**
 * Parses a (small) XML part into a DOM, failing on any error.
 *
 * @param xml - the part's text
 * @param part - the part name, for messages
 * @returns the document
 * @throws XmlParseError when the text is not well-formed or has no root element
 */
export function parseXml(xml: string, part: string): Document {
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new XmlParseError(part, message);
      },
    }).parseFromString(xml, "text/xml");
  } catch (err) {
    if (err instanceof XmlParseError) throw err;
    throw new XmlParseError(part, err instanceof Error ? err.message : String(err));
  }
  if (!doc.documentElement) throw new XmlParseError(part, "no root element");
  return doc;
}

/**
 * Serializes a document parsed by parseXml back to text, with an XML declaration.
 *
 * @param doc - the document
 * @returns the part's text
 */
export function serializeXml(doc: Document): string {
  const text = new XMLSerializer().serializeToString(doc);
  return text.startsWith("<?xml") ? text : XML_DECLARATION + text;
}

/**
 * The root element of a document.
 *
 * @param doc - a document from parseXml
 * @returns its root element
 */
export function rootOf(doc: Document): Element {
  const root = doc.documentElement;
  if (!root) throw new XmlParseError("document", "no root element");
  return root;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

/**
 * Child elements of a node, optionally only those with this local name (any namespace prefix).
 *
 * @param parent - the parent element
 * @param localName - the wanted local name, or undefined for all
 * @returns the child elements, in document order
 */
export function childElements(parent: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (let c = parent.firstChild; c; c = c.nextSibling) {
    if (isElement(c) && (localName === undefined || c.localName === localName)) out.push(c);
  }
  return out;
}

/**
 * First child element with this local name.
 *
 * @param parent - the parent element
 * @param localName - the wanted local name
 * @returns the element, or undefined
 */
export function childElement(parent: Element, localName: string): Element | undefined {
  for (let c = parent.firstChild; c; c = c.nextSibling) {
    if (isElement(c) && c.localName === localName) return c;
  }
  return undefined;
}

/**
 * Creates an element in the same namespace and with the same prefix as `like` (the root of the part,
 * usually), so that the part keeps one vocabulary whatever prefix its writer chose.
 *
 * @param doc - the document
 * @param like - an element whose namespace and prefix to reuse
 * @param localName - local name of the new element
 * @returns the new, detached element
 */
export function createElementLike(doc: Document, like: Element, localName: string): Element {
  const qualified = like.prefix ? `${like.prefix}:${localName}` : localName;
  return doc.createElementNS(like.namespaceURI, qualified);
}

/**
 * Inserts `child` into `parent` before the first existing child element whose local name is in
 * `before` (the elements the schema puts after it), or at the end.
 *
 * @param parent - the parent element
 * @param child - the element to insert
 * @param before - local names of the elements that must follow `child`
 */
export function insertInOrder(parent: Element, child: Element, before: readonly string[]): void {
  const next = childElements(parent).find((c) => before.includes(c.localName ?? ""));
  if (next) parent.insertBefore(child, next);
  else parent.appendChild(child);
}

/**
 * A canonical text of an element (local name, sorted attributes, children), to compare elements
 * regardless of prefixes, attribute order and namespace declarations.
 *
 * @param el - the element
 * @returns its canonical text
 */
export function canonicalXml(el: Element): string {
  const attrs: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (!a || a.name === "xmlns" || a.name.startsWith("xmlns:")) continue;
    attrs.push(`${a.localName ?? a.name}=${JSON.stringify(a.value)}`);
  }
  attrs.sort();
  const children: string[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (isElement(c)) children.push(canonicalXml(c));
    else if (c.nodeType === 3 && (c.nodeValue ?? "").trim() !== "")
      children.push(JSON.stringify(c.nodeValue));
  }
  return `<${el.localName ?? ""} ${attrs.join(" ")}>${children.join("")}</>`;
}
