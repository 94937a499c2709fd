/**
 * What a workbook holds that the product reads: the snapshot both adapters make (the .xlsx package
 * reader, Office.js) and every use-case starts from. Types only.
 */

import type { ParamInputs, GridOrigin, RawGrid, RawValue } from "../core";
/** A block of cells read from the workbook, and where its top-left cell is. */
export interface SheetGrid {
  readonly grid: RawGrid;
  readonly origin: GridOrigin;
}

/** The funding table as read from the workbook. */
export interface InputSnapshot {
  readonly sheet: string;
  /** The Excel table's name, or null for a plain range. */
  readonly table: string | null;
  /** The table's column names (null for a plain range). */
  readonly tableColumns: readonly string[] | null;
  readonly grid: RawGrid;
  /** For a table, the top-left of its header row (of its first data row when the header is hidden). */
  readonly origin: GridOrigin;
  /** A table whose header row is hidden: its grid has no header, so its columns cannot be read. */
  readonly headerHidden?: boolean;
}

/** The facilities table `Équipements CTG` (issue #14) as read from the workbook, header row first. */
export interface FacilitySnapshot extends SheetGrid {
  readonly sheet: string;
  /** The Excel table's name (`CTG_Equipements`), or null for a plain range. */
  readonly table: string | null;
}

/** A value read behind a workbook name, and the cell it came from (`'Paramètres CTG'!C13`). */
export interface NamedValue {
  readonly value: RawValue;
  readonly cell: string;
}

/** What a workbook holds that the product reads. */
export interface WorkbookSnapshot {
  readonly input: InputSnapshot;
  /** The values behind the parameter names (`CTG_CoutHT`…) of a previous run, with their cells. */
  readonly parameters: ParamInputs;
  /** A previous run's `Communes CTG` table, header row first; null when there is none. */
  readonly communes: SheetGrid | null;
  /**
   * A previous run's `Scénarios CTG` sheet (issue #5): its used range, or null when the workbook has
   * none (the report then writes the default scenario).
   */
  readonly scenarios: SheetGrid | null;
  /**
   * The fingerprint of the formulas the last generation wrote (the workbook name `CTG_Empreinte`,
   * `"<lang>:<hex>"`): the pane compares it with the formulas it would write now to tell whether the
   * summary is out of date. Null when the workbook has none (never generated, or before this name
   * existed); left out by an adapter that does not read it.
   */
  readonly formulasKey?: string | null;
  /**
   * Whether the last generation in Excel wrote the whole summary (the workbook name `CTG_Complet`):
   * false when it was interrupted (the pane asks to generate again), null or absent when unknown.
   */
  readonly complete?: boolean | null;
  /**
   * The facilities table of the bonus territoire (issue #14), or null when the workbook has none;
   * left out by an adapter that does not read it yet (read as null).
   */
  readonly facilities?: FacilitySnapshot | null;
  /**
   * The values behind the bonus parameter names of a previous run (`CTG_B_DebutNord`…), keyed by the
   * workbook name, with their cells; empty or absent when there is none (the defaults apply).
   */
  readonly bonusParameters?: Readonly<Record<string, NamedValue>>;
  /** Sheet and table names of the user's own (not the product's). */
  readonly taken: { readonly sheets: readonly string[]; readonly tables: readonly string[] };
}
