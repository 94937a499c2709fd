/**
 * The columns the funding-table reader fills: per row only its sheet row, amount, whether the amount
 * was text, and its shape (what rows of the same commune, INSEE, basin, domain, action and year cells
 * share, kept once). Rows are made whole only on demand.
 */

import type { Cents, FundingColumns, FundingRow, FundingRowShape } from "./types";

/** A shape of the rows read, with what makes a row of it whole and what finds it again. */
export interface ReadShape extends FundingRowShape {
  readonly action: string | null;
  readonly keys: FundingRow["keys"];
  /** Grouping key of its commune (INSEE code, or `name:` and the normalized name). */
  readonly communeKey: string;
  /** Comparison ids of its commune, INSEE, basin, domain, action and year cells. */
  readonly cellIds: readonly number[];
}

/** The shapes met, found again by the comparison ids of their cells (an open-addressing table). */
export class Shapes {
  readonly list: ReadShape[] = [];
  private hashes: number[] = [];
  /** Shape index + 1 by slot; 0 is a free slot. */
  private table = new Int32Array(64);

  /**
   * @param hash - a hash of the cells' comparison ids
   * @param c - the comparison ids of the row's commune, INSEE, basin, domain, action and year cells
   * @returns the index of the shape of those cells, or -1 when none was met
   */
  find(hash: number, c: number, n: number, b: number, d: number, a: number, y: number): number {
    const { table, list } = this;
    const mask = table.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const s = (table[i] ?? 0) - 1;
      if (s < 0) return -1;
      const ids = list[s]?.cellIds;
      if (this.hashes[s] === hash && ids !== undefined) {
        if (ids[0] === c && ids[1] === n && ids[2] === b && ids[3] === d && ids[4] === a && ids[5] === y)
          return s;
      }
    }
  }

  /**
   * @param hash - a hash of the cells' comparison ids
   * @param shape - a shape not met before
   * @returns its index
   */
  add(hash: number, shape: ReadShape): number {
    const index = this.list.length;
    this.list.push(shape);
    this.hashes.push(hash);
    if (this.list.length * 2 > this.table.length) {
      this.table = new Int32Array(this.table.length * 2);
      this.hashes.forEach((h, s) => this.place(h, s));
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

/** The columns a reading fills, one position per row read (sized for every row of the grid). */
export class ColumnsBuilder {
  length = 0;
  readonly sheetRow: Int32Array;
  readonly amount: Float64Array;
  readonly fromText: Uint8Array;
  readonly shape: Int32Array;

  constructor(capacity: number) {
    this.sheetRow = new Int32Array(capacity);
    this.amount = new Float64Array(capacity);
    this.fromText = new Uint8Array(capacity);
    this.shape = new Int32Array(capacity);
  }

  /**
   * Adds a row.
   *
   * @param sheetRow - its 1-based row in the sheet
   * @param amount - its amount in cents
   * @param fromText - whether the amount was written as text
   * @param shape - its shape's index
   */
  push(sheetRow: number, amount: number, fromText: boolean, shape: number): void {
    const i = this.length;
    this.sheetRow[i] = sheetRow;
    this.amount[i] = amount;
    this.fromText[i] = fromText ? 1 : 0;
    this.shape[i] = shape;
    this.length = i + 1;
  }

  /**
   * Keeps only the rows `keep` accepts, in their order.
   *
   * @param keep - whether row `i` stays
   */
  retain(keep: (i: number) => boolean): void {
    const { sheetRow, amount, fromText, shape } = this;
    let j = 0;
    for (let i = 0; i < this.length; i += 1) {
      if (!keep(i)) continue;
      sheetRow[j] = sheetRow[i] ?? 0;
      amount[j] = amount[i] ?? 0;
      fromText[j] = fromText[i] ?? 0;
      shape[j] = shape[i] ?? 0;
      j += 1;
    }
    this.length = j;
  }
}

/** The columns of the rows read, with what it takes to make each row whole on demand. */
export class ReadColumns implements FundingColumns {
  readonly length: number;
  readonly sheetRow: Int32Array;
  readonly amount: Float64Array;
  readonly shape: Int32Array;
  private readonly fromText: Uint8Array;

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
    this.sheetRow = built.sheetRow.subarray(0, n);
    this.amount = built.amount.subarray(0, n);
    this.shape = built.shape.subarray(0, n);
    this.fromText = built.fromText.subarray(0, n);
  }

  amountCell(i: number): string {
    return this.prefixes.amount + String(this.sheetRow[i]);
  }

  row(i: number): FundingRow {
    const s = this.shapes[this.shape[i] ?? -1];
    const sheetRow = this.sheetRow[i];
    if (s === undefined || sheetRow === undefined) throw new RangeError(`no funding row ${i}`);
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
      amountFromText: this.fromText[i] === 1,
      keys: s.keys,
    };
  }
}
