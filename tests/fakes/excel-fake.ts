/**
 * A strict in-memory fake of the part of the Excel JavaScript API that src/workbook/office uses.
 *
 * It behaves like Excel where the adapter could go wrong:
 * - proxies queue their operations; nothing reaches the workbook before `context.sync()`;
 * - reading a property that was not loaded, or loaded but not yet synced, throws an error whose
 *   `code` is `PropertyNotLoaded` (a property set locally reads back, as in Office.js);
 * - `*OrNullObject` gives an object whose `isNullObject` is readable after load + sync; objects
 *   reached from a null object are null too; reading a null object's properties gives undefined;
 * - `getItem` of a missing item, or using a deleted object, fails the sync with `ItemNotFound`; the
 *   operations queued before the failing one stay applied (a request is not a transaction);
 * - values written as text follow Excel's typing rules: `=…` becomes a formula, `+…`/`-…`/`@…` a
 *   formula or a number, `12`/`TRUE`/`1/2/2024` numbers and booleans, unless the cell's number
 *   format is text (`@`), which keeps the text as typed;
 * - a formula with a structured reference to a table (or column) that does not exist is refused;
 * - APIs of a requirement set above the fake's `apiVersion` throw `ApiNotFound` when called;
 * - `Excel.run` syncs once more at the end when operations are still queued; `Excel.run(context,
 *   batch)` runs a batch in the context of an earlier run (objects of a finished run are unusable
 *   otherwise);
 * - `Worksheet.onChanged.add` registers a handler when the request is synced (none on a null
 *   object), the `EventHandlerResult`'s `remove()` unregisters it at the next sync of its context,
 *   each unregistration on its own (Office.js sends them apart from the batch: one failing, on a
 *   sheet deleted meanwhile with `ItemNotFound`, does not keep the others from going); handlers are
 *   called asynchronously, after the request, for the values and formulas a request writes on their
 *   sheet and for the edits a test emits (`emitChanged`), never before the sync that registered them.
 *
 * Every sync is counted (`stats.syncs`: requests sent; `stats.syncCalls`: every call, empty or not),
 * with the JSON size of the request (object paths and actions, payload arrays included) and of the
 * response (loaded values). Formulas are not calculated: a formula cell's value is the one given in
 * the initial workbook, else empty.
 */

import { a1 } from "../../src/core/cell";
import {
  boundsAddress,
  DEFAULT_FORMAT,
  excelQuote,
  FakeSheet,
  FakeWorkbookState,
  overlaps,
  parseBounds,
  type Bounds,
  type FakeBorder,
  type FakeCell,
  type FakeCellFormat,
  type FakeChangedHandler,
  type FakeChart,
  type FakeConditionalFormat,
  type FakeName,
  type FakeRegistration,
  type FakeScalar,
  type FakeSeries,
  type FakeTable,
  type FakeValidation,
} from "./excel-fake-state";

export * from "./excel-fake-state";

// ---------------------------------------------------------------------------------------------
// Errors

/** What Office.js rejects a sync with (an OfficeExtension.Error look-alike). */
export class FakeOfficeError extends Error {
  readonly debugInfo: { readonly code: string; readonly message: string; readonly errorLocation?: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, ...(errorLocation === undefined ? {} : { errorLocation }) };
  }
}

function fail(code: string, message: string, where?: string): never {
  throw new FakeOfficeError(code, message, where);
}

function notLoaded(type: string, prop: string): never {
  return fail(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}

/** The fake does not model this (a test or adapter asked for more than the fake knows). */
function unsupported(what: string): never {
  throw new Error(`excel-fake: unsupported: ${what}`);
}

// ---------------------------------------------------------------------------------------------
// Requests

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What a synced request does before its loads are handed to the proxies. */
class Staging {
  readonly commits: (() => void)[] = [];
  readonly response: Json[] = [];
  /** The ranges whose values or formulas the request wrote (for onChanged). */
  readonly changes: { readonly sheet: FakeSheet; readonly b: Bounds }[] = [];
  suspendCalc = false;
  suspendScreen = false;
}

interface Op {
  readonly proxy: ProxyBase;
  readonly kind: "set" | "call" | "load";
  readonly name: string;
  readonly args: Json;
  readonly run: (staging: Staging) => void;
  /** Its failure fails the sync only once the other operations ran (event unregistration). */
  readonly deferErrors?: boolean;
}

function jsonOf(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(jsonOf);
  if (value instanceof ProxyBase) return { _ref: value.path };
  if (typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) out[k] = jsonOf(v);
    return out;
  }
  return String(value);
}

const UTF8 = new TextEncoder();

function byteSize(value: Json): number {
  return UTF8.encode(JSON.stringify(value)).length; // not Buffer: the fake also runs in the browser
}

/** Statistics of a fake workbook's traffic. */
export interface FakeStats {
  /** Requests sent to "Excel" (syncs with queued operations, the final one of `run` included). */
  syncs: number;
  /** Every `context.sync()` call, empty ones included. */
  syncCalls: number;
  /** JSON size of each request sent, in bytes. */
  requestBytes: number[];
  /** JSON size of each response (the loaded values), in bytes. */
  responseBytes: number[];
  /** `run` invocations. */
  runs: number;
}

/** Options of the fake. */
export interface FakeOptions {
  /** Highest ExcelApi requirement set supported (default "1.12"). */
  readonly apiVersion?: string;
  /** Requests larger than this fail with RequestPayloadSizeLimitExceeded (Excel on the web: 5 MB). */
  readonly maxRequestBytes?: number;
  /** Responses larger than this fail with ResponsePayloadSizeLimitExceeded (Excel on the web: 5 MB). */
  readonly maxResponseBytes?: number;
  /** Start from this workbook (a FakeWorkbookState.clone()) instead of the init. */
  readonly state?: FakeWorkbookState;
}

function versionAtLeast(have: string, want: string): boolean {
  const h = have.split(".").map(Number);
  const w = want.split(".").map(Number);
  for (let i = 0; i < Math.max(h.length, w.length); i++) {
    const a = h[i] ?? 0;
    const b = w[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

class FakeContext {
  queue: Op[] = [];
  closed = false;
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;

  constructor(readonly fake: ExcelFakeCore) {
    this.workbook = new WorkbookProxy(this, "workbook", () => fake.state);
    this.application = this.workbook.application;
  }

  get state(): FakeWorkbookState {
    return this.fake.state;
  }

  requireApi(version: string, what: string): void {
    if (!versionAtLeast(this.fake.apiVersion, version)) {
      fail("ApiNotFound", `${what} needs ExcelApi ${version}; this Excel supports ${this.fake.apiVersion}`);
    }
  }

  enqueue(op: Op): void {
    if (this.closed) fail("InvalidObjectPath", "the object was used after Excel.run ended");
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    this.fake.stats.syncCalls++;
    const ops = this.queue;
    this.queue = [];
    await Promise.resolve();
    if (ops.length === 0) return;
    if (this.closed) fail("InvalidObjectPath", "sync after Excel.run ended");
    this.fake.stats.syncs++;
    // The request: every object path once, then the actions.
    const paths = new Map<string, number>();
    const actions: Json[] = ops.map((op) => {
      let id = paths.get(op.proxy.path);
      if (id === undefined) {
        id = paths.size + 1;
        paths.set(op.proxy.path, id);
      }
      return { o: id, k: op.kind, n: op.name, a: op.args };
    });
    const request: Json = {
      paths: Object.fromEntries([...paths].map(([p, id]) => [String(id), p])),
      actions,
    };
    const size = byteSize(request);
    this.fake.stats.requestBytes.push(size);
    if (this.fake.options.maxRequestBytes !== undefined && size > this.fake.options.maxRequestBytes) {
      fail("RequestPayloadSizeLimitExceeded", `request of ${size} bytes exceeds the limit`);
    }
    if (this.fake.cellEditMode)
      fail("InvalidOperationInCellEditMode", "Excel is in cell-editing mode: leave the cell, then try again");
    const injected = this.fake.failures.shift();
    if (injected !== undefined) fail(injected.code, injected.message ?? `injected ${injected.code}`);
    const staging = new Staging();
    let deferred: Error | null = null;
    try {
      for (const op of ops) {
        this.fake.beforeAction(op);
        if (op.deferErrors !== true) op.run(staging);
        else {
          try {
            op.run(staging);
          } catch (err) {
            deferred ??= err instanceof Error ? err : new Error(String(err));
          }
        }
      }
    } finally {
      // What was written is written, even when a later operation failed: Excel reports it.
      for (const change of staging.changes)
        this.fake.dispatchChanged(change.sheet, boundsAddress(change.b), "RangeEdited", true);
    }
    if (deferred !== null) throw deferred;
    if (staging.suspendCalc) this.state.calculationSuspendedSyncs++;
    if (staging.suspendScreen) this.state.screenUpdatingSuspendedSyncs++;
    const responseSize = byteSize(staging.response);
    this.fake.stats.responseBytes.push(responseSize);
    if (
      this.fake.options.maxResponseBytes !== undefined &&
      responseSize > this.fake.options.maxResponseBytes
    ) {
      fail("ResponsePayloadSizeLimitExceeded", `response of ${responseSize} bytes exceeds the limit`);
    }
    for (const commit of staging.commits) commit();
  }
}

// ---------------------------------------------------------------------------------------------
// Proxies

const NOT_SCALAR = Symbol("not a scalar property");
type Scalar = unknown;

/** A proxy object: a path to something in the workbook, resolved when a request runs. */
/** Worksheet members that workbook structure protection governs (not the sheet's own protection). */
const STRUCTURE_MEMBERS = new Set(["name", "position", "visibility", "delete"]);

/** The sheet an operation's target lies on (a sheet, a range, a table, a chart…), or null. */
function sheetOfTarget(target: unknown, depth = 0): FakeSheet | null {
  if (target instanceof FakeSheet) return target;
  if (typeof target !== "object" || target === null || depth > 3) return null;
  const t = target as { sheet?: unknown; range?: unknown; table?: unknown; chart?: unknown };
  for (const inner of [t.sheet, t.range, t.table, t.chart]) {
    const found = sheetOfTarget(inner, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

abstract class ProxyBase<T = unknown> {
  private bound: T | null | undefined = undefined;
  private readonly local = new Map<string, unknown>();
  private nullState: boolean | undefined = undefined;
  private readonly children = new Map<string, ProxyBase>();

  constructor(
    readonly ctx: FakeContext,
    readonly path: string,
    private readonly resolver: () => T | null,
  ) {}

  /** Excel's type name, for messages. */
  protected abstract get typeName(): string;

  /** The value of a scalar property of the resolved object, or NOT_SCALAR. */
  protected abstract scalar(target: T, prop: string): Scalar | typeof NOT_SCALAR;

  /** A navigation property's proxy (format, worksheet, names…), or undefined. */
  protected nav(_prop: string): ProxyBase | undefined {
    return undefined;
  }

  /** Whether the resolved object is still there (not deleted). */
  protected alive(_target: T): boolean {
    return true;
  }

  /**
   * Refuses a write or a call that protection forbids, with AccessDenied as Excel does: on a
   * protected sheet, anything that changes its cells, formats, tables, charts, names or layout
   * (selecting and activating stay allowed); with the workbook's structure protected, adding,
   * deleting, renaming, moving, hiding or showing a sheet. Names a sheet's protection does not
   * document as allowed are refused (the strict reading).
   */
  protected guardWrite(target: T, member: string): void {
    if (member === "select" || member === "activate" || member === "remove") return;
    if (target instanceof FakeWorkbookState) {
      if (target.structureProtected && this.typeName === "WorksheetCollection" && member === "add")
        fail("AccessDenied", "the workbook's structure is protected: no sheet can be added", this.path);
      return;
    }
    if (target instanceof FakeSheet && STRUCTURE_MEMBERS.has(member) && this.typeName === "Worksheet") {
      if (this.ctx.state.structureProtected)
        fail("AccessDenied", `the workbook's structure is protected: cannot change ${member}`, this.path);
      return;
    }
    const sheet = sheetOfTarget(target);
    if (sheet !== null && sheet.isProtected)
      fail("AccessDenied", `the sheet "${sheet.name}" is protected`, this.path);
  }

  /** Binds the proxy to an object created by an operation of the request (add). */
  bind(target: T): void {
    this.bound = target;
  }

  /** The object, resolved at its first use in a request; null for a null object. */
  resolve(): T | null {
    if (this.bound === undefined) this.bound = this.resolver();
    if (this.bound !== null && !this.alive(this.bound))
      fail("ItemNotFound", `the ${this.typeName} no longer exists`, this.path);
    return this.bound;
  }

  /** The object, which must not be null. */
  protected target(): T {
    const t = this.resolve();
    if (t === null) fail("ItemNotFound", `the ${this.typeName} does not exist (null object)`, this.path);
    return t;
  }

  protected child<P extends ProxyBase>(key: string, make: () => P): P {
    let c = this.children.get(key);
    if (c === undefined) {
      c = make();
      this.children.set(key, c);
    }
    return c as P;
  }

  /** A property read: loaded and synced, or set locally; undefined on a null object. */
  protected read<V>(prop: string): V {
    if (this.nullState === true) return undefined as V;
    if (!this.local.has(prop)) notLoaded(this.typeName, prop);
    return this.local.get(prop) as V;
  }

  /** A property write: kept locally, applied at sync. */
  protected write(prop: string, value: unknown, apply: (target: T, staging: Staging) => void): void {
    this.ctx.enqueue({
      proxy: this,
      kind: "set",
      name: prop,
      args: jsonOf(value),
      run: (s) => {
        const t = this.target();
        this.guardWrite(t, prop);
        apply(t, s);
      },
    });
    this.local.set(prop, value);
  }

  /** A method call, applied at sync. */
  protected call(name: string, args: readonly unknown[], apply: (target: T, staging: Staging) => void): void {
    this.ctx.enqueue({
      proxy: this,
      kind: "call",
      name,
      args: jsonOf(args),
      run: (s) => {
        const t = this.target();
        this.guardWrite(t, name);
        apply(t, s);
      },
    });
  }

  /** Queues a load of these properties (`name`, `worksheet/name`, `items/name`). */
  load(option?: string | string[]): this {
    if (option === undefined) unsupported(`${this.typeName}.load() without property names`);
    const paths = (Array.isArray(option) ? option : option.split(","))
      .map((p) => p.trim())
      .filter((p) => p !== "");
    if (paths.length === 0) unsupported(`${this.typeName}.load("")`);
    this.ctx.enqueue({
      proxy: this,
      kind: "load",
      name: "load",
      args: paths,
      run: (s) => {
        s.response.push({ [this.path]: this.applyLoad(paths, s) });
      },
    });
    return this;
  }

  /** Resolves and gathers the loaded values, to commit if the request succeeds. */
  applyLoad(paths: readonly string[], staging: Staging): Json {
    const target = this.resolve();
    if (target === null) {
      staging.commits.push(() => {
        this.nullState = true;
      });
      return { _IsNull: true };
    }
    staging.commits.push(() => {
      this.nullState = false;
    });
    const out: { [key: string]: Json } = {};
    const byHead = new Map<string, string[]>();
    for (const path of paths) {
      const [head = "", ...rest] = path.split("/");
      if (rest.length === 0) {
        const value = this.scalar(target, head);
        if (value === NOT_SCALAR) {
          if (this.nav(head) !== undefined)
            unsupported(`loading the navigation property ${this.typeName}.${head} without a property of it`);
          unsupported(`${this.typeName}.${head} is not a loadable property of the fake`);
        }
        staging.commits.push(() => this.local.set(head, value));
        out[head] = jsonOf(value);
      } else {
        const list = byHead.get(head) ?? [];
        list.push(rest.join("/"));
        byHead.set(head, list);
      }
    }
    for (const [head, rest] of byHead) {
      const nav = this.nav(head);
      if (nav === undefined) unsupported(`${this.typeName}.${head} is not a navigation property of the fake`);
      out[head] = nav.applyLoad(rest, staging);
    }
    return out;
  }

  /** Whether the object is a null object (readable after load + sync). */
  get isNullObject(): boolean {
    if (this.nullState === undefined) notLoaded(this.typeName, "isNullObject");
    return this.nullState;
  }

  /** Marks a proxy (an item made by a collection load) as resolved and loaded. */
  markLoaded(staging: Staging): void {
    staging.commits.push(() => {
      this.nullState = false;
    });
  }

  /** Sets a loaded value directly (collections give their items). */
  protected stage(staging: Staging, prop: string, value: unknown): void {
    staging.commits.push(() => this.local.set(prop, value));
  }

  toJSON(): Json {
    return { _ref: this.path };
  }
}

/** A collection proxy: `items` and `count` load, item properties load through `items/…`. */
abstract class CollectionProxy<T, I, P extends ProxyBase<I>> extends ProxyBase<T> {
  protected abstract itemsOf(target: T): I[];
  protected abstract itemProxy(item: I, index: number): P;

  protected override scalar(target: T, prop: string): Scalar | typeof NOT_SCALAR {
    return prop === "count" ? this.itemsOf(target).length : NOT_SCALAR;
  }

  /** The items (after a load of `items` or `items/…` and a sync). */
  get items(): P[] {
    return this.read<P[]>("items");
  }

  override applyLoad(paths: readonly string[], staging: Staging): Json {
    const target = this.resolve();
    if (target === null) return super.applyLoad(paths, staging);
    const itemPaths: string[] = [];
    let wantItems = false;
    const own: string[] = [];
    for (const raw of paths) {
      const lower = raw.toLowerCase();
      if (lower === "items" || lower === "items/") {
        wantItems = true;
        continue;
      }
      const path = lower.startsWith("items/") || lower.startsWith("items.") ? raw.slice(6) : raw;
      if (path === "count") own.push(path);
      else {
        wantItems = true;
        itemPaths.push(path.replace(/[/.]items[/.]/gi, "/"));
      }
    }
    const out = own.length > 0 ? (super.applyLoad(own, staging) as { [key: string]: Json }) : {};
    this.markLoaded(staging);
    if (wantItems) {
      const items = this.itemsOf(target).map((item, i) => {
        const proxy = this.itemProxy(item, i);
        proxy.bind(item);
        return proxy;
      });
      out.items = items.map((p) => {
        if (itemPaths.length === 0) {
          p.markLoaded(staging);
          return {};
        }
        return p.applyLoad(itemPaths, staging);
      });
      this.stage(staging, "items", items);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Typing what is written into a cell

const ERROR_LITERALS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);

/** Excel's date serial of a calendar date (1900 system). */
function dateSerial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCMonth() !== m - 1) return null;
  return Math.round(ms / 86_400_000) + 25_569;
}

/** What Excel makes of a text typed (or written through `values`) into a General cell. */
function typeText(text: string): { value: FakeScalar | null; formula: string | null } {
  if (text === "") return { value: null, formula: null };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  if (text.startsWith("=")) return { value: null, formula: text };
  const trimmed = text.trim();
  const number = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?([eE][+-]?\d+)?%?$/.exec(trimmed);
  if (number && /\d/.test(trimmed)) {
    const percent = trimmed.endsWith("%");
    const n = Number(trimmed.replace(/[,%]/g, ""));
    if (Number.isFinite(n)) return { value: percent ? n / 100 : n, formula: null };
  }
  if (text.startsWith("+") || text.startsWith("-")) return { value: null, formula: `=${text}` };
  if (text.startsWith("@")) return { value: null, formula: `=${text.slice(1)}` };
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE", formula: null };
  if (ERROR_LITERALS.has(upper)) return { value: upper, formula: null };
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(trimmed);
  if (us?.[1] !== undefined && us[2] !== undefined && us[3] !== undefined) {
    const year = us[3].length === 2 ? 2000 + Number(us[3]) : Number(us[3]);
    const serial = dateSerial(year, Number(us[1]), Number(us[2]));
    if (serial !== null) return { value: serial, formula: null };
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso?.[1] !== undefined && iso[2] !== undefined && iso[3] !== undefined) {
    const serial = dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== null) return { value: serial, formula: null };
  }
  return { value: text, formula: null };
}

/** Structured references `Table[Column]` of a formula (outside string literals). */
function structuredRefs(formula: string): { table: string; column: string | null }[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const out: { table: string; column: string | null }[] = [];
  const re = /([A-Za-z_\\\u00C0-\uFFFF][\w.\\\u00C0-\uFFFF]*)\[/g;
  for (let m = re.exec(code); m !== null; m = re.exec(code)) {
    const table = m[1] ?? "";
    let depth = 0;
    let i = m.index + table.length;
    const start = i;
    for (; i < code.length; i++) {
      const ch = code[i];
      if (ch === "'") {
        i++;
        continue;
      }
      if (ch === "[") depth++;
      else if (ch === "]" && --depth === 0) break;
    }
    const inside = code.slice(start + 1, i);
    const column = inside.startsWith("#") || inside.includes("[") ? null : inside.replace(/'(.)/g, "$1");
    out.push({ table, column: column === "" ? null : column });
    re.lastIndex = i + 1;
  }
  return out;
}

function checkFormula(state: FakeWorkbookState, formula: string): void {
  for (const ref of structuredRefs(formula)) {
    const table = state.findTable(ref.table);
    if (table === undefined)
      fail("InvalidArgument", `the formula refers to a table "${ref.table}" that does not exist: ${formula}`);
    if (ref.column !== null) {
      const wanted = ref.column.toLowerCase();
      if (!state.tableColumns(table).some((c) => c.toLowerCase() === wanted)) {
        fail("InvalidArgument", `table ${table.name} has no column "${ref.column}": ${formula}`);
      }
    }
  }
}

/** Writes one input of `values` or `formulas` into a cell. */
function writeCell(state: FakeWorkbookState, cell: FakeCell, input: unknown): void {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) fail("InvalidArgument", `not a finite number: ${input}`);
    cell.value = input;
    cell.formula = null;
    return;
  }
  if (typeof input === "boolean") {
    cell.value = input;
    cell.formula = null;
    return;
  }
  if (typeof input !== "string") fail("InvalidArgument", `a cell cannot hold ${JSON.stringify(input)}`);
  if (cell.numberFormat === "@") {
    // Text format: Excel keeps what is typed as text, formulas included; a leading apostrophe is
    // still taken as the quote prefix.
    const text = input.startsWith("'") ? input.slice(1) : input;
    cell.value = text === "" ? null : text;
    cell.formula = null;
    return;
  }
  const typed = typeText(input);
  if (typed.formula !== null) checkFormula(state, typed.formula);
  cell.value = typed.value;
  cell.formula = typed.formula;
}

function shapeOf(
  value: unknown,
  rows: number,
  cols: number,
  what: string,
): (r: number, c: number) => unknown {
  if (!Array.isArray(value)) return () => value;
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
    fail(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${rows}×${cols} expected).`,
    );
  }
  const grid = value as unknown[][];
  return (r, c) => grid[r]?.[c];
}

function cellValueOut(cell: FakeCell | undefined): FakeScalar {
  return cell?.value ?? "";
}

// ---------------------------------------------------------------------------------------------
// Workbook, application, worksheets

class WorkbookProxy extends ProxyBase<FakeWorkbookState> {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly application: ApplicationProxy;

  constructor(ctx: FakeContext, path: string, resolver: () => FakeWorkbookState) {
    super(ctx, path, resolver);
    this.worksheets = new WorksheetCollectionProxy(ctx, `${path}.worksheets`, () => ctx.state);
    this.tables = new TableCollectionProxy(ctx, `${path}.tables`, () => ({ state: ctx.state, sheet: null }));
    this.names = new NamedItemCollectionProxy(ctx, `${path}.names`, () => ({
      state: ctx.state,
      sheet: null,
    }));
    this.application = new ApplicationProxy(ctx, `${path}.application`, () => ctx.state);
  }

  protected get typeName(): string {
    return "Workbook";
  }

  protected scalar(): Scalar | typeof NOT_SCALAR {
    return NOT_SCALAR;
  }

  protected override nav(prop: string): ProxyBase | undefined {
    return prop === "protection" ? this.protection : undefined;
  }

  /** `Workbook.protection` (ExcelApi 1.7). */
  get protection(): WorkbookProtectionProxy {
    this.ctx.requireApi("1.7", "Workbook.protection");
    return this.child(
      "protection",
      () => new WorkbookProtectionProxy(this.ctx, `${this.path}.protection`, () => this.ctx.state),
    );
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.getSelectedRange()`, () => {
      const sel = this.ctx.state.selection;
      if (sel === null) fail("InvalidSelection", "the current selection is not a range");
      return { sheet: sel.sheet, b: sel.bounds };
    });
  }
}

/** `WorksheetProtection`: `protected` loads (protect and unprotect are not the product's business). */
class SheetProtectionProxy extends ProxyBase<FakeSheet> {
  protected get typeName(): string {
    return "WorksheetProtection";
  }

  protected scalar(t: FakeSheet, prop: string): Scalar | typeof NOT_SCALAR {
    return prop === "protected" ? t.isProtected : NOT_SCALAR;
  }

  get protected(): boolean {
    return this.read("protected");
  }
}

/** `WorkbookProtection` (ExcelApi 1.7): whether the workbook's structure is protected. */
class WorkbookProtectionProxy extends ProxyBase<FakeWorkbookState> {
  protected get typeName(): string {
    return "WorkbookProtection";
  }

  protected scalar(t: FakeWorkbookState, prop: string): Scalar | typeof NOT_SCALAR {
    if (prop !== "protected") return NOT_SCALAR;
    this.ctx.requireApi("1.7", "WorkbookProtection.protected");
    return t.structureProtected;
  }

  get protected(): boolean {
    return this.read("protected");
  }
}

class ApplicationProxy extends ProxyBase<FakeWorkbookState> {
  protected get typeName(): string {
    return "Application";
  }

  protected scalar(target: FakeWorkbookState, prop: string): Scalar | typeof NOT_SCALAR {
    return prop === "calculationMode" ? target.calculationMode : NOT_SCALAR;
  }

  get calculationMode(): string {
    return this.read("calculationMode");
  }

  set calculationMode(mode: string) {
    this.write("calculationMode", mode, (t) => {
      t.calculationMode = mode;
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this.ctx.requireApi("1.6", "Application.suspendApiCalculationUntilNextSync");
    this.call("suspendApiCalculationUntilNextSync", [], (_t, s) => {
      s.suspendCalc = true;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.requireApi("1.9", "Application.suspendScreenUpdatingUntilNextSync");
    this.call("suspendScreenUpdatingUntilNextSync", [], (_t, s) => {
      s.suspendScreen = true;
    });
  }

  calculate(type: string): void {
    this.call("calculate", [type], () => undefined);
  }
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

class WorksheetCollectionProxy extends CollectionProxy<FakeWorkbookState, FakeSheet, WorksheetProxy> {
  protected get typeName(): string {
    return "WorksheetCollection";
  }

  protected itemsOf(target: FakeWorkbookState): FakeSheet[] {
    return [...target.sheets];
  }

  protected itemProxy(item: FakeSheet): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(item.name)})`, () => item);
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(name)})`, () => {
      return this.target().findSheet(name) ?? fail("ItemNotFound", `no worksheet named "${name}"`);
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(
      this.ctx,
      `${this.path}.getItemOrNullObject(${JSON.stringify(name)})`,
      () => this.target().findSheet(name) ?? null,
    );
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `${this.path}.getActiveWorksheet()`, () => {
      return this.target().activeSheet ?? fail("ItemNotFound", "no active worksheet");
    });
  }

  add(name?: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.ctx, `${this.path}.add(${JSON.stringify(name ?? null)})`, () =>
      fail("InvalidObjectPath", "the added worksheet was used before its add ran"),
    );
    this.call("add", [name ?? null], (state) => {
      let sheetName = name;
      if (sheetName === undefined) {
        let n = state.sheets.length + 1;
        while (state.findSheet(`Sheet${n}`) !== undefined) n++;
        sheetName = `Sheet${n}`;
      }
      if (
        sheetName.length === 0 ||
        sheetName.length > 31 ||
        SHEET_NAME_FORBIDDEN.test(sheetName) ||
        sheetName.startsWith("'") ||
        sheetName.endsWith("'")
      ) {
        fail("InvalidArgument", `not a valid sheet name: "${sheetName}"`);
      }
      if (state.findSheet(sheetName) !== undefined)
        fail("ItemAlreadyExists", `a sheet named "${sheetName}" already exists`);
      proxy.bind(state.addSheet(sheetName));
    });
    return proxy;
  }
}

class WorksheetProxy extends ProxyBase<FakeSheet> {
  protected get typeName(): string {
    return "Worksheet";
  }

  protected override alive(target: FakeSheet): boolean {
    return !target.deleted;
  }

  protected scalar(t: FakeSheet, prop: string): Scalar | typeof NOT_SCALAR {
    switch (prop) {
      case "name":
        return t.name;
      case "visibility":
        return t.visibility;
      case "position":
        return this.ctx.state.sheets.indexOf(t);
      case "id":
        return `{sheet-${t.id}}`;
      case "tabColor":
        this.ctx.requireApi("1.7", "Worksheet.tabColor");
        return t.tabColor;
      default:
        return NOT_SCALAR;
    }
  }

  protected override nav(prop: string): ProxyBase | undefined {
    switch (prop) {
      case "names":
        return this.names;
      case "tables":
        return this.tables;
      case "charts":
        return this.charts;
      case "protection":
        return this.protection;
      default:
        return undefined;
    }
  }

  /** `Worksheet.protection` (ExcelApi 1.2): whether the sheet is protected. */
  get protection(): SheetProtectionProxy {
    return this.child(
      "protection",
      () => new SheetProtectionProxy(this.ctx, `${this.path}.protection`, () => this.resolve()),
    );
  }

  get name(): string {
    return this.read("name");
  }

  /** Renaming: the workbook's formulas and names that refer to the sheet follow, as in Excel. */
  set name(value: string) {
    this.write("name", value, (t, _s) => {
      if (
        value.length === 0 ||
        value.length > 31 ||
        SHEET_NAME_FORBIDDEN.test(value) ||
        value.startsWith("'") ||
        value.endsWith("'")
      )
        fail("InvalidArgument", `not a valid sheet name: "${value}"`);
      const other = this.ctx.state.findSheet(value);
      if (other !== undefined && other !== t)
        fail("ItemAlreadyExists", `a sheet named "${value}" already exists`);
      this.ctx.state.renameSheet(t, value);
    });
  }

  get visibility(): string {
    return this.read("visibility");
  }

  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.write("visibility", value, (t) => {
      t.visibility = value;
    });
  }

  get position(): number {
    return this.read("position");
  }

  /** Moves the sheet to this 0-based position in the tab order. */
  set position(value: number) {
    this.write("position", value, (t) => {
      const sheets = this.ctx.state.sheets;
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length)
        fail("InvalidArgument", `not a sheet position: ${value}`);
      sheets.splice(sheets.indexOf(t), 1);
      sheets.splice(value, 0, t);
    });
  }

  get id(): string {
    return this.read("id");
  }

  get tabColor(): string {
    return this.read("tabColor");
  }

  set tabColor(value: string) {
    this.ctx.requireApi("1.7", "Worksheet.tabColor");
    this.write("tabColor", value, (t) => {
      if (value !== "" && !/^#[0-9A-Fa-f]{6}$/.test(value)) fail("InvalidArgument", `not a colour: ${value}`);
      t.tabColor = value.toUpperCase();
    });
  }

  get names(): NamedItemCollectionProxy {
    return this.child(
      "names",
      () =>
        new NamedItemCollectionProxy(this.ctx, `${this.path}.names`, () => ({
          state: this.ctx.state,
          sheet: this.target(),
        })),
    );
  }

  get tables(): TableCollectionProxy {
    return this.child(
      "tables",
      () =>
        new TableCollectionProxy(this.ctx, `${this.path}.tables`, () => ({
          state: this.ctx.state,
          sheet: this.target(),
        })),
    );
  }

  get charts(): ChartCollectionProxy {
    return this.child(
      "charts",
      () => new ChartCollectionProxy(this.ctx, `${this.path}.charts`, () => this.target()),
    );
  }

  /** `Worksheet.onChanged` (ExcelApi 1.7). */
  get onChanged(): ChangedEventHandlers {
    this.ctx.requireApi("1.7", "Worksheet.onChanged");
    this.changed ??= new ChangedEventHandlers(this);
    return this.changed;
  }

  private changed: ChangedEventHandlers | undefined;

  /** Queues the registration of an onChanged handler: live once synced; none on a null object. */
  queueRegister(registration: FakeRegistration): void {
    this.ctx.enqueue({
      proxy: this,
      kind: "call",
      name: "_RegisterDataChangedEvent",
      args: [],
      run: () => {
        this.resolve()?.changedHandlers.push(registration);
      },
    });
  }

  /** Queues the unregistration of a handler; on a sheet deleted since, it fails with ItemNotFound. */
  queueUnregister(registration: FakeRegistration): void {
    this.ctx.enqueue({
      proxy: this,
      kind: "call",
      name: "_UnregisterDataChangedEvent",
      args: [],
      deferErrors: true,
      run: () => {
        const list = this.resolve()?.changedHandlers;
        const index = list?.indexOf(registration) ?? -1;
        if (index >= 0) list?.splice(index, 1);
      },
    });
  }

  get freezePanes(): FreezePanesProxy {
    return this.child(
      "freezePanes",
      () => new FreezePanesProxy(this.ctx, `${this.path}.freezePanes`, () => this.target()),
    );
  }

  get pageLayout(): PageLayoutProxy {
    this.ctx.requireApi("1.9", "Worksheet.pageLayout");
    return this.child(
      "pageLayout",
      () => new PageLayoutProxy(this.ctx, `${this.path}.pageLayout`, () => this.target()),
    );
  }

  /** A range of the sheet; without an address, the whole sheet (as in Office.js). */
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.getRange(${JSON.stringify(address ?? null)})`, () => {
      const sheet = this.resolve();
      if (sheet === null) return null;
      if (address === undefined) return { sheet, b: WHOLE_SHEET };
      try {
        return { sheet, b: parseBounds(address) };
      } catch {
        return fail("InvalidArgument", `not a range address: ${address}`);
      }
    });
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): RangeProxy {
    return new RangeProxy(
      this.ctx,
      `${this.path}.getRangeByIndexes(${row},${col},${rowCount},${colCount})`,
      () => {
        const sheet = this.resolve();
        if (sheet === null) return null;
        if (rowCount < 1 || colCount < 1 || row < 0 || col < 0) fail("InvalidArgument", "bad range indexes");
        return { sheet, b: { r1: row, c1: col, r2: row + rowCount - 1, c2: col + colCount - 1 } };
      },
    );
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.getUsedRange(${valuesOnly === true})`, () => {
      const sheet = this.resolve();
      if (sheet === null) return null;
      return { sheet, b: sheet.usedBounds(valuesOnly === true) ?? { r1: 0, c1: 0, r2: 0, c2: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.getUsedRangeOrNullObject(${valuesOnly === true})`, () => {
      const sheet = this.resolve();
      if (sheet === null) return null;
      const b = sheet.usedBounds(valuesOnly === true);
      return b === null ? null : { sheet, b };
    });
  }

  delete(): void {
    this.call("delete", [], (t) => {
      const state = this.ctx.state;
      const visibleOthers = state.sheets.filter((s) => s !== t && s.visibility === "Visible");
      if (visibleOthers.length === 0)
        fail("InvalidOperation", "a workbook must keep at least one visible sheet");
      // Microsoft's reference of Worksheet.delete: a VeryHidden sheet cannot be deleted (InvalidOperation).
      if (t.visibility === "VeryHidden")
        fail("InvalidOperation", `sheet "${t.name}" is very hidden: show it before deleting it`);
      state.removeSheet(t);
    });
  }

  activate(): void {
    this.call("activate", [], (t) => {
      if (t.visibility !== "Visible") fail("InvalidOperation", `sheet "${t.name}" is hidden`);
      this.ctx.state.activeSheet = t;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Events

/** `OfficeExtension.EventHandlerResult`: removes its handler through the context it was added in. */
class FakeEventHandlerResult {
  private removed = false;

  constructor(
    private readonly sheet: WorksheetProxy,
    readonly registration: FakeRegistration,
  ) {}

  /** The request context the handler was added in. */
  get context(): Excel.RequestContext {
    return this.sheet.ctx as unknown as Excel.RequestContext;
  }

  /** Whether remove() was called. */
  get isRemoved(): boolean {
    return this.removed;
  }

  /** Queues the handler's removal, applied at the next sync of its context; again: nothing. */
  remove(): void {
    if (this.removed) return;
    this.sheet.queueUnregister(this.registration);
    this.removed = true;
  }
}

/** `OfficeExtension.EventHandlers<WorksheetChangedEventArgs>` of a worksheet. */
class ChangedEventHandlers {
  private readonly results: FakeEventHandlerResult[] = [];

  constructor(private readonly sheet: WorksheetProxy) {}

  add(handler: FakeChangedHandler): FakeEventHandlerResult {
    if (typeof handler !== "function") fail("InvalidArgument", "an event handler must be a function");
    const registration: FakeRegistration = { handler };
    this.sheet.queueRegister(registration);
    const result = new FakeEventHandlerResult(this.sheet, registration);
    this.results.push(result);
    return result;
  }

  remove(handler: FakeChangedHandler): void {
    this.results.find((r) => r.registration.handler === handler && !r.isRemoved)?.remove();
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

interface RangeTarget {
  readonly sheet: FakeSheet;
  readonly b: Bounds;
}

/** Every cell of a sheet. */
const WHOLE_SHEET: Bounds = Object.freeze({ r1: 0, c1: 0, r2: 1_048_575, c2: 16_383 });

/** Whether a cell key (row * 16 384 + col) lies within bounds. */
/** Whether bounds `inner` lie within `outer`. */
function within(inner: Bounds, outer: Bounds): boolean {
  return inner.r1 >= outer.r1 && inner.r2 <= outer.r2 && inner.c1 >= outer.c1 && inner.c2 <= outer.c2;
}

function keyIn(key: number, b: Bounds): boolean {
  const r = Math.floor(key / 16_384);
  const c = key % 16_384;
  return r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2;
}

function eachCell(t: RangeTarget, f: (row: number, col: number) => void): void {
  for (let r = t.b.r1; r <= t.b.r2; r++) for (let c = t.b.c1; c <= t.b.c2; c++) f(r, c);
}

function updateFormat(t: RangeTarget, change: (f: FakeCellFormat) => FakeCellFormat): void {
  const cache = new Map<FakeCellFormat, FakeCellFormat>();
  eachCell(t, (r, c) => {
    const cell = t.sheet.ensure(r, c);
    let next = cache.get(cell.format);
    if (next === undefined) {
      next = Object.freeze(change(cell.format));
      cache.set(cell.format, next);
    }
    cell.format = next;
  });
}

function normalColor(value: string): string {
  if (!/^#[0-9A-Fa-f]{6}$/.test(value)) fail("InvalidArgument", `not a colour: ${value}`);
  return value.toUpperCase();
}

class RangeProxy extends ProxyBase<RangeTarget> {
  protected get typeName(): string {
    return "Range";
  }

  protected override alive(target: RangeTarget): boolean {
    return !target.sheet.deleted;
  }

  protected scalar(t: RangeTarget, prop: string): Scalar | typeof NOT_SCALAR {
    const rows = t.b.r2 - t.b.r1 + 1;
    const cols = t.b.c2 - t.b.c1 + 1;
    const grid = (f: (cell: FakeCell | undefined) => unknown): unknown[][] =>
      Array.from({ length: rows }, (_r, i) =>
        Array.from({ length: cols }, (_c, j) => f(t.sheet.at(t.b.r1 + i, t.b.c1 + j))),
      );
    switch (prop) {
      case "address":
        return t.sheet.address(t.b);
      case "addressLocal":
        return t.sheet.address(t.b);
      case "values":
        return grid(cellValueOut);
      case "formulas":
        return grid((cell) => cell?.formula ?? cellValueOut(cell));
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? "General");
      case "rowCount":
        return rows;
      case "columnCount":
        return cols;
      case "rowIndex":
        return t.b.r1;
      case "columnIndex":
        return t.b.c1;
      default:
        return NOT_SCALAR;
    }
  }

  protected override nav(prop: string): ProxyBase | undefined {
    switch (prop) {
      case "format":
        return this.format;
      case "worksheet":
        return this.worksheet;
      default:
        return undefined;
    }
  }

  get address(): string {
    return this.read("address");
  }

  get values(): unknown[][] {
    return this.read("values");
  }

  set values(input: unknown[][]) {
    this.write("values", input, (t, s) => this.writeGrid(t, s, input, "values"));
  }

  get formulas(): unknown[][] {
    return this.read("formulas");
  }

  set formulas(input: unknown[][]) {
    this.write("formulas", input, (t, s) => this.writeGrid(t, s, input, "formulas"));
  }

  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }

  set numberFormat(input: unknown[][]) {
    this.write("numberFormat", input, (t) => {
      const at = shapeOf(input, t.b.r2 - t.b.r1 + 1, t.b.c2 - t.b.c1 + 1, "numberFormat");
      eachCell(t, (r, c) => {
        const v = at(r - t.b.r1, c - t.b.c1);
        if (v === null || v === undefined) return;
        if (typeof v !== "string")
          fail("InvalidArgument", `a number format must be text: ${JSON.stringify(v)}`);
        t.sheet.ensure(r, c).numberFormat = v;
      });
    });
  }

  get rowCount(): number {
    return this.read("rowCount");
  }

  get columnCount(): number {
    return this.read("columnCount");
  }

  get rowIndex(): number {
    return this.read("rowIndex");
  }

  get columnIndex(): number {
    return this.read("columnIndex");
  }

  private writeGrid(t: RangeTarget, staging: Staging, input: unknown, what: string): void {
    const at = shapeOf(input, t.b.r2 - t.b.r1 + 1, t.b.c2 - t.b.c1 + 1, what);
    eachCell(t, (r, c) => {
      const v = at(r - t.b.r1, c - t.b.c1);
      if (v === null || v === undefined) return; // null leaves the cell as it is
      writeCell(this.ctx.state, t.sheet.ensure(r, c), v);
    });
    staging.changes.push({ sheet: t.sheet, b: t.b });
  }

  get format(): RangeFormatProxy {
    return this.child(
      "format",
      () => new RangeFormatProxy(this.ctx, `${this.path}.format`, () => this.resolve()),
    );
  }

  get worksheet(): WorksheetProxy {
    return this.child(
      "worksheet",
      () => new WorksheetProxy(this.ctx, `${this.path}.worksheet`, () => this.resolve()?.sheet ?? null),
    );
  }

  get dataValidation(): DataValidationProxy {
    return this.child(
      "dataValidation",
      () => new DataValidationProxy(this.ctx, `${this.path}.dataValidation`, () => this.resolve()),
    );
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.child(
      "conditionalFormats",
      () =>
        new ConditionalFormatCollectionProxy(this.ctx, `${this.path}.conditionalFormats`, () =>
          this.resolve(),
        ),
    );
  }

  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return new RangeProxy(
      this.ctx,
      `${this.path}.getIntersectionOrNullObject(${typeof other === "string" ? JSON.stringify(other) : other.path})`,
      () => {
        const t = this.resolve();
        if (t === null) return null;
        const o = typeof other === "string" ? { sheet: t.sheet, b: parseBounds(other) } : other.resolve();
        if (o === null) return null;
        if (o.sheet !== t.sheet) fail("InvalidArgument", "the ranges are on different sheets");
        if (!overlaps(t.b, o.b)) return null;
        return {
          sheet: t.sheet,
          b: {
            r1: Math.max(t.b.r1, o.b.r1),
            c1: Math.max(t.b.c1, o.b.c1),
            r2: Math.min(t.b.r2, o.b.r2),
            c2: Math.min(t.b.c2, o.b.c2),
          },
        };
      },
    );
  }

  merge(across?: boolean): void {
    this.call("merge", [across ?? false], (t) => {
      if (across === true) unsupported("merge(across)");
      for (const m of t.sheet.merges)
        if (overlaps(m, t.b))
          fail("MergedRangeConflict", `${boundsAddress(t.b)} overlaps the merged ${boundsAddress(m)}`);
      for (const table of this.ctx.state.tables) {
        if (table.sheet === t.sheet && overlaps(table.bounds, t.b))
          fail("InvalidOperation", "cannot merge cells of a table");
      }
      t.sheet.merges.push(t.b);
    });
  }

  /**
   * `Range.clear`: `All` (the default) empties the cells and resets their formats and number
   * formats (the cells go), `Contents` empties them, `Formats` resets their look and number format.
   * Merges, validations, conditional formats, widths and heights are left as they are (cleared with
   * their own calls: what Excel's clear does to them is not relied upon).
   */
  clear(applyTo?: string): void {
    this.call("clear", [applyTo ?? "All"], (t, s) => {
      const how = applyTo ?? "All";
      if (how !== "All" && how !== "Contents" && how !== "Formats") unsupported(`Range.clear(${how})`);
      // Clearing all of a range that holds a whole table removes the table, as "Clear All" does in
      // Excel (the strict reading: Microsoft's reference does not say the table survives).
      if (how === "All")
        for (const table of this.ctx.state.tables.filter((x) => x.sheet === t.sheet && within(x.bounds, t.b)))
          this.ctx.state.deleteTable(table);
      for (const [key, cell] of [...t.sheet.cells]) {
        if (!keyIn(key, t.b)) continue;
        if (how === "All") t.sheet.cells.delete(key);
        else if (how === "Contents") {
          cell.value = null;
          cell.formula = null;
        } else {
          cell.numberFormat = "General";
          cell.format = DEFAULT_FORMAT;
        }
      }
      if (how !== "Formats") s.changes.push({ sheet: t.sheet, b: t.b });
    });
  }

  /** Unmerges every merged area that overlaps the range. */
  unmerge(): void {
    this.call("unmerge", [], (t) => {
      for (let i = t.sheet.merges.length - 1; i >= 0; i--) {
        const m = t.sheet.merges[i];
        if (m !== undefined && overlaps(m, t.b)) t.sheet.merges.splice(i, 1);
      }
    });
  }

  select(): void {
    this.call("select", [], (t) => {
      if (this.ctx.state.activeSheet !== t.sheet)
        fail("InvalidSelection", `cannot select on "${t.sheet.name}": it is not the active sheet`);
      this.ctx.state.selection = { sheet: t.sheet, bounds: t.b };
    });
  }
}

class RangeFormatProxy extends ProxyBase<RangeTarget> {
  protected get typeName(): string {
    return "RangeFormat";
  }

  protected scalar(t: RangeTarget, prop: string): Scalar | typeof NOT_SCALAR {
    const first = t.sheet.at(t.b.r1, t.b.c1)?.format ?? DEFAULT_FORMAT;
    switch (prop) {
      case "horizontalAlignment":
        return first.horizontalAlignment;
      case "verticalAlignment":
        return first.verticalAlignment;
      case "wrapText":
        return first.wrapText;
      case "columnWidth":
        return t.sheet.columnWidths.get(t.b.c1) ?? 48;
      case "rowHeight":
        return t.sheet.rowHeights.get(t.b.r1) ?? 15;
      default:
        return NOT_SCALAR;
    }
  }

  protected override nav(prop: string): ProxyBase | undefined {
    return prop === "font" ? this.font : prop === "fill" ? this.fill : undefined;
  }

  get font(): FontProxy {
    return this.child("font", () => new FontProxy(this.ctx, `${this.path}.font`, () => this.resolve()));
  }

  /** `true` puts the range's columns back to the standard width (ExcelApi 1.7); `false` does nothing. */
  set useStandardWidth(v: boolean) {
    this.ctx.requireApi("1.7", "RangeFormat.useStandardWidth");
    this.write("useStandardWidth", v, (t) => {
      if (!v) return;
      for (const c of [...t.sheet.columnWidths.keys()])
        if (c >= t.b.c1 && c <= t.b.c2) t.sheet.columnWidths.delete(c);
    });
  }

  /** `true` puts the range's rows back to the standard height (ExcelApi 1.7); `false` does nothing. */
  set useStandardHeight(v: boolean) {
    this.ctx.requireApi("1.7", "RangeFormat.useStandardHeight");
    this.write("useStandardHeight", v, (t) => {
      if (!v) return;
      for (const r of [...t.sheet.rowHeights.keys()])
        if (r >= t.b.r1 && r <= t.b.r2) t.sheet.rowHeights.delete(r);
    });
  }

  get fill(): FillProxy {
    return this.child("fill", () => new FillProxy(this.ctx, `${this.path}.fill`, () => this.resolve()));
  }

  get borders(): BordersProxy {
    return this.child(
      "borders",
      () => new BordersProxy(this.ctx, `${this.path}.borders`, () => this.resolve()),
    );
  }

  get protection(): ProtectionProxy {
    return this.child(
      "protection",
      () => new ProtectionProxy(this.ctx, `${this.path}.protection`, () => this.resolve()),
    );
  }

  set horizontalAlignment(value: string) {
    this.write("horizontalAlignment", value, (t) => {
      if (
        ![
          "General",
          "Left",
          "Center",
          "Right",
          "Fill",
          "Justify",
          "CenterAcrossSelection",
          "Distributed",
        ].includes(value)
      )
        fail("InvalidArgument", `horizontalAlignment ${value}`);
      updateFormat(t, (f) => ({ ...f, horizontalAlignment: value }));
    });
  }

  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }

  set verticalAlignment(value: string) {
    this.write("verticalAlignment", value, (t) => {
      if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(value))
        fail("InvalidArgument", `verticalAlignment ${value}`);
      updateFormat(t, (f) => ({ ...f, verticalAlignment: value }));
    });
  }

  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }

  set wrapText(value: boolean) {
    this.write("wrapText", value, (t) => updateFormat(t, (f) => ({ ...f, wrapText: value })));
  }

  get wrapText(): boolean {
    return this.read("wrapText");
  }

  set indentLevel(value: number) {
    this.ctx.requireApi("1.9", "RangeFormat.indentLevel");
    this.write("indentLevel", value, (t) => {
      if (!Number.isInteger(value) || value < 0 || value > 250)
        fail("InvalidArgument", `indentLevel ${value}`);
      updateFormat(t, (f) => ({ ...f, indentLevel: value }));
    });
  }

  set columnWidth(points: number) {
    this.write("columnWidth", points, (t) => {
      if (!Number.isFinite(points) || points < 0) fail("InvalidArgument", `columnWidth ${points}`);
      for (let c = t.b.c1; c <= t.b.c2; c++) t.sheet.columnWidths.set(c, points);
    });
  }

  get columnWidth(): number {
    return this.read("columnWidth");
  }

  set rowHeight(points: number) {
    this.write("rowHeight", points, (t) => {
      if (!Number.isFinite(points) || points < 0 || points > 409)
        fail("InvalidArgument", `rowHeight ${points}`);
      for (let r = t.b.r1; r <= t.b.r2; r++) t.sheet.rowHeights.set(r, points);
    });
  }

  get rowHeight(): number {
    return this.read("rowHeight");
  }

  autofitRows(): void {
    this.call("autofitRows", [], () => undefined);
  }
}

class FontProxy extends ProxyBase<RangeTarget> {
  protected get typeName(): string {
    return "RangeFont";
  }

  protected scalar(t: RangeTarget, prop: string): Scalar | typeof NOT_SCALAR {
    const font = (t.sheet.at(t.b.r1, t.b.c1)?.format ?? DEFAULT_FORMAT).font;
    return prop === "bold" || prop === "italic" || prop === "size" || prop === "color" || prop === "name"
      ? font[prop]
      : NOT_SCALAR;
  }

  private set1<K extends "bold" | "italic" | "size" | "color" | "name">(
    prop: K,
    value: FakeCellFormat["font"][K],
  ): void {
    this.write(prop, value, (t) => {
      const v = prop === "color" ? normalColor(String(value)) : value;
      if (prop === "size" && (typeof v !== "number" || v < 1 || v > 409))
        fail("InvalidArgument", `font size ${String(v)}`);
      updateFormat(t, (f) => ({ ...f, font: Object.freeze({ ...f.font, [prop]: v }) }));
    });
  }

  get bold(): boolean {
    return this.read("bold");
  }

  set bold(v: boolean) {
    this.set1("bold", v);
  }

  get italic(): boolean {
    return this.read("italic");
  }

  set italic(v: boolean) {
    this.set1("italic", v);
  }

  get size(): number {
    return this.read("size");
  }

  set size(v: number) {
    this.set1("size", v);
  }

  get color(): string {
    return this.read("color");
  }

  set color(v: string) {
    this.set1("color", v);
  }
}

class FillProxy extends ProxyBase<RangeTarget> {
  protected get typeName(): string {
    return "RangeFill";
  }

  protected scalar(t: RangeTarget, prop: string): Scalar | typeof NOT_SCALAR {
    return prop === "color"
      ? ((t.sheet.at(t.b.r1, t.b.c1)?.format ?? DEFAULT_FORMAT).fill ?? "#FFFFFF")
      : NOT_SCALAR;
  }

  get color(): string {
    return this.read("color");
  }

  set color(v: string) {
    this.write("color", v, (t) => {
      const color = normalColor(v);
      updateFormat(t, (f) => ({ ...f, fill: color }));
    });
  }

  clear(): void {
    this.call("clear", [], (t) => updateFormat(t, (f) => ({ ...f, fill: null })));
  }
}

class ProtectionProxy extends ProxyBase<RangeTarget> {
  protected get typeName(): string {
    return "FormatProtection";
  }

  protected scalar(t: RangeTarget, prop: string): Scalar | typeof NOT_SCALAR {
    return prop === "locked" ? (t.sheet.at(t.b.r1, t.b.c1)?.format ?? DEFAULT_FORMAT).locked : NOT_SCALAR;
  }

  get locked(): boolean {
    return this.read("locked");
  }

  set locked(v: boolean) {
    this.write("locked", v, (t) => updateFormat(t, (f) => ({ ...f, locked: v })));
  }
}

const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

class BordersProxy extends ProxyBase<RangeTarget> {
  protected get typeName(): string {
    return "RangeBorderCollection";
  }

  protected scalar(): Scalar | typeof NOT_SCALAR {
    return NOT_SCALAR;
  }

  getItem(index: string): BorderProxy {
    if (!BORDER_INDEXES.includes(index)) unsupported(`border index ${index}`);
    return new BorderProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(index)})`, () => {
      const t = this.resolve();
      return t === null ? null : { range: t, index };
    });
  }
}

class BorderProxy extends ProxyBase<{ range: RangeTarget; index: string }> {
  protected get typeName(): string {
    return "RangeBorder";
  }

  protected scalar(): Scalar | typeof NOT_SCALAR {
    return NOT_SCALAR;
  }

  private apply(part: "style" | "weight" | "color", value: string): void {
    this.write(part, value, ({ range, index }) => {
      if (index.startsWith("Diagonal")) unsupported("diagonal borders");
      const v = part === "color" ? normalColor(value) : value;
      const edges = (r: number, c: number): ("top" | "bottom" | "left" | "right")[] => {
        const out: ("top" | "bottom" | "left" | "right")[] = [];
        const b = range.b;
        if (index === "EdgeTop" && r === b.r1) out.push("top");
        if (index === "EdgeBottom" && r === b.r2) out.push("bottom");
        if (index === "EdgeLeft" && c === b.c1) out.push("left");
        if (index === "EdgeRight" && c === b.c2) out.push("right");
        if (index === "InsideHorizontal") {
          if (r > b.r1) out.push("top");
          if (r < b.r2) out.push("bottom");
        }
        if (index === "InsideVertical") {
          if (c > b.c1) out.push("left");
          if (c < b.c2) out.push("right");
        }
        return out;
      };
      eachCell(range, (r, c) => {
        const sides = edges(r, c);
        if (sides.length === 0) return;
        const cell = range.sheet.ensure(r, c);
        const borders = { ...cell.format.borders };
        for (const side of sides) {
          const old: FakeBorder = borders[side] ?? { style: "Continuous", weight: "Thin", color: "#000000" };
          borders[side] = { ...old, [part]: v };
        }
        cell.format = Object.freeze({ ...cell.format, borders: Object.freeze(borders) });
      });
    });
  }

  set style(v: string) {
    if (!["Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "None", "SlantDashDot"].includes(v))
      unsupported(`border style ${v}`);
    this.apply("style", v);
  }

  set weight(v: string) {
    if (!["Hairline", "Thin", "Medium", "Thick"].includes(v)) unsupported(`border weight ${v}`);
    this.apply("weight", v);
  }

  set color(v: string) {
    this.apply("color", v);
  }
}

// ---------------------------------------------------------------------------------------------
// Validation, conditional formats

class DataValidationProxy extends ProxyBase<RangeTarget> {
  protected get typeName(): string {
    return "DataValidation";
  }

  protected scalar(t: RangeTarget, prop: string): Scalar | typeof NOT_SCALAR {
    const v = this.find(t);
    switch (prop) {
      case "rule":
        return v?.rule ?? {};
      case "ignoreBlanks":
        return v?.ignoreBlanks ?? true;
      default:
        return NOT_SCALAR;
    }
  }

  private find(t: RangeTarget): FakeValidation | undefined {
    const address = boundsAddress(t.b);
    return t.sheet.validations.find((v) => v.address === address);
  }

  private ensure(t: RangeTarget): FakeValidation {
    const found = this.find(t);
    if (found !== undefined) return found;
    for (const v of t.sheet.validations) {
      if (overlaps(parseBounds(v.address), t.b))
        fail(
          "InvalidOperation",
          `${boundsAddress(t.b)} overlaps the validation of ${v.address}; clear it first`,
        );
    }
    const created = {
      address: boundsAddress(t.b),
      rule: null,
      prompt: null,
      errorAlert: null,
      ignoreBlanks: true,
    };
    t.sheet.validations.push(created);
    return created;
  }

  set rule(rule: Excel.DataValidationRule) {
    this.write("rule", rule, (t) => {
      const kinds = Object.keys(rule);
      if (kinds.length !== 1) fail("InvalidArgument", "a data validation rule has exactly one kind");
      if (rule.list !== undefined && typeof rule.list.source === "string" && rule.list.source.length > 255)
        fail("InvalidArgument", "list source longer than 255 characters");
      this.ensure(t).rule = rule;
    });
  }

  get rule(): Excel.DataValidationRule {
    return this.read("rule");
  }

  set prompt(prompt: Excel.DataValidationPrompt) {
    this.write("prompt", prompt, (t) => {
      if (prompt.message.length > 255 || prompt.title.length > 32) fail("InvalidArgument", "prompt too long");
      this.ensure(t).prompt = prompt;
    });
  }

  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.write("errorAlert", alert, (t) => {
      if (alert.message.length > 255 || alert.title.length > 32)
        fail("InvalidArgument", "error alert too long");
      this.ensure(t).errorAlert = alert;
    });
  }

  set ignoreBlanks(v: boolean) {
    this.write("ignoreBlanks", v, (t) => {
      this.ensure(t).ignoreBlanks = v;
    });
  }

  clear(): void {
    this.call("clear", [], (t) => {
      for (let i = t.sheet.validations.length - 1; i >= 0; i--) {
        const v = t.sheet.validations[i];
        if (v !== undefined && overlaps(parseBounds(v.address), t.b)) t.sheet.validations.splice(i, 1);
      }
    });
  }
}

type CfTarget = { sheet: FakeSheet; cf: FakeConditionalFormat };

class ConditionalFormatCollectionProxy extends ProxyBase<RangeTarget> {
  protected get typeName(): string {
    return "ConditionalFormatCollection";
  }

  protected scalar(): Scalar | typeof NOT_SCALAR {
    return NOT_SCALAR;
  }

  add(type: string): ConditionalFormatProxy {
    if (type !== "CellValue") unsupported(`conditional format type ${type}`);
    const proxy = new ConditionalFormatProxy(this.ctx, `${this.path}.add(${JSON.stringify(type)})`, () =>
      fail("InvalidObjectPath", "used before add"),
    );
    this.call("add", [type], (t) => {
      const cf = { address: boundsAddress(t.b), type, rule: null, fontColor: null, fillColor: null };
      t.sheet.conditionalFormats.push(cf);
      proxy.bind({ sheet: t.sheet, cf });
    });
    return proxy;
  }

  /** Removes the conditional formats that overlap the range (ExcelApi 1.6). */
  clearAll(): void {
    this.ctx.requireApi("1.6", "ConditionalFormatCollection.clearAll");
    this.call("clearAll", [], (t) => {
      const list = t.sheet.conditionalFormats;
      for (let i = list.length - 1; i >= 0; i--) {
        const cf = list[i];
        if (cf !== undefined && overlaps(parseBounds(cf.address), t.b)) list.splice(i, 1);
      }
    });
  }
}

class ConditionalFormatProxy extends ProxyBase<CfTarget> {
  protected get typeName(): string {
    return "ConditionalFormat";
  }

  protected scalar(): Scalar | typeof NOT_SCALAR {
    return NOT_SCALAR;
  }

  get cellValue(): CellValueCfProxy {
    return this.child(
      "cellValue",
      () => new CellValueCfProxy(this.ctx, `${this.path}.cellValue`, () => this.resolve()),
    );
  }
}

class CellValueCfProxy extends ProxyBase<CfTarget> {
  protected get typeName(): string {
    return "CellValueConditionalFormat";
  }

  protected scalar(): Scalar | typeof NOT_SCALAR {
    return NOT_SCALAR;
  }

  set rule(rule: Excel.ConditionalCellValueRule) {
    this.write("rule", rule, ({ cf }) => {
      if (typeof rule.formula1 !== "string" || rule.formula1 === "")
        fail("InvalidArgument", "formula1 is required");
      cf.rule = rule;
    });
  }

  get format(): CfFormatProxy {
    return this.child(
      "format",
      () => new CfFormatProxy(this.ctx, `${this.path}.format`, () => this.resolve()),
    );
  }
}

class CfFormatProxy extends ProxyBase<CfTarget> {
  protected get typeName(): string {
    return "ConditionalRangeFormat";
  }

  protected scalar(): Scalar | typeof NOT_SCALAR {
    return NOT_SCALAR;
  }

  get font(): CfColorProxy {
    return this.child(
      "font",
      () => new CfColorProxy(this.ctx, `${this.path}.font`, () => this.resolve(), "fontColor"),
    );
  }

  get fill(): CfColorProxy {
    return this.child(
      "fill",
      () => new CfColorProxy(this.ctx, `${this.path}.fill`, () => this.resolve(), "fillColor"),
    );
  }
}

class CfColorProxy extends ProxyBase<CfTarget> {
  constructor(
    ctx: FakeContext,
    path: string,
    resolver: () => CfTarget | null,
    private readonly field: "fontColor" | "fillColor",
  ) {
    super(ctx, path, resolver);
  }

  protected get typeName(): string {
    return this.field === "fontColor" ? "ConditionalRangeFont" : "ConditionalRangeFill";
  }

  protected scalar(): Scalar | typeof NOT_SCALAR {
    return NOT_SCALAR;
  }

  set color(v: string) {
    this.write("color", v, ({ cf }) => {
      cf[this.field] = normalColor(v);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Freeze panes, page layout

class FreezePanesProxy extends ProxyBase<FakeSheet> {
  protected get typeName(): string {
    return "WorksheetFreezePanes";
  }

  protected scalar(): Scalar | typeof NOT_SCALAR {
    return NOT_SCALAR;
  }

  freezeRows(count?: number): void {
    this.call("freezeRows", [count ?? 1], (t) => {
      t.freeze = { rows: count ?? 1, cols: 0 };
    });
  }

  freezeColumns(count?: number): void {
    this.call("freezeColumns", [count ?? 1], (t) => {
      t.freeze = { rows: 0, cols: count ?? 1 };
    });
  }

  freezeAt(frozen: RangeProxy | string): void {
    this.call("freezeAt", [frozen], (t) => {
      const b =
        typeof frozen === "string"
          ? parseBounds(frozen)
          : (frozen.resolve()?.b ?? fail("ItemNotFound", "freezeAt: null range"));
      if (b.r1 !== 0 || b.c1 !== 0) unsupported("freezeAt a range not starting at A1");
      t.freeze = { rows: b.r2 + 1, cols: b.c2 + 1 };
    });
  }

  unfreeze(): void {
    this.call("unfreeze", [], (t) => {
      t.freeze = null;
    });
  }
}

class PageLayoutProxy extends ProxyBase<FakeSheet> {
  protected get typeName(): string {
    return "PageLayout";
  }

  protected scalar(t: FakeSheet, prop: string): Scalar | typeof NOT_SCALAR {
    if (prop === "orientation") return t.pageLayout.orientation;
    if (prop === "paperSize") return t.pageLayout.paperSize;
    if (prop === "zoom") return t.pageLayout.zoom;
    return NOT_SCALAR;
  }

  set orientation(v: string) {
    this.write("orientation", v, (t) => {
      if (v !== "Portrait" && v !== "Landscape") fail("InvalidArgument", `orientation ${v}`);
      t.pageLayout.orientation = v;
    });
  }

  set paperSize(v: string) {
    this.write("paperSize", v, (t) => {
      t.pageLayout.paperSize = v;
    });
  }

  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.write("zoom", v, (t) => {
      if (
        v.scale !== undefined &&
        (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined)
      )
        fail("InvalidArgument", "zoom: scale or fit, not both");
      t.pageLayout.zoom = { ...v };
    });
  }

  setPrintTitleRows(rows: RangeProxy | string): void {
    this.call("setPrintTitleRows", [rows], (t) => {
      if (typeof rows !== "string") unsupported("setPrintTitleRows(Range)");
      const m = /^\$?(\d+):\$?(\d+)$/.exec(rows);
      if (!m) fail("InvalidArgument", `not whole rows: ${rows}`);
      t.pageLayout.printTitleRows = `$${m[1]}:$${m[2]}`;
    });
  }

  setPrintArea(area: RangeProxy | string): void {
    this.call("setPrintArea", [area], (t) => {
      if (typeof area !== "string") unsupported("setPrintArea(Range)");
      if (!/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/.test(area))
        fail("InvalidArgument", `not a range: ${area}`);
      t.pageLayout.printArea = area.replace(/\$/g, "");
    });
  }

  get headersFooters(): HeaderFooterGroupProxy {
    return this.child(
      "headersFooters",
      () => new HeaderFooterGroupProxy(this.ctx, `${this.path}.headersFooters`, () => this.resolve()),
    );
  }
}

class HeaderFooterGroupProxy extends ProxyBase<FakeSheet> {
  protected get typeName(): string {
    return "HeaderFooterGroup";
  }

  protected scalar(): Scalar | typeof NOT_SCALAR {
    return NOT_SCALAR;
  }

  get defaultForAllPages(): HeaderFooterProxy {
    return this.child(
      "default",
      () => new HeaderFooterProxy(this.ctx, `${this.path}.defaultForAllPages`, () => this.resolve()),
    );
  }
}

class HeaderFooterProxy extends ProxyBase<FakeSheet> {
  protected get typeName(): string {
    return "HeaderFooter";
  }

  protected scalar(t: FakeSheet, prop: string): Scalar | typeof NOT_SCALAR {
    return /^(left|center|right)(Header|Footer)$/.test(prop)
      ? (t.pageLayout.headersFooters[prop] ?? "")
      : NOT_SCALAR;
  }

  private set1(prop: string, v: string): void {
    this.write(prop, v, (t) => {
      if (v.length > 255) fail("InvalidArgument", `${prop} longer than 255 characters`);
      t.pageLayout.headersFooters[prop] = v;
    });
  }

  set leftHeader(v: string) {
    this.set1("leftHeader", v);
  }

  set centerHeader(v: string) {
    this.set1("centerHeader", v);
  }

  set rightHeader(v: string) {
    this.set1("rightHeader", v);
  }

  set leftFooter(v: string) {
    this.set1("leftFooter", v);
  }

  set centerFooter(v: string) {
    this.set1("centerFooter", v);
  }

  set rightFooter(v: string) {
    this.set1("rightFooter", v);
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

const NAME_RE = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;

function validName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    NAME_RE.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]\d*$|^[Rr]\d*[Cc]\d*$/.test(name)
  );
}

class TableCollectionProxy extends CollectionProxy<
  { state: FakeWorkbookState; sheet: FakeSheet | null },
  FakeTable,
  TableProxy
> {
  protected get typeName(): string {
    return "TableCollection";
  }

  protected itemsOf(t: { state: FakeWorkbookState; sheet: FakeSheet | null }): FakeTable[] {
    return t.state.tables.filter((x) => t.sheet === null || x.sheet === t.sheet);
  }

  protected itemProxy(item: FakeTable): TableProxy {
    return new TableProxy(this.ctx, `workbook.tables.getItem(${JSON.stringify(item.name)})`, () => item);
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(name)})`, () => {
      const t = this.target();
      const found = t.state.findTable(name);
      if (found === undefined || (t.sheet !== null && found.sheet !== t.sheet))
        fail("ItemNotFound", `no table named "${name}"`);
      return found;
    });
  }

  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.ctx, `${this.path}.getItemOrNullObject(${JSON.stringify(name)})`, () => {
      const t = this.resolve();
      if (t === null) return null;
      const found = t.state.findTable(name);
      return found === undefined || (t.sheet !== null && found.sheet !== t.sheet) ? null : found;
    });
  }

  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    const proxy = new TableProxy(
      this.ctx,
      `${this.path}.add(${JSON.stringify(typeof address === "string" ? address : address.path)})`,
      () => fail("InvalidObjectPath", "the added table was used before its add ran"),
    );
    this.call("add", [address, hasHeaders], (t) => {
      if (!hasHeaders) unsupported("tables.add without headers");
      let sheet: FakeSheet;
      let b: Bounds;
      if (typeof address === "string") {
        const bang = address.lastIndexOf("!");
        if (bang >= 0) {
          const sheetName = address
            .slice(0, bang)
            .replace(/^'(.*)'$/, "$1")
            .replace(/''/g, "'");
          sheet = t.state.findSheet(sheetName) ?? fail("ItemNotFound", `no sheet "${sheetName}"`);
        } else if (t.sheet !== null) sheet = t.sheet;
        else fail("InvalidArgument", "workbook.tables.add needs a sheet-qualified address");
        b = parseBounds(address);
      } else {
        const r = address.resolve() ?? fail("ItemNotFound", "tables.add on a null range");
        sheet = r.sheet;
        b = r.b;
      }
      if (t.sheet !== null && sheet !== t.sheet) fail("InvalidArgument", "the range is not on this sheet");
      if (b.r2 <= b.r1) fail("InvalidArgument", "a table with headers needs at least two rows");
      for (const other of t.state.tables)
        if (other.sheet === sheet && overlaps(other.bounds, b))
          fail("InvalidOperation", `the range overlaps table ${other.name}`);
      for (const m of sheet.merges)
        if (overlaps(m, b)) fail("InvalidOperation", "a table cannot hold merged cells");
      const id = t.state.tableId();
      let name = `Table${id}`;
      for (let n = id; t.state.nameTaken(name); n++) name = `Table${n + 1}`;
      const table: FakeTable = {
        id,
        name,
        sheet,
        bounds: b,
        showHeaders: true,
        showTotals: false,
        style: "TableStyleMedium2",
      };
      // Header cells become text column names; duplicates and empty ones get Excel's names.
      const seen = new Set<string>();
      for (let c = b.c1; c <= b.c2; c++) {
        const cell = sheet.ensure(b.r1, c);
        let text = cell.value === null ? "" : String(cell.value);
        if (cell.formula !== null) text = "";
        if (text === "") text = `Column${c - b.c1 + 1}`;
        let unique = text;
        for (let k = 2; seen.has(unique.toLowerCase()); k++) unique = `${text}${k}`;
        seen.add(unique.toLowerCase());
        cell.value = unique;
        cell.formula = null;
      }
      t.state.tables.push(table);
      proxy.bind(table);
    });
    return proxy;
  }
}

class TableProxy extends ProxyBase<FakeTable> {
  protected get typeName(): string {
    return "Table";
  }

  protected override alive(t: FakeTable): boolean {
    return this.ctx.state.tables.includes(t);
  }

  protected scalar(t: FakeTable, prop: string): Scalar | typeof NOT_SCALAR {
    switch (prop) {
      case "name":
        return t.name;
      case "id":
        return `{table-${t.id}}`;
      case "showHeaders":
        return t.showHeaders;
      case "showTotals":
        return t.showTotals;
      case "style":
        return t.style;
      default:
        return NOT_SCALAR;
    }
  }

  protected override nav(prop: string): ProxyBase | undefined {
    switch (prop) {
      case "worksheet":
        return this.worksheet;
      case "columns":
        return this.columns;
      case "rows":
        return this.rows;
      default:
        return undefined;
    }
  }

  get name(): string {
    return this.read("name");
  }

  set name(value: string) {
    this.write("name", value, (t) => {
      if (!validName(value)) fail("InvalidArgument", `not a valid table name: "${value}"`);
      if (value.toLowerCase() !== t.name.toLowerCase() && this.ctx.state.nameTaken(value))
        fail("InvalidArgument", `the name "${value}" is already taken`);
      t.name = value;
    });
  }

  get showTotals(): boolean {
    return this.read("showTotals");
  }

  get showHeaders(): boolean {
    return this.read("showHeaders");
  }

  get style(): string {
    return this.read("style");
  }

  set style(value: string) {
    this.write("style", value, (t) => {
      if (!/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(value))
        fail("InvalidArgument", `unknown table style ${value}`);
      t.style = value;
    });
  }

  get worksheet(): WorksheetProxy {
    return this.child(
      "worksheet",
      () => new WorksheetProxy(this.ctx, `${this.path}.worksheet`, () => this.resolve()?.sheet ?? null),
    );
  }

  get columns(): TableColumnCollectionProxy {
    return this.child(
      "columns",
      () => new TableColumnCollectionProxy(this.ctx, `${this.path}.columns`, () => this.resolve()),
    );
  }

  get rows(): TableRowCollectionProxy {
    return this.child(
      "rows",
      () => new TableRowCollectionProxy(this.ctx, `${this.path}.rows`, () => this.resolve()),
    );
  }

  private part(name: string, bounds: (t: FakeTable) => Bounds | null): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.${name}()`, () => {
      const t = this.resolve();
      if (t === null) return null;
      const b = bounds(t);
      if (b === null) fail("ItemNotFound", `table ${t.name} has no ${name}`);
      return { sheet: t.sheet, b };
    });
  }

  getRange(): RangeProxy {
    return this.part("getRange", (t) => t.bounds);
  }

  getHeaderRowRange(): RangeProxy {
    return this.part("getHeaderRowRange", (t) => (t.showHeaders ? { ...t.bounds, r2: t.bounds.r1 } : null));
  }

  getDataBodyRange(): RangeProxy {
    return this.part("getDataBodyRange", (t) => ({
      ...t.bounds,
      r1: t.bounds.r1 + (t.showHeaders ? 1 : 0),
      r2: t.bounds.r2 - (t.showTotals ? 1 : 0),
    }));
  }

  delete(): void {
    this.call("delete", [], (t) => this.ctx.state.deleteTable(t));
  }

  /**
   * `Table.resize` (ExcelApi 1.13): the header row stays where it is and the new range overlaps the
   * old one (Microsoft's reference), else InvalidArgument.
   */
  resize(newRange: RangeProxy | string): void {
    this.ctx.requireApi("1.13", "Table.resize");
    this.call("resize", [newRange], (t) => {
      const target =
        typeof newRange === "string" ? { sheet: t.sheet, b: parseBounds(newRange) } : newRange.resolve();
      if (target === null) fail("InvalidArgument", "resize to a null range");
      if (target.sheet !== t.sheet || target.b.r1 !== t.bounds.r1 || !overlaps(target.b, t.bounds))
        fail("InvalidArgument", `table ${t.name}: the header row must stay and the ranges overlap`);
      t.bounds = { ...target.b };
    });
  }
}

type ColumnTarget = { table: FakeTable; index: number };

class TableColumnCollectionProxy extends CollectionProxy<FakeTable, ColumnTarget, TableColumnProxy> {
  protected get typeName(): string {
    return "TableColumnCollection";
  }

  protected itemsOf(t: FakeTable): ColumnTarget[] {
    return Array.from({ length: t.bounds.c2 - t.bounds.c1 + 1 }, (_x, index) => ({ table: t, index }));
  }

  protected itemProxy(item: ColumnTarget, index: number): TableColumnProxy {
    return new TableColumnProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => item);
  }
}

class TableColumnProxy extends ProxyBase<ColumnTarget> {
  protected get typeName(): string {
    return "TableColumn";
  }

  protected scalar(t: ColumnTarget, prop: string): Scalar | typeof NOT_SCALAR {
    if (prop === "name") return this.ctx.state.tableColumns(t.table)[t.index];
    if (prop === "index") return t.index;
    if (prop === "values") {
      const b = t.table.bounds;
      return Array.from({ length: b.r2 - b.r1 + 1 }, (_x, i) => [
        cellValueOut(t.table.sheet.at(b.r1 + i, b.c1 + t.index)),
      ]);
    }
    return NOT_SCALAR;
  }

  get name(): string {
    return this.read("name");
  }

  get values(): unknown[][] {
    return this.read("values");
  }
}

class TableRowCollectionProxy extends ProxyBase<FakeTable> {
  protected get typeName(): string {
    return "TableRowCollection";
  }

  protected scalar(t: FakeTable, prop: string): Scalar | typeof NOT_SCALAR {
    return prop === "count"
      ? t.bounds.r2 - t.bounds.r1 + 1 - (t.showHeaders ? 1 : 0) - (t.showTotals ? 1 : 0)
      : NOT_SCALAR;
  }

  get count(): number {
    return this.read("count");
  }

  /**
   * `TableRowCollection.add` (ExcelApi 1.1): rows at the end (index null or undefined) or before a
   * data row; the cells below, in the table's columns, move down; `values` fill the new rows.
   */
  add(index?: number | null, values?: readonly (readonly unknown[])[]): void {
    this.call("add", [index ?? null, values ?? null], (t) => {
      const width = t.bounds.c2 - t.bounds.c1 + 1;
      const rows = values ?? [new Array<unknown>(width).fill(null)];
      if (rows.some((r) => r.length !== width)) fail("InvalidArgument", "each row has the table's width");
      const first = t.bounds.r1 + (t.showHeaders ? 1 : 0);
      const end = t.bounds.r2 - (t.showTotals ? 1 : 0) + 1;
      const at = index === null || index === undefined ? end : first + index;
      if (at < first || at > end) fail("InvalidArgument", `row index ${String(index)} is outside the table`);
      this.ctx.state.shiftColumns(t.sheet, t.bounds.c1, t.bounds.c2, at, rows.length);
      t.bounds = { ...t.bounds, r2: t.bounds.r2 + rows.length };
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined || v === "") return;
          writeCell(this.ctx.state, t.sheet.ensure(at + r, t.bounds.c1 + c), v);
        }),
      );
    });
  }

  /** `TableRowCollection.getItemAt` (ExcelApi 1.1): a data row, 0 first. */
  getItemAt(index: number): TableRowProxy {
    return new TableRowProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => {
      const t = this.resolve();
      if (t === null) return null;
      const count = t.bounds.r2 - t.bounds.r1 + 1 - (t.showHeaders ? 1 : 0) - (t.showTotals ? 1 : 0);
      if (index < 0 || index >= count) fail("ItemNotFound", `table ${t.name} has no row ${index}`);
      return { table: t, index };
    });
  }
}

/** A table's data row. */
class TableRowProxy extends ProxyBase<{ readonly table: FakeTable; readonly index: number }> {
  protected get typeName(): string {
    return "TableRow";
  }

  protected scalar(): Scalar | typeof NOT_SCALAR {
    return NOT_SCALAR;
  }

  /** Deletes the row (ExcelApi 1.1): the cells below, in the table's columns, move up; a table keeps one data row. */
  delete(): void {
    this.call("delete", [], ({ table: t, index }) => {
      const count = t.bounds.r2 - t.bounds.r1 + 1 - (t.showHeaders ? 1 : 0) - (t.showTotals ? 1 : 0);
      if (count <= 1) fail("InvalidOperation", `table ${t.name} must keep a data row`);
      const row = t.bounds.r1 + (t.showHeaders ? 1 : 0) + index;
      for (let c = t.bounds.c1; c <= t.bounds.c2; c++) t.sheet.cells.delete(row * 16_384 + c);
      this.ctx.state.shiftColumns(t.sheet, t.bounds.c1, t.bounds.c2, row + 1, -1);
      t.bounds = { ...t.bounds, r2: t.bounds.r2 - 1 };
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Names

type NamesTarget = { state: FakeWorkbookState; sheet: FakeSheet | null };
type NameTarget = { scope: NamesTarget; item: FakeName };

/** The type and value Excel reports for a name's formula. */
function nameKind(formula: string): { type: string; value: Scalar } {
  const body = formula.replace(/^=/, "").trim();
  const text = /^"((?:[^"]|"")*)"$/.exec(body);
  if (text?.[1] !== undefined) return { type: "String", value: text[1].replace(/""/g, '"') };
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(body)) return { type: "Double", value: Number(body) };
  if (/^(TRUE|FALSE)$/i.test(body)) return { type: "Boolean", value: body.toUpperCase() === "TRUE" };
  if (body.includes("#REF!")) return { type: "Error", value: "#REF!" };
  if (/^(?:'(?:[^']|'')+'|[^'!()=+\-*/&,;"<>^ ]+)!\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/.test(body))
    return { type: "Range", value: body };
  return { type: "Formula", value: body };
}

function nameRange(state: FakeWorkbookState, formula: string): RangeTarget | null {
  const body = formula.replace(/^=/, "").trim();
  if (nameKind(formula).type !== "Range") return null;
  const bang = body.lastIndexOf("!");
  const sheetName = body
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  const sheet = state.findSheet(sheetName);
  return sheet === undefined ? null : { sheet, b: parseBounds(body.slice(bang + 1)) };
}

class NamedItemCollectionProxy extends CollectionProxy<NamesTarget, NameTarget, NamedItemProxy> {
  protected get typeName(): string {
    return "NamedItemCollection";
  }

  protected itemsOf(t: NamesTarget): NameTarget[] {
    return (t.sheet === null ? t.state.names : t.sheet.names).map((item) => ({ scope: t, item }));
  }

  protected itemProxy(item: NameTarget): NamedItemProxy {
    return new NamedItemProxy(
      this.ctx,
      `${this.path}.getItem(${JSON.stringify(item.item.name)})`,
      () => item,
    );
  }

  private lookup(t: NamesTarget, name: string): FakeName | undefined {
    const wanted = name.toLowerCase();
    return (t.sheet === null ? t.state.names : t.sheet.names).find((n) => n.name.toLowerCase() === wanted);
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(name)})`, () => {
      const t = this.target();
      const item = this.lookup(t, name) ?? fail("ItemNotFound", `no name "${name}"`);
      return { scope: t, item };
    });
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, `${this.path}.getItemOrNullObject(${JSON.stringify(name)})`, () => {
      const t = this.resolve();
      if (t === null) return null;
      const item = this.lookup(t, name);
      return item === undefined ? null : { scope: t, item };
    });
  }

  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    const proxy = new NamedItemProxy(this.ctx, `${this.path}.add(${JSON.stringify(name)})`, () =>
      fail("InvalidObjectPath", "used before add"),
    );
    this.call("add", [name, reference, comment ?? null], (t) => {
      if (!validName(name)) fail("InvalidArgument", `not a valid name: "${name}"`);
      if (this.lookup(t, name) !== undefined) fail("ItemAlreadyExists", `the name "${name}" already exists`);
      if (t.sheet === null && t.state.findTable(name) !== undefined)
        fail("InvalidArgument", `"${name}" is a table's name`);
      let formula: string;
      if (typeof reference === "string") {
        if (!reference.startsWith("="))
          fail("InvalidArgument", `a name's reference must start with "=": ${reference}`);
        checkFormula(t.state, reference);
        formula = reference;
      } else {
        const r = reference.resolve() ?? fail("ItemNotFound", "names.add of a null range");
        const b = r.b;
        formula = `=${excelQuote(r.sheet.name)}!$${a1(b.r1, b.c1).replace(/(\d)/, "$$$1")}${b.r1 === b.r2 && b.c1 === b.c2 ? "" : `:$${a1(b.r2, b.c2).replace(/(\d)/, "$$$1")}`}`;
      }
      const item: FakeName = { name, formula, visible: true, comment: comment ?? "" };
      (t.sheet === null ? t.state.names : t.sheet.names).push(item);
      proxy.bind({ scope: t, item });
    });
    return proxy;
  }
}

class NamedItemProxy extends ProxyBase<NameTarget> {
  protected get typeName(): string {
    return "NamedItem";
  }

  protected override alive(t: NameTarget): boolean {
    const list = t.scope.sheet === null ? t.scope.state.names : t.scope.sheet.names;
    return list.includes(t.item) && (t.scope.sheet === null || !t.scope.sheet.deleted);
  }

  protected scalar(t: NameTarget, prop: string): Scalar | typeof NOT_SCALAR {
    switch (prop) {
      case "name":
        return t.item.name;
      case "formula":
        this.ctx.requireApi("1.7", "NamedItem.formula");
        return t.item.formula;
      case "type":
        return nameKind(t.item.formula).type;
      case "value":
        return nameKind(t.item.formula).value;
      case "visible":
        return t.item.visible;
      case "comment":
        return t.item.comment;
      case "scope":
        return t.scope.sheet === null ? "Workbook" : "Worksheet";
      default:
        return NOT_SCALAR;
    }
  }

  get name(): string {
    return this.read("name");
  }

  get formula(): string {
    return this.read("formula");
  }

  /** `NamedItem.formula` (settable, ExcelApi 1.7): what the name refers to, `=` first. */
  set formula(value: string) {
    this.ctx.requireApi("1.7", "NamedItem.formula");
    this.write("formula", value, (t) => {
      if (typeof value !== "string" || !value.startsWith("="))
        fail("InvalidArgument", `a name's formula starts with "=": ${String(value)}`);
      t.item.formula = value;
    });
  }

  get type(): string {
    return this.read("type");
  }

  get value(): unknown {
    return this.read("value");
  }

  get visible(): boolean {
    return this.read("visible");
  }

  set visible(v: boolean) {
    this.write("visible", v, (t) => {
      t.item.visible = v;
    });
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.getRange()`, () => {
      const t = this.resolve();
      if (t === null) return null;
      return (
        nameRange(this.ctx.state, t.item.formula) ??
        fail("InvalidArgument", `name ${t.item.name} is not a range`)
      );
    });
  }

  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.getRangeOrNullObject()`, () => {
      const t = this.resolve();
      return t === null ? null : nameRange(this.ctx.state, t.item.formula);
    });
  }

  delete(): void {
    this.call("delete", [], (t) => {
      const list = t.scope.sheet === null ? t.scope.state.names : t.scope.sheet.names;
      list.splice(list.indexOf(t.item), 1);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Charts

type ChartTarget = { sheet: FakeSheet; chart: FakeChart };

class ChartCollectionProxy extends CollectionProxy<FakeSheet, ChartTarget, ChartProxy> {
  protected get typeName(): string {
    return "ChartCollection";
  }

  protected itemsOf(t: FakeSheet): ChartTarget[] {
    return t.charts.map((chart) => ({ sheet: t, chart }));
  }

  protected itemProxy(item: ChartTarget, index: number): ChartProxy {
    return new ChartProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => item);
  }

  /**
   * A chart of a range (of this sheet or another, as in Excel), its series by columns or by rows: a
   * first row (columns) or column (rows) of texts names the series, a first column (rows) or row
   * (columns) of texts gives the categories. `Auto` is not modelled.
   */
  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    const proxy = new ChartProxy(this.ctx, `${this.path}.add(${JSON.stringify(type)})`, () =>
      fail("InvalidObjectPath", "used before add"),
    );
    this.call("add", [type, source, seriesBy ?? "Auto"], (sheet) => {
      const r = source.resolve() ?? fail("ItemNotFound", "charts.add of a null range");
      if (seriesBy !== "Columns" && seriesBy !== "Rows") unsupported(`seriesBy ${String(seriesBy)}`);
      const byRows = seriesBy === "Rows";
      // Series along the "major" axis (columns, or rows), points along the "minor" one.
      const b = r.b;
      const cell = (major: number, minor: number): FakeCell | undefined =>
        byRows ? r.sheet.at(major, minor) : r.sheet.at(minor, major);
      const majors = byRows ? [b.r1, b.r2] : [b.c1, b.c2];
      const minors = byRows ? [b.c1, b.c2] : [b.r1, b.r2];
      const [maj1 = 0, maj2 = 0] = majors;
      const [min1 = 0, min2 = 0] = minors;
      const text = (major: number, minor: number): boolean => typeof cell(major, minor)?.value === "string";
      const header = [...Array(maj2 - maj1 + 1).keys()].every(
        (i) => text(maj1 + i, min1) || cell(maj1 + i, min1) === undefined,
      );
      const first = header ? min1 + 1 : min1;
      const categories =
        maj2 > maj1 && [...Array(min2 - first + 1).keys()].every((i) => text(maj1, first + i));
      const line = (major: number): Bounds =>
        byRows
          ? { r1: major, r2: major, c1: first, c2: min2 }
          : { r1: first, r2: min2, c1: major, c2: major };
      const series: FakeSeries[] = [];
      for (let m = categories ? maj1 + 1 : maj1; m <= maj2; m++) {
        series.push({
          name: header ? String(cell(m, min1)?.value ?? "") : `Series${series.length + 1}`,
          values: r.sheet.address(line(m)),
          xValues: categories ? r.sheet.address(line(maj1)) : null,
          color: null,
        });
      }
      const chart: FakeChart = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: r.sheet.address(b),
        seriesBy,
        title: "",
        series,
        position: null,
        valueAxisFormat: null,
      };
      sheet.charts.push(chart);
      proxy.bind({ sheet, chart });
    });
    return proxy;
  }
}

class ChartProxy extends ProxyBase<ChartTarget> {
  protected get typeName(): string {
    return "Chart";
  }

  protected override alive(t: ChartTarget): boolean {
    return !t.sheet.deleted && t.sheet.charts.includes(t.chart);
  }

  protected scalar(t: ChartTarget, prop: string): Scalar | typeof NOT_SCALAR {
    return prop === "name" ? t.chart.name : NOT_SCALAR;
  }

  get name(): string {
    return this.read("name");
  }

  set name(v: string) {
    this.write("name", v, (t) => {
      t.chart.name = v;
    });
  }

  get title(): ChartTitleProxy {
    return this.child(
      "title",
      () => new ChartTitleProxy(this.ctx, `${this.path}.title`, () => this.resolve()),
    );
  }

  get series(): ChartSeriesCollectionProxy {
    return this.child(
      "series",
      () => new ChartSeriesCollectionProxy(this.ctx, `${this.path}.series`, () => this.resolve()),
    );
  }

  get axes(): ChartAxesProxy {
    return this.child("axes", () => new ChartAxesProxy(this.ctx, `${this.path}.axes`, () => this.resolve()));
  }

  setPosition(start: RangeProxy | string, end?: RangeProxy | string): void {
    this.call("setPosition", [start, end ?? null], (t) => {
      if (typeof start !== "string" || (end !== undefined && typeof end !== "string"))
        unsupported("setPosition with ranges");
      parseBounds(start);
      if (end !== undefined) parseBounds(end);
      t.chart.position = { start, end: end ?? null };
    });
  }

  delete(): void {
    this.call("delete", [], (t) => {
      t.sheet.charts.splice(t.sheet.charts.indexOf(t.chart), 1);
    });
  }
}

class ChartTitleProxy extends ProxyBase<ChartTarget> {
  protected get typeName(): string {
    return "ChartTitle";
  }

  protected scalar(t: ChartTarget, prop: string): Scalar | typeof NOT_SCALAR {
    return prop === "text" ? t.chart.title : NOT_SCALAR;
  }

  set text(v: string) {
    this.write("text", v, (t) => {
      t.chart.title = v;
    });
  }
}

class ChartAxesProxy extends ProxyBase<ChartTarget> {
  protected get typeName(): string {
    return "ChartAxes";
  }

  protected scalar(): Scalar | typeof NOT_SCALAR {
    return NOT_SCALAR;
  }

  get valueAxis(): ChartAxisProxy {
    return this.child(
      "valueAxis",
      () => new ChartAxisProxy(this.ctx, `${this.path}.valueAxis`, () => this.resolve()),
    );
  }
}

/** The value axis (the only one the fake models). */
class ChartAxisProxy extends ProxyBase<ChartTarget> {
  protected get typeName(): string {
    return "ChartAxis";
  }

  protected scalar(t: ChartTarget, prop: string): Scalar | typeof NOT_SCALAR {
    if (prop !== "numberFormat") return NOT_SCALAR;
    this.ctx.requireApi("1.8", "ChartAxis.numberFormat");
    return t.chart.valueAxisFormat ?? "General";
  }

  get numberFormat(): string {
    return this.read("numberFormat");
  }

  set numberFormat(v: string) {
    this.ctx.requireApi("1.8", "ChartAxis.numberFormat");
    this.write("numberFormat", v, (t) => {
      if (typeof v !== "string" || v === "") fail("InvalidArgument", "an axis number format must be text");
      t.chart.valueAxisFormat = v;
    });
  }
}

type SeriesTarget = { sheet: FakeSheet; series: FakeSeries };

class ChartSeriesCollectionProxy extends CollectionProxy<ChartTarget, SeriesTarget, ChartSeriesProxy> {
  protected get typeName(): string {
    return "ChartSeriesCollection";
  }

  protected itemsOf(t: ChartTarget): SeriesTarget[] {
    return t.chart.series.map((series) => ({ sheet: t.sheet, series }));
  }

  protected itemProxy(item: SeriesTarget, index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => item);
  }

  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => {
      const t = this.target();
      const series = t.chart.series[index] ?? fail("ItemNotFound", `no series ${index}`);
      return { sheet: t.sheet, series };
    });
  }

  add(name?: string): ChartSeriesProxy {
    this.ctx.requireApi("1.7", "ChartSeriesCollection.add");
    const proxy = new ChartSeriesProxy(this.ctx, `${this.path}.add(${JSON.stringify(name ?? null)})`, () =>
      fail("InvalidObjectPath", "used before add"),
    );
    this.call("add", [name ?? null], (t) => {
      const series: FakeSeries = {
        name: name ?? `Series${t.chart.series.length + 1}`,
        values: null,
        xValues: null,
        color: null,
      };
      t.chart.series.push(series);
      proxy.bind({ sheet: t.sheet, series });
    });
    return proxy;
  }
}

class ChartSeriesProxy extends ProxyBase<SeriesTarget> {
  protected get typeName(): string {
    return "ChartSeries";
  }

  protected scalar(t: SeriesTarget, prop: string): Scalar | typeof NOT_SCALAR {
    return prop === "name" ? t.series.name : NOT_SCALAR;
  }

  get name(): string {
    return this.read("name");
  }

  set name(v: string) {
    this.write("name", v, (t) => {
      t.series.name = v;
    });
  }

  get format(): ChartSeriesFormatProxy {
    return this.child(
      "format",
      () => new ChartSeriesFormatProxy(this.ctx, `${this.path}.format`, () => this.resolve()),
    );
  }

  setValues(source: RangeProxy): void {
    this.ctx.requireApi("1.7", "ChartSeries.setValues");
    this.call("setValues", [source], (t) => {
      const r = source.resolve() ?? fail("ItemNotFound", "setValues of a null range");
      if (r.b.r1 !== r.b.r2 && r.b.c1 !== r.b.c2)
        fail("InvalidArgument", `setValues: ${boundsAddress(r.b)} is neither one row nor one column`);
      t.series.values = r.sheet.address(r.b);
    });
  }

  setXAxisValues(source: RangeProxy): void {
    this.ctx.requireApi("1.7", "ChartSeries.setXAxisValues");
    this.call("setXAxisValues", [source], (t) => {
      const r = source.resolve() ?? fail("ItemNotFound", "setXAxisValues of a null range");
      t.series.xValues = r.sheet.address(r.b);
    });
  }
}

class ChartSeriesFormatProxy extends ProxyBase<SeriesTarget> {
  protected get typeName(): string {
    return "ChartSeriesFormat";
  }

  protected scalar(): Scalar | typeof NOT_SCALAR {
    return NOT_SCALAR;
  }

  get fill(): ChartFillProxy {
    return this.child("fill", () => new ChartFillProxy(this.ctx, `${this.path}.fill`, () => this.resolve()));
  }
}

class ChartFillProxy extends ProxyBase<SeriesTarget> {
  protected get typeName(): string {
    return "ChartFill";
  }

  protected scalar(): Scalar | typeof NOT_SCALAR {
    return NOT_SCALAR;
  }

  setSolidColor(color: string): void {
    this.call("setSolidColor", [color], (t) => {
      t.series.color = normalColor(color);
    });
  }

  clear(): void {
    this.call("clear", [], (t) => {
      t.series.color = null;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The fake itself

/** A cell of the initial workbook: a constant, or a formula with its cached value. */
export type FakeCellInit = FakeScalar | { readonly formula: string; readonly value?: FakeScalar };

/** A sheet of the initial workbook. */
export interface FakeSheetInit {
  readonly name: string;
  readonly visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Cells by A1 address. Text is stored as given (no typing). */
  readonly cells?: Readonly<Record<string, FakeCellInit>>;
  /** Cells as rows of values from a top-left address (faster for big grids). */
  readonly grid?: { readonly topLeft: string; readonly rows: readonly (readonly (FakeScalar | null)[])[] };
  /**
   * Tables: `range` covers the header and the body (and a totals row with `showTotals`); `headers`
   * and `values` (body rows) are written into it when given.
   */
  readonly tables?: readonly {
    readonly name: string;
    readonly range: string;
    readonly headers?: readonly string[];
    readonly values?: readonly (readonly (FakeScalar | null)[])[];
    readonly showTotals?: boolean;
    /** False: a table with its header row hidden (`range` is then the body only; default true). */
    readonly showHeaders?: boolean;
    readonly style?: string;
  }[];
  /** Sheet-scoped names. */
  readonly names?: readonly { readonly name: string; readonly formula: string; readonly visible?: boolean }[];
}

/** The initial workbook. */
export interface FakeInit {
  readonly sheets: readonly FakeSheetInit[];
  /** Workbook-scoped names. */
  readonly names?: readonly {
    readonly name: string;
    readonly formula: string;
    readonly visible?: boolean;
    readonly comment?: string;
  }[];
  /** The active sheet (default: the first visible one). */
  readonly active?: string;
  /** The selection on the active sheet (`B2:C4`). */
  readonly selection?: string;
}

/** A failure to inject into the next syncs. */
export interface InjectedFailure {
  readonly code: string;
  readonly message?: string;
}

class ExcelFakeCore {
  readonly stats: FakeStats = { syncs: 0, syncCalls: 0, requestBytes: [], responseBytes: [], runs: 0 };
  readonly failures: InjectedFailure[] = [];
  /** A failure armed at the k-th action sent from now (0-based), every request counted. */
  actionFailure: { remaining: number; failure: InjectedFailure } | null = null;
  /** Actions sent since the last `failAtAction` (or since the start). */
  actionsSent = 0;
  /** Excel is in cell-edit mode: every request fails with InvalidOperationInCellEditMode. */
  cellEditMode = false;
  /** Excel on the web fires no onChanged for some edits (data-validation drop-downs): emitted edits are dropped. */
  dropEvents = false;
  /** Errors event handlers threw (Office swallows them). */
  readonly handlerErrors: unknown[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(
    readonly state: FakeWorkbookState,
    readonly options: FakeOptions,
  ) {}

  /**
   * Counts an action about to run; throws the armed failure when its turn comes, after the actions
   * before it in the request ran (a request is not a transaction).
   */
  beforeAction(op: {
    readonly kind: string;
    readonly name: string;
    readonly proxy: { readonly path: string };
  }): void {
    this.actionsSent++;
    const armed = this.actionFailure;
    if (armed === null) return;
    if (armed.remaining > 0) {
      armed.remaining--;
      return;
    }
    this.actionFailure = null;
    fail(
      armed.failure.code,
      armed.failure.message ?? `injected ${armed.failure.code} at ${op.kind} ${op.name}`,
      op.proxy.path,
    );
  }

  get apiVersion(): string {
    return this.options.apiVersion ?? "1.12";
  }

  /**
   * Calls the sheet's onChanged handlers, later (a macrotask, as Office's events come): those live
   * now and still live then, one after the other.
   *
   * @returns a promise settled once they ran
   */
  dispatchChanged(
    sheet: FakeSheet,
    address: string,
    changeType: string,
    byThisAddin: boolean,
  ): Promise<void> {
    const registrations = [...sheet.changedHandlers];
    if (registrations.length === 0) return Promise.resolve();
    const args = {
      type: "WorksheetChanged",
      worksheetId: `{sheet-${sheet.id}}`,
      address,
      changeType,
      source: "Local",
      ...(versionAtLeast(this.apiVersion, "1.14")
        ? { triggerSource: byThisAddin ? "ThisLocalAddin" : "Unknown" }
        : {}),
    } as unknown as Excel.WorksheetChangedEventArgs;
    const done = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
      for (const registration of registrations) {
        if (!sheet.changedHandlers.includes(registration)) continue; // removed meanwhile
        try {
          await registration.handler(args);
        } catch (err) {
          this.handlerErrors.push(err);
        }
      }
    });
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
    return done;
  }

  /** Waits until every event dispatched so far reached its handlers. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

/** What createExcelFake gives. */
export interface ExcelFake {
  /** `Excel.run`: runs a batch with a fresh context; syncs what is still queued at the end. */
  readonly run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** The same, typed as `Excel.run` for injection. */
  readonly excelRun: typeof Excel.run;
  /** The workbook, to inspect. */
  readonly state: FakeWorkbookState;
  readonly stats: FakeStats;
  /** `Office.context.requirements.isSetSupported` for the fake's ExcelApi version. */
  readonly supports: (set: string, version: string) => boolean;
  /** Makes the next syncs fail with these errors (in order), before anything is applied. */
  readonly failNextSyncs: (...failures: InjectedFailure[]) => void;
  /**
   * Makes the `k`-th action sent from now (0-based, loads, sets and calls of every request counted)
   * fail with this error; the actions before it, in its request and before, stay applied.
   */
  readonly failAtAction: (k: number, failure?: InjectedFailure) => void;
  /** Actions sent since the last failAtAction (or since the fake was made): to size a sweep over k. */
  readonly actionsSent: () => number;
  /** Puts Excel in or out of cell-edit mode (every request then fails with InvalidOperationInCellEditMode). */
  readonly setCellEditMode: (on: boolean) => void;
  /** Drops (true) or delivers (false) the change events of emitChanged, as Excel on the web does for some edits. */
  readonly setDropEvents: (on: boolean) => void;
  /** Resets the statistics. */
  readonly resetStats: () => void;
  /**
   * Reports an edit of cells, as when the user types: the sheet's onChanged handlers are called
   * later (asynchronously, as Office does).
   *
   * @param sheet - the sheet's name
   * @param address - the cells (`B5`, `A4:C9`)
   * @param changeType - Excel's DataChangeType (default `RangeEdited`)
   * @returns a promise settled once the handlers ran
   */
  readonly emitChanged: (sheet: string, address: string, changeType?: string) => Promise<void>;
  /** Waits until every change reported so far (emitted, or written by a request) reached its handlers. */
  readonly settleEvents: () => Promise<void>;
  /** onChanged handlers live, on one sheet or on all. */
  readonly liveHandlers: (sheet?: string) => number;
  /** What event handlers threw (Office swallows it): tests check it stays empty. */
  readonly handlerErrors: readonly unknown[];
}

function initSheet(state: FakeWorkbookState, init: FakeSheetInit): void {
  const sheet = state.addSheet(init.name, init.visibility ?? "Visible");
  const put = (row: number, col: number, v: FakeCellInit | null): void => {
    if (v === null || v === "") return;
    const cell = sheet.ensure(row, col);
    if (typeof v === "object") {
      cell.formula = v.formula.startsWith("=") ? v.formula : `=${v.formula}`;
      cell.value = v.value ?? null;
    } else cell.value = v;
  };
  for (const [address, v] of Object.entries(init.cells ?? {})) {
    const b = parseBounds(address);
    put(b.r1, b.c1, v);
  }
  if (init.grid !== undefined) {
    const top = parseBounds(init.grid.topLeft);
    init.grid.rows.forEach((row, i) => row.forEach((v, j) => put(top.r1 + i, top.c1 + j, v)));
  }
  for (const t of init.tables ?? []) {
    const b = parseBounds(t.range);
    t.headers?.forEach((h, j) => put(b.r1, b.c1 + j, h));
    t.values?.forEach((row, i) => row.forEach((v, j) => put(b.r1 + 1 + i, b.c1 + j, v)));
    if (state.nameTaken(t.name)) throw new Error(`fake init: table name ${t.name} taken`);
    state.tables.push({
      id: state.tableId(),
      name: t.name,
      sheet,
      bounds: b,
      showHeaders: t.showHeaders ?? true,
      showTotals: t.showTotals ?? false,
      style: t.style ?? "TableStyleMedium2",
    });
  }
  for (const n of init.names ?? [])
    sheet.names.push({ name: n.name, formula: n.formula, visible: n.visible ?? true, comment: "" });
}

/**
 * A strict fake Excel workbook.
 *
 * @param init - the initial workbook (default: one empty sheet `Feuil1`)
 * @param options - API version and payload limits
 * @returns the runner, the state to inspect and the statistics
 */
export function createExcelFake(
  init: FakeInit = { sheets: [{ name: "Feuil1" }] },
  options: FakeOptions = {},
): ExcelFake {
  if (options.state !== undefined) return fakeOn(options.state, options);
  const state = new FakeWorkbookState();
  for (const s of init.sheets) initSheet(state, s);
  for (const n of init.names ?? [])
    state.names.push({
      name: n.name,
      formula: n.formula,
      visible: n.visible ?? true,
      comment: n.comment ?? "",
    });
  state.activeSheet =
    (init.active === undefined ? undefined : state.findSheet(init.active)) ??
    state.sheets.find((s) => s.visibility === "Visible") ??
    null;
  if (init.selection !== undefined && state.activeSheet !== null)
    state.selection = { sheet: state.activeSheet, bounds: parseBounds(init.selection) };
  else if (state.activeSheet !== null)
    state.selection = { sheet: state.activeSheet, bounds: { r1: 0, c1: 0, r2: 0, c2: 0 } };
  return fakeOn(state, options);
}

/** The fake over a workbook state. */
function fakeOn(state: FakeWorkbookState, options: FakeOptions): ExcelFake {
  const core = new ExcelFakeCore(state, options);

  const runIn = async <T>(
    ctx: FakeContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    core.stats.runs++;
    ctx.closed = false;
    try {
      const result = await batch(ctx as unknown as Excel.RequestContext);
      await ctx.sync(); // Excel.run's final sync: a request only when something is still queued
      return result;
    } finally {
      ctx.closed = true;
    }
  };
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    runIn(new FakeContext(core), batch);
  // Excel.run(batch), or Excel.run(context, batch) with a context of an earlier run of this fake.
  const excelRun = async <T>(
    first: unknown,
    batch?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    if (typeof first === "function" && batch === undefined)
      return run(first as (context: Excel.RequestContext) => Promise<T>);
    if (first instanceof FakeContext && first.fake === core && batch !== undefined)
      return runIn(first, batch);
    return unsupported("Excel.run with objects, options or another workbook's context");
  };
  return {
    run,
    excelRun: excelRun as unknown as typeof Excel.run,
    state,
    stats: core.stats,
    supports: (set, version) => set === "ExcelApi" && versionAtLeast(core.apiVersion, version),
    failNextSyncs: (...failures) => {
      core.failures.push(...failures);
    },
    failAtAction: (k, failure = { code: "GeneralException" }) => {
      core.actionsSent = 0;
      core.actionFailure = { remaining: k, failure };
    },
    actionsSent: () => core.actionsSent,
    setCellEditMode: (on) => {
      core.cellEditMode = on;
    },
    setDropEvents: (on) => {
      core.dropEvents = on;
    },
    resetStats: () => {
      core.stats.syncs = 0;
      core.stats.syncCalls = 0;
      core.stats.runs = 0;
      core.stats.requestBytes.length = 0;
      core.stats.responseBytes.length = 0;
    },
    emitChanged: (sheet, address, changeType = "RangeEdited") =>
      core.dropEvents
        ? Promise.resolve()
        : core.dispatchChanged(state.sheet(sheet), boundsAddress(parseBounds(address)), changeType, false),
    settleEvents: () => core.settle(),
    liveHandlers: (sheet) => state.liveHandlers(sheet),
    handlerErrors: core.handlerErrors,
  };
}
