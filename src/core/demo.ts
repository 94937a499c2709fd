import { allocate, cents, centsToEuros } from "./money";
import type { Commune, RawValue } from "./types";

/** The total of the source article: the 13 CEJ represent about 1.35 M€ paid by the Caf. */
export const DEMO_TOTAL = cents(135_000_000);

/** Headers of the demo funding table, as a French finance officer would write them. */
export const DEMO_HEADERS = ["Commune", "Code INSEE", "Domaine", "Action", "Année", "Montant CEJ"] as const;

const ACTIONS: Readonly<Record<"Enfance" | "Jeunesse", readonly string[]>> = {
  Enfance: ["Multi-accueil", "Relais petite enfance", "Accueil de loisirs périscolaire"],
  Jeunesse: ["Accueil de loisirs extrascolaire", "Point information jeunesse", "Séjours jeunes"],
};

const YEARS = [2017, 2018, 2019, 2020] as const;

/**
 * Illustrative funding rows for the 13 communes that held a CEJ (source article): amounts shared by
 * population so that they total exactly 1 350 000,00 €, then by domain (60 % Enfance, 40 % Jeunesse)
 * and by year, each split footing to the cent. They are not the Caf's real figures.
 *
 * @param communes - the reference (the 13 with `exCej`)
 * @returns the data rows: commune, INSEE code, domain, action, year, amount in euros; none when no
 *   commune of the reference has `exCej`
 */
export function demoRows(communes: readonly Commune[]): RawValue[][] {
  const cej = communes.filter((c) => c.exCej).sort((a, b) => a.name.localeCompare(b.name, "fr"));
  if (cej.length === 0) return [];
  // By population; equally when the reference gives none (allocate cannot split by zero weights).
  const populations = cej.map((c) =>
    Number.isSafeInteger(c.population) && c.population > 0 ? c.population : 0,
  );
  const perCommune = allocate(
    DEMO_TOTAL,
    populations.some((p) => p > 0) ? populations : populations.map(() => 1),
  );
  const rows: RawValue[][] = [];
  cej.forEach((c, i) => {
    const total = perCommune[i] ?? cents(0);
    const [enfance = cents(0), jeunesse = cents(0)] = allocate(total, [3, 2]);
    const domains: ["Enfance" | "Jeunesse", typeof total][] = [
      ["Enfance", enfance],
      ["Jeunesse", jeunesse],
    ];
    for (const [domain, amount] of domains) {
      // Larger communes fund more actions; the years grow a little, as contracts did.
      const actions = ACTIONS[domain].slice(0, c.population > 5000 ? 3 : c.population > 2000 ? 2 : 1);
      const byAction = allocate(
        amount,
        actions.map((_, k) => actions.length - k + 1),
      );
      actions.forEach((action, k) => {
        const byYear = allocate(byAction[k] ?? cents(0), [97, 99, 101, 103]);
        YEARS.forEach((year, y) => {
          rows.push([c.name, c.insee, domain, action, year, centsToEuros(byYear[y] ?? cents(0))]);
        });
      });
    }
  });
  return rows;
}
