import { FACILITY_HEADERS } from "./facilities";
import { centsFromEuros, centsToEuros } from "./money";
import { demoRows } from "./demo";
import type { BonusKind, BonusUnit, Commune, OperatorKind, RawValue } from "./types";
import { FACILITY_FIELDS } from "./types";

/** Headers of the demo facilities table: the French column names, in the reader's field order. */
export const BONUS_DEMO_HEADERS: readonly string[] = FACILITY_FIELDS.map((f) => FACILITY_HEADERS[f]);

/** The year of the demo funding rows taken as the reference year (the last CEJ year). */
export const BONUS_DEMO_REFERENCE_YEAR = 2020;

interface DemoFacility {
  readonly label: string;
  readonly kind: BonusKind;
  readonly unit: BonusUnit;
  readonly domain: string;
  readonly operator: OperatorKind;
}

/** What each action of the demo funding rows becomes in the facilities table. */
const FACILITY_OF_ACTION: Readonly<Record<string, DemoFacility>> = {
  "Multi-accueil": {
    label: "Multi-accueil",
    kind: "eaje",
    unit: "places",
    domain: "Petite enfance",
    operator: "commune",
  },
  "Relais petite enfance": {
    label: "Relais petite enfance",
    kind: "rpe",
    unit: "etp",
    domain: "Petite enfance",
    operator: "ccas",
  },
  "Accueil de loisirs périscolaire": {
    label: "Accueil périscolaire",
    kind: "alsh",
    unit: "places",
    domain: "Enfance",
    operator: "association",
  },
  "Accueil de loisirs extrascolaire": {
    label: "Accueil de loisirs",
    kind: "alsh",
    unit: "places",
    domain: "Jeunesse",
    operator: "association",
  },
  "Point information jeunesse": {
    label: "Point information jeunesse",
    kind: "autre",
    unit: "heures",
    domain: "Jeunesse",
    operator: "commune",
  },
  "Séjours jeunes": {
    label: "Séjours jeunes",
    kind: "autre",
    unit: "heures",
    domain: "Jeunesse",
    operator: "association",
  },
};

const OPERATOR_LABEL: Readonly<Record<OperatorKind, string>> = {
  commune: "Commune",
  ccas: "CCAS",
  association: "Association",
  prive: "Privé",
  autre: "Autre",
};

/** Fictitious names, one per commune in alphabetical order (cycled). */
const NICKNAMES = [
  "Les Lutins",
  "Les Pitchouns",
  "Arc-en-ciel",
  "Les Petits Pas",
  "La Ribambelle",
  "Les Coccinelles",
  "Les Farfadets",
];

/** New places of the demo: a few EAJE openings, by commune name (fictitious). */
const OPENINGS: Readonly<
  Record<string, { places: number; reserved: number; opening: Date; qpv: boolean; prive?: boolean }>
> = {
  "Le Creusot": { places: 12, reserved: 0, opening: new Date(Date.UTC(2026, 8, 1)), qpv: true },
  "Montceau-les-Mines": { places: 18, reserved: 6, opening: new Date(Date.UTC(2025, 0, 6)), qpv: true },
  Montchanin: { places: 10, reserved: 0, opening: new Date(Date.UTC(2024, 3, 2)), qpv: false, prive: true },
};

/**
 * Illustrative facilities of the 13 CEJ communes, clearly fictitious (every name ends with
 * « (fictif) »): each action of the demo funding rows ({@link demoRows}) becomes one facility whose
 * former CEJ amount is that action's 2020 amount, so that a commune's former CEJ in the bonus plan is
 * its 2020 funding. Capacities grow with population; three crèches open new places (one in a QPV,
 * one with employer-reserved places, one run by a private operator). RPE have one or two missions
 * renforcées.
 *
 * @param communes - the reference (the 13 with `exCej`)
 * @returns the data rows in {@link BONUS_DEMO_HEADERS}' order; none when no commune has `exCej`
 */
export function bonusDemoRows(communes: readonly Commune[]): RawValue[][] {
  const byInsee = new Map(communes.map((c) => [c.insee, c]));
  const rows: RawValue[][] = [];
  const nickname = new Map<string, string>();
  for (const r of demoRows(communes)) {
    const [name, insee, , action, year, euros] = r;
    if (year !== BONUS_DEMO_REFERENCE_YEAR || typeof action !== "string" || typeof name !== "string")
      continue;
    const commune = byInsee.get(String(insee));
    const demo = FACILITY_OF_ACTION[action];
    const amount = typeof euros === "number" ? centsFromEuros(euros) : null;
    if (commune === undefined || demo === undefined || amount === null) continue;
    if (!nickname.has(name)) nickname.set(name, NICKNAMES[nickname.size % NICKNAMES.length] ?? "");
    const opening = demo.kind === "eaje" ? OPENINGS[name] : undefined;
    const pop = commune.population;
    const capacity =
      demo.unit === "etp"
        ? pop > 10_000
          ? 2
          : 1
        : demo.unit === "heures"
          ? 400 + 100 * Math.ceil(pop / 4000)
          : Math.max(10, 5 * Math.round(pop / (demo.kind === "eaje" ? 800 : 400)));
    const operatorKind: OperatorKind = opening?.prive === true ? "prive" : demo.operator;
    const operator =
      operatorKind === "commune"
        ? `Commune de ${name}`
        : operatorKind === "ccas"
          ? `CCAS de ${name}`
          : operatorKind === "prive"
            ? `${nickname.get(name) ?? ""} SAS (fictif)`
            : `Association ${nickname.get(name) ?? ""} (fictif)`;
    rows.push([
      `${demo.label} ${nickname.get(name) ?? ""} (fictif)`,
      operator,
      OPERATOR_LABEL[operatorKind],
      name,
      demo.domain,
      demo.kind === "autre" ? "Autre" : demo.kind.toUpperCase(),
      demo.unit === "etp" ? "ETP" : demo.unit,
      capacity,
      centsToEuros(amount),
      opening?.places ?? null,
      opening !== undefined && opening.reserved > 0 ? opening.reserved : null,
      opening?.opening ?? null,
      opening?.qpv === true ? "Oui" : "Non",
      demo.kind === "rpe" ? (pop > 10_000 ? 2 : 1) : null,
    ]);
  }
  return rows;
}

/**
 * The demo facilities table as a grid: the header row, then {@link bonusDemoRows}.
 *
 * @param communes - the reference
 * @returns the grid, header first
 */
export function bonusDemoGrid(communes: readonly Commune[]): RawValue[][] {
  return [[...BONUS_DEMO_HEADERS], ...bonusDemoRows(communes)];
}
