import { formatIssue } from "../i18n";
import {
  centsToEuros,
  rateToFraction,
  type EngineeringSplit,
  type Issue,
  type Lang,
  type Plan,
} from "../core";
/** The plan as the command line's `--json` prints it (version 1: see docs/cli.md). */
export interface PlanJson {
  readonly version: 1;
  readonly key: string;
  readonly total: number;
  readonly communes: readonly { name: string; insee: string | null; basin: string; total: number }[];
  readonly basins: readonly {
    basin: string;
    communes: number;
    population: number;
    cejTotal: number;
    keyShare: number;
    engineering: Record<keyof EngineeringSplit, number>;
  }[];
  readonly engineering: {
    costHT: number;
    capHT: number;
    eligibleHT: number;
    /** eligibleHT + its VAT: the Caf's base when cafBase is "ttc". */
    eligibleTTC: number;
    /** The base the Caf's share is computed on: "ht" or "ttc". */
    cafBase: string;
    cafRate: number;
    caf: number;
    cuHT: number;
    vatRate: number;
    vat: number;
    costTTC: number;
    cuTTC: number;
  };
  readonly issues: readonly { severity: string; code: string; cell: string; message: string }[];
}

function splitJson(e: EngineeringSplit): Record<keyof EngineeringSplit, number> {
  return {
    costHT: centsToEuros(e.costHT),
    caf: centsToEuros(e.caf),
    vat: centsToEuros(e.vat),
    cuHT: centsToEuros(e.cuHT),
    costTTC: centsToEuros(e.costTTC),
    cuTTC: centsToEuros(e.cuTTC),
  };
}

/**
 * The plan as JSON: amounts in euros (at most two decimals), rates and shares as fractions.
 *
 * @param plan - the plan, or null when the input could not be read far enough to make one
 * @param issues - every issue (reader, parameters, plan), phrased in `lang`
 * @param lang - the language of the messages
 * @returns the JSON object
 */
export function planToJson(plan: Plan | null, issues: readonly Issue[], lang: Lang): PlanJson {
  const e = plan?.engineering;
  return {
    version: 1,
    key: plan?.params.key ?? "cej",
    total: plan ? centsToEuros(plan.total) : 0,
    communes: (plan?.communes ?? []).map((c) => ({
      name: c.name,
      insee: c.insee,
      basin: c.basin,
      total: centsToEuros(c.total),
    })),
    basins: (plan?.basins ?? []).map((b) => ({
      basin: b.basin,
      communes: b.communes,
      population: b.population,
      cejTotal: centsToEuros(b.cejTotal),
      keyShare: b.keyShare,
      engineering: splitJson(b.engineering),
    })),
    engineering: {
      costHT: e ? centsToEuros(e.costHT) : 0,
      capHT: e ? centsToEuros(e.capHT) : 0,
      eligibleHT: e ? centsToEuros(e.eligibleHT) : 0,
      eligibleTTC: e ? centsToEuros(e.eligibleTTC) : 0,
      cafBase: plan?.params.cafBase ?? "ht",
      cafRate: e ? rateToFraction(e.cafRate) : 0,
      caf: e ? centsToEuros(e.caf) : 0,
      cuHT: e ? centsToEuros(e.cuHT) : 0,
      vatRate: e ? rateToFraction(e.vatRate) : 0,
      vat: e ? centsToEuros(e.vat) : 0,
      costTTC: e ? centsToEuros(e.costTTC) : 0,
      cuTTC: e ? centsToEuros(e.cuTTC) : 0,
    },
    issues: issues.map((i) => ({
      severity: i.severity,
      code: i.code,
      cell: i.cell,
      message: formatIssue(i, lang),
    })),
  };
}
