/**
 * Fixtures for the core tests: the 34 reference communes (copied from shared/domain/cucm-communes.csv,
 * so that these tests do not depend on the generated module) and sheet-like builders of funding rows.
 */

import { centsFromEuros, parseAmountText } from "../../src/core/money";
import type { Basin, Cents, Commune, FundingRow, Issue } from "../../src/core/types";

/**
 * The 34 CUCM communes: INSEE code, name, municipal population 2023 (in force in 2026) and the basin
 * proxy of the CSV (N1, N2 → nord; S → sud; U → nord, unconfirmed). Nord: 18 communes, 44 562 inhabitants;
 * sud: 16 communes, 45 784 inhabitants; 90 346 in all.
 */
export const COMMUNES_FIXTURE: readonly Commune[] = [
  {
    insee: "71153",
    name: "Le Creusot",
    population: 20509,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: true,
  }, // N1
  {
    insee: "71306",
    name: "Montceau-les-Mines",
    population: 17064,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: true,
  }, // S
  {
    insee: "71486",
    name: "Saint-Vallier",
    population: 8508,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: true,
  }, // S
  {
    insee: "71040",
    name: "Blanzy",
    population: 5955,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: true,
  }, // S
  {
    insee: "71310",
    name: "Montchanin",
    population: 4976,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: true,
  }, // N2
  {
    insee: "71499",
    name: "Sanvignes-les-Mines",
    population: 4235,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: true,
  }, // S
  {
    insee: "71059",
    name: "Le Breuil",
    population: 3538,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: true,
  }, // N1
  {
    insee: "71540",
    name: "Torcy",
    population: 2678,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: true,
  }, // N1
  {
    insee: "71132",
    name: "Ciry-le-Noble",
    population: 2177,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: true,
  }, // S
  {
    insee: "71309",
    name: "Montcenis",
    population: 1923,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: false,
  }, // N1
  {
    insee: "71479",
    name: "Saint-Sernin-du-Bois",
    population: 1734,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: false,
  }, // N1
  {
    insee: "71187",
    name: "Écuisses",
    population: 1652,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: true,
  }, // N2
  {
    insee: "71346",
    name: "Perrecy-les-Forges",
    population: 1542,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: true,
  }, // S
  {
    insee: "71212",
    name: "Génelard",
    population: 1394,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: true,
  }, // S
  {
    insee: "71282",
    name: "Marmagne",
    population: 1283,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: true,
  }, // N1
  {
    insee: "71412",
    name: "Saint-Eusèbe",
    population: 1147,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: false,
    exCej: false,
  }, // U
  {
    insee: "71390",
    name: "Saint-Berain-sous-Sanvignes",
    population: 1102,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: false,
  }, // S
  {
    insee: "71436",
    name: "Saint-Laurent-d'Andenay",
    population: 961,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: false,
  }, // N2
  {
    insee: "71356",
    name: "Pouilloux",
    population: 946,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: false,
  }, // S
  {
    insee: "71222",
    name: "Gourdon",
    population: 893,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: false,
  }, // S
  {
    insee: "71468",
    name: "Saint-Pierre-de-Varennes",
    population: 836,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: false,
  }, // N1
  {
    insee: "71482",
    name: "Saint-Symphorien-de-Marmagne",
    population: 827,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: false,
  }, // N1
  {
    insee: "71413",
    name: "Saint-Firmin",
    population: 773,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: false,
  }, // N1
  {
    insee: "71347",
    name: "Perreuil",
    population: 550,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: false,
  }, // N1
  {
    insee: "71191",
    name: "Essertenne",
    population: 483,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: false,
  }, // N1
  {
    insee: "71477",
    name: "Saint-Romain-sous-Gourdon",
    population: 473,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: false,
  }, // S
  {
    insee: "71038",
    name: "Les Bizots",
    population: 471,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: false,
  }, // S
  {
    insee: "71320",
    name: "Mont-Saint-Vincent",
    population: 308,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: false,
  }, // S
  {
    insee: "71286",
    name: "Mary",
    population: 281,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: false,
  }, // S
  {
    insee: "71103",
    name: "Charmoy",
    population: 276,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: false,
  }, // N2
  {
    insee: "71465",
    name: "Saint-Micaud",
    population: 269,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: false,
  }, // S
  {
    insee: "71435",
    name: "Saint-Julien-sur-Dheune",
    population: 226,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: false,
  }, // N2
  {
    insee: "71321",
    name: "Morey",
    population: 190,
    populationYear: 2023,
    basin: "nord",
    basinConfirmed: true,
    exCej: false,
  }, // N2
  {
    insee: "71278",
    name: "Marigny",
    population: 166,
    populationYear: 2023,
    basin: "sud",
    basinConfirmed: true,
    exCej: false,
  }, // S
];

/**
 * An amount written as a finance officer writes it (`"15 407,41"`, `"-1 000,00 €"`) or a number of
 * euros, in cents.
 *
 * @throws Error when the text is not an amount
 */
export function eur(amount: string | number): Cents {
  if (typeof amount === "number") {
    const c = centsFromEuros(amount);
    if (c === null) throw new Error(`not an amount: ${amount}`);
    return c;
  }
  const parsed = parseAmountText(amount);
  if (!parsed.ok) throw new Error(`not an amount: ${amount}`);
  return parsed.cents;
}

/** One row of the funding sheet, as a test writes it. */
export interface RowSpec {
  readonly commune: string;
  readonly amount: string | number;
  /** INSEE code; by default looked up by exact name in {@link COMMUNES_FIXTURE} (null when absent). */
  readonly insee?: string | null;
  readonly basin?: Basin | null;
  readonly domain?: string | null;
  readonly action?: string | null;
  readonly year?: number | null;
  /** 1-based sheet row; `table` numbers rows from 2 (row 1 is the header). */
  readonly sheetRow?: number;
}

/**
 * A funding row as the reader would give it for sheet `Financements` with the commune in column A and
 * the amount in column E.
 */
export function row(spec: RowSpec): FundingRow {
  const sheetRow = spec.sheetRow ?? 2;
  const insee =
    spec.insee !== undefined
      ? spec.insee
      : (COMMUNES_FIXTURE.find((c) => c.name === spec.commune)?.insee ?? null);
  return {
    sheetRow,
    amountCell: `Financements!E${sheetRow}`,
    communeCell: `Financements!A${sheetRow}`,
    commune: spec.commune,
    insee,
    basinGiven: spec.basin ?? null,
    domain: spec.domain ?? null,
    action: spec.action ?? null,
    year: spec.year ?? null,
    amount: eur(spec.amount),
    amountFromText: false,
    // The sheet of these fixtures has no INSEE column: commune in A, domain in C, year in D, amount in E.
    keys: {
      commune: spec.commune,
      insee: "",
      domain: spec.domain ?? "",
      year: spec.year === undefined || spec.year === null ? "" : String(spec.year),
    },
  };
}

/** Rows numbered from sheet row 2 down, like a table under its header. */
export function table(specs: readonly RowSpec[]): FundingRow[] {
  return specs.map((s, i) => row({ ...s, sheetRow: s.sheetRow ?? i + 2 }));
}

/**
 * The 13 CEJ of the source article (Blanzy, Ciry-le-Noble, Écuisses, Génelard, Le Breuil, Le Creusot,
 * Marmagne, Montceau, Montchanin, Perrecy-les-Forges, Saint-Vallier, Sanvignes, Torcy), "près de
 * 1,35 million d'euros versés par la Caf". The split between communes, domains and years is made up
 * for the tests; the total is the article's.
 *
 *   row  commune               domain    year  amount
 *    2   Le Creusot            Enfance   2019  160 000,00
 *    3   Le Creusot            Jeunesse  2019  150 000,00
 *    4   Montceau-les-Mines    Enfance   2019  230 000,00
 *    5   Montceau-les-Mines    Jeunesse  2020  190 000,00
 *    6   Saint-Vallier         Enfance   2019  150 000,00
 *    7   Blanzy                Enfance   2020  110 000,00
 *    8   Montchanin            Jeunesse  2019   75 000,00
 *    9   Sanvignes-les-Mines   Enfance   2020   68 000,00
 *   10   Le Breuil             Enfance   2019   52 000,00
 *   11   Torcy                 Jeunesse  2020   41 000,00
 *   12   Ciry-le-Noble         Enfance   2019   37 000,00
 *   13   Écuisses              Jeunesse  2020   24 500,00
 *   14   Perrecy-les-Forges    Enfance   2019   24 000,00
 *   15   Génelard              Jeunesse  2020   21 000,00
 *   16   Marmagne              Enfance   2019   17 500,00
 *                                              ------------
 *                                              1 350 000,00
 *
 * Nord (Le Creusot 310 000 + Montchanin 75 000 + Le Breuil 52 000 + Torcy 41 000 + Écuisses 24 500
 * + Marmagne 17 500) = 520 000,00; sud (Montceau 420 000 + Saint-Vallier 150 000 + Blanzy 110 000
 * + Sanvignes 68 000 + Ciry 37 000 + Perrecy 24 000 + Génelard 21 000) = 830 000,00.
 * Enfance 848 500,00, Jeunesse 501 500,00; 2019: 895 500,00, 2020: 454 500,00.
 */
export const CEJ_ROWS: readonly FundingRow[] = table([
  { commune: "Le Creusot", domain: "Enfance", year: 2019, amount: "160 000,00" },
  { commune: "Le Creusot", domain: "Jeunesse", year: 2019, amount: "150 000,00" },
  { commune: "Montceau-les-Mines", domain: "Enfance", year: 2019, amount: "230 000,00" },
  { commune: "Montceau-les-Mines", domain: "Jeunesse", year: 2020, amount: "190 000,00" },
  { commune: "Saint-Vallier", domain: "Enfance", year: 2019, amount: "150 000,00" },
  { commune: "Blanzy", domain: "Enfance", year: 2020, amount: "110 000,00" },
  { commune: "Montchanin", domain: "Jeunesse", year: 2019, amount: "75 000,00" },
  { commune: "Sanvignes-les-Mines", domain: "Enfance", year: 2020, amount: "68 000,00" },
  { commune: "Le Breuil", domain: "Enfance", year: 2019, amount: "52 000,00" },
  { commune: "Torcy", domain: "Jeunesse", year: 2020, amount: "41 000,00" },
  { commune: "Ciry-le-Noble", domain: "Enfance", year: 2019, amount: "37 000,00" },
  { commune: "Écuisses", domain: "Jeunesse", year: 2020, amount: "24 500,00" },
  { commune: "Perrecy-les-Forges", domain: "Enfance", year: 2019, amount: "24 000,00" },
  { commune: "Génelard", domain: "Jeunesse", year: 2020, amount: "21 000,00" },
  { commune: "Marmagne", domain: "Enfance", year: 2019, amount: "17 500,00" },
]);

/**
 * An issue's data as a plain record, to read one key whatever the issue's code (the union of the
 * codes' data shapes has no key in common).
 */
export function dataOf(issue: Issue | undefined): Readonly<Record<string, unknown>> {
  return (issue?.data ?? {}) as Readonly<Record<string, unknown>>;
}
