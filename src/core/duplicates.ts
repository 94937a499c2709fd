/**
 * Identical rows of a grid, found without a string per row and without a hash table as large as the
 * grid: each row's hash is noted in row order; once every row is noted, the hashes are partitioned
 * by their top bits into buckets of about a thousand rows (two sequential passes), and each bucket
 * is searched with a small hash table that stays in the processor's cache. Rows of equal hash are
 * compared cell by cell, as {@link cellKey} compares them.
 */

import { toCell } from "./cell";
import type { RawGrid, RawValue } from "./types";

/**
 * A comparable key of a raw value: `""`, null and blanks are the same empty cell.
 *
 * @param raw - a raw value
 * @returns its key: equal keys, equal cells
 */
export function cellKey(raw: RawValue): string {
  const cell = toCell(raw);
  switch (cell.kind) {
    case "empty":
      return "e";
    case "number":
      return `n${cell.value}`;
    case "text":
      return `t${cell.value}`;
    case "boolean":
      return `b${cell.value}`;
    case "date":
      return `d${cell.value.getTime()}`;
    case "error":
      return `x${cell.code}`;
  }
}

const float = new Float64Array(1);
const floatWords = new Int32Array(float.buffer);

/**
 * @param value - a finite number
 * @returns its hash: equal numbers (0 and -0 too) hash alike
 */
export function numberHash(value: number): number {
  float[0] = value === 0 ? 0 : value;
  return (floatWords[0] ?? 0) ^ Math.imul(floatWords[1] ?? 0, 0x9e3779b1);
}

/**
 * One step of a row's hash.
 *
 * @param hash - the hash so far
 * @param value - the next value's hash or id
 * @returns the hash with the value
 */
export function mix(hash: number, value: number): number {
  return Math.imul(hash ^ value, 0x01000193);
}

/**
 * The final mix of MurmurHash3: every bit of the input moves about half the bits of the output.
 *
 * @param hash - a 32-bit hash
 * @returns the hash mixed
 */
export function fmix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Scratch arrays of past searches, held weakly: a table read again after each edit reuses them
 * instead of allocating megabytes of arrays every time (which makes the garbage collector run over
 * the whole heap, the grid included), and a collection frees them when memory runs short.
 */
const spare: WeakRef<Int32Array>[] = [];

/** An array of at least `length` zeros or leftovers (the caller writes before it reads). */
function takeScratch(length: number): Int32Array {
  for (let i = spare.length - 1; i >= 0; i -= 1) {
    const array = spare[i]?.deref();
    if (array === undefined || array.length >= length) spare.splice(i, 1);
    if (array !== undefined && array.length >= length) return array;
  }
  return new Int32Array(length);
}

/** Scratch arrays kept at most: a search takes three. */
const SPARE = 4;

/**
 * Keeps arrays for the next searches: the largest ones, so that arrays left by a smaller table
 * (a smaller size, or the same table before a row was added) do not fill the pool and leave the
 * next searches to allocate (and page-fault in) megabytes of fresh arrays every time.
 */
function giveScratch(...arrays: Int32Array[]): void {
  for (const array of arrays) {
    for (let i = spare.length - 1; i >= 0; i -= 1) if (spare[i]?.deref() === undefined) spare.splice(i, 1);
    let smallest = -1;
    let smallestLength = array.length;
    spare.forEach((ref, i) => {
      const length = ref.deref()?.length ?? 0;
      if (length < smallestLength) {
        smallest = i;
        smallestLength = length;
      }
    });
    if (spare.length < SPARE) spare.push(new WeakRef(array));
    else if (smallest >= 0) spare[smallest] = new WeakRef(array);
  }
}

/** Rows per bucket aimed at: a bucket's table (8 KiB or so) stays in the first-level cache. */
const BUCKET_ROWS = 1024;

/**
 * A number for each index 0, 1, 2…, kept only where it changes (most rows follow one another, and
 * issues are rare): set in increasing order of index, read back by a binary search.
 */
class Steps {
  private readonly from: number[] = [];
  private readonly values: number[] = [];

  set(index: number, value: number): void {
    if (this.values[this.values.length - 1] !== value) {
      this.from.push(index);
      this.values.push(value);
    }
  }

  at(index: number): number {
    let lo = 0;
    let hi = this.from.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.from[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.values[lo] ?? 0;
  }
}

/** The rows of a grid noted one by one, then searched for identical ones at once. */
export class DuplicateRows {
  /** How many rows were noted. */
  count = 0;
  /** By noted row: its (mixed) hash. */
  private readonly hashes: Int32Array;
  /** By noted row: its index in the grid less its index among the noted rows. */
  private readonly rowOffsets = new Steps();
  /** By noted row: the number the caller keeps with it. */
  private readonly tags = new Steps();

  /**
   * @param grid - the grid
   * @param columns - the columns that make two rows identical
   * @param capacity - how many rows may be noted at most
   */
  constructor(
    private readonly grid: RawGrid,
    private readonly columns: readonly number[],
    capacity: number,
  ) {
    this.hashes = takeScratch(capacity);
  }

  /**
   * Notes a row.
   *
   * @param row - its index in the grid (greater than the rows noted before)
   * @param rawHash - a hash of its cells in `columns` (equal cells, equal hash)
   * @param tag - a number kept with the row (the reader: where the row's warning goes among the issues)
   */
  add(row: number, rawHash: number, tag: number): void {
    const k = this.count;
    this.hashes[k] = fmix(rawHash);
    this.rowOffsets.set(k, row - k);
    this.tags.set(k, tag);
    this.count = k + 1;
  }

  private rowOf(k: number): number {
    return k + this.rowOffsets.at(k);
  }

  /**
   * The rows identical to an earlier one, in the order they were noted.
   *
   * @param found - called for each: the row's grid index, the first identical row's, the row's tag
   */
  find(found: (row: number, first: number, tag: number) => void): void {
    const firsts = this.search();
    giveScratch(this.hashes);
    if (firsts === null) return;
    for (let k = 0; k < this.count; k += 1) {
      const first = firsts[k] ?? -1;
      if (first >= 0) found(this.rowOf(k), this.rowOf(first), this.tags.at(k));
    }
  }

  /** For each noted row, the earliest noted row identical to it (-1 for none); null when none has one. */
  private search(): Int32Array | null {
    const { count } = this;
    let bits = 0;
    while (bits < 24 && count >>> bits > BUCKET_ROWS) bits += 1;
    const { noted, noteHash, starts } = this.partition(bits);
    const buckets = 1 << bits;
    let firsts: Int32Array | null = null;
    let table = new Int32Array(16);
    for (let b = 0; b < buckets; b += 1) {
      const from = starts[b] ?? 0;
      const to = starts[b + 1] ?? 0;
      let size = 16;
      while (size < (to - from) * 2) size *= 2;
      if (table.length < size) table = new Int32Array(size);
      table.fill(0, 0, size);
      const mask = size - 1;
      for (let j = from; j < to; j += 1) {
        const h = noteHash[j] ?? 0;
        let i = h & mask;
        for (;;) {
          // Slots hold positions in the bucketed order + 1: the hashes compared are the bucket's own.
          const other = (table[i] ?? 0) - 1;
          if (other < 0) {
            table[i] = j + 1;
            break;
          }
          if (noteHash[other] === h && this.same(noted[other] ?? 0, noted[j] ?? 0)) {
            firsts ??= new Int32Array(count).fill(-1);
            firsts[noted[j] ?? 0] = noted[other] ?? 0;
            break;
          }
          i = (i + 1) & mask;
        }
      }
    }
    giveScratch(noted, noteHash);
    return firsts;
  }

  /**
   * The noted rows by bucket (top `bits` bits of their hash), in the order noted within each bucket,
   * each with its hash (so that a bucket's search reads its own hashes in order).
   */
  private partition(bits: number): {
    readonly noted: Int32Array;
    readonly noteHash: Int32Array;
    readonly starts: Int32Array;
  } {
    const { count, hashes } = this;
    const buckets = 1 << bits;
    const shift = 32 - bits;
    const bucketOf = (k: number): number => (bits === 0 ? 0 : (hashes[k] ?? 0) >>> shift);
    const starts = new Int32Array(buckets + 1);
    for (let k = 0; k < count; k += 1) {
      const b = bucketOf(k) + 1;
      starts[b] = (starts[b] ?? 0) + 1;
    }
    for (let b = 0; b < buckets; b += 1) starts[b + 1] = (starts[b + 1] ?? 0) + (starts[b] ?? 0);
    const next = starts.slice(0, buckets);
    const noted = takeScratch(count);
    const noteHash = takeScratch(count);
    for (let k = 0; k < count; k += 1) {
      const b = bucketOf(k);
      const at = next[b] ?? 0;
      noted[at] = k;
      noteHash[at] = hashes[k] ?? 0;
      next[b] = at + 1;
    }
    return { noted, noteHash, starts };
  }

  private same(a: number, b: number): boolean {
    const ra = this.grid[this.rowOf(a)];
    const rb = this.grid[this.rowOf(b)];
    if (ra === undefined || rb === undefined) return false;
    for (const c of this.columns) {
      const x = ra[c];
      const y = rb[c];
      if (x !== y && cellKey(x) !== cellKey(y)) return false;
    }
    return true;
  }
}
