/**
 * The columns the funding-table reader fills: per row only its sheet row, amount, whether the amount
 * was text, and its shape (what rows of the same commune, INSEE, basin, domain, action and year cells
 * share, kept once). Rows are made whole only on demand.
 */

import type { Basin, Cents, FundingColumns, FundingRow, FundingRowShape } from "./types";

/** A shape of the rows read, with what makes a row of it whole (one object; its keys made on first use). */
export class ReadShape implements FundingRowShape {
  private madeKeys: FundingRow["keys"] | null = null;

  /**
   * @param commune - official name, or the name kept as given
   * @param insee - the commune's INSEE code, or null for a commune outside the reference
   * @param basinGiven - the basin the row gives
   * @param domain - the domain, spelt the usual way
   * @param action - the action, or null
   * @param year - the year
   * @param communeKey - grouping key of its commune (INSEE code, or `name:` and the normalized name)
   * @param communeText - the commune cell as text (the row's `keys`, as the next three)
   * @param inseeText - the INSEE cell as text
   * @param domainText - the domain cell as text
   * @param yearText - the year cell as text
   */
  constructor(
    readonly commune: string,
    readonly insee: string | null,
    readonly basinGiven: Basin | null,
    readonly domain: string | null,
    readonly action: string | null,
    readonly year: number | null,
    readonly communeKey: string,
    private readonly communeText: string,
    private readonly inseeText: string,
    private readonly domainText: string,
    private readonly yearText: string,
  ) {}

  /** The cells' contents as text ({@link FundingRow.keys}), one object shared by the shape's rows. */
  get keys(): FundingRow["keys"] {
    return (this.madeKeys ??= {
      commune: this.communeText,
      insee: this.inseeText,
      domain: this.domainText,
      year: this.yearText,
    });
  }
}

/** Comparison ids a shape is found by: commune, INSEE, basin, domain, action and year cells. */
const IDS = 6;

/** The shapes met, found again by the comparison ids of their cells (an open-addressing table). */
export class Shapes {
  readonly list: ReadShape[] = [];
  /** By shape: its hash, then its comparison ids ({@link IDS} a shape). */
  private hashes = new Int32Array(64);
  private ids = new Int32Array(64 * IDS);
  /** Shape index + 1 by slot; 0 is a free slot. */
  private table = new Int32Array(128);

  /**
   * @param hash - a hash of the cells' comparison ids
   * @param c - the comparison ids of the row's commune, INSEE, basin, domain, action and year cells
   * @returns the index of the shape of those cells, or -1 when none was met
   */
  find(hash: number, c: number, n: number, b: number, d: number, a: number, y: number): number {
    const { table, hashes, ids } = this;
    const mask = table.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const s = (table[i] ?? 0) - 1;
      if (s < 0) return -1;
      const at = s * IDS;
      if (
        hashes[s] === hash &&
        ids[at] === c &&
        ids[at + 1] === n &&
        ids[at + 2] === b &&
        ids[at + 3] === d &&
        ids[at + 4] === a &&
        ids[at + 5] === y
      )
        return s;
    }
  }

  /**
   * @param hash - a hash of the cells' comparison ids
   * @param c - the comparison ids, as for {@link find}
   * @param shape - a shape not met before
   * @returns its index
   */
  add(
    hash: number,
    c: number,
    n: number,
    b: number,
    d: number,
    a: number,
    y: number,
    shape: ReadShape,
  ): number {
    const index = this.list.length;
    this.list.push(shape);
    if (index >= this.hashes.length) {
      this.hashes = grown(this.hashes, this.hashes.length * 2);
      this.ids = grown(this.ids, this.ids.length * 2);
    }
    this.hashes[index] = hash;
    const at = index * IDS;
    const { ids } = this;
    ids[at] = c;
    ids[at + 1] = n;
    ids[at + 2] = b;
    ids[at + 3] = d;
    ids[at + 4] = a;
    ids[at + 5] = y;
    if (this.list.length * 2 > this.table.length) {
      this.table = new Int32Array(this.table.length * 2);
      for (let s = 0; s < this.list.length; s += 1) this.place(this.hashes[s] ?? 0, s);
    } else {
      this.place(hash, index);
    }
    return index;
  }

  private place(hash: number, index: number): void {
    const mask = this.table.length - 1;
    let i = hash & mask;
    while ((this.table[i] ?? 0) !== 0) i = (i + 1) & mask;
    this.table[i] = index + 1;
  }
}

function grown(array: Int32Array, length: number): Int32Array {
  const out = new Int32Array(length);
  out.set(array);
  return out;
}

/**
 * A number for each index 0, 1, 2…, noted only where it changes (a row's sheet row less its index
 * changes only past a blank row or a row left out): set in increasing order of index, read back by a
 * binary search.
 */
class Steps {
  readonly from: number[] = [];
  readonly values: number[] = [];

  set(index: number, value: number): void {
    if (this.values[this.values.length - 1] !== value) {
      this.from.push(index);
      this.values.push(value);
    }
  }

  at(index: number): number {
    const { from, values } = this;
    let lo = 0;
    let hi = from.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((from[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return values[lo] ?? 0;
  }
}

/** Whether a sorted list holds a number (binary search). */
function sortedHas(list: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid] ?? 0;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Largest amount a 32-bit column holds, in cents (21 474 836,47 €). */
const INT32_MAX = 2 ** 31 - 1;
/** Shapes a 16-bit column indexes. */
const UINT16_LIMIT = 2 ** 16;

/**
 * The columns a reading fills, one position per row read (sized for every row of the grid), six bytes
 * a row: the amount in 32 bits (64 from the first amount past ±21 474 836,47 €, or -0) and the shape in 16
 * (32 from the 65 536th shape). The sheet row (its offset from the index changes only where rows were
 * skipped) and the amounts written as text (rare) are kept where they change: fresh memory costs a
 * page fault per 4 KiB on first write, which for a million rows weighed more than the reading.
 */
export class ColumnsBuilder {
  length = 0;
  amount: Int32Array | Float64Array;
  shape: Uint16Array | Int32Array;
  /** Sheet row less index, by row. */
  readonly rowOffsets = new Steps();
  /** The rows whose amount was written as text, ascending. */
  readonly fromText: number[] = [];

  constructor(private readonly capacity: number) {
    this.amount = new Int32Array(capacity);
    this.shape = new Uint16Array(capacity);
  }

  /**
   * Adds a row.
   *
   * @param sheetRow - its 1-based row in the sheet (greater than the rows added before)
   * @param amount - its amount in cents
   * @param fromText - whether the amount was written as text
   * @param shape - its shape's index
   */
  push(sheetRow: number, amount: number, fromText: boolean, shape: number): void {
    const i = this.length;
    // -0 too: a 32-bit column would give it back as 0.
    if (amount > INT32_MAX || amount < -INT32_MAX || (amount === 0 && 1 / amount < 0)) this.widenAmounts();
    if (shape >= UINT16_LIMIT) this.widenShapes();
    this.amount[i] = amount;
    this.shape[i] = shape;
    this.rowOffsets.set(i, sheetRow - i);
    if (fromText) this.fromText.push(i);
    this.length = i + 1;
  }

  private widenAmounts(): void {
    if (this.amount instanceof Float64Array) return;
    const wide = new Float64Array(this.capacity);
    wide.set(this.amount.subarray(0, this.length));
    this.amount = wide;
  }

  private widenShapes(): void {
    if (this.shape instanceof Int32Array) return;
    const wide = new Int32Array(this.capacity);
    wide.set(this.shape.subarray(0, this.length));
    this.shape = wide;
  }

  /**
   * Keeps only the rows `keep` accepts, in their order.
   *
   * @param keep - whether row `i` stays
   */
  retain(keep: (i: number) => boolean): void {
    const { amount, shape, fromText } = this;
    const offsets = this.rowOffsets;
    const kept = new Steps();
    const keptText: number[] = [];
    let t = 0;
    let j = 0;
    for (let i = 0; i < this.length; i += 1) {
      const text = fromText[t] === i;
      if (text) t += 1;
      if (!keep(i)) continue;
      amount[j] = amount[i] ?? 0;
      shape[j] = shape[i] ?? 0;
      kept.set(j, i + offsets.at(i) - j);
      if (text) keptText.push(j);
      j += 1;
    }
    this.length = j;
    offsets.from.splice(0, offsets.from.length, ...kept.from);
    offsets.values.splice(0, offsets.values.length, ...kept.values);
    fromText.splice(0, fromText.length, ...keptText);
  }
}

/** The columns of the rows read, with what it takes to make each row whole on demand. */
export class ReadColumns implements FundingColumns {
  readonly length: number;
  /** The reader adds rows in the order of the sheet. */
  readonly inSheetOrder = true;
  readonly amount: Int32Array | Float64Array;
  readonly shape: Uint16Array | Int32Array;
  private readonly rowOffsets: Steps;
  private readonly fromText: readonly number[];

  /**
   * @param built - the columns filled
   * @param shapes - the shapes the rows index
   * @param prefixes - `Sheet!E` of the amount column and of the commune (or INSEE) column
   */
  constructor(
    built: ColumnsBuilder,
    readonly shapes: readonly ReadShape[],
    private readonly prefixes: { readonly amount: string; readonly commune: string },
  ) {
    const n = built.length;
    this.length = n;
    this.amount = built.amount.subarray(0, n);
    this.shape = built.shape.subarray(0, n);
    this.rowOffsets = built.rowOffsets;
    this.fromText = built.fromText;
  }

  sheetRow(i: number): number {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`no funding row ${i}`);
    return i + this.rowOffsets.at(i);
  }

  amountCell(i: number): string {
    return this.prefixes.amount + String(i >= 0 && i < this.length ? this.sheetRow(i) : undefined);
  }

  row(i: number): FundingRow {
    const s = this.shapes[this.shape[i] ?? -1];
    if (s === undefined || !(i >= 0 && i < this.length)) throw new RangeError(`no funding row ${i}`);
    const sheetRow = this.sheetRow(i);
    const rowNumber = String(sheetRow);
    return {
      sheetRow,
      amountCell: this.prefixes.amount + rowNumber,
      communeCell: this.prefixes.commune + rowNumber,
      commune: s.commune,
      insee: s.insee,
      basinGiven: s.basinGiven,
      domain: s.domain,
      action: s.action,
      year: s.year,
      amount: (this.amount[i] ?? 0) as Cents,
      amountFromText: sortedHas(this.fromText, i),
      keys: s.keys,
    };
  }
}
