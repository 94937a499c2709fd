import { BASIN_LABELS, FIELD_LABELS, formatIssue, formatIssueLine, KEY_LABELS } from "../../src/i18n";
import { readParams } from "../../src/core/params";
import { computePlan } from "../../src/core/plan";
import { DEFAULT_PARAMS } from "../../src/core/params";
import { cents } from "../../src/core/money";
import type { Issue, IssueCode, IssueDataByCode, Lang } from "../../src/core/types";
import { ALLOCATION_KEYS, BASINS, FIELDS, issueOf } from "../../src/core/types";
import { COMMUNES_FIXTURE, eur, table } from "../core/fixtures";

/** The sentence with no-break spaces as plain spaces, to compare with readable expectations. */
function say(issue: Issue, lang: Lang): string {
  return formatIssue(issue, lang).replace(/[\u00A0\u202F]/g, " ");
}

function issue<C extends IssueCode>(
  code: C,
  data: IssueDataByCode[C],
  extra: { readonly severity?: Issue["severity"]; readonly related?: readonly string[] } = {},
): Issue {
  return issueOf({ code, severity: "error", cell: "Financements!E7", data, ...extra });
}

/**
 * An issue whose data did not come from the engine (a code outside its table, a column given as
 * letters): the compiler refuses it, so it is made here by a cast, to show how it is phrased.
 */
function untyped(code: IssueCode, data: Readonly<Record<string, string | number>>): Issue {
  return { code, severity: "error", cell: "Financements!E7", data } as unknown as Issue;
}

/** One example of every code, with the data keys its emitter gives. */
const EXAMPLES: Record<IssueCode, Issue> = {
  "header-not-found": issue("header-not-found", {}),
  "table-header-hidden": issue("table-header-hidden", { table: "Financements" }),
  "missing-column": issue("missing-column", { field: "amount" }),
  "duplicate-column": issue("duplicate-column", {
    field: "amount",
    columns: ["Montant CEJ", "Montant versé"],
  }),
  "mapping-out-of-range": issue("mapping-out-of-range", { field: "year", column: 8 }),
  "amount-empty": issue("amount-empty", { value: "" }),
  "amount-not-a-number": issue("amount-not-a-number", { value: "abc" }),
  "amount-error-value": issue("amount-error-value", { value: "#N/A" }),
  "amount-fraction-of-cent": issue("amount-fraction-of-cent", { value: "1234.567" }),
  "amount-too-large": issue("amount-too-large", { value: "1e20" }),
  "amount-as-text": issue(
    "amount-as-text",
    { value: "12 345,67 €", amount: cents(1_234_567) },
    { severity: "warning" },
  ),
  "amount-negative": issue("amount-negative", { amount: cents(-100_000) }, { severity: "warning" }),
  "commune-total-negative": issue("commune-total-negative", { commune: "Blanzy", total: cents(-50_000) }),
  "commune-empty": issue("commune-empty", {}),
  "commune-unknown": issue("commune-unknown", {
    value: "Montcau",
    suggestions: ["Montceau-les-Mines", "Montcenis"],
  }),
  "commune-unknown-kept": issue(
    "commune-unknown-kept",
    { value: "Autun", basin: "nord" },
    { severity: "warning" },
  ),
  "insee-unknown": issue("insee-unknown", { value: "71999" }),
  "insee-mismatch": issue("insee-mismatch", { insee: "71153", commune: "Blanzy" }),
  "basin-invalid": issue("basin-invalid", { value: "Est" }),
  "basin-differs": issue(
    "basin-differs",
    { commune: "Saint-Eusèbe", given: "sud", reference: "nord" },
    { severity: "warning" },
  ),
  "basin-conflict": issue(
    "basin-conflict",
    { commune: "Blanzy", first: "sud", second: "nord" },
    { related: ["Financements!C3"] },
  ),
  "year-invalid": issue("year-invalid", { value: "20" }),
  "duplicate-row": issue("duplicate-row", { first: "Financements!E3" }, { severity: "warning" }),
  "no-rows": issue("no-rows", {}),
  "param-invalid": issue("param-invalid", { param: "costHT", value: "quarante mille" }),
  "param-rate-range": issue("param-rate-range", { param: "cafRate", value: "50" }),
  "param-negative": issue("param-negative", { param: "capHT", value: "-40000" }),
  "cost-above-cap": issue(
    "cost-above-cap",
    { cost: cents(4_500_000), cap: cents(4_000_000) },
    { severity: "warning" },
  ),
  "key-sum-zero": issue("key-sum-zero", { key: "cej" }),
  "population-invalid": issue("population-invalid", { value: "-12" }),
  "scenario-unnamed": issue("scenario-unnamed", { column: "E" }, { severity: "warning" }),
  "scenario-duplicate-name": issue(
    "scenario-duplicate-name",
    { name: "Coût 46k", first: "'Scénarios CTG'!C4" },
    { severity: "warning", related: ["'Scénarios CTG'!C4"] },
  ),
  "scenario-sheet-unreadable": issue("scenario-sheet-unreadable", {}),
  "scenario-bonus-invalid": issue("scenario-bonus-invalid", { field: "uplift1", value: "2 %" }),
  "scenario-places-invalid": issue("scenario-places-invalid", { commune: "Blanzy", value: "-3" }),
  "scenario-opening-invalid": issue("scenario-opening-invalid", { commune: "Blanzy", value: "bientôt" }),
  "scenario-opening-missing": issue(
    "scenario-opening-missing",
    { commune: "Blanzy", places: 12 },
    { related: ["'Scénarios CTG'!C70"] },
  ),
  "facility-header-not-found": issue("facility-header-not-found", {}),
  "facility-missing-column": issue("facility-missing-column", { field: "capacity" }),
  "facility-duplicate-column": issue(
    "facility-duplicate-column",
    { field: "formerCej", columns: ["Montant CEJ", "CEJ 2020"] },
    { related: ["'Équipements CTG'!I1"] },
  ),
  "facility-name-empty": issue("facility-name-empty", {}),
  "facility-commune-unknown": issue("facility-commune-unknown", {
    value: "Montcau",
    suggestions: ["Montceau-les-Mines"],
  }),
  "facility-kind-unknown": issue("facility-kind-unknown", { value: "Halte" }),
  "facility-operator-kind-unknown": issue("facility-operator-kind-unknown", { value: "SIVU" }),
  "facility-unit-unknown": issue("facility-unit-unknown", { value: "lits" }),
  "facility-unit-mixed": issue(
    "facility-unit-mixed",
    { kind: "alsh", basin: "sud", unit: "heures", first: "places" },
    { related: ["'Équipements CTG'!G3"] },
  ),
  "facility-quantity-invalid": issue("facility-quantity-invalid", {
    field: "capacity",
    value: "trente",
    whole: 1,
  }),
  "facility-quantity-negative": issue("facility-quantity-negative", {
    field: "newPlaces",
    value: "-4",
    whole: 1,
  }),
  "facility-reserved-above-new": issue("facility-reserved-above-new", { reserved: 6, places: 4 }),
  "facility-cej-negative": issue("facility-cej-negative", { amount: cents(-100_000) }),
  "facility-opening-invalid": issue("facility-opening-invalid", { value: "rentrée" }),
  "facility-opening-missing": issue("facility-opening-missing", {}),
  "facility-flag-invalid": issue("facility-flag-invalid", { value: "peut-être" }),
  "facility-field-ignored": issue(
    "facility-field-ignored",
    { field: "missions", kind: "eaje" },
    { severity: "warning" },
  ),
  "facility-duplicate": issue(
    "facility-duplicate",
    { name: "Crèche Les Lutins", commune: "Blanzy", first: "'Équipements CTG'!A3" },
    { severity: "warning", related: ["'Équipements CTG'!A3"] },
  ),
  "facility-no-rows": issue("facility-no-rows", {}),
  "bonus-param-invalid": issue("bonus-param-invalid", {
    name: "CTG_B_Tranche1",
    param: "newPlaceRates",
    value: "abc",
  }),
  "bonus-param-negative": issue("bonus-param-negative", {
    name: "CTG_B_Mission",
    param: "rpeMission",
    value: "-3229",
  }),
  "bonus-param-rate-range": issue("bonus-param-rate-range", {
    name: "CTG_B_TrajSeuil1",
    param: "trajectoire",
    value: "2",
  }),
  "bonus-param-year": issue("bonus-param-year", {
    name: "CTG_B_AnneeRef",
    param: "referenceYear",
    value: "20",
  }),
  "bonus-param-duration": issue("bonus-param-duration", {
    name: "CTG_B_DureeNord",
    param: "ctg",
    value: "3",
  }),
  "bonus-param-tranche": issue("bonus-param-tranche", {
    name: "CTG_B_TrancheCUCM",
    param: "tranche",
    value: "0",
  }),
  "bonus-param-yes-no": issue("bonus-param-yes-no", {
    name: "CTG_B_RevaloALSH",
    param: "upliftKinds",
    value: "x",
  }),
  "bonus-param-pro-rata": issue("bonus-param-pro-rata", {
    name: "CTG_B_Prorata",
    param: "proRata",
    value: "y",
  }),
  "bonus-no-places": issue("bonus-no-places", { basin: "nord", kind: "alsh", amount: cents(1_000_000) }),
  "bonus-floor-applied": issue(
    "bonus-floor-applied",
    { basin: "sud", kind: "eaje", rate: cents(150_000), floor: cents(180_000) },
    { severity: "warning" },
  ),
};

describe("formatIssue: every code in both languages", () => {
  const cases = Object.entries(EXAMPLES).flatMap(([code, i]) =>
    (["fr", "en"] as const).map((lang) => [code, lang, i] as const),
  );

  it.each(cases)("%s (%s) is one sentence without placeholders", (_code, lang, i) => {
    const text = formatIssue(i, lang);
    expect(text).not.toMatch(/undefined|null|NaN|\[object|\?\s*$|(^|\s)\?(\s|$)/);
    expect(text).toMatch(/[.]$/);
    expect(text.length).toBeGreaterThan(30);
    // says what is wrong, then how to fix it
    expect(text).toMatch(/[:;]/);
  });

  it("differs between French and English for every code", () => {
    for (const i of Object.values(EXAMPLES)) expect(formatIssue(i, "fr")).not.toBe(formatIssue(i, "en"));
  });
});

describe("formatIssue: sentences", () => {
  it.each([
    [
      "amount-empty",
      "Montant vide : saisissez le montant versé en euros (ex. 12 345,67) ou supprimez la ligne.",
      "Empty amount: enter the amount paid in euros (e.g. 12,345.67) or delete the row.",
    ],
    [
      "missing-column",
      "Colonne « Montant » introuvable : ajoutez une colonne intitulée « Montant », « Montant CEJ », « Montant versé » ou « PSEJ », ou choisissez-la dans la correspondance des colonnes.",
      'Column "Amount" not found: add a column headed "Amount" or "Amount paid", or choose it in the column mapping.',
    ],
    [
      "amount-as-text",
      "Montant saisi comme texte « 12 345,67 € », lu comme 12 345,67 € : vérifiez-le ; pour ne plus voir cet avertissement, convertissez la cellule en nombre.",
      'Amount entered as text "12 345,67 €", read as €12,345.67: check it; to clear this warning, convert the cell to a number.',
    ],
    [
      "amount-negative",
      "Montant négatif (-1 000,00 €) : compté comme une régularisation qui réduit le total de la commune. Si le signe moins est une erreur, retirez-le.",
      "Negative amount (-€1,000.00): counted as a correction that lowers the commune's total. If the minus sign is a mistake, remove it.",
    ],
    [
      "commune-unknown",
      "Commune inconnue « Montcau » : corrigez le nom (vouliez-vous dire « Montceau-les-Mines » ou « Montcenis » ?) ; pour une commune hors de la communauté urbaine, indiquez son bassin (Nord ou Sud) dans la colonne Bassin.",
      'Unknown commune "Montcau": correct the name (did you mean "Montceau-les-Mines" or "Montcenis"?); for a commune outside the urban community, give its basin (North or South) in the Basin column.',
    ],
    [
      "basin-conflict",
      "« Blanzy » est placée dans le bassin Nord ici, mais dans le bassin Sud en Financements!C3 : une commune n'a qu'un bassin, mettez le même sur toutes ses lignes.",
      '"Blanzy" is put in the North basin here but in the South basin in Financements!C3: a commune has one basin, give the same on all its rows.',
    ],
    [
      "cost-above-cap",
      "Le coût HT (45 000,00 €) dépasse le plafond (40 000,00 €) : la Caf ne finance que le plafond, la communauté urbaine prend le dépassement à sa charge. Vérifiez le coût ou le plafond.",
      "The cost excl. VAT (€45,000.00) is above the cap (€40,000.00): the Caf funds the cap only, the urban community bears the excess. Check the cost or the cap.",
    ],
    [
      "key-sum-zero",
      "La clé de répartition « Montants CEJ » vaut zéro pour les deux bassins : l'ingénierie ne peut pas être répartie. Complétez les données de cette clé ou choisissez une autre clé (ex. « Parts égales »).",
      'The allocation key "CEJ amounts" is zero for both basins: the engineering cannot be split. Complete the data of that key or choose another key (e.g. "Equal shares").',
    ],
    [
      "param-rate-range",
      "Taux de la Caf : « 50 » est hors de 0 % à 100 % ; saisissez un pourcentage (ex. 50 %). Un nombre sans % est lu comme une fraction (0,5 = 50 %).",
      'Caf rate: "50" is outside 0% to 100%; enter a percentage (e.g. 50%). A number without % is read as a fraction (0.5 = 50%).',
    ],
    [
      "mapping-out-of-range",
      "La colonne choisie pour « Année », la 9e colonne (I si le tableau commence en colonne A), est en dehors du tableau : choisissez une colonne du tableau dans la correspondance des colonnes.",
      'The column chosen for "Year", column 9 (I if the table starts in column A), is outside the table: choose one of the table\'s columns in the column mapping.',
    ],
  ] as const)("%s", (code, fr, en) => {
    expect(say(EXAMPLES[code], "fr")).toBe(fr);
    expect(say(EXAMPLES[code], "en")).toBe(en);
  });

  it("uses no-break spaces inside French quotes", () => {
    expect(formatIssue(EXAMPLES["year-invalid"], "fr")).toContain("«\u00A020\u00A0»");
  });

  it("translates fields, basins and keys, and shows unknown codes as given", () => {
    expect(
      say(issue("duplicate-column", { field: "commune", columns: ["Commune", "Ville"] }), "fr"),
    ).toContain("à « Commune » (« Commune » et « Ville »)");
    expect(
      say(issue("basin-differs", { commune: "Torcy", given: "sud", reference: "nord" }), "en"),
    ).toContain("Basin South given");
    expect(say(issue("key-sum-zero", { key: "population" }), "fr")).toContain("« Population »");
    expect(say(untyped("missing-column", { field: "colour" }), "en")).toContain('"colour"');
    expect(say(untyped("mapping-out-of-range", { field: "amount", column: "K" }), "fr")).toContain(
      "la colonne K",
    );
  });

  it("omits the suggestion when there is none, and the other cell when none is given", () => {
    const fr = say(issue("commune-unknown", { value: "Xyz", suggestions: [] }), "fr");
    expect(fr).not.toContain("vouliez-vous");
    const en = say(issue("basin-conflict", { commune: "Blanzy", first: "sud", second: "nord" }), "en");
    expect(en).toContain("in the South basin: a commune");
  });

  it.each([
    ["costHT", "saisissez un montant en euros (ex. 40 000,00)"],
    ["cafRate", "saisissez un pourcentage (ex. 50 %)"],
    ["key", "choisissez « Montants CEJ », « Population », « Nombre de communes » ou « Parts égales »"],
  ] as const)("tells how to fix the parameter %s", (param, how) => {
    expect(say(issue("param-invalid", { param, value: "x" }), "fr")).toContain(how);
  });

  // Issue #12: data an emitter forgot no longer reaches formatIssue as « ? »: it does not compile
  // (npm run typecheck fails if either line below is accepted).
  it("refuses, at compile time, data its emitter forgot or got wrong", () => {
    // @ts-expect-error: commune-total-negative needs { commune, total }
    const forgot: Issue = { code: "commune-total-negative", severity: "error", cell: "A1", data: {} };
    const wrong: Issue = {
      code: "cost-above-cap",
      severity: "warning",
      cell: "A1",
      // @ts-expect-error: amounts are cents (made by cents()), not euros nor text
      data: { cost: 1.5, cap: "x" },
    };
    expect([forgot.code, wrong.code]).toEqual(["commune-total-negative", "cost-above-cap"]);
  });
});

describe("formatIssue: what params and plan emit", () => {
  it("phrases readParams' issues", () => {
    const { issues } = readParams({
      cafRate: { value: 50, cell: "'Paramètres CTG'!B6" },
      key: { value: "revenu", cell: "'Paramètres CTG'!B8" },
    });
    expect(issues.map((i) => formatIssueLine(i, "en"))).toEqual([
      `'Paramètres CTG'!B6: Caf rate: "50" is outside 0% to 100%; enter a percentage (e.g. 50%). A number without % is read as a fraction (0.5 = 50%).`,
      `'Paramètres CTG'!B8: Allocation key: "revenu" is not a valid value; choose "CEJ amounts", "Population", "Number of communes" or "Equal shares".`,
    ]);
  });

  it("phrases computePlan's issues", () => {
    const rows = table([{ commune: "Blanzy", amount: "-500,00" }]);
    const plan = computePlan(rows, { ...DEFAULT_PARAMS, costHT: eur("45 000,00") }, COMMUNES_FIXTURE);
    expect(plan.issues.map((i) => formatIssueLine(i, "fr").replace(/[\u00A0\u202F]/g, " "))).toEqual([
      "Financements!E2: Le total des montants de « Blanzy » est négatif (-500,00 €) : les régularisations dépassent les versements ; corrigez les montants négatifs de cette commune.",
      "costHT: Le coût HT (45 000,00 €) dépasse le plafond (40 000,00 €) : la Caf ne finance que le plafond, la communauté urbaine prend le dépassement à sa charge. Vérifiez le coût ou le plafond.",
    ]);
  });

  it("gives the sentence alone when the issue has no cell", () => {
    const i = { ...EXAMPLES["no-rows"], cell: "" };
    expect(formatIssueLine(i, "en")).toBe(formatIssue(i, "en"));
  });
});

describe("labels", () => {
  it("names every field, basin and key in both languages", () => {
    for (const lang of ["fr", "en"] as const) {
      for (const f of FIELDS) expect(FIELD_LABELS[lang][f]).toBeTruthy();
      for (const b of BASINS) expect(BASIN_LABELS[lang][b]).toBeTruthy();
      for (const k of ALLOCATION_KEYS) expect(KEY_LABELS[lang][k]).toBeTruthy();
    }
    expect(BASIN_LABELS).toEqual({ fr: { nord: "Nord", sud: "Sud" }, en: { nord: "North", sud: "South" } });
    expect(FIELD_LABELS.fr).toMatchObject({
      commune: "Commune",
      amount: "Montant",
      basin: "Bassin",
      year: "Année",
    });
  });
});
