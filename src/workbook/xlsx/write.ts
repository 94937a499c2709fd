/**
 * Writing the report into a user's workbook package: the product's previous sheets are removed, the
 * report's sheets are appended, and every other part keeps its bytes. Only the workbook-level
 * indexes change: the workbook part and its relationships, the content types, the styles part, the
 * sheet list of `docProps/app.xml` (when it has one); the calculation chain is dropped so that Excel
 * rebuilds it.
 */

import type { Document, Element } from "@xmldom/xmldom";
import { uniqueCaseless, type Lang } from "../../core";
import {
  MARKER_NAME,
  MARKER_PREFIX,
  type Report,
  type ReportChart,
  type ReportInputSheet,
  type ReportSheet,
  type SheetContent,
} from "../../report";
import {
  CONTENT_TYPES_PART,
  CT_RELATIONSHIPS,
  deletePart,
  findPartName,
  getPartText,
  openPackage,
  readRelationships,
  relationshipKind,
  relativeTarget,
  relsPathOf,
  resolveTarget,
  savePackage,
  setPart,
  WorkbookFileError,
  type XlsxPackage,
} from "./package";
import {
  definedNamesOf,
  readWorkbookParts,
  relIdOf,
  sheetsOf,
  tablesOf,
  type DefinedNameInfo,
  type SheetInfo,
} from "./read";
import { appPropertiesXml } from "./app-props";
import { chartXml, checkChart, CT_CHART, CT_DRAWING, drawingXml, REL_CHART, REL_DRAWING } from "./chart-xml";
import { checkSheet, tableXml, worksheetXml } from "./sheet-xml";
import { appendPalette, MINIMAL_STYLES_XML } from "./styles";
import {
  childElement,
  childElements,
  createElementLike,
  insertInOrder,
  NS_CONTENT_TYPES,
  NS_PKG_REL,
  NS_REL,
  parseXml,
  rootOf,
  serializeXml,
  XmlParseError,
  XML_DECLARATION,
} from "./xml";

const CT_PREFIX = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const CT_WORKSHEET = `${CT_PREFIX}.worksheet+xml`;
const CT_TABLE = `${CT_PREFIX}.table+xml`;
const CT_STYLES = `${CT_PREFIX}.styles+xml`;
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Children of `<workbook>` that the schema puts after `<definedNames>`. */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];
const AFTER_CALC_PR = AFTER_DEFINED_NAMES.slice(1);

/** Status format colours: [font, fill] when the cell equals okText, and when it does not. */
const STATUS_OK = { font: "006100", fill: "C6EFCE" };
const STATUS_BAD = { font: "9C0006", fill: "FFC7CE" };

/** Names the report must not take: the user's sheets, tables and defined names. */
export interface TakenNames {
  /** Sheets that are not the product's. */
  readonly sheets: string[];
  /** Tables (name and display name) on sheets that are not the product's. */
  readonly tables: string[];
  /**
   * Defined names other than the product's markers and the names scoped to its sheets (a table
   * cannot take the name of a defined name; the report's own workbook names are listed too).
   */
  readonly definedNames: string[];
}

function namesTaken(
  pkg: XlsxPackage,
  prefixes: readonly string[],
): TakenNames & { readonly definedInfo: DefinedNameInfo[] } {
  const wb = readWorkbookParts(pkg);
  const sheets = sheetsOf(pkg, wb, prefixes);
  const kept = sheets.filter((s) => !s.marked);
  const productIndexes = new Set(sheets.flatMap((s, i) => (s.marked ? [i] : [])));
  const definedInfo = definedNamesOf(wb.root).filter(
    (n) => n.localSheetId === undefined || !productIndexes.has(n.localSheetId),
  );
  return {
    sheets: kept.map((s) => s.name),
    tables: uniqueCaseless(tablesOf(pkg, kept).flatMap((t) => [t.name, t.displayName])),
    definedNames: uniqueCaseless(definedInfo.map((n) => n.name)),
    definedInfo,
  };
}

/**
 * Names of the sheets and tables that are not the product's: the report builder picks free names
 * among the rest (`Synthèse CEJ (2)`).
 *
 * @param pkg - the package
 * @returns the taken sheet, table and defined names
 */
export function takenNames(pkg: XlsxPackage): TakenNames {
  const { sheets, tables, definedNames } = namesTaken(pkg, [MARKER_PREFIX]);
  return { sheets, tables, definedNames };
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

function checkSheetName(name: string): void {
  if (
    name.length === 0 ||
    name.length > 31 ||
    SHEET_NAME_FORBIDDEN.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    throw new Error(`not a valid sheet name: "${name}"`);
  }
  if (name.toLowerCase() === "history") throw new Error(`"History" is a sheet name Excel reserves`);
}

/**
 * Whether a text is a valid Excel defined name or table name.
 *
 * @param name - the name
 * @returns true when Excel accepts it
 */
export function isValidName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false; // a cell reference
  if (/^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name)) return false; // R1C1 notation
  return true;
}

function checkReport(
  report: Report,
  taken: ReturnType<typeof namesTaken>,
  inputs: readonly ReportInputSheet[],
): void {
  const sheetNames = new Set(taken.sheets.map((s) => s.toLowerCase()));
  const tableNames = new Set(taken.tables.map((s) => s.toLowerCase()));
  const reportNames = new Set<string>();
  for (const n of report.names) {
    if (!isValidName(n.name)) throw new Error(`not a valid defined name: "${n.name}"`);
    if (reportNames.has(n.name.toLowerCase())) throw new Error(`defined name "${n.name}" given twice`);
    reportNames.add(n.name.toLowerCase());
  }
  if (reportNames.has(MARKER_NAME.toLowerCase()))
    throw new Error(`"${MARKER_NAME}" is the product's marker name`);
  // Names that stay: every defined name but the workbook-level ones the report replaces.
  const otherNames = new Set(
    taken.definedInfo
      .filter((n) => !(n.localSheetId === undefined && reportNames.has(n.name.toLowerCase())))
      .map((n) => n.name.toLowerCase()),
  );
  for (const name of reportNames) {
    if (tableNames.has(name)) throw new Error(`defined name "${name}" collides with a table of the workbook`);
  }
  for (const sheet of [...inputs, ...report.sheets]) {
    checkSheetName(sheet.name);
    if (sheetNames.has(sheet.name.toLowerCase()))
      throw new Error(`sheet name "${sheet.name}" is already taken in the workbook`);
    sheetNames.add(sheet.name.toLowerCase());
    checkSheet(sheet);
    for (const chart of sheet.charts ?? []) checkChart(chart, `sheet "${sheet.name}"`);
    for (const table of sheet.tables) {
      const key = table.name.toLowerCase();
      if (!isValidName(table.name)) throw new Error(`not a valid table name: "${table.name}"`);
      if (tableNames.has(key)) throw new Error(`table name "${table.name}" is already taken in the workbook`);
      if (otherNames.has(key) || reportNames.has(key) || key === MARKER_NAME.toLowerCase()) {
        throw new Error(`table name "${table.name}" collides with a defined name`);
      }
      tableNames.add(key);
    }
  }
}

function parsePart(pkg: XlsxPackage, part: string, fallback: string): Document {
  const text = getPartText(pkg, part) ?? fallback;
  try {
    return parseXml(text, part);
  } catch (err) {
    if (err instanceof XmlParseError) throw new WorkbookFileError("corrupt", err.message);
    throw err;
  }
}

function folderOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? "" : part.slice(0, slash + 1);
}

/** Every part reachable from the package's relationships (lower case names). */
function reachableParts(pkg: XlsxPackage): Set<string> {
  const seen = new Set<string>();
  const queue = [""];
  while (queue.length > 0) {
    const source = queue.pop() ?? "";
    for (const rel of readRelationships(pkg, source)) {
      if (rel.path === null) continue;
      const actual = findPartName(pkg, rel.path);
      if (actual === undefined || seen.has(actual.toLowerCase())) continue;
      seen.add(actual.toLowerCase());
      queue.push(actual);
    }
  }
  return seen;
}

/** The part and every part it reaches through relationships. */
function closureOf(pkg: XlsxPackage, part: string, into: Set<string>): void {
  const actual = findPartName(pkg, part);
  if (actual === undefined || into.has(actual)) return;
  into.add(actual);
  for (const rel of readRelationships(pkg, actual)) {
    if (rel.path !== null) closureOf(pkg, rel.path, into);
  }
}

class ContentTypes {
  readonly doc: Document;
  readonly root: Element;

  constructor(pkg: XlsxPackage) {
    this.doc = parsePart(pkg, CONTENT_TYPES_PART, `${XML_DECLARATION}<Types xmlns="${NS_CONTENT_TYPES}"/>`);
    this.root = rootOf(this.doc);
  }

  remove(part: string): void {
    const wanted = `/${part}`.toLowerCase();
    for (const o of childElements(this.root, "Override")) {
      if ((o.getAttribute("PartName") ?? "").toLowerCase() === wanted) this.root.removeChild(o);
    }
  }

  override(part: string, contentType: string): void {
    this.remove(part);
    const el = createElementLike(this.doc, this.root, "Override");
    el.setAttribute("PartName", `/${part}`);
    el.setAttribute("ContentType", contentType);
    this.root.appendChild(el);
  }

  ensureDefault(extension: string, contentType: string): void {
    const has = childElements(this.root, "Default").some(
      (d) => (d.getAttribute("Extension") ?? "").toLowerCase() === extension,
    );
    if (has) return;
    const el = createElementLike(this.doc, this.root, "Default");
    el.setAttribute("Extension", extension);
    el.setAttribute("ContentType", contentType);
    const firstOverride = childElement(this.root, "Override");
    if (firstOverride) this.root.insertBefore(el, firstOverride);
    else this.root.appendChild(el);
  }
}

class Rels {
  readonly doc: Document;
  readonly root: Element;

  constructor(
    pkg: XlsxPackage,
    readonly path: string,
  ) {
    this.doc = parsePart(pkg, path, `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}"/>`);
    this.root = rootOf(this.doc);
  }

  all(): Element[] {
    return childElements(this.root, "Relationship");
  }

  removeWhere(test: (rel: Element) => boolean): void {
    for (const rel of this.all()) if (test(rel)) this.root.removeChild(rel);
  }

  add(type: string, target: string): string {
    const ids = new Set(this.all().map((r) => r.getAttribute("Id") ?? ""));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const el = createElementLike(this.doc, this.root, "Relationship");
    el.setAttribute("Id", id);
    el.setAttribute("Type", type);
    el.setAttribute("Target", target);
    this.root.appendChild(el);
    return id;
  }
}

/**
 * The report's input sheets the workbook lacks: no sheet of its name, no table and no defined name
 * of one of its tables' names (case-insensitive, as Excel compares them). A sheet the workbook has,
 * whatever it holds, is the user's and stays as it is.
 */
function absentInputSheets(
  pkg: XlsxPackage,
  sheets: readonly SheetInfo[],
  names: readonly DefinedNameInfo[],
  report: Report,
): ReportInputSheet[] {
  const sheetNames = new Set(sheets.map((s) => s.name.toLowerCase()));
  const used = new Set([
    ...tablesOf(pkg, sheets).flatMap((t) => [t.name.toLowerCase(), t.displayName.toLowerCase()]),
    ...names.map((n) => n.name.toLowerCase()),
  ]);
  return (report.inputSheets ?? []).filter(
    (input) =>
      !sheetNames.has(input.name.toLowerCase()) && !input.tables.some((t) => used.has(t.name.toLowerCase())),
  );
}

function quoteSheetAlways(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Writes the report into the package (in place): removes the product's previous sheets (those
 * carrying the marker) with everything only they used, then appends the report's sheets, tables,
 * names and styles.
 *
 * @param pkg - the package, modified (left as it was when this throws)
 * @param report - the report to write
 * @throws Error when a report sheet, table or name collides with one of the user's (the builder must
 *   pick free names, see takenNames) or is invalid; WorkbookFileError when the package is damaged
 */
export function applyReportToPackage(pkg: XlsxPackage, report: Report): void {
  // Work on a copy so that a failure leaves the caller's package as it was.
  const work: XlsxPackage = { parts: new Map(pkg.parts), workbookPath: pkg.workbookPath };
  writeReport(work, report);
  pkg.parts.clear();
  for (const [name, bytes] of work.parts) pkg.parts.set(name, bytes);
}

function writeReport(pkg: XlsxPackage, report: Report): void {
  const prefixes = [...new Set([MARKER_PREFIX, report.marker])];
  const taken = namesTaken(pkg, prefixes);
  const wb = readWorkbookParts(pkg);
  const { doc, root } = wb;
  const sheets = sheetsOf(pkg, wb, prefixes);
  const namesBefore = definedNamesOf(root);
  const inputs = absentInputSheets(pkg, sheets, namesBefore, report);
  checkReport(report, taken, inputs);
  const move = sheetMoves(sheets, report.sheets.length, inputs.length);
  const relNs = relNamespace(root);
  const w: Writing = {
    pkg,
    report,
    inputs,
    doc,
    root,
    wbDir: folderOf(pkg.workbookPath),
    wbRels: new Rels(pkg, relsPathOf(pkg.workbookPath)),
    contentTypes: new ContentTypes(pkg),
    relNs,
    relPrefix: root.lookupPrefix(relNs) ?? "r",
  };

  // ---- 1. remove the product's sheets -------------------------------------------------------
  const { sheetsEl, doomed } = removeSheets(w, move);
  reindexNames(w, move);
  const selectNew = updateBookViews(w, move);
  dropUnusedParts(w, doomed);
  // ---- 2. styles -------------------------------------------------------------------------------
  const styles = writeStyles(w);
  // ---- 3. the report's sheets ------------------------------------------------------------------
  appendSheets(w, move, { sheetsEl, styles, selectNew });

  // ---- 4. recalculate everything on open -------------------------------------------------------
  let calcPr = childElement(root, "calcPr");
  if (!calcPr) {
    calcPr = createElementLike(doc, root, "calcPr");
    insertInOrder(root, calcPr, AFTER_CALC_PR);
  }
  calcPr.setAttribute("fullCalcOnLoad", "1");

  w.contentTypes.ensureDefault("rels", CT_RELATIONSHIPS);
  w.contentTypes.ensureDefault("xml", "application/xml");
  setPart(pkg, pkg.workbookPath, serializeXml(doc));
  setPart(pkg, w.wbRels.path, serializeXml(w.wbRels.doc));
  setPart(pkg, CONTENT_TYPES_PART, serializeXml(w.contentTypes.doc));
  updateAppProperties(pkg, { sheets, names: namesBefore }, report.lang);
}

/** The workbook being written, shared by the steps of writeReport. */
interface Writing {
  readonly pkg: XlsxPackage;
  readonly report: Report;
  /** The report's input sheets the workbook lacks, written before the report's sheets. */
  readonly inputs: readonly ReportInputSheet[];
  /** The workbook part. */
  readonly doc: Document;
  readonly root: Element;
  /** The workbook part's folder (`xl/`). */
  readonly wbDir: string;
  readonly wbRels: Rels;
  readonly contentTypes: ContentTypes;
  /** The relationships namespace of `<sheet r:id>` as the workbook spells it, and its prefix. */
  readonly relNs: string;
  readonly relPrefix: string;
}

/** Where the sheets go: which are removed, and the new position of those that stay. */
interface SheetMoves {
  /** The workbook's sheets before the write. */
  readonly sheets: readonly SheetInfo[];
  /** Positions of the product's sheets, removed. */
  readonly removedIndex: ReadonlySet<number>;
  readonly keptCount: number;
  /** The input sheets added (after the kept sheets, before the report's). */
  readonly inputCount: number;
  /** The number of sheets after the write. */
  readonly total: number;
  /** Old position → new position of the sheets that stay (-1 for removed ones). */
  readonly newIndex: readonly number[];
}

/** @throws Error when the workbook would be left without any sheet */
function sheetMoves(sheets: readonly SheetInfo[], added: number, inputCount: number): SheetMoves {
  const removedIndex = new Set(sheets.flatMap((s, i) => (s.marked ? [i] : [])));
  const keptCount = sheets.length - removedIndex.size;
  const total = keptCount + inputCount + added;
  if (total === 0) throw new Error("the workbook would be left without any sheet");
  const newIndex: number[] = [];
  let next = 0;
  sheets.forEach((_s, i) => newIndex.push(removedIndex.has(i) ? -1 : next++));
  return { sheets, removedIndex, keptCount, inputCount, total, newIndex };
}

/** The namespace of the first `<sheet>`'s `id` attribute (the relationships namespace by default). */
function relNamespace(root: Element): string {
  const first = childElement(childElement(root, "sheets") ?? root, "sheet");
  if (first) {
    for (let i = 0; i < first.attributes.length; i++) {
      const a = first.attributes.item(i);
      if (a && a.localName === "id" && a.namespaceURI) return a.namespaceURI;
    }
  }
  return NS_REL;
}

/**
 * Removes the product's sheets from `<sheets>` (made when missing) and their relationships.
 *
 * @returns `<sheets>`, and the parts the removed sheets reach (closureOf)
 */
function removeSheets(w: Writing, move: SheetMoves): { sheetsEl: Element; doomed: Set<string> } {
  const { pkg, doc, root } = w;
  const doomed = new Set<string>();
  for (const i of move.removedIndex) {
    const s = move.sheets[i];
    if (s && s.partPath !== "") closureOf(pkg, s.partPath, doomed);
  }
  let sheetsEl = childElement(root, "sheets");
  if (!sheetsEl) {
    sheetsEl = createElementLike(doc, root, "sheets");
    insertInOrder(root, sheetsEl, [
      "functionGroups",
      "externalReferences",
      "definedNames",
      ...AFTER_DEFINED_NAMES,
    ]);
  }
  const sheetEls = childElements(sheetsEl, "sheet");
  const removedRids = new Set<string>();
  sheetEls.forEach((el, i) => {
    if (!move.removedIndex.has(i)) return;
    removedRids.add(relIdOf(el));
    sheetsEl.removeChild(el);
  });
  w.wbRels.removeWhere((rel) => removedRids.has(rel.getAttribute("Id") ?? ""));
  return { sheetsEl, doomed };
}

/**
 * Defined names: drop those scoped to removed sheets, re-index the others (localSheetId is a
 * position in <sheets>), drop the workbook-level names the report redefines.
 */
function reindexNames(w: Writing, move: SheetMoves): void {
  const reportNames = new Set(w.report.names.map((n) => n.name.toLowerCase()));
  const namesEl = childElement(w.root, "definedNames");
  for (const el of namesEl ? childElements(namesEl, "definedName") : []) {
    const local = el.getAttribute("localSheetId");
    if (local === null || local === "") {
      if (reportNames.has((el.getAttribute("name") ?? "").toLowerCase())) namesEl?.removeChild(el);
      continue;
    }
    const mapped = move.newIndex[Number(local)];
    if (mapped === undefined) continue; // pointed at no sheet before: leave it as it was
    if (mapped < 0) namesEl?.removeChild(el);
    else if (mapped !== Number(local)) el.setAttribute("localSheetId", String(mapped));
  }
}

/**
 * Book views: keep the same sheet active; when the active sheet was the product's, the first new
 * sheet takes its place.
 *
 * @returns whether the first new sheet is to be selected
 */
function updateBookViews(w: Writing, move: SheetMoves): boolean {
  const { sheets, removedIndex, newIndex, keptCount, total } = move;
  let selectNew = false;
  const bookViews = childElement(w.root, "bookViews");
  const firstVisibleKept = sheets.findIndex((s, i) => !removedIndex.has(i) && s.state === "visible");
  for (const view of bookViews ? childElements(bookViews, "workbookView") : []) {
    const active = Number(view.getAttribute("activeTab") ?? "0");
    const mappedActive = Number.isInteger(active) ? newIndex[active] : undefined;
    let activeTab: number;
    if (mappedActive !== undefined && mappedActive >= 0) activeTab = mappedActive;
    else if (w.report.sheets.length > 0) {
      activeTab = keptCount + move.inputCount;
      selectNew = true;
    } else activeTab = Math.max(0, newIndex[firstVisibleKept] ?? 0);
    if (view.hasAttribute("activeTab") || activeTab !== 0) view.setAttribute("activeTab", String(activeTab));

    const first = Number(view.getAttribute("firstSheet") ?? "0");
    let firstSheet = 0;
    if (Number.isInteger(first)) {
      for (let i = first; i < sheets.length; i++) {
        const mapped = newIndex[i];
        if (mapped !== undefined && mapped >= 0) {
          firstSheet = mapped;
          break;
        }
      }
    }
    firstSheet = Math.min(firstSheet, activeTab, total - 1);
    if (view.hasAttribute("firstSheet") || firstSheet !== 0)
      view.setAttribute("firstSheet", String(firstSheet));
  }
  return selectNew;
}

/**
 * Drops the calculation chain (it lists cells of removed sheets; Excel rebuilds it), then the parts
 * only the removed sheets used, with their content types.
 */
function dropUnusedParts(w: Writing, doomed: ReadonlySet<string>): void {
  const { pkg, wbRels } = w;
  const deleted = new Set<string>();
  for (const rel of wbRels.all()) {
    if (relationshipKind(rel.getAttribute("Type") ?? "") !== "calcChain") continue;
    wbRels.root.removeChild(rel);
    const target = rel.getAttribute("TargetMode") === "External" ? null : rel.getAttribute("Target");
    if (target === null) continue;
    const part = findPartName(pkg, resolveTarget(pkg.workbookPath, target));
    if (part !== undefined && deletePart(pkg, part)) deleted.add(part);
  }
  setPart(pkg, wbRels.path, serializeXml(wbRels.doc));
  const reachable = reachableParts(pkg);
  for (const part of doomed) {
    if (reachable.has(part.toLowerCase())) continue;
    if (deletePart(pkg, part)) deleted.add(part);
    const rels = findPartName(pkg, relsPathOf(part));
    if (rels !== undefined && deletePart(pkg, rels)) deleted.add(rels);
  }
  for (const part of deleted) w.contentTypes.remove(part);
}

/** The report's styles, appended to the workbook's styles part (made when it has none). */
interface WrittenStyles {
  /** The cell format index of each report style. */
  readonly xf: ReturnType<typeof appendPalette>["xf"];
  /** The differential formats of the status formats: [ok, not ok]. */
  readonly statusDxf: readonly [number, number];
}

function writeStyles(w: Writing): WrittenStyles {
  const { pkg, report, wbRels } = w;
  const stylesRel = wbRels.all().find((r) => relationshipKind(r.getAttribute("Type") ?? "") === "styles");
  let stylesPath: string;
  if (stylesRel) {
    const target = resolveTarget(pkg.workbookPath, stylesRel.getAttribute("Target") ?? "styles.xml");
    stylesPath = findPartName(pkg, target) ?? target;
  } else {
    stylesPath = freePartName(pkg, `${w.wbDir}styles`, ".xml", new Set(), false);
    wbRels.add(`${REL_TYPE}/styles`, relativeTarget(pkg.workbookPath, stylesPath));
    w.contentTypes.override(stylesPath, CT_STYLES);
  }
  const hasStatus = report.sheets.some((s) => s.statusFormats.length > 0);
  const styles = appendPalette(
    getPartText(pkg, stylesPath) ?? MINIMAL_STYLES_XML,
    report.styles,
    hasStatus ? [STATUS_OK, STATUS_BAD] : [],
  );
  setPart(pkg, stylesPath, serializeXml(styles.xml));
  return { xf: styles.xf, statusDxf: [styles.dxf[0] ?? 0, styles.dxf[1] ?? 0] };
}

/** Part names handed out so far, and the next free sheet and table ids. */
interface Allocation {
  readonly allocated: Set<string>;
  nextSheetId: number;
  nextTableId: number;
}

/**
 * Appends the report's sheets (their parts, `<sheet>` entries and sheet-scoped names: marker, print
 * area, print titles), then the report's workbook names.
 */
function appendSheets(
  w: Writing,
  move: SheetMoves,
  into: { readonly sheetsEl: Element; readonly styles: WrittenStyles; readonly selectNew: boolean },
): void {
  const { pkg, report, doc, root } = w;
  const remaining = move.sheets.filter((_s, i) => !move.removedIndex.has(i));
  const ids: Allocation = {
    allocated: new Set<string>(),
    nextSheetId: Math.max(0, ...move.sheets.map((s) => s.sheetId)) + 1,
    nextTableId: Math.max(0, ...tablesOf(pkg, remaining).map((t) => t.id)) + 1,
  };
  let namesEl = childElement(root, "definedNames");
  if (!namesEl && report.sheets.length + report.names.length + w.inputs.length > 0) {
    namesEl = createElementLike(doc, root, "definedNames");
    insertInOrder(root, namesEl, AFTER_DEFINED_NAMES);
  }
  const addName = (name: string, value: string, attrs: Readonly<Record<string, string>> = {}): void => {
    if (!namesEl) return;
    const el = createElementLike(doc, namesEl, "definedName");
    el.setAttribute("name", name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.appendChild(doc.createTextNode(value));
    namesEl.appendChild(el);
  };

  const addSheet = (sheet: SheetContent, selected: boolean): void => {
    const partPath = writeSheetParts(w, sheet, ids, { ...into, selected });
    const rId = w.wbRels.add(`${REL_TYPE}/worksheet`, relativeTarget(pkg.workbookPath, partPath));
    const el = createElementLike(doc, into.sheetsEl, "sheet");
    el.setAttribute("name", sheet.name);
    el.setAttribute("sheetId", String(ids.nextSheetId++));
    el.setAttributeNS(w.relNs, `${w.relPrefix}:id`, rId);
    into.sheetsEl.appendChild(el);
  };
  // The input sheets carry no marker: the user's from now on, a re-run keeps them as they are.
  for (const input of w.inputs) addSheet(input, false);
  report.sheets.forEach((sheet: ReportSheet, k) => {
    const index = move.keptCount + move.inputCount + k;
    addSheet(sheet, into.selectNew && k === 0);
    addName(MARKER_NAME, `"${report.marker}:${sheet.kind}"`, { localSheetId: String(index), hidden: "1" });
    const area = sheet.print.printArea;
    if (area !== undefined) {
      const [from = "A1", to = from] = area.split(":");
      const abs = (a: string): string => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
      addName("_xlnm.Print_Area", `${quoteSheetAlways(sheet.name)}!${abs(from)}:${abs(to)}`, {
        localSheetId: String(index),
      });
    }
    const titles = sheet.print.titleRows;
    if (titles !== undefined) {
      const [a, b] = titles;
      addName("_xlnm.Print_Titles", `${quoteSheetAlways(sheet.name)}!$${Math.min(a, b)}:$${Math.max(a, b)}`, {
        localSheetId: String(index),
      });
    }
  });
  for (const n of report.names) {
    addName(n.name, n.ref.replace(/^=/, ""), n.comment === undefined ? {} : { comment: n.comment });
  }
  if (namesEl && childElements(namesEl).length === 0) root.removeChild(namesEl);
}

/** A relationships part holding these `<Relationship>` elements. */
function relationshipsXml(rels: readonly string[]): string {
  return `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}">${rels.join("")}</Relationships>`;
}

/**
 * Writes a report sheet's parts: its tables, its drawing and charts, the worksheet and its
 * relationships, with their content types.
 *
 * @returns the worksheet part's name
 */
function writeSheetParts(
  w: Writing,
  sheet: SheetContent,
  ids: Allocation,
  look: { readonly styles: WrittenStyles; readonly selected: boolean },
): string {
  const { pkg, wbDir, contentTypes } = w;
  const partPath = freePartName(pkg, `${wbDir}worksheets/ctg`, ".xml", ids.allocated, true);
  const tableRelIds: string[] = [];
  const sheetRels: string[] = [];
  for (const table of sheet.tables) {
    const tablePath = freePartName(pkg, `${wbDir}tables/table`, ".xml", ids.allocated, true);
    const id = `rId${tableRelIds.length + 1}`;
    tableRelIds.push(id);
    sheetRels.push(
      `<Relationship Id="${id}" Type="${REL_TYPE}/table" Target="${relativeTarget(partPath, tablePath)}"/>`,
    );
    setPart(pkg, tablePath, tableXml(table, ids.nextTableId++));
    contentTypes.override(tablePath, CT_TABLE);
  }
  const charts = sheet.charts ?? [];
  let drawingRelId: string | undefined;
  if (charts.length > 0) {
    const drawingPath = writeChartParts(w, charts, ids.allocated);
    drawingRelId = `rId${tableRelIds.length + 1}`;
    sheetRels.push(
      `<Relationship Id="${drawingRelId}" Type="${REL_DRAWING}" Target="${relativeTarget(partPath, drawingPath)}"/>`,
    );
  }
  setPart(
    pkg,
    partPath,
    worksheetXml(sheet, {
      xf: look.styles.xf,
      palette: w.report.styles,
      statusDxf: look.styles.statusDxf,
      tableRelIds,
      selected: look.selected,
      ...(drawingRelId !== undefined ? { drawingRelId } : {}),
    }),
  );
  contentTypes.override(partPath, CT_WORKSHEET);
  if (sheetRels.length > 0) setPart(pkg, relsPathOf(partPath), relationshipsXml(sheetRels));
  return partPath;
}

/**
 * Charts: a drawing part for the sheet, a chart part per chart.
 *
 * @returns the drawing part's name
 */
function writeChartParts(w: Writing, charts: readonly ReportChart[], allocated: Set<string>): string {
  const { pkg, wbDir, contentTypes } = w;
  const drawingPath = freePartName(pkg, `${wbDir}drawings/drawing`, ".xml", allocated, true);
  const chartRels: string[] = [];
  const chartRelIds = charts.map((chart, i) => {
    const chartPath = freePartName(pkg, `${wbDir}charts/chart`, ".xml", allocated, true);
    const id = `rId${i + 1}`;
    chartRels.push(
      `<Relationship Id="${id}" Type="${REL_CHART}" Target="${relativeTarget(drawingPath, chartPath)}"/>`,
    );
    setPart(pkg, chartPath, chartXml(chart));
    contentTypes.override(chartPath, CT_CHART);
    return id;
  });
  setPart(pkg, drawingPath, drawingXml(charts, chartRelIds));
  setPart(pkg, relsPathOf(drawingPath), relationshipsXml(chartRels));
  contentTypes.override(drawingPath, CT_DRAWING);
  return drawingPath;
}

/**
 * Rebuilds the sheet list of `docProps/app.xml` (see app-props.ts) from the workbook as written; a
 * package without that part, or a part without a sheet list, is left as it is.
 */
function updateAppProperties(
  pkg: XlsxPackage,
  before: { readonly sheets: readonly SheetInfo[]; readonly names: readonly DefinedNameInfo[] },
  lang: Lang,
): void {
  const rel = readRelationships(pkg, "").find(
    (r) => /^extended-?properties$/i.test(relationshipKind(r.type)) && r.path !== null,
  );
  const part = rel?.path ? findPartName(pkg, rel.path) : undefined;
  const text = part === undefined ? undefined : getPartText(pkg, part);
  if (part === undefined || text === undefined) return;
  const wb = readWorkbookParts(pkg);
  const xml = appPropertiesXml(text, {
    sheetsBefore: before.sheets,
    namesBefore: before.names,
    sheets: sheetsOf(pkg, wb),
    names: definedNamesOf(wb.root),
    lang,
  });
  if (xml !== null && xml !== text) setPart(pkg, part, xml);
}

/** A part name `<stem><n><ext>` (or `<stem><ext>`) that no part has and that was not handed out. */
function freePartName(
  pkg: XlsxPackage,
  stem: string,
  ext: string,
  allocated: Set<string>,
  numbered: boolean,
): string {
  const taken = (name: string): boolean =>
    findPartName(pkg, name) !== undefined || allocated.has(name.toLowerCase());
  let name = numbered ? `${stem}1${ext}` : `${stem}${ext}`;
  for (let n = numbered ? 2 : 1; taken(name); n++) name = `${stem}${n}${ext}`;
  allocated.add(name.toLowerCase());
  return name;
}

/**
 * Writes the report into an .xlsx file: see applyReportToPackage.
 *
 * @param bytes - the user's workbook
 * @param report - the report
 * @returns the new workbook's bytes
 * @throws WorkbookFileError when the file cannot be opened; Error on a name collision
 */
export function applyReport(bytes: Uint8Array, report: Report): Uint8Array {
  const pkg = openPackage(bytes);
  applyReportToPackage(pkg, report);
  return savePackage(pkg);
}
