/**
 * Appending the report's palette to a workbook's styles part (xl/styles.xml), leaving the existing
 * formats where they are (the user's cells point at them by index).
 */

import type { Document, Element } from "@xmldom/xmldom";
import type { CellStyle, StyleName } from "../../report";
import {
  canonicalXml,
  childElement,
  childElements,
  createElementLike,
  insertInOrder,
  NS_MAIN,
  parseXml,
  rootOf,
  XML_DECLARATION,
} from "./xml";

/** Order of the children of `<styleSheet>` in the schema. */
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;

/** A minimal valid styles part, for packages that have none. */
export const MINIMAL_STYLES_XML =
  XML_DECLARATION +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";

/** Built-in number formats the palette may use without declaring them. */
const BUILTIN_NUMFMTS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

/** A differential format for conditional formatting: font colour and fill. */
export interface DxfSpec {
  readonly font: string;
  readonly fill: string;
}

/** What appending the palette gives: the xf index of each style, the dxf index of each spec. */
export interface StylesApplied {
  readonly xf: ReadonlyMap<StyleName, number>;
  readonly dxf: readonly number[];
  /** The new styles part. */
  readonly xml: Document;
}

/**
 * `RRGGBB`, `#RRGGBB` or `AARRGGBB` as OOXML's ARGB.
 *
 * @param color - the colour
 * @returns `FFRRGGBB`
 * @throws Error when it is not a colour
 */
export function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return `FF${hex}`;
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  throw new Error(`not a colour: ${color}`);
}

class Collection {
  readonly container: Element;
  private readonly keys: string[];

  constructor(
    private readonly doc: Document,
    root: Element,
    name: (typeof STYLESHEET_ORDER)[number],
    private readonly itemName: string,
  ) {
    let container = childElement(root, name);
    if (!container) {
      container = createElementLike(doc, root, name);
      insertInOrder(root, container, STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(name) + 1));
    }
    this.container = container;
    this.keys = childElements(container, itemName).map(canonicalXml);
  }

  get size(): number {
    return this.keys.length;
  }

  /** Index of an identical item, appending this one when there is none. */
  intern(item: Element): number {
    const key = canonicalXml(item);
    const found = this.keys.indexOf(key);
    if (found >= 0) return found;
    this.container.appendChild(item);
    this.keys.push(key);
    this.container.setAttribute("count", String(this.keys.length));
    return this.keys.length - 1;
  }

  items(): Element[] {
    return childElements(this.container, this.itemName);
  }

  create(
    localName: string,
    attrs: Readonly<Record<string, string>> = {},
    children: readonly Element[] = [],
  ): Element {
    const el = createElementLike(this.doc, this.container, localName);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    for (const c of children) el.appendChild(c);
    return el;
  }
}

/** The collections of a styles part that the palette is appended to. */
interface StyleCollections {
  readonly numFmts: Collection;
  readonly fonts: Collection;
  readonly fills: Collection;
  readonly borders: Collection;
  readonly cellStyleXfs: Collection;
  readonly cellXfs: Collection;
  readonly dxfs: Collection;
}

/**
 * Appends the report's palette (and the differential formats of conditional formatting) to a styles
 * part. Identical fonts, fills, borders, formats and xfs already there (a previous run's) are reused,
 * so re-running does not grow the part.
 *
 * @param stylesXml - the current styles part (or MINIMAL_STYLES_XML)
 * @param palette - the report's styles
 * @param dxfs - differential formats to add
 * @returns the xf index of each style name, the dxf indexes and the updated DOM
 */
export function appendPalette(
  stylesXml: string,
  palette: Readonly<Record<StyleName, CellStyle>>,
  dxfs: readonly DxfSpec[],
): StylesApplied {
  const doc = parseXml(stylesXml, "styles.xml");
  const root = rootOf(doc);
  const c: StyleCollections = {
    numFmts: new Collection(doc, root, "numFmts", "numFmt"),
    fonts: new Collection(doc, root, "fonts", "font"),
    fills: new Collection(doc, root, "fills", "fill"),
    borders: new Collection(doc, root, "borders", "border"),
    cellStyleXfs: new Collection(doc, root, "cellStyleXfs", "xf"),
    cellXfs: new Collection(doc, root, "cellXfs", "xf"),
    dxfs: new Collection(doc, root, "dxfs", "dxf"),
  };
  addDefaults(c);
  const ids: StyleIds = { numFmtId: numFmtIds(c.numFmts), fontId: fontIds(c.fonts) };
  const xf = new Map<StyleName, number>();
  for (const [name, style] of Object.entries(palette) as [StyleName, CellStyle][])
    xf.set(name, c.cellXfs.intern(cellXf(c, style, ids)));
  const dxf = dxfs.map((spec) => c.dxfs.intern(dxfElement(c.dxfs, spec)));

  // Collections that ended up empty (numFmts, dxfs) are legal but pointless.
  for (const e of [c.numFmts, c.dxfs]) {
    if (e.size === 0) e.container.parentNode?.removeChild(e.container);
    else e.container.setAttribute("count", String(e.size));
  }
  for (const e of [c.fonts, c.fills, c.borders, c.cellStyleXfs, c.cellXfs])
    e.container.setAttribute("count", String(e.size));
  return { xf, dxf, xml: doc };
}

/** Mandatory defaults when the part lacks them. */
function addDefaults(c: StyleCollections): void {
  const { fonts, fills, borders, cellStyleXfs, cellXfs } = c;
  if (fonts.size === 0)
    fonts.intern(
      fonts.create("font", {}, [fonts.create("sz", { val: "11" }), fonts.create("name", { val: "Calibri" })]),
    );
  if (fills.size === 0) {
    fills.intern(fills.create("fill", {}, [fills.create("patternFill", { patternType: "none" })]));
    fills.intern(fills.create("fill", {}, [fills.create("patternFill", { patternType: "gray125" })]));
  }
  if (borders.size === 0) {
    borders.intern(
      borders.create(
        "border",
        {},
        BORDER_SIDES.map((s) => borders.create(s)),
      ),
    );
  }
  if (cellStyleXfs.size === 0) {
    cellStyleXfs.intern(
      cellStyleXfs.create("xf", { numFmtId: "0", fontId: "0", fillId: "0", borderId: "0" }),
    );
  }
  if (cellXfs.size === 0) {
    cellXfs.intern(
      cellXfs.create("xf", { numFmtId: "0", fontId: "0", fillId: "0", borderId: "0", xfId: "0" }),
    );
  }
}

/** The ids a style's xf takes, the number format and font being appended when new. */
interface StyleIds {
  readonly numFmtId: (code: string | undefined) => number;
  readonly fontId: (style: CellStyle) => number;
}

/** Number formats: built-in, existing custom ones with the same code, or new ids after the max. */
function numFmtIds(numFmts: Collection): (code: string | undefined) => number {
  const existingFmt = new Map<string, number>();
  let maxFmtId = 163;
  for (const nf of numFmts.items()) {
    const id = Number(nf.getAttribute("numFmtId"));
    const code = nf.getAttribute("formatCode");
    if (Number.isInteger(id)) maxFmtId = Math.max(maxFmtId, id);
    if (code !== null && !existingFmt.has(code)) existingFmt.set(code, id);
  }
  return (code) => {
    if (code === undefined) return 0;
    const builtin = BUILTIN_NUMFMTS[code];
    if (builtin !== undefined) return builtin;
    const existing = existingFmt.get(code);
    if (existing !== undefined) return existing;
    maxFmtId += 1;
    numFmts.intern(numFmts.create("numFmt", { numFmtId: String(maxFmtId), formatCode: code }));
    existingFmt.set(code, maxFmtId);
    return maxFmtId;
  };
}

/** Fonts: the default font gives the family, name and theme colour of the palette's fonts. */
function fontIds(fonts: Collection): (style: CellStyle) => number {
  const baseFont = fonts.items()[0];
  const baseAttr = (name: string): string | null =>
    baseFont ? (childElement(baseFont, name)?.getAttribute("val") ?? null) : null;
  const baseColor = baseFont ? childElement(baseFont, "color") : undefined;
  return (style) => {
    const children: Element[] = [];
    if (style.bold) children.push(fonts.create("b"));
    if (style.italic) children.push(fonts.create("i"));
    children.push(fonts.create("sz", { val: String(style.size ?? Number(baseAttr("sz") ?? "11")) }));
    if (style.color !== undefined) children.push(fonts.create("color", { rgb: argb(style.color) }));
    else if (baseColor) children.push(baseColor.cloneNode(true) as Element);
    children.push(fonts.create("name", { val: baseAttr("name") ?? "Calibri" }));
    const family = baseAttr("family");
    if (family !== null) children.push(fonts.create("family", { val: family }));
    const scheme = baseAttr("scheme");
    if (scheme !== null) children.push(fonts.create("scheme", { val: scheme }));
    return fonts.intern(fonts.create("font", {}, children));
  };
}

function fillId(fills: Collection, style: CellStyle): number {
  if (style.fill === undefined) return 0;
  const pattern = fills.create("patternFill", { patternType: "solid" }, [
    fills.create("fgColor", { rgb: argb(style.fill) }),
    fills.create("bgColor", { indexed: "64" }),
  ]);
  return fills.intern(fills.create("fill", {}, [pattern]));
}

/** The sides of a `<border>`, in the schema's order. */
const BORDER_SIDES = ["left", "right", "top", "bottom", "diagonal"] as const;

/** The line each kind of border draws on each side (none on the sides it does not name). */
const BORDER_LINES: Readonly<
  Record<NonNullable<CellStyle["border"]>, Partial<Record<(typeof BORDER_SIDES)[number], "thin" | "double">>>
> = {
  box: { left: "thin", right: "thin", top: "thin", bottom: "thin" },
  bottom: { bottom: "thin" },
  top: { top: "thin" },
  "double-top": { top: "double" },
};

function borderId(borders: Collection, style: CellStyle): number {
  if (style.border === undefined) return 0;
  const lines = BORDER_LINES[style.border];
  const sides = BORDER_SIDES.map((side) => {
    const line = lines[side];
    if (line === undefined) return borders.create(side);
    return borders.create(side, { style: line }, [borders.create("color", { auto: "1" })]);
  });
  return borders.intern(borders.create("border", {}, sides));
}

/** A style's cell format (`<xf>`), its number format, font, fill and border appended when new. */
function cellXf(c: StyleCollections, style: CellStyle, ids: StyleIds): Element {
  const attrs: Record<string, string> = {
    numFmtId: String(ids.numFmtId(style.numFmt)),
    fontId: String(ids.fontId(style)),
    fillId: String(fillId(c.fills, style)),
    borderId: String(borderId(c.borders, style)),
    xfId: "0",
  };
  const children: Element[] = [];
  if (attrs.numFmtId !== "0") attrs.applyNumberFormat = "1";
  attrs.applyFont = "1";
  if (attrs.fillId !== "0") attrs.applyFill = "1";
  if (attrs.borderId !== "0") attrs.applyBorder = "1";
  const align: Record<string, string> = {};
  if (style.hAlign !== undefined) align.horizontal = style.hAlign;
  if (style.vAlign !== undefined) align.vertical = style.vAlign;
  if (style.wrap) align.wrapText = "1";
  if (style.indent !== undefined && style.indent > 0) align.indent = String(Math.round(style.indent));
  if (Object.keys(align).length > 0) {
    attrs.applyAlignment = "1";
    children.push(c.cellXfs.create("alignment", align));
  }
  if (style.unlocked) {
    attrs.applyProtection = "1";
    children.push(c.cellXfs.create("protection", { locked: "0" }));
  }
  return c.cellXfs.create("xf", attrs, children);
}

/** A differential format: font colour and solid fill. */
function dxfElement(dxfs: Collection, spec: DxfSpec): Element {
  return dxfs.create("dxf", {}, [
    dxfs.create("font", {}, [dxfs.create("color", { rgb: argb(spec.font) })]),
    dxfs.create("fill", {}, [
      dxfs.create("patternFill", {}, [dxfs.create("bgColor", { rgb: argb(spec.fill) })]),
    ]),
  ]);
}
