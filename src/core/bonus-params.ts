import { cents, rate } from "./money";
import type { Basin, BonusKind, Cents, Rate } from "./types";

/** One basin's CTG: the years its bonus territoire is planned for. */
export interface BasinCtg {
  /** First year of the CTG. */
  readonly startYear: number;
  /** Length in years: 4 or 5. */
  readonly duration: 4 | 5;
}

/** An uplift of the smoothed existing-place amounts, applied from one year on. */
export interface Uplift {
  readonly year: number;
  /** Increase over the previous year's amount (2 % is 20 000). */
  readonly rate: Rate;
}

/** One step of the bonus « trajectoire »: growth from which an amount per place is paid. */
export interface TrajectoireStep {
  /** Growth of co-financed places, base year to target year (4 % is 40 000). */
  readonly threshold: Rate;
  /** Amount per place and year. */
  readonly perPlace: Cents;
}

/**
 * How places opened during a year count that year:
 * - `months`: twelfths, counting the opening month whole (opened 1 or 30 September: 4/12);
 * - `full-year`: the whole year, whatever the month.
 */
export type ProRata = "months" | "full-year";

/** Every parameter of the bonus territoire plan. Amounts are per place (or unit) and year. */
export interface BonusParams {
  /** Each basin's CTG (one territory each). */
  readonly ctg: Readonly<Record<Basin, BasinCtg>>;
  /** Year of the former CEJ amounts and reference capacities. */
  readonly referenceYear: number;
  /** Floor per place and year of the smoothed rate, per kind (0: none). */
  readonly floor: Readonly<Record<BonusKind, Cents>>;
  /** Uplifts of the existing-place amounts, by year (compounded, each rounded to the cent). */
  readonly uplifts: readonly Uplift[];
  /** The kinds the uplifts apply to. */
  readonly upliftKinds: readonly BonusKind[];
  /** New EAJE place rate per tranche: index 0 is tranche 1. */
  readonly newPlaceRates: readonly Cents[];
  /** The CUCM's tranche, 1-based. */
  readonly tranche: number;
  /** New place rate in a QPV or a ZRR. */
  readonly priorityAreaRate: Cents;
  /** New place reserved by an employer. */
  readonly reservedPlaceRate: Cents;
  /** Years between which the growth of EAJE places is measured. */
  readonly trajectoireBaseYear: number;
  readonly trajectoireTargetYear: number;
  /** First year the bonus trajectoire is paid. */
  readonly trajectoireFirstYear: number;
  /** Steps, any order; the highest threshold reached applies. */
  readonly trajectoire: readonly TrajectoireStep[];
  /** Flat amount of an RPE per year; null: the RPE's own former CEJ of the reference year. */
  readonly rpeFlat: Cents | null;
  /** Amount per « mission renforcée » of an RPE, per year. */
  readonly rpeMission: Cents;
  readonly proRata: ProRata;
}

/** The name of one bonus parameter. */
export type BonusParamName = keyof BonusParams;

/**
 * Default parameters. Those with `assumption: true` in {@link BONUS_PARAM_NOTES} are not published
 * figures: a finance officer must confirm them with the Caf.
 */
export const DEFAULT_BONUS_PARAMS: BonusParams = {
  ctg: { nord: { startYear: 2024, duration: 5 }, sud: { startYear: 2024, duration: 5 } },
  referenceYear: 2020,
  floor: { eaje: cents(0), rpe: cents(0), laep: cents(0), alsh: cents(0), autre: cents(0) },
  uplifts: [
    { year: 2025, rate: rate(0) },
    { year: 2026, rate: rate(0) },
    { year: 2027, rate: rate(0) },
  ],
  upliftKinds: ["eaje"],
  newPlaceRates: [cents(260_000), cents(310_000), cents(360_000)],
  tranche: 2,
  priorityAreaRate: cents(360_000),
  reservedPlaceRate: cents(280_000),
  trajectoireBaseYear: 2023,
  trajectoireTargetYear: 2027,
  trajectoireFirstYear: 2026,
  trajectoire: [
    { threshold: rate(40_000), perPlace: cents(10_000) },
    { threshold: rate(80_000), perPlace: cents(20_000) },
    { threshold: rate(120_000), perPlace: cents(30_000) },
  ],
  rpeFlat: null,
  rpeMission: cents(322_900),
  proRata: "months",
};

/** Where a parameter comes from, and whether its default is an assumption to confirm with the Caf. */
export interface BonusParamNote {
  readonly assumption: boolean;
  readonly fr: string;
  readonly en: string;
}

/** The source note of each parameter, for the `Paramètres CTG` note cells and docs/rules.md. */
export const BONUS_PARAM_NOTES: Readonly<Record<BonusParamName, BonusParamNote>> = {
  ctg: {
    assumption: true,
    fr: "Hypothèse : CTG de 5 ans à partir de 2024 pour chaque bassin (une CTG dure 4 ou 5 ans, la CNAF préfère 4) ; à remplacer par les dates signées.",
    en: "Assumption: 5-year CTG from 2024 for each basin (a CTG lasts 4 or 5 years, the CNAF prefers 4); replace with the signed dates.",
  },
  referenceYear: {
    assumption: true,
    fr: "Hypothèse : 2020, dernière année des CEJ (non renouvelés après le 31 décembre 2020).",
    en: "Assumption: 2020, the last CEJ year (not renewed after 31 December 2020).",
  },
  floor: {
    assumption: true,
    fr: "Hypothèse : aucun plancher (0 €). Un plancher par place existe « si nécessaire » (Caf de Saône-et-Loire) mais son montant n'est pas publié.",
    en: "Assumption: no floor (€0). A floor per place exists « where needed » (Caf de Saône-et-Loire) but its amount is not published.",
  },
  uplifts: {
    assumption: true,
    fr: "Hypothèse : 0 % en 2025, 2026 et 2027. Une revalorisation annuelle est prévue sur 2025–2027 (Caf de Saône-et-Loire) ; son taux n'est pas publié.",
    en: "Assumption: 0% in 2025, 2026 and 2027. An annual uplift is planned for 2025–2027 (Caf de Saône-et-Loire); its rate is not published.",
  },
  upliftKinds: {
    assumption: true,
    fr: "Hypothèse : la revalorisation ne touche que les EAJE (page EAJE de la Caf de Saône-et-Loire).",
    en: "Assumption: the uplift applies to EAJE only (EAJE page of the Caf de Saône-et-Loire).",
  },
  newPlaceRates: {
    assumption: true,
    fr: "2 600 € à 3 600 € par place nouvelle et par an selon la tranche (Caf de Saône-et-Loire ; circulaire CNAF 2021-004 : 2 100–3 100 € + 500 € du plan rebond). Hypothèse : trois tranches, 2 600 / 3 100 / 3 600 € (la tranche intermédiaire n'est pas publiée).",
    en: "€2,600 to €3,600 per new place and year by tranche (Caf de Saône-et-Loire; CNAF circular 2021-004: €2,100–3,100 + €500 of the plan rebond). Assumption: three tranches, €2,600 / €3,100 / €3,600 (the middle one is not published).",
  },
  tranche: {
    assumption: true,
    fr: "Hypothèse : tranche 2. La tranche dépend du potentiel financier et du revenu par habitant du territoire : à demander à la Caf.",
    en: "Assumption: tranche 2. The tranche depends on the territory's potentiel financier and income per inhabitant: ask the Caf.",
  },
  priorityAreaRate: {
    assumption: false,
    fr: "Taux le plus haut (3 600 €) pour une place en QPV ou en ZRR (Caf de Saône-et-Loire).",
    en: "Top rate (€3,600) for a place in a QPV or a ZRR (Caf de Saône-et-Loire).",
  },
  reservedPlaceRate: {
    assumption: false,
    fr: "2 800 € par place réservée par un employeur, en 2025 (Caf de Saône-et-Loire, contrat territorial réservataire EAJE).",
    en: "€2,800 per employer-reserved place, in 2025 (Caf de Saône-et-Loire, contrat territorial réservataire EAJE).",
  },
  trajectoireBaseYear: {
    assumption: false,
    fr: "Croissance des places cofinancées mesurée de 2023 à 2027 (Caf des Alpes-Maritimes, bonus trajectoire).",
    en: "Growth of co-financed places measured from 2023 to 2027 (Caf des Alpes-Maritimes, bonus trajectoire).",
  },
  trajectoireTargetYear: {
    assumption: false,
    fr: "Croissance des places cofinancées mesurée de 2023 à 2027 (Caf des Alpes-Maritimes, bonus trajectoire).",
    en: "Growth of co-financed places measured from 2023 to 2027 (Caf des Alpes-Maritimes, bonus trajectoire).",
  },
  trajectoireFirstYear: {
    assumption: true,
    fr: "Hypothèse : versé à partir de 2026, première année pleine après son entrée en vigueur en novembre 2025.",
    en: "Assumption: paid from 2026, the first full year after it came into force in November 2025.",
  },
  trajectoire: {
    assumption: false,
    fr: "+100 / +200 / +300 € par place PSU quand les places cofinancées croissent d'au moins 4 / 8 / 12 % (Caf des Alpes-Maritimes).",
    en: "+€100 / +€200 / +€300 per PSU place when co-financed places grow by at least 4 / 8 / 12% (Caf des Alpes-Maritimes).",
  },
  rpeFlat: {
    assumption: false,
    fr: "Forfait RPE repris de la dernière année CEJ : par défaut, le montant CEJ de l'année de référence de chaque RPE (Caf de Saône-et-Loire, page RPE).",
    en: "RPE flat amount taken from the last CEJ year: by default, each RPE's CEJ amount of the reference year (Caf de Saône-et-Loire, RPE page).",
  },
  rpeMission: {
    assumption: false,
    fr: "3 229 € par mission renforcée d'un RPE (Caf de Saône-et-Loire, page RPE).",
    en: "€3,229 per « mission renforcée » of an RPE (Caf de Saône-et-Loire, RPE page).",
  },
  proRata: {
    assumption: true,
    fr: "Choix de l'outil : l'année d'ouverture, les places nouvelles comptent en douzièmes, mois d'ouverture compris (ouverture en septembre : 4/12).",
    en: "The tool's choice: in the opening year, new places count in twelfths, the opening month included (opening in September: 4/12).",
  },
};

/**
 * The years of one basin's CTG.
 *
 * @param ctg - the basin's CTG
 * @returns startYear, startYear + 1, … (4 or 5 years)
 */
export function ctgYears(ctg: BasinCtg): number[] {
  return Array.from({ length: ctg.duration }, (_, i) => ctg.startYear + i);
}

/**
 * Checks parameters that a program (not a user's cell) gave: a misuse throws.
 *
 * @param params - the parameters
 * @throws RangeError when a year is not an integer in 2000–2100, a duration is not 4 or 5, the tranche
 *   is not one of the rates, or an amount or a rate is negative
 */
export function checkBonusParams(params: BonusParams): void {
  const year = (y: number, what: string): void => {
    if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new RangeError(`${what}: not a year: ${y}`);
  };
  const amount = (c: number, what: string): void => {
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`${what}: not an amount >= 0: ${c}`);
  };
  for (const [basin, ctg] of Object.entries(params.ctg)) {
    year(ctg.startYear, `${basin} start year`);
    if (ctg.duration !== 4 && ctg.duration !== 5)
      throw new RangeError(`${basin}: a CTG lasts 4 or 5 years, not ${String(ctg.duration)}`);
  }
  year(params.referenceYear, "reference year");
  year(params.trajectoireBaseYear, "trajectoire base year");
  year(params.trajectoireTargetYear, "trajectoire target year");
  year(params.trajectoireFirstYear, "trajectoire first year");
  for (const [kind, floor] of Object.entries(params.floor)) amount(floor, `${kind} floor`);
  for (const u of params.uplifts) {
    year(u.year, "uplift year");
    amount(u.rate, "uplift rate");
  }
  params.newPlaceRates.forEach((r, i) => amount(r, `tranche ${i + 1} rate`));
  if (!Number.isInteger(params.tranche) || params.tranche < 1 || params.tranche > params.newPlaceRates.length)
    throw new RangeError(`tranche ${params.tranche} has no rate`);
  amount(params.priorityAreaRate, "QPV/ZRR rate");
  amount(params.reservedPlaceRate, "reserved place rate");
  for (const s of params.trajectoire) {
    amount(s.threshold, "trajectoire threshold");
    amount(s.perPlace, "trajectoire amount");
  }
  if (params.rpeFlat !== null) amount(params.rpeFlat, "RPE flat amount");
  amount(params.rpeMission, "RPE mission amount");
}

/** The kinds whose existing places are smoothed (every kind but the RPE, paid a flat amount). */
export const SMOOTHED_KINDS: readonly BonusKind[] = ["eaje", "laep", "alsh", "autre"];

/** What a bonus parameter cell holds: how it is read, styled, validated and checked. */
export type BonusParamKind =
  "year" | "duration" | "amount" | "amountOrBlank" | "rate" | "tranche" | "yesNo" | "proRata";

/** Every bonus parameter name begins so (`CTG_B_DebutNord`). */
export const BONUS_NAME_PREFIX = "CTG_B_";

const KIND_NAME: Readonly<Record<BonusKind, string>> = {
  eaje: "EAJE",
  rpe: "RPE",
  laep: "LAEP",
  alsh: "ALSH",
  autre: "Autre",
};
const BASIN_NAME: Readonly<Record<Basin, string>> = { nord: "Nord", sud: "Sud" };

/**
 * The workbook names of the bonus parameter cells on `Paramètres CTG`: the report writes them, the
 * reader (readBonusParams) reads them back. Lists (uplifts, tranches, trajectoire steps) are numbered
 * from 1 in the order the report writes them (uplifts by year, steps by threshold).
 */
export const bonusNames = {
  start: (b: Basin): string => `CTG_B_Debut${BASIN_NAME[b]}`,
  duration: (b: Basin): string => `CTG_B_Duree${BASIN_NAME[b]}`,
  referenceYear: "CTG_B_AnneeRef",
  floor: (k: BonusKind): string => `CTG_B_Plancher${KIND_NAME[k]}`,
  uplift: (i: number): string => `CTG_B_Revalo${i + 1}`,
  upliftKind: (k: BonusKind): string => `CTG_B_Revalo${KIND_NAME[k]}`,
  newPlaceRate: (i: number): string => `CTG_B_Tranche${i + 1}`,
  tranche: "CTG_B_TrancheCUCM",
  priorityAreaRate: "CTG_B_TauxQPV",
  reservedPlaceRate: "CTG_B_TauxReserve",
  trajectoireBaseYear: "CTG_B_TrajDepart",
  trajectoireTargetYear: "CTG_B_TrajArrivee",
  trajectoireFirstYear: "CTG_B_TrajDebut",
  threshold: (i: number): string => `CTG_B_TrajSeuil${i + 1}`,
  perPlace: (i: number): string => `CTG_B_TrajMontant${i + 1}`,
  rpeFlat: "CTG_B_ForfaitRPE",
  rpeMission: "CTG_B_Mission",
  proRata: "CTG_B_Prorata",
} as const;
