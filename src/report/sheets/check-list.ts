/**
 * The checks of `Contrôles`, as data: what each compares, when it is green, and what to fix otherwise.
 * Every check names the cells to fix; the formulas use only COUNTIF(S), SUMPRODUCT, IF, ROUND, MIN,
 * SUM (Excel 2019 and LibreOffice both compute them; nothing volatile, no whole column).
 */

import { a1, columnLetters, quoteSheet, BASINS } from "../../core";
import { communesColumn, inputColumn, textAmount, type Context } from "../context";
import { keyUsable } from "../formulas";
import type { StyleName } from "../model";
import {
  BASINS_LAYOUT,
  COMMUNES_LAYOUT,
  ENGINEERING_ROWS as ENG,
  PARAM_KEYS,
  PARAM_VALUE_COL,
  PARAMETER_ROWS,
  SCENARIOS_LAYOUT,
  type ParamKind,
  COMPLETE_NAME,
} from "../schema";
import { absColumnRange, absRef, stringLiteral } from "../sheet-builder";
import type { ComparisonLayout } from "./comparison";
import { bonusCheckRows } from "./bonus-checks";
import { HELPER_BASIN_COL } from "./comparison-layout";
import type { SynthesisLayout } from "./synthesis";

/** One side of a check (its value or what is expected): a formula, or a text. */
export type CheckSide =
  | {
      readonly formula: string;
      readonly expected: number;
      readonly check: "cents" | "exact";
      readonly style: StyleName;
    }
  | { readonly text: string };

/** A row of `Contrôles`. */
export interface CheckRow {
  readonly label: string;
  readonly value: CheckSide;
  readonly expected: CheckSide;
  /** When the check is green, from the value and expected cells; default: equal to the cent. */
  readonly ok?: (value: string, expected: string) => string;
  /** The status when not green (`Écart`, `À régénérer`). */
  readonly status: string;
  /** A formula giving what to fix (a text); shown only when the check is not green. */
  readonly fix: string;
  /**
   * Whether the engine finds the check green on the data written (default true). A check that is
   * already off green (a floor raising the bonus above the former CEJ) gives `fixShown`, the text its
   * fix formula shows then.
   */
  readonly green?: boolean;
  readonly fixShown?: string;
}

const money = (formula: string, cents: number): CheckSide => ({
  formula,
  expected: cents / 100,
  check: "cents",
  style: "money",
});
const count = (formula: string, n: number): CheckSide => ({
  formula,
  expected: n,
  check: "exact",
  style: "integer",
});
const zero: CheckSide = { formula: "0", expected: 0, check: "exact", style: "integer" };

/** How a cell is named to the user: `'Communes CTG'!C12`. */
const cellName = (sheet: string, row: number, col: number): string => `${quoteSheet(sheet)}!${a1(row, col)}`;

/** `IF(bad," 'Sheet'!C12","")&…`: the names of the bad cells, each after a space. */
function badCells(items: readonly { readonly bad: string; readonly name: string }[]): string {
  if (items.length === 0) return '""';
  return items.map((i) => `IF(${i.bad},${stringLiteral(` ${i.name}`)},"")`).join("&");
}

/** `(bad)+(bad)+…`: how many are bad. */
function countBad(items: readonly { readonly bad: string }[]): string {
  return items.length === 0 ? "0" : items.map((i) => `(${i.bad})`).join("+");
}

/** Whether a parameter cell holds something it cannot: 1 or 0 (`blankOk`: a blank cell is fine). */
function badParam(ctx: Context, cell: string, kind: ParamKind, blankOk: boolean): string {
  const L = ctx.L;
  const none = (items: readonly string[]): string =>
    `(${items.map((t) => `COUNTIF(${cell},${stringLiteral(t)})`).join("+")}=0)`;
  const test =
    kind === "amount"
      ? `(COUNTIFS(${cell},">=0")=0)`
      : kind === "rate"
        ? `(COUNTIFS(${cell},">=0",${cell},"<=1")=0)`
        : kind === "key"
          ? none(Object.values(L.keys))
          : none([L.cafBases.ht, L.cafBases.ttc]);
  return blankOk ? `(${cell}<>"")*${test}` : test;
}

/** `before&cells&after`: a fix that names the bad cells. */
const naming = (words: readonly [string, string], cells: string): string =>
  `${stringLiteral(words[0])}&${cells}&${stringLiteral(words[1])}`;

/** What every check reads: the build, the layouts, and the references several checks share. */
interface CheckEnv {
  readonly ctx: Context;
  readonly syn: SynthesisLayout;
  /** Where the comparison puts its figures (null without scenario sheets). */
  readonly cmp: ComparisonLayout | null;
  /** A cell of the total row of `Répartition bassins`. */
  readonly basinsTotal: (col: number) => string;
  /** A figure of `Ingénierie CTG`. */
  readonly engRef: (row: number) => string;
  /** The grand total of `Synthèse CEJ`. */
  readonly synGrand: string;
}

/** A check, or a family of checks: its rows for a build (none where it does not apply). */
type CheckEntry = (env: CheckEnv) => readonly CheckRow[];

const lit = stringLiteral;

/** `Répartition bassins` foots to the grand total of `Synthèse CEJ`. */
const basinsFoot: CheckEntry = ({ ctx: { L, plan }, basinsTotal, synGrand }) => [
  {
    label: L.checks.basinsFoot,
    value: money(basinsTotal(BASINS_LAYOUT.cols.cej), plan.total),
    expected: money(synGrand, plan.total),
    status: L.gap,
    fix: lit(L.checks.fix.basinsFoot),
  },
];

/** The basins' parts of the cost, the Caf and the VAT foot to the mission's (none when the key cannot split). */
const partsFoot: CheckEntry = ({ ctx: { L, plan }, basinsTotal, engRef }) => {
  const K = L.checks;
  const e = plan.engineering;
  const bc = BASINS_LAYOUT.cols;
  const split = plan.basins.every((b) => b.keyValue >= 0) && plan.basins.some((b) => b.keyValue > 0);
  const parts = [
    [K.costFoot, bc.cost, ENG.cost, e.costHT],
    [K.cafFoot, bc.caf, ENG.caf, e.caf],
    [K.vatFoot, bc.vat, ENG.vat, e.vat],
  ] as const;
  return parts.map(([label, col, row, value]): CheckRow => ({
    label,
    value: money(basinsTotal(col), split ? value : 0),
    expected: money(engRef(row), value),
    status: L.gap,
    fix: lit(K.fix.partsFoot),
  }));
};

/** The Caf and the CUCM HT foot to the cost. */
const cafPlusCu: CheckEntry = ({ ctx: { L, plan }, engRef }) => {
  const e = plan.engineering;
  return [
    {
      label: L.checks.cafPlusCu,
      value: money(`${engRef(ENG.caf)}+${engRef(ENG.cuHT)}`, e.caf + e.cuHT),
      expected: money(engRef(ENG.cost), e.costHT),
      status: L.gap,
      fix: lit(L.checks.fix.cafPlusCu),
    },
  ];
};

/** The input's amounts (with the ones read from text) foot to the grand total: else regenerate. */
const inputFoot: CheckEntry = ({ ctx, synGrand }) => {
  const { L, plan } = ctx;
  const text = textAmount(ctx.rows);
  const inputSum =
    plan.rowCount === 0 ? "0" : `SUM(${inputColumn(ctx, "amount")})${text !== 0 ? `+${text / 100}` : ""}`;
  return [
    {
      label: L.checks.inputFoot,
      value: money(inputSum, plan.total),
      expected: money(synGrand, plan.total),
      status: L.regenerate,
      fix: lit(L.checks.fix.inputFoot),
    },
  ];
};

/** Every commune of `Synthèse CEJ` has a basin. */
const communesBasin: CheckEntry = ({ ctx: { L, names }, syn }) => {
  const synBasins = absColumnRange(names.synthesis, syn.basinCol, syn.first, Math.max(syn.last, syn.first));
  const n = syn.count;
  const counted = n === 0 ? "0" : BASINS.map((b) => `COUNTIF(${synBasins},${lit(L.basins[b])})`).join("+");
  return [
    {
      label: L.checks.communesBasin,
      value: count(counted, n),
      expected: count(String(n), n),
      status: L.gap,
      fix: lit(L.checks.fix.communesBasin),
    },
  ];
};

/** The key allocates something: no basin's value below zero, their sum above zero. */
const keyAllocates: CheckEntry = ({ ctx: { L, plan, names }, basinsTotal }) => {
  const K = L.checks;
  const bc = BASINS_LAYOUT.cols;
  const keys = BASINS.map((_, i) => absRef(names.basins, BASINS_LAYOUT.first + i, bc.key));
  const cejKey = plan.params.key === "cej";
  const keySum = plan.basins.reduce((t, b) => t + b.keyValue, 0);
  const keyCell = cellName(names.parameters, PARAMETER_ROWS.key.row, PARAM_VALUE_COL);
  return [
    {
      label: K.keyUsable,
      value: {
        formula: basinsTotal(bc.key),
        expected: cejKey ? keySum / 100 : keySum,
        check: cejKey ? "cents" : "exact",
        style: cejKey ? "money" : "integer",
      },
      expected: { text: K.positive },
      ok: (value) => keyUsable(keys, value),
      status: L.gap,
      fix: lit(K.fix.keyUsable(keyCell, cellName(names.basins, BASINS_LAYOUT.totalRow, bc.key))),
    },
  ];
};

/** Every commune of `Communes CTG` has a basin the split knows; the fix names the bad cells. */
const communesKnown: CheckEntry = ({ ctx }) => {
  const { L, plan, names } = ctx;
  const basinCol = COMMUNES_LAYOUT.cols.basin;
  const neither = (ref: string): string =>
    `COUNTIFS(${ref},${lit(`<>${L.basins.nord}`)},${ref},${lit(`<>${L.basins.sud}`)})`;
  const cells = plan.communesReference.map((_, i) => {
    const row = COMMUNES_LAYOUT.first + i;
    return {
      bad: neither(absRef(names.communes, row, basinCol)),
      name: cellName(names.communes, row, basinCol),
    };
  });
  return [
    {
      label: L.checks.communesKnown,
      value: count(neither(communesColumn(ctx, basinCol)), 0),
      expected: zero,
      status: L.gap,
      fix: naming(L.checks.fix.communesKnown, badCells(cells)),
    },
  ];
};

/** Every parameter in range; the fix names the bad cells. */
const paramsInRange: CheckEntry = ({ ctx }) => {
  const { L, names } = ctx;
  const cells = PARAM_KEYS.map((k) => {
    const p = PARAMETER_ROWS[k];
    return {
      bad: badParam(ctx, p.name, p.kind, false),
      name: cellName(names.parameters, p.row, PARAM_VALUE_COL),
    };
  });
  return [
    {
      label: L.checks.paramsInRange,
      value: count(countBad(cells), 0),
      expected: zero,
      status: L.gap,
      fix: naming(L.checks.fix.paramsInRange, badCells(cells)),
    },
  ];
};

/**
 * A scenario column added by hand on the scenarios sheet is compared only after a regeneration: the
 * names counted there (up to 50 columns beyond the last written) against the columns compared.
 */
const scenariosFoot: CheckEntry = ({ ctx: { L, names, scenarioPlans } }) => {
  const n = scenarioPlans.length;
  if (n === 0) return [];
  const S = SCENARIOS_LAYOUT;
  const at = (c: number): string => absRef(names.scenarios, S.rows.name, c).split("!")[1] ?? "";
  const scNames = `${quoteSheet(names.scenarios)}!${at(S.firstCol)}:${at(S.firstCol + n + 49)}`;
  return [
    {
      label: L.checks.scenariosFoot,
      value: count(`COUNTA(${scNames})`, n),
      expected: count(String(n), n),
      status: L.regenerate,
      fix: lit(L.checks.fix.scenariosFoot),
    },
  ];
};

/** Every scenario column reads: its parameters in range (or blank), its basins known (or blank). */
const scenarioReads: CheckEntry = ({ ctx, cmp }) => {
  if (cmp === null) return [];
  const { L, plan, names } = ctx;
  const S = SCENARIOS_LAYOUT;
  return ctx.scenarioPlans.map((_, k) => {
    const col = S.firstCol + k;
    const params = PARAM_KEYS.map((key) => ({
      bad: badParam(ctx, absRef(names.scenarios, S.rows[key], col), PARAMETER_ROWS[key].kind, true),
      name: cellName(names.scenarios, S.rows[key], col),
    }));
    const communes = plan.communesReference.map((_, i) => {
      const ref = absRef(names.scenarios, S.firstCommune + i, col);
      return {
        bad: `COUNTIFS(${ref},"<>",${ref},${lit(`<>${L.basins.nord}`)},${ref},${lit(`<>${L.basins.sud}`)})`,
        name: cellName(names.scenarios, S.firstCommune + i, col),
      };
    });
    const cells = [...params, ...communes];
    return {
      label: L.checks.scenarioReads(columnLetters(col)),
      value: count(countBad(cells), 0),
      expected: zero,
      status: L.gap,
      fix: naming(L.checks.fix.scenarioReads, badCells(cells)),
    };
  });
};

/**
 * `Répartition bassins` equals the first scenario compared, basin by basin, when that scenario has the
 * current parameters and moves no commune (otherwise the two rightly differ).
 */
const basinsMatchFirst: CheckEntry = ({ ctx: { L, names }, cmp }) => {
  if (cmp === null) return [];
  const R = cmp.rows;
  const first = (row: number): string => absRef(names.comparison, row, 1);
  const same = PARAM_KEYS.map((key) => {
    const { name, kind } = PARAMETER_ROWS[key];
    return kind === "amount"
      ? `(ROUND(${first(R.params[key])}-${name},2)=0)`
      : `(${first(R.params[key])}=${name})`;
  });
  const helper = cmp.helper;
  if (helper.refLast >= helper.refFirst) {
    const range = (c: number): string => absColumnRange(names.comparison, c, helper.refFirst, helper.refLast);
    same.push(`(SUMPRODUCT((${range(HELPER_BASIN_COL)}<>${range(2)})*1)=0)`);
  }
  const bc = BASINS_LAYOUT.cols;
  const figures = ["cost", "caf", "vat", "cuHT", "cuTTC"] as const;
  const differ = BASINS.flatMap((_, i) =>
    figures.map((f) => {
      const here = absRef(names.basins, BASINS_LAYOUT.first + i, bc[f]);
      return `(ROUND(${here}-${first(R.basins[i]?.[f] ?? 0)},2)<>0)`;
    }),
  );
  return [
    {
      label: L.checks.basinsMatchFirst,
      value: count(`IF(${same.join("*")},${differ.join("+")},0)`, 0),
      expected: zero,
      status: L.gap,
      fix: lit(L.checks.fix.basinsMatchFirst),
    },
  ];
};

/** The generation that wrote these sheets went to its end (Excel writes FALSE first, TRUE last). */
const complete: CheckEntry = ({ ctx: { L } }) => [
  {
    label: L.checks.complete,
    value: count(`IF(${COMPLETE_NAME},1,0)`, 1),
    expected: count("1", 1),
    status: L.regenerate,
    fix: lit(L.checks.fix.complete),
  },
];

/**
 * The checks of `Contrôles`, in the order of their rows: the foot checks, then the inputs a council
 * member types, then the scenarios' (a report built without scenarios has the same rows above them),
 * then the bonus territoire's (issue #14, only with a facilities table), and last whether the
 * generation went to its end.
 */
const CHECKS: readonly CheckEntry[] = [
  basinsFoot,
  partsFoot,
  cafPlusCu,
  inputFoot,
  communesBasin,
  keyAllocates,
  communesKnown,
  paramsInRange,
  scenariosFoot,
  scenarioReads,
  basinsMatchFirst,
  ({ ctx }) => bonusCheckRows(ctx),
  complete,
];

/**
 * The checks, in the order of their rows.
 *
 * @param ctx - the build
 * @param syn - where the synthesis puts its totals
 * @param cmp - where the comparison puts its figures (null without scenario sheets)
 * @returns the rows
 */
export function checkRows(ctx: Context, syn: SynthesisLayout, cmp: ComparisonLayout | null): CheckRow[] {
  const { names } = ctx;
  const env: CheckEnv = {
    ctx,
    syn,
    cmp,
    basinsTotal: (col) => absRef(names.basins, BASINS_LAYOUT.totalRow, col),
    engRef: (row) => absRef(names.engineering, row, 1),
    synGrand: absRef(names.synthesis, syn.grandTotalRow, syn.totalCol),
  };
  return CHECKS.flatMap((check) => check(env));
}
