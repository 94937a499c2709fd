/**
 * The pane's view model, pure: from the pipeline's result to what each section shows (formatted
 * figures, issue lines, column choices), and from the parameter fields to the pipeline's inputs.
 * No React, no Office.js: unit-tested in Node.
 */

import { BASIN_LABELS, FIELD_LABELS, KEY_LABELS, type IssueFormatter } from "../i18n";
import {
  cellText,
  columnLetters,
  parseA1,
  toCell,
  formatMoney,
  formatRate,
  parseAmount,
  parseRate,
  RATE_SCALE,
  DEFAULT_PARAMS,
  parseAllocationKey,
  parseCafBase,
  PLAN_PARAM_NAMES,
  type ParamInputs,
  type PlanParamName,
  type Scenario,
  type ScenarioEdit,
  type AllocationKey,
  type Basin,
  type Cents,
  type ColumnMapping,
  type Field,
  type Issue,
  type Lang,
  type PlanParams,
  type Rate,
  type Severity,
  FIELDS,
} from "../core";
import { scenarioPlans, type PipelineResult, type WorkbookSnapshot } from "../app";
import type { GenerateProgress, InputChoice } from "./host";
import { uiText } from "./i18n";

// ---- parameters ------------------------------------------------------------------------------------

/** The text of each parameter field as the user sees and edits it (the key and the Caf base as codes). */
export type ParamFields = Readonly<Record<PlanParamName, string>>;

/** Whether a parameter is an amount, a rate, the key or the Caf base. */
export function paramKind(param: PlanParamName): "amount" | "rate" | "key" | "base" {
  return param === "costHT" || param === "capHT"
    ? "amount"
    : param === "key"
      ? "key"
      : param === "cafBase"
        ? "base"
        : "rate";
}

/**
 * An amount as typed in a field: `40 000,00` / `40,000.00` (no currency sign: the label says €).
 *
 * @param c - the amount
 * @param lang - the language
 * @returns the text
 */
export function amountFieldText(c: Cents, lang: Lang): string {
  return formatMoney(c, lang)
    .replace(/\u00A0€$/, "")
    .replace(/^€/, "")
    .replace(/^-€/, "-")
    .replace(/\u202F/g, " ");
}

/**
 * A rate as typed in a percent field: `50`, `33,3333` / `33.3333` (no % sign: the label says %).
 *
 * @param r - the rate
 * @param lang - the language
 * @returns the text
 */
export function rateFieldText(r: Rate, lang: Lang): string {
  const percent = (r / (RATE_SCALE / 100)).toFixed(4).replace(/\.?0+$/, "");
  return lang === "fr" ? percent.replace(".", ",") : percent;
}

/**
 * The initial text of each parameter field: the workbook's `Paramètres CTG` value when it has one
 * (reformatted when it reads, as found when it does not: the error then points at the workbook's
 * cell), else the default.
 *
 * @param parameters - the snapshot's parameters
 * @param lang - the language
 * @returns the fields
 */
export function initialParamFields(parameters: ParamInputs, lang: Lang): ParamFields {
  const fields: Partial<Record<PlanParamName, string>> = {};
  for (const p of PLAN_PARAM_NAMES) {
    const input = parameters[p];
    const cell = input === undefined ? null : toCell(input.value);
    const kind = paramKind(p);
    if (cell === null || cell.kind === "empty") {
      const d = DEFAULT_PARAMS[p];
      fields[p] =
        kind === "amount"
          ? amountFieldText(d as Cents, lang)
          : kind === "rate"
            ? rateFieldText(d as Rate, lang)
            : String(d);
      continue;
    }
    if (kind === "amount") {
      const parsed = parseAmount(cell);
      fields[p] = parsed.ok && parsed.cents >= 0 ? amountFieldText(parsed.cents, lang) : cellText(cell);
    } else if (kind === "rate") {
      const parsed = parseRate(cell);
      fields[p] =
        parsed.ok && parsed.rate >= 0 && parsed.rate <= RATE_SCALE
          ? rateFieldText(parsed.rate, lang)
          : cellText(cell);
    } else if (kind === "key") {
      fields[p] = (cell.kind === "text" ? parseAllocationKey(cell.value) : null) ?? cellText(cell);
    } else {
      fields[p] = (cell.kind === "text" ? parseCafBase(cell.value) : null) ?? cellText(cell);
    }
  }
  return fields as ParamFields;
}

/**
 * The fields that show a set of parameters (a scenario's, to apply it).
 *
 * @param params - the parameters
 * @param lang - the language
 * @returns every field
 */
export function fieldsOfParams(params: PlanParams, lang: Lang): ParamFields {
  return {
    costHT: amountFieldText(params.costHT, lang),
    capHT: amountFieldText(params.capHT, lang),
    cafRate: rateFieldText(params.cafRate, lang),
    vatRate: rateFieldText(params.vatRate, lang),
    key: params.key,
    cafBase: params.cafBase,
  };
}

/**
 * The sheet the workbook's parameters were read from (a previous run's `Paramètres CTG`, or
 * `CTG Parameters` when it ran in English).
 *
 * @param parameters - the snapshot's parameters
 * @returns the sheet's name, or null when the workbook has none
 */
export function parametersSheet(parameters: ParamInputs): string | null {
  for (const p of PLAN_PARAM_NAMES) {
    const cell = parameters[p]?.cell;
    const m = cell === undefined ? null : /^(.*)!\$?[A-Z]{1,3}\$?\d+$/.exec(cell);
    if (m?.[1] !== undefined) return m[1].replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  }
  return null;
}

/**
 * The "cell" a parameter typed in the pane is reported at: `Volet : coût HT` / `Pane: Caf rate`.
 *
 * @param param - the parameter
 * @param lang - the language
 * @returns the name
 */
export function paneCellName(param: PlanParamName, lang: Lang): string {
  return uiText(lang).paneCells[param];
}

/**
 * The parameter a pane "cell" names, if it is one.
 *
 * @param cell - an issue's cell
 * @param lang - the language
 * @returns the parameter, or null for a workbook cell
 */
export function paneParamOfCell(cell: string, lang: Lang): PlanParamName | null {
  return PLAN_PARAM_NAMES.find((p) => paneCellName(p, lang) === cell) ?? null;
}

/**
 * The parameters the user edited in the pane, as the pipeline takes them: they win over the
 * workbook's. A percent field without `%` gets one (`50` is 50 %, not 5 000 %).
 *
 * @param fields - the fields' texts
 * @param edited - the parameters the user changed
 * @param lang - the language (names the pane's cells)
 * @returns the inputs
 */
export function paramInputsFromFields(
  fields: ParamFields,
  edited: ReadonlySet<PlanParamName>,
  lang: Lang,
): ParamInputs {
  const inputs: Partial<Record<PlanParamName, { value: string; cell: string }>> = {};
  for (const p of PLAN_PARAM_NAMES) {
    if (!edited.has(p)) continue;
    const text = fields[p].trim();
    const value = paramKind(p) === "rate" && text !== "" && !text.includes("%") ? `${text} %` : text;
    inputs[p] = { value, cell: paneCellName(p, lang) };
  }
  return inputs;
}

// ---- input -----------------------------------------------------------------------------------------

/** One column of the funding table, as the mapping dropdowns offer it. */
export interface ColumnOption {
  /** 0-based index within the grid. */
  readonly index: number;
  readonly label: string;
}

/**
 * The columns of the funding table: `F : Montant CEJ`, or `Colonne F` when there is no header.
 *
 * @param snapshot - the snapshot
 * @param result - the pipeline's result (its header texts)
 * @param lang - the language
 * @returns the columns
 */
export function columnOptions(
  snapshot: WorkbookSnapshot,
  result: PipelineResult,
  lang: Lang,
): ColumnOption[] {
  const left = parseA1(snapshot.input.origin.topLeft).col;
  const width = Math.max(
    result.read.headers.length,
    snapshot.input.grid.reduce((w, row) => Math.max(w, row.length), 0),
  );
  const t = uiText(lang);
  return Array.from({ length: width }, (_, index) => ({
    index,
    label: t.column(columnLetters(left + index), (result.read.headers[index] ?? "").trim()),
  }));
}

/** One field of the mapping and the column it is read from. */
export interface MappingRow {
  readonly field: Field;
  readonly label: string;
  readonly required: boolean;
  readonly column: number | undefined;
}

/**
 * @param mapping - the mapping the reader used
 * @param lang - the language
 * @returns one row per field
 */
export function mappingRows(mapping: ColumnMapping, lang: Lang): MappingRow[] {
  return FIELDS.map((field) => ({
    field,
    label: FIELD_LABELS[lang][field],
    required: field === "commune" || field === "amount",
    column: mapping[field],
  }));
}

/**
 * The mapping after the user chose `column` for `field`: the other fields keep theirs, and a field
 * that had that column loses it (a column feeds one field).
 *
 * @param current - the mapping the reader used
 * @param field - the field changed
 * @param column - the 0-based column chosen
 * @returns the mapping to pass to the pipeline
 */
export function withColumn(current: ColumnMapping, field: Field, column: number): ColumnMapping {
  const next: Partial<Record<Field, number>> = {};
  for (const f of FIELDS) {
    const c = current[f];
    if (f !== field && c !== undefined && c !== column) next[f] = c;
  }
  next[field] = column;
  return next;
}

/**
 * @param choice - a table or a sheet
 * @param lang - the language
 * @returns how the input dropdown names it
 */
export function inputChoiceLabel(choice: InputChoice, lang: Lang): string {
  const t = uiText(lang);
  return choice.kind === "table"
    ? t.tableOption(choice.name, choice.sheet)
    : choice.kind === "sheet"
      ? t.sheetOption(choice.name)
      : t.selectionOption;
}

/**
 * A stable key of an input choice, for dropdown values.
 *
 * @param choice - a table or a sheet
 * @returns `table:Financements`, `sheet:Feuil1`
 */
export function inputChoiceKey(choice: InputChoice): string {
  return `${choice.kind}:${choice.name}`;
}

/**
 * The choice a snapshot was read from.
 *
 * @param snapshot - the snapshot
 * @returns the table or sheet it read
 */
export function choiceOfSnapshot(snapshot: WorkbookSnapshot): InputChoice {
  const { input } = snapshot;
  return input.table !== null
    ? { kind: "table", name: input.table, sheet: input.sheet }
    : { kind: "sheet", name: input.sheet, sheet: input.sheet };
}

// ---- check -----------------------------------------------------------------------------------------

/** One issue as the check section lists it. */
export interface IssueView {
  /** Stable within one result. */
  readonly id: string;
  readonly severity: Severity;
  /** The address (`Financements!F7`), or the pane's field (`Volet : taux Caf`). */
  readonly cell: string;
  /** The pane's parameter field when the issue is about a value typed in the pane. */
  readonly paneParam: PlanParamName | null;
  readonly related: readonly string[];
  /** The sentence, from formatIssue. */
  readonly message: string;
}

/**
 * The issues of a result, errors first, each with its sentence and where it points.
 *
 * @param issues - the pipeline's issues
 * @param lang - the language
 * @param format - the issue sentences of that language (as formatIssue)
 * @returns the issue lines
 */
export function issueViews(issues: readonly Issue[], lang: Lang, format: IssueFormatter): IssueView[] {
  const views = issues.map((issue, i) => ({
    id: `${i}:${issue.code}:${issue.cell}`,
    severity: issue.severity,
    cell: issue.cell,
    paneParam: paneParamOfCell(issue.cell, lang),
    related: (issue.related ?? []).filter((r) => r !== issue.cell),
    message: format(issue),
  }));
  return [...views.filter((v) => v.severity === "error"), ...views.filter((v) => v.severity === "warning")];
}

// ---- preview ---------------------------------------------------------------------------------------

/**
 * A fraction as a percentage with two decimals: `45,12 %` / `45.12%`.
 *
 * @param fraction - the fraction (0.4512)
 * @param lang - the language
 * @returns the text
 */
export function formatShare(fraction: number, lang: Lang): string {
  const text = (fraction * 100).toFixed(2);
  return lang === "fr" ? `${text.replace(".", ",")}\u00A0%` : `${text}%`;
}

/** A labelled figure. */
export interface FigureView {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  /** Totals are shown in bold. */
  readonly strong?: boolean;
}

export interface BasinView {
  readonly basin: Basin;
  readonly label: string;
  readonly cejTotal: string;
  readonly keyShare: string;
  readonly costHT: string;
  readonly caf: string;
  readonly cuTTC: string;
  /** For the chart: the amounts in cents. */
  readonly cafCents: number;
  readonly cuTTCCents: number;
}

export interface PreviewView {
  readonly total: string;
  readonly summary: string;
  readonly key: AllocationKey;
  readonly keyLabel: string;
  readonly basins: readonly BasinView[];
  /** The basin table: one row per figure, one value per basin. */
  readonly basinRows: readonly {
    readonly id: string;
    readonly label: string;
    readonly values: readonly string[];
  }[];
  readonly engineering: readonly FigureView[];
  readonly capExceeded: boolean;
  readonly chart: {
    readonly title: string;
    readonly desc: string;
    /** The largest amount drawn, in cents (the bars' scale); at least 1. */
    readonly max: number;
  };
}

/**
 * The preview of a plan: totals, per basin figures, the engineering split and the chart's texts.
 *
 * @param result - the pipeline's result
 * @param lang - the language
 * @returns the preview, or null when there is no plan (errors)
 */
export function previewView(result: PipelineResult, lang: Lang): PreviewView | null {
  if (result.status === "blocked") return null;
  const plan = result.plan;
  const t = uiText(lang);
  const m = (c: Cents): string => formatMoney(c, lang);
  const basins: BasinView[] = plan.basins.map((b) => ({
    basin: b.basin,
    label: BASIN_LABELS[lang][b.basin],
    cejTotal: m(b.cejTotal),
    keyShare: formatShare(b.keyShare, lang),
    costHT: m(b.engineering.costHT),
    caf: m(b.engineering.caf),
    cuTTC: m(b.engineering.cuTTC),
    cafCents: b.engineering.caf,
    cuTTCCents: b.engineering.cuTTC,
  }));
  const e = plan.engineering;
  const r = t.engineeringRows;
  const engineering: FigureView[] = [
    { id: "costHT", label: r.costHT, value: m(e.costHT) },
    { id: "capHT", label: r.capHT, value: m(e.capHT) },
    { id: "eligibleHT", label: r.eligibleHT, value: m(e.eligibleHT) },
    { id: "caf", label: r.caf(formatRate(e.cafRate, lang)), value: m(e.caf), strong: true },
    { id: "cuHT", label: r.cuHT, value: m(e.cuHT) },
    { id: "vat", label: r.vat(formatRate(e.vatRate, lang)), value: m(e.vat) },
    { id: "costTTC", label: r.costTTC, value: m(e.costTTC) },
    { id: "cuTTC", label: r.cuTTC, value: m(e.cuTTC), strong: true },
  ];
  const br = t.basinRows;
  const basinRows = [
    { id: "cejTotal", label: br.cejTotal, values: basins.map((b) => b.cejTotal) },
    { id: "keyShare", label: br.keyShare, values: basins.map((b) => b.keyShare) },
    { id: "costHT", label: br.costHT, values: basins.map((b) => b.costHT) },
    { id: "caf", label: br.caf, values: basins.map((b) => b.caf) },
    { id: "cuTTC", label: br.cuTTC, values: basins.map((b) => b.cuTTC) },
  ];
  const max = Math.max(1, ...basins.flatMap((b) => [b.cafCents, b.cuTTCCents]));
  return {
    total: m(plan.total),
    summary: t.fundedSummary(plan.fundedCommunes, plan.rowCount),
    key: plan.params.key,
    keyLabel: KEY_LABELS[lang][plan.params.key],
    basins,
    basinRows,
    engineering,
    capExceeded: e.costHT > e.capHT,
    chart: {
      title: t.chartTitle,
      desc: t.chartDesc(basins.map((b) => t.chartBasinDesc(b.label, b.caf, b.cuTTC))),
      max,
    },
  };
}

// ---- the whole pane --------------------------------------------------------------------------------

export interface PaneView {
  readonly rowCount: number;
  readonly rowsLabel: string;
  readonly columns: readonly ColumnOption[];
  readonly mapping: readonly MappingRow[];
  /** Whether the mapping needs the user (a header or column issue): the pane opens it. */
  readonly mappingNeedsAttention: boolean;
  readonly issues: readonly IssueView[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly blocked: boolean;
  readonly preview: PreviewView | null;
}

const MAPPING_CODES = new Set<Issue["code"]>([
  "header-not-found",
  "missing-column",
  "duplicate-column",
  "mapping-out-of-range",
]);

/**
 * Everything the pane shows of a result.
 *
 * @param snapshot - the snapshot read
 * @param result - the pipeline's result on it
 * @param lang - the language
 * @param format - the issue sentences of that language
 * @returns the view
 */
export function paneView(
  snapshot: WorkbookSnapshot,
  result: PipelineResult,
  lang: Lang,
  format: IssueFormatter,
): PaneView {
  const issues = issueViews(result.issues, lang, format);
  const rowCount = result.plan?.rowCount ?? result.rows.length;
  return {
    rowCount,
    rowsLabel: uiText(lang).rowsRead(rowCount),
    columns: columnOptions(snapshot, result, lang),
    mapping: mappingRows(result.read.mapping, lang),
    mappingNeedsAttention: result.issues.some((i) => MAPPING_CODES.has(i.code)),
    issues,
    errorCount: issues.filter((i) => i.severity === "error").length,
    warningCount: issues.filter((i) => i.severity === "warning").length,
    blocked: result.status === "blocked",
    preview: previewView(result, lang),
  };
}

// ---- generation ------------------------------------------------------------------------------------

/**
 * The label of a generation's progress: `Écriture des feuilles de synthèse (étape 2 sur 3)`.
 *
 * @param progress - what the host reported
 * @param lang - the language
 * @returns the label
 */
export function progressLabel(progress: GenerateProgress, lang: Lang): string {
  const t = uiText(lang);
  const step =
    progress.step === "sheet" && progress.sheet !== undefined
      ? t.stepSheet(progress.sheet)
      : t.steps[progress.step];
  return progress.step === "done" ? step : t.stepOf(step, progress.done, progress.total);
}

// ---- scenarios -------------------------------------------------------------------------------------

/** One scenario as the scenarios section lists it. */
export interface ScenarioView {
  readonly name: string;
  readonly note: string;
  /** The date as the language writes it (`28/11/2026`, `2026-11-28`), or the text as written. */
  readonly date: string;
  /** Read from the workbook, added in the pane, or renamed in the pane (from `renamedFrom`). */
  readonly status: "read" | "new" | "renamed";
  readonly renamedFrom?: string;
  /** The first scenario: the comparison's baseline. */
  readonly first: boolean;
  /** `Clé CEJ, Caf sur le coût HT`. */
  readonly keyLine: string;
  /** `CUCM TTC 28 000,00 € · Caf 20 000,00 €`. */
  readonly figures: string;
  /** The CUCM TTC against the first scenario (`+7 200,00 € (+25,71 %) …`); null for the first. */
  readonly diff: string | null;
  /** The communes it moves (`Saint-Eusèbe → Sud`); null when none. */
  readonly moves: string | null;
  /** The scenario itself, to apply it. */
  readonly scenario: Scenario;
}

/** Where each scenario of the pane's list comes from, after the edits (lower-cased names). */
function originsOf(
  edits: readonly ScenarioEdit[],
): Map<string, { kind: "new" } | { kind: "read"; name: string }> {
  const origins = new Map<string, { kind: "new" } | { kind: "read"; name: string }>();
  for (const edit of edits) {
    if (edit.kind === "add") origins.set(edit.scenario.name.toLowerCase(), { kind: "new" });
    else if (edit.kind === "rename") {
      const from = edit.from.toLowerCase();
      const origin = origins.get(from) ?? { kind: "read", name: edit.from };
      origins.delete(from);
      origins.set(edit.to.toLowerCase(), origin);
    } else origins.delete(edit.name.toLowerCase());
  }
  return origins;
}

/**
 * A day as the language writes it.
 *
 * @param iso - `2026-11-28` (other texts are returned as they are)
 * @param lang - the language
 * @returns `28/11/2026` in French, `2026-11-28` in English
 */
export function formatDay(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && lang === "fr" ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * Today as an ISO day, in the user's time zone (the date of a scenario saved now).
 *
 * @param now - the moment
 * @returns `2026-11-28`
 */
export function localIsoDay(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An amount with its sign (`+7 200,00 €`, `-4 000,00 €`, `0,00 €`). */
function signedMoney(c: Cents, lang: Lang): string {
  return c > 0 ? `+${formatMoney(c, lang)}` : formatMoney(c, lang);
}

/**
 * The communes a scenario moves, named: `Saint-Eusèbe → Sud`.
 *
 * @param overrides - INSEE code → basin
 * @param reference - the reference communes (names and current basins)
 * @param lang - the language
 * @returns the text, or null when the scenario moves none away from its current basin
 */
export function movesText(
  overrides: Readonly<Record<string, Basin>>,
  reference: readonly { readonly insee: string; readonly name: string; readonly basin: Basin }[],
  lang: Lang,
): string | null {
  const moved = reference
    .filter((c) => {
      const b = Object.prototype.hasOwnProperty.call(overrides, c.insee) ? overrides[c.insee] : undefined;
      return b !== undefined && b !== c.basin;
    })
    .map((c) => `${c.name} → ${BASIN_LABELS[lang][overrides[c.insee] as Basin]}`);
  return moved.length === 0 ? null : moved.join(", ");
}

/**
 * The scenarios of a result as the pane lists them, with what the pane's edits did to them.
 *
 * @param result - the pipeline's result (its scenarios, after the pane's edits)
 * @param edits - the pane's scenario edits
 * @param lang - the language
 * @returns the list, in the comparison's order
 */
export function scenarioViews(
  result: PipelineResult,
  edits: readonly ScenarioEdit[],
  lang: Lang,
): ScenarioView[] {
  const t = uiText(lang);
  const origins = originsOf(edits);
  const list = scenarioPlans(result);
  const baseline = list[0]?.plan.engineering.cuTTC;
  return list.map(({ scenario, plan }, i) => {
    const origin = origins.get(scenario.name.toLowerCase());
    const status =
      origin === undefined
        ? "read"
        : origin.kind === "new"
          ? "new"
          : origin.name === scenario.name
            ? "read"
            : "renamed";
    const e = plan.engineering;
    let diff: string | null = null;
    if (i > 0 && baseline !== undefined) {
      const d = (e.cuTTC - baseline) as Cents;
      const percent = baseline === 0 ? "—" : formatShare(d / baseline, lang);
      diff = t.scenarioDiff(signedMoney(d, lang), d > 0 ? `+${percent}` : percent);
    }
    return {
      name: scenario.name,
      note: scenario.note,
      date: formatDay(scenario.date, lang),
      status,
      ...(status === "renamed" && origin?.kind === "read" ? { renamedFrom: origin.name } : {}),
      first: i === 0,
      keyLine: t.scenarioKey(KEY_LABELS[lang][scenario.params.key], t.cafBaseShort[scenario.params.cafBase]),
      figures: t.scenarioFigures(formatMoney(e.cuTTC, lang), formatMoney(e.caf, lang)),
      diff,
      moves: movesText(scenario.basinOverrides, result.reference, lang),
      scenario,
    };
  });
}

/**
 * How many scenarios the pane's edits change: added, renamed or deleted (a scenario added then
 * deleted counts for nothing).
 *
 * @param edits - the pane's scenario edits
 * @returns the count
 */
export function pendingScenarioChanges(edits: readonly ScenarioEdit[]): number {
  const origins = originsOf(edits);
  const kept = new Set(
    [...origins.values()].flatMap((o) => (o.kind === "read" ? [o.name.toLowerCase()] : [])),
  );
  let changed = [...origins.entries()].filter(
    ([name, o]) => o.kind === "new" || o.name.toLowerCase() !== name,
  ).length;
  const deletedRead = new Set<string>();
  const added = new Set<string>();
  for (const edit of edits) {
    if (edit.kind === "add") added.add(edit.scenario.name.toLowerCase());
    if (edit.kind === "rename" && added.has(edit.from.toLowerCase())) added.add(edit.to.toLowerCase());
    if (edit.kind === "delete") {
      const n = edit.name.toLowerCase();
      if (!added.has(n) && !kept.has(n)) deletedRead.add(n);
    }
  }
  changed += deletedRead.size;
  return changed;
}

/**
 * What is wrong with a scenario name, if anything.
 *
 * @param name - the name typed
 * @param taken - the names of the other scenarios
 * @param lang - the language
 * @returns the message, or null when the name will do
 */
export function scenarioNameProblem(name: string, taken: readonly string[], lang: Lang): string | null {
  const t = uiText(lang);
  const trimmed = name.trim();
  if (trimmed === "") return t.scenarioNameEmpty;
  if (trimmed.length > 255) return t.scenarioNameTooLong;
  if (taken.some((n) => n.toLowerCase() === trimmed.toLowerCase())) return t.scenarioNameTaken(trimmed);
  return null;
}

// ---- following the workbook's edits ----------------------------------------------------------------

/**
 * The sheets whose edits change what the pane shows: the funding table's, the facilities table's
 * (the bonus territoire), and the product's parameters, communes and scenarios sheets when the
 * workbook has them.
 *
 * @param snapshot - the snapshot read
 * @returns their names, each once
 */
export function watchedSheets(snapshot: WorkbookSnapshot): string[] {
  const sheets = [
    snapshot.input.sheet,
    snapshot.facilities?.sheet ?? null,
    parametersSheet(snapshot.parameters),
    snapshot.communes?.origin.sheet ?? null,
    snapshot.scenarios?.origin.sheet ?? null,
  ];
  return [...new Set(sheets.filter((s): s is string => s !== null && s !== ""))];
}
