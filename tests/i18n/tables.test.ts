import { COMMUNES } from "../../src/core/communes";
import { DEMO_HEADERS, demoRows } from "../../src/core/demo";
import { cents } from "../../src/core/money";
import { DEFAULT_PARAMS } from "../../src/core/params";
import { computePlan } from "../../src/core/plan";
import { readFundingTable } from "../../src/core/reader";
import type { Issue, IssueCode, IssueDataByCode, Lang } from "../../src/core/types";
import { issueOf } from "../../src/core/types";
import {
  bonusPaneText,
  cliText,
  formatIssue,
  HOST_MESSAGES,
  officeErrorMessages,
  reportLabels,
  uiText,
  type OfficeErrorCode,
} from "../../src/i18n";

/** What a sentence must never show: a hole left by missing data, or a value printed as code. */
const PLACEHOLDER = /undefined|\bnull\b|NaN|\[object|«\s?\?\s?»|"\?"|^\?|\s\?\s*[:.;,]/;

/** Sample data of every code, as its emitter gives it: the compiler checks that none is missing. */
const SAMPLES: { readonly [C in IssueCode]: IssueDataByCode[C] } = {
  "header-not-found": {},
  "table-header-hidden": { table: "Financements" },
  "missing-column": { field: "commune" },
  "duplicate-column": { field: "year", columns: ["Année", "Exercice"] },
  "mapping-out-of-range": { field: "domain", column: 11 },
  "amount-empty": { value: "" },
  "amount-not-a-number": { value: "douze" },
  "amount-error-value": { value: "#DIV/0!" },
  "amount-fraction-of-cent": { value: "0.001" },
  "amount-too-large": { value: "9e99" },
  "amount-as-text": { value: "1 200 €", amount: cents(120_000) },
  "amount-negative": { amount: cents(-2_550) },
  "commune-total-negative": { commune: "Torcy", total: cents(-1) },
  "commune-empty": {},
  "commune-unknown": { value: "Le Creuzot", suggestions: ["Le Creusot"] },
  "commune-unknown-kept": { value: "Autun", basin: "sud" },
  "insee-unknown": { value: "00000" },
  "insee-mismatch": { insee: "71076", commune: "Torcy" },
  "basin-invalid": { value: "Ouest" },
  "basin-differs": { commune: "Écuisses", given: "nord", reference: "sud" },
  "basin-conflict": { commune: "Écuisses", first: "nord", second: "sud" },
  "population-invalid": { value: "beaucoup" },
  "year-invalid": { value: "1850" },
  "duplicate-row": { first: "Financements!E9" },
  "no-rows": {},
  "param-invalid": { param: "cafBase", value: "moitié" },
  "param-rate-range": { param: "vatRate", value: "120 %" },
  "param-negative": { param: "costHT", value: "-1" },
  "cost-above-cap": { cost: cents(5_000_000), cap: cents(4_000_000) },
  "key-sum-zero": { key: "population" },
  "scenario-unnamed": { column: "AA" },
  "scenario-duplicate-name": { name: "Base", first: "'Scénarios CTG'!B4" },
  "scenario-sheet-unreadable": {},
  "scenario-bonus-invalid": { field: "durationNord", value: "6" },
  "scenario-places-invalid": { commune: "Montceau-les-Mines", value: "12,5" },
  "scenario-opening-invalid": { commune: "Montceau-les-Mines", value: "1999" },
  "scenario-opening-missing": { commune: "Montceau-les-Mines", places: 30 },
  "facility-header-not-found": {},
  "facility-missing-column": { field: "formerCej" },
  "facility-duplicate-column": { field: "unit", columns: ["Unité", "Unit"] },
  "facility-name-empty": {},
  "facility-commune-unknown": { value: "Paris", suggestions: [] },
  "facility-kind-unknown": { value: "Crèche" },
  "facility-operator-kind-unknown": { value: "SIVOM" },
  "facility-unit-unknown": { value: "m²" },
  "facility-unit-mixed": { kind: "laep", basin: "nord", unit: "etp", first: "heures" },
  "facility-quantity-invalid": { field: "newPlaces", value: "2,5", whole: 1 },
  "facility-quantity-negative": { field: "capacity", value: "-3", whole: 0 },
  "facility-reserved-above-new": { reserved: 12, places: 10 },
  "facility-cej-negative": { amount: cents(-99) },
  "facility-opening-invalid": { value: "bientôt" },
  "facility-opening-missing": {},
  "facility-flag-invalid": { value: "Peut-être" },
  "facility-field-ignored": { field: "reservedPlaces", kind: "rpe" },
  "facility-duplicate": { name: "RPE Nord", commune: "Torcy", first: "'Équipements CTG'!A5" },
  "facility-no-rows": {},
  "bonus-param-invalid": { name: "CTG_B_TrajSeuil2", param: "trajectoire", value: "beaucoup" },
  "bonus-param-negative": { name: "CTG_B_PlancherEAJE", param: "floor", value: "-100" },
  "bonus-param-rate-range": { name: "CTG_B_Revalo1", param: "uplifts", value: "1,5" },
  "bonus-param-year": { name: "CTG_B_DebutNord", param: "ctg", value: "1999" },
  "bonus-param-duration": { name: "CTG_B_DureeSud", param: "ctg", value: "6" },
  "bonus-param-tranche": { name: "CTG_B_TrancheCUCM", param: "tranche", value: "4" },
  "bonus-param-yes-no": { name: "CTG_B_RevaloEAJE", param: "upliftKinds", value: "Peut-être" },
  "bonus-param-pro-rata": { name: "CTG_B_Prorata", param: "proRata", value: "Semaines" },
  "bonus-no-places": { basin: "sud", kind: "laep", amount: cents(250_000) },
  "bonus-floor-applied": { basin: "nord", kind: "alsh", rate: cents(4_000), floor: cents(5_000) },
};

function sample<C extends IssueCode>(code: C, related?: readonly string[]): Issue {
  return issueOf({
    code,
    severity: "error",
    cell: "Financements!B2",
    ...(related ? { related } : {}),
    data: SAMPLES[code],
  });
}

const CODES = Object.keys(SAMPLES) as IssueCode[];
const LANGS: readonly Lang[] = ["fr", "en"];

describe("issue sentences: every code in French and English", () => {
  it.each(CODES.flatMap((code) => LANGS.map((lang) => [code, lang] as const)))(
    "%s (%s) says what is wrong and how to fix it, with no hole",
    (code, lang) => {
      for (const related of [undefined, ["Financements!C3"]]) {
        const text = formatIssue(sample(code, related), lang);
        expect(text).not.toMatch(PLACEHOLDER);
        expect(text).toMatch(/[.]$/);
        expect(text).toMatch(/[:;]/);
      }
    },
  );

  it("differs between the two languages for every code", () => {
    for (const code of CODES)
      expect(formatIssue(sample(code), "fr")).not.toBe(formatIssue(sample(code), "en"));
  });

  it("puts French punctuation after a no-break space, English punctuation after no space", () => {
    for (const code of CODES) {
      expect(formatIssue(sample(code), "fr")).not.toMatch(/[^\s\u00A0\u202F][:;](\s|$)/);
      expect(formatIssue(sample(code), "en")).not.toMatch(/\s[:;](\s|$)/);
    }
  });
});

/** Arguments of the words (by path) that are functions of something else than text or counts. */
const ARGS: Readonly<Record<string, readonly unknown[]>> = {
  lacking: [["dropDowns", "charts"]],
  chartDesc: [["Nord : 1 €", "Sud : 2 €"]],
  conflictScenarioEdit: ["rename", "Base"],
  "comparison.chartSeries": ["cuTTC", "Nord"],
  "host.notFound": ["sheet", "Financements", ["Feuil1", "Données"]],
  "host.interrupted": [{ fr: "Excel est occupé.", en: "Excel is busy." }],
};

/** Every text of a table of words, with the path that leads to it; functions called with sample arguments. */
function texts(node: unknown, path: string): [string, string][] {
  if (typeof node === "string") return [[path, node]];
  if (typeof node === "function") {
    const args = ARGS[path] ?? Array.from({ length: (node as (...a: unknown[]) => unknown).length }, () => 7);
    return texts((node as (...a: unknown[]) => unknown)(...args), `${path}()`);
  }
  if (Array.isArray(node)) return node.flatMap((n, i) => texts(n, `${path}[${i}]`));
  if (typeof node === "object" && node !== null)
    return Object.entries(node).flatMap(([k, v]) => texts(v, path === "" ? k : `${path}.${k}`));
  return [[path, String(node)]];
}

/** The Office error codes the adapter explains: the compiler checks the list is whole. */
const OFFICE_CODES = Object.keys({
  InvalidOperationInCellEditMode: true,
  ItemNotFound: true,
  AccessDenied: true,
  GeneralException: true,
  RequestPayloadSizeLimitExceeded: true,
  ResponsePayloadSizeLimitExceeded: true,
  InvalidArgument: true,
  ItemAlreadyExists: true,
  InvalidSelection: true,
  InvalidOperation: true,
  ApiNotFound: true,
  WriteNotSupportedWhenModalDialogOpen: true,
  ActivityLimitReached: true,
  Conflict: true,
  Timeout: true,
  ConnectionFailure: true,
} satisfies Record<OfficeErrorCode, true>);

/** The Office adapter's sentences in one language: each Office code's, an unknown code's, its own refusals. */
function hostWords(lang: Lang): unknown {
  const pick = (node: unknown): unknown =>
    typeof node === "function"
      ? Object.defineProperty(
          (...args: unknown[]) => pick((node as (...a: unknown[]) => unknown)(...args)),
          "length",
          { value: (node as (...a: unknown[]) => unknown).length },
        )
      : typeof node === "object" && node !== null && "fr" in node && "en" in node
        ? (node as Record<Lang, unknown>)[lang]
        : typeof node === "object" && node !== null
          ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, pick(v)]))
          : node;
  return {
    office: Object.fromEntries(
      [...OFFICE_CODES, "SomethingNew"].map((c) => [c, officeErrorMessages(c)[lang]]),
    ),
    host: pick(HOST_MESSAGES),
  };
}

/** The command line's sentences in one language, for the demo's plan. */
function cliWords(lang: Lang): unknown {
  const { rows } = readFundingTable([[...DEMO_HEADERS], ...demoRows(COMMUNES)], {
    origin: { sheet: "Financements", topLeft: "A1" },
    communes: COMMUNES,
  });
  const plan = computePlan(rows, { ...DEFAULT_PARAMS, cafBase: "ttc" }, COMMUNES);
  const t = cliText(lang);
  return {
    read: t.read("Financements", plan.rowCount, plan.fundedCommunes),
    total: t.total(plan),
    engineering: t.engineering(plan.engineering),
    basins: plan.basins.map((b) => t.basin(b, plan.params.key)),
    scenarios: t.scenarios(["Base", "Coût 46k"]),
    warnings: [t.warnings(1), t.warnings(3)],
    errors: [t.errors(1), t.errors(2)],
    written: t.written("out.xlsx"),
    demo: t.demo("demo.xlsx"),
  };
}

describe.each([
  ["the task pane", uiText],
  ["the task pane's bonus territoire section", bonusPaneText],
  ["the report", reportLabels],
  ["the Office adapter", hostWords],
  ["the command line", cliWords],
] as const)("the words of %s", (_what, table) => {
  it.each(LANGS)("has every text in %s, none with a hole", (lang) => {
    const all = texts(table(lang), "");
    expect(all.length).toBeGreaterThan(10);
    for (const [path, text] of all) {
      expect([path, PLACEHOLDER.test(text)]).toEqual([path, false]);
      expect([path, text.trim() === ""]).toEqual([path, false]);
    }
  });

  it("has the same texts in both languages, and they differ somewhere", () => {
    const fr = texts(table("fr"), "");
    const en = texts(table("en"), "");
    expect(en.map(([p]) => p)).toEqual(fr.map(([p]) => p));
    expect(en.filter(([, t], i) => t !== fr[i]?.[1]).length).toBeGreaterThan(fr.length / 2);
  });
});
