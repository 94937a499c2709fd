import { promises as fs } from "node:fs";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import pkg from "../../package.json";
import {
  COMMUNES,
  formatMoney,
  formatRate,
  type ParamInputs,
  type PlanParamName,
  type ScenarioPlan,
  type ScenarioSpec,
  type ScenarioBonusField,
  SCENARIO_BONUS_FIELDS,
  SCENARIO_BONUS_KIND,
  type Basin,
  type Cents,
  type Issue,
  type Lang,
  type Plan,
  BASINS,
} from "../core";
import { cliText, formatIssueLine } from "../i18n";
import { planToJson, type PlanJson, reportLabels } from "../report";
import { generateSummary, listScenarios, type InputRef } from "../app";
import { InputNotFoundError, WorkbookFileError } from "../errors";
import { demoWorkbook, XlsxWorkbook } from "../workbook/xlsx";

export const USAGE = `Usage:
  ctg-planner summarize <input.xlsx> [-o <output.xlsx>] [--in-place] [--sheet NAME | --table NAME]
              [--cost EUROS] [--cap EUROS] [--caf-rate PERCENT] [--vat-rate PERCENT]
              [--key cej|population|communes|equal] [--caf-base ht|ttc]
              [--scenario "name=NAME;cost=EUROS;key=K;caf-base=B;sud=COMMUNE,…"]… [--json] [--lang fr|en]
  ctg-planner scenarios <workbook.xlsx> [--sheet NAME | --table NAME] [--json] [--lang fr|en]
  ctg-planner demo [-o demo.xlsx] [--lang fr|en]
  ctg-planner --version | --help`;

/** Where the command writes: its two streams (tests capture them). */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

/** Writes a file under a temporary name, then renames it: a crash never leaves half a workbook. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

function usageError(io: Io, message: string): number {
  io.err(`ctg-planner: ${message}`);
  io.err(USAGE);
  return 2;
}

/** The command's flags and positionals, or the exit code of a usage error (said on the error stream). */
function parseFlags<T extends ParseArgsConfig>(io: Io, config: T): ReturnType<typeof parseArgs<T>> | number {
  try {
    return parseArgs(config);
  } catch (e) {
    return usageError(io, (e as Error).message);
  }
}

/** The short human summary: totals, basins, engineering split. */
function printSummary(io: Io, plan: Plan, what: string, lang: Lang): void {
  const t = cliText(lang);
  io.out(t.read(what, plan.rowCount, plan.fundedCommunes));
  io.out(t.total(plan));
  io.out(t.engineering(plan.engineering));
  for (const b of plan.basins) io.out(`  ${t.basin(b, plan.params.key)}`);
}

function printIssues(io: Io, issues: readonly Issue[], lang: Lang): void {
  const warnings = issues.filter((i) => i.severity === "warning");
  const errors = issues.filter((i) => i.severity === "error");
  if (warnings.length > 0) {
    io.err(cliText(lang).warnings(warnings.length));
    for (const w of warnings) io.err(`  ${formatIssueLine(w, lang)}`);
  }
  for (const e of errors) io.err(formatIssueLine(e, lang));
  if (errors.length > 0) io.err(cliText(lang).errors(errors.length));
}

/** `--lang`: French when absent; null when it is neither fr nor en. */
function langArg(value: string | undefined): Lang | null {
  const lang = value ?? "fr";
  return lang === "fr" || lang === "en" ? lang : null;
}

function langError(value: string | undefined): string {
  return `--lang must be fr or en, not "${value ?? ""}"`;
}

/** The flags `summarize` and `scenarios` share. */
const WORKBOOK_FLAGS = {
  sheet: { type: "string" },
  table: { type: "string" },
  json: { type: "boolean" },
  lang: { type: "string" },
} as const;

/**
 * The checks `summarize` and `scenarios` share: the language, one .xlsx workbook, not both --sheet and --table.
 *
 * @param v - the parsed flags
 * @param positionals - the positional arguments
 * @param oneWorkbook - the message when there is not exactly one workbook
 * @returns the language and the workbook, or the usage error's message
 */
function workbookArgs(
  v: { readonly lang?: string; readonly sheet?: string; readonly table?: string },
  positionals: readonly string[],
  oneWorkbook: string,
): { lang: Lang; input: string } | string {
  const lang = langArg(v.lang);
  if (lang === null) return langError(v.lang);
  const input = positionals[0];
  if (positionals.length !== 1 || input === undefined) return oneWorkbook;
  if (v.sheet !== undefined && v.table !== undefined) return "give --sheet or --table, not both";
  if (!/\.xlsx$/i.test(input)) return `${input}: not an .xlsx file`;
  return { lang, input };
}

/** The input workbook's bytes, or null when it cannot be read (said on the error stream). */
async function readWorkbook(io: Io, input: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await fs.readFile(input));
  } catch (e) {
    io.err(
      `ctg-planner: ${input}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`,
    );
    return null;
  }
}

/**
 * Reads the input workbook with `read`: a damaged file or a usage error (a sheet or table it does not
 * have) is said on the error stream and gives null; anything else is a bug and throws.
 */
async function readingWorkbook<R>(io: Io, input: string, read: () => R | Promise<R>): Promise<R | null> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof WorkbookFileError || e instanceof InputNotFoundError) {
      io.err(`ctg-planner: ${input}: ${e.message}`);
      return null;
    }
    throw e;
  }
}

/** The `--sheet` and `--table` flags, as the use-cases take them (null: the reader finds the funding rows). */
function inputChoice(v: { readonly sheet?: string; readonly table?: string }): InputRef | null {
  if (v.table !== undefined) return { kind: "table", name: v.table };
  if (v.sheet !== undefined) return { kind: "sheet", name: v.sheet };
  return null;
}

/** The parameters given as flags, each named after its flag in messages (`--caf-rate`); rates in percent. */
function paramInputs(v: {
  readonly cost?: string;
  readonly cap?: string;
  readonly "caf-rate"?: string;
  readonly "vat-rate"?: string;
  readonly key?: string;
  readonly "caf-base"?: string;
}): ParamInputs {
  const percent = (text: string): string => `${text.replace(/%\s*$/, "")} %`;
  return {
    ...(v.cost !== undefined ? { costHT: { value: v.cost, cell: "--cost" } } : {}),
    ...(v.cap !== undefined ? { capHT: { value: v.cap, cell: "--cap" } } : {}),
    ...(v["caf-rate"] !== undefined
      ? { cafRate: { value: percent(v["caf-rate"]), cell: "--caf-rate" } }
      : {}),
    ...(v["vat-rate"] !== undefined
      ? { vatRate: { value: percent(v["vat-rate"]), cell: "--vat-rate" } }
      : {}),
    ...(v.key !== undefined ? { key: { value: v.key, cell: "--key" } } : {}),
    ...(v["caf-base"] !== undefined ? { cafBase: { value: v["caf-base"], cell: "--caf-base" } } : {}),
  };
}

async function summarize(argv: string[], io: Io): Promise<number> {
  const parsed = parseFlags(io, {
    args: argv,
    allowPositionals: true,
    options: {
      ...WORKBOOK_FLAGS,
      output: { type: "string", short: "o" },
      "in-place": { type: "boolean" },
      cost: { type: "string" },
      cap: { type: "string" },
      "caf-rate": { type: "string" },
      "vat-rate": { type: "string" },
      key: { type: "string" },
      "caf-base": { type: "string" },
      scenario: { type: "string", multiple: true },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values: v, positionals } = parsed;
  const args = workbookArgs(v, positionals, "summarize takes one input workbook");
  if (typeof args === "string") return usageError(io, args);
  const { lang, input } = args;
  if (v["in-place"] && v.output !== undefined) return usageError(io, "give -o or --in-place, not both");
  const bytes = await readWorkbook(io, input);
  if (bytes === null) return 2;
  const specs: ScenarioSpec[] = [];
  for (const text of v.scenario ?? []) {
    const spec = parseScenarioSpec(text);
    if (typeof spec === "string") return usageError(io, spec);
    specs.push(spec);
  }
  const output = v["in-place"] ? input : (v.output ?? input.replace(/\.xlsx$/i, ".ctg.xlsx"));
  if (!/\.xlsx$/i.test(output)) return usageError(io, `${output}: the output must be an .xlsx file`);
  const result = await readingWorkbook(io, input, () =>
    generateSummary(new XlsxWorkbook(bytes), {
      choice: inputChoice(v),
      params: paramInputs(v),
      lang,
      version: pkg.version,
      ...(specs.length > 0 ? { addScenarios: specs } : {}),
    }),
  );
  if (result === null) return 2;
  if (v.json) io.out(JSON.stringify(planToJson(result.plan, result.issues, lang), null, 2));
  const human: Io = v.json ? { out: io.err, err: io.err } : io;
  printIssues(human, result.issues, lang);
  if (result.status === "blocked") return 1;
  const what =
    result.source.table !== null ? `${result.source.table} (${result.source.sheet})` : result.source.sheet;
  printSummary(human, result.plan, what, lang);
  human.out(cliText(lang).scenarios(result.scenarios.map((sc) => sc.scenario.name)));
  try {
    await writeAtomically(output, result.written.bytes);
  } catch (e) {
    io.err(`ctg-planner: ${output}: ${(e as Error).message}`);
    return 2;
  }
  human.out(cliText(lang).written(output));
  return 0;
}

/** What a `--scenario` key sets: a plan parameter, the name or note, a basin's communes, a bonus value, added places. */
type SpecKey = PlanParamName | "name" | "note" | Basin | ScenarioBonusField | "places";

/** The bonus keys of a `--scenario` spec (issue #14), French and English. */
const BONUS_SPEC_KEYS: readonly (readonly [string, ScenarioBonusField | "places"])[] = [
  ["start-nord", "startNord"],
  ["debut-nord", "startNord"],
  ["duration-nord", "durationNord"],
  ["duree-nord", "durationNord"],
  ["start-sud", "startSud"],
  ["debut-sud", "startSud"],
  ["duration-sud", "durationSud"],
  ["duree-sud", "durationSud"],
  ...[1, 2, 3].flatMap((i): [string, ScenarioBonusField][] => [
    [`uplift-${i}`, `uplift${i}` as ScenarioBonusField],
    [`revalo-${i}`, `uplift${i}` as ScenarioBonusField],
    [`tranche-${i}-rate`, `newPlaceRate${i}` as ScenarioBonusField],
    [`taux-tranche-${i}`, `newPlaceRate${i}` as ScenarioBonusField],
  ]),
  ["tranche", "tranche"],
  ["eaje-floor", "floorEaje"],
  ["plancher-eaje", "floorEaje"],
  ["places", "places"],
];

/** The keys of a `--scenario` spec, French and English, normalized (lower case, no accents). */
const SPEC_KEYS: ReadonlyMap<string, SpecKey> = new Map<string, SpecKey>([
  ...BONUS_SPEC_KEYS,
  ["name", "name"],
  ["nom", "name"],
  ["note", "note"],
  ["cost", "costHT"],
  ["cout", "costHT"],
  ["cap", "capHT"],
  ["plafond", "capHT"],
  ["caf-rate", "cafRate"],
  ["taux-caf", "cafRate"],
  ["vat-rate", "vatRate"],
  ["taux-tva", "vatRate"],
  ["key", "key"],
  ["cle", "key"],
  ["caf-base", "cafBase"],
  ["base-caf", "cafBase"],
  ["nord", "nord"],
  ["north", "nord"],
  ["sud", "sud"],
  ["south", "sud"],
]);

/**
 * Reads a `--scenario` spec: `name=Coût 46k;cost=46000;key=population;caf-base=ttc;sud=Saint-Eusèbe`
 * (pairs separated by `;`, keys in English or French; `nord=`/`sud=` list communes separated by `,`).
 *
 * @param text - the spec
 * @returns the spec, or a usage error message
 */
export function parseScenarioSpec(text: string): ScenarioSpec | string {
  const pairs: [SpecKey, string, string][] = [];
  for (const part of text.split(";")) {
    if (part.trim() === "") continue;
    const eq = part.indexOf("=");
    if (eq < 0) return `--scenario: "${part.trim()}" is not key=value`;
    const raw = part.slice(0, eq).trim();
    const key = raw
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[\s_]+/g, "-");
    const field = SPEC_KEYS.get(key);
    if (field === undefined) {
      return `--scenario: unknown key "${raw}" (name, note, cost, cap, caf-rate, vat-rate, key, caf-base, nord, sud, start-nord, duration-nord, start-sud, duration-sud, uplift-1…3, tranche, tranche-1…3-rate, eaje-floor, places)`;
    }
    pairs.push([field, part.slice(eq + 1).trim(), raw]);
  }
  const name = pairs.find(([f]) => f === "name")?.[1] ?? "";
  if (name === "") return `--scenario: give the scenario a name (name=…): "${text}"`;
  const params: Partial<Record<PlanParamName, { value: string; cell: string }>> = {};
  const basins: { commune: string; basin: Basin; cell: string }[] = [];
  const bonus = { values: {} as NonNullable<ScenarioSpec["bonus"]>["values"], places: [] as SpecPlaces[] };
  let note: string | undefined;
  for (const [field, value, raw] of pairs) {
    const cell = `--scenario "${name}" ${raw}`;
    if (field === "name") continue;
    if (field === "places") {
      const places = parsePlaces(value, cell);
      if (typeof places === "string") return places;
      bonus.places.push(...places);
    } else if (isBonusField(field)) {
      bonus.values[field] = {
        value: isRateField(field) ? `${value.replace(/%\s*$/, "").trim()} %` : value,
        cell,
      };
    } else if (field === "note") note = value;
    else if (field === "nord" || field === "sud") {
      for (const commune of value.split(",").map((c) => c.trim())) {
        if (commune !== "") basins.push({ commune, basin: field, cell });
      }
    } else if (field === "cafRate" || field === "vatRate") {
      params[field] = { value: `${value.replace(/%\s*$/, "").trim()} %`, cell };
    } else params[field] = { value, cell };
  }
  const hasBonus = bonus.places.length > 0 || Object.keys(bonus.values).length > 0;
  return { name, ...(note !== undefined ? { note } : {}), params, basins, ...(hasBonus ? { bonus } : {}) };
}

type SpecPlaces = NonNullable<ScenarioSpec["bonus"]>["places"][number];

const isBonusField = (f: SpecKey): f is ScenarioBonusField =>
  (SCENARIO_BONUS_FIELDS as readonly string[]).includes(f);
const isRateField = (f: ScenarioBonusField): boolean => SCENARIO_BONUS_KIND[f] === "rate";

/**
 * `places=Montceau-les-Mines:30:2024,Blanzy:12:2025`: per commune, the places added and their
 * opening year, separated by `:`.
 *
 * @param value - the key's value
 * @param cell - where it was given, for the issues
 * @returns the places, or a usage error message
 */
function parsePlaces(value: string, cell: string): SpecPlaces[] | string {
  const out: SpecPlaces[] = [];
  for (const item of value.split(",").map((x) => x.trim())) {
    if (item === "") continue;
    const parts = item.split(":").map((x) => x.trim());
    if (parts.length !== 3 || parts.some((p) => p === ""))
      return `--scenario: places "${item}" is not COMMUNE:PLACES:YEAR (e.g. Montceau-les-Mines:30:2024)`;
    const [commune, places, opening] = parts as [string, string, string];
    out.push({ commune, places, opening, cell });
  }
  return out;
}

/** The `scenarios` command's JSON (version 1, see docs/cli.md). */
export interface ScenariosJson {
  readonly version: 1;
  readonly scenarios: readonly { name: string; note: string; date: string; plan: PlanJson }[];
  readonly issues: PlanJson["issues"];
}

/** The comparison as an aligned text table: one column per scenario. */
function comparisonTable(scenarios: readonly ScenarioPlan[], lang: Lang): string[] {
  const L = reportLabels(lang);
  const C = L.comparison;
  const m = (c: number): string => formatMoney(c as Cents, lang);
  const first = scenarios[0]?.plan;
  const sep = lang === "fr" ? " : " : ": ";
  const rows: [string, (p: Plan) => string][] = [
    [C.params.costHT, (p) => m(p.params.costHT)],
    [C.params.capHT, (p) => m(p.params.capHT)],
    [C.params.cafRate, (p) => formatRate(p.params.cafRate, lang)],
    [C.params.vatRate, (p) => formatRate(p.params.vatRate, lang)],
    [C.params.key, (p) => L.keys[p.params.key]],
    [C.params.cafBase, (p) => L.cafBases[p.params.cafBase]],
    [C.engineering.caf, (p) => m(p.engineering.caf)],
    [C.engineering.cuHT, (p) => m(p.engineering.cuHT)],
    [C.engineering.vat, (p) => m(p.engineering.vat)],
    [C.engineering.cuTTC, (p) => m(p.engineering.cuTTC)],
    ...BASINS.flatMap((b, i): [string, (p: Plan) => string][] => {
      const t = `${C.basinTitle(L.basins[b])}${sep}`;
      return [
        [`${t}${C.basin.communes}`, (p) => String(p.basins[i]?.communes ?? 0)],
        [
          `${t}${C.basin.population}`,
          (p) => (p.basins[i]?.population ?? 0).toLocaleString(lang === "fr" ? "fr-FR" : "en-GB"),
        ],
        [`${t}${C.basin.cej}`, (p) => m(p.basins[i]?.cejTotal ?? 0)],
        [`${t}${C.basin.caf}`, (p) => m(p.basins[i]?.engineering.caf ?? 0)],
        [`${t}${C.basin.cuTTC}`, (p) => m(p.basins[i]?.engineering.cuTTC ?? 0)],
      ];
    }),
    [
      C.diffEuros(C.engineering.cuTTC),
      (p) => {
        const d = p.engineering.cuTTC - (first?.engineering.cuTTC ?? 0);
        return `${d > 0 ? "+" : ""}${m(d)}`;
      },
    ],
    [
      C.diffPercent(C.engineering.cuTTC),
      (p) => {
        const base = first?.engineering.cuTTC ?? 0;
        if (base === 0) return "—";
        const pct = ((p.engineering.cuTTC - base) / base) * 100;
        const text = `${pct > 0 ? "+" : ""}${pct.toFixed(2)}`;
        return lang === "fr" ? `${text.replace(".", ",")}\u00A0%` : `${text}%`;
      },
    ],
  ];
  const header = [C.scenario, ...scenarios.map((s) => s.scenario.name)];
  const body = rows.map(([label, f]) => [label, ...scenarios.map((s) => f(s.plan))]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => (r[c] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), ...body.map(line)];
}

async function scenarios(argv: string[], io: Io): Promise<number> {
  const parsed = parseFlags(io, {
    args: argv,
    allowPositionals: true,
    options: WORKBOOK_FLAGS,
  });
  if (typeof parsed === "number") return parsed;
  const { values: v, positionals } = parsed;
  const args = workbookArgs(v, positionals, "scenarios takes one workbook");
  if (typeof args === "string") return usageError(io, args);
  const { lang, input } = args;
  const bytes = await readWorkbook(io, input);
  if (bytes === null) return 2;
  const result = await readingWorkbook(io, input, () =>
    listScenarios(new XlsxWorkbook(bytes), { choice: inputChoice(v), lang }),
  );
  if (result === null) return 2;
  const plans = result.status === "ready" ? result.scenarios : [];
  if (v.json) {
    const json: ScenariosJson = {
      version: 1,
      scenarios: plans.map(({ scenario, plan }) => ({
        name: scenario.name,
        note: scenario.note,
        date: scenario.date,
        plan: planToJson(plan, plan.issues, lang),
      })),
      issues: planToJson(null, result.issues, lang).issues,
    };
    io.out(JSON.stringify(json, null, 2));
  }
  const human: Io = v.json ? { out: io.err, err: io.err } : io;
  printIssues(human, result.issues, lang);
  if (plans.length === 0) return 1;
  for (const row of comparisonTable(plans, lang)) human.out(row);
  return 0;
}

async function demo(argv: string[], io: Io): Promise<number> {
  const parsed = parseFlags(io, {
    args: argv,
    options: { output: { type: "string", short: "o" }, lang: { type: "string" } },
  });
  if (typeof parsed === "number") return parsed;
  const lang = langArg(parsed.values.lang);
  if (lang === null) return usageError(io, langError(parsed.values.lang));
  const output = parsed.values.output ?? "demo.xlsx";
  await writeAtomically(output, demoWorkbook(COMMUNES, lang));
  io.out(cliText(lang).demo(output));
  return 0;
}

/**
 * The `ctg-planner` command.
 *
 * @param argv - the arguments after the command name
 * @param io - where to print (the process's streams by default)
 * @returns the exit code: 0 written, 1 input errors (nothing written), 2 usage or file errors
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "--version":
    case "-V":
      io.out(pkg.version);
      return 0;
    case "--help":
    case "-h":
    case "help":
      io.out(USAGE);
      return 0;
    case "summarize":
      return summarize(rest, io);
    case "scenarios":
      return scenarios(rest, io);
    case "demo":
      return demo(rest, io);
    default:
      return usageError(io, command === undefined ? "no command given" : `unknown command "${command}"`);
  }
}
