#!/usr/bin/env node
// Generates src/core/communes.data.ts: the 34 member communes of the Communauté urbaine
// Creusot Montceau (EPCI SIREN 247100290), from the npm package @etalab/decoupage-administratif.
//
//   npm run communes:generate
//
// Codes, official names and municipal populations come from the package (data/epci.json for the
// membership, data/communes.json for names and populations). Default basins and the ex-CEJ list are
// NOT in the package: they are embedded below, copied once from the domain reference
// (cucm-communes.csv, columns bassin_proxy and ex_CEJ). The script fails loudly on anything unexpected.

import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const EPCI_SIREN = "247100290";
const EXPECTED_COUNT = 34;
const PACKAGE = "@etalab/decoupage-administratif";

/**
 * Package major version → year of the municipal population its communes.json carries.
 * The package's millésime N ships INSEE's legal populations in force on 1 January N, which are
 * dated 1 January N-3. Version 6.x is millésime 2026 (README table) and cites INSEE publication
 * 8680726, the legal populations dated 1 January 2023, in force from 1 January 2026.
 * Add a line here when upgrading the package, after checking its README.
 */
const POPULATION_YEAR_BY_MAJOR = { 6: 2023 };

/**
 * Basin proxy, by INSEE code (see the domain reference: a proxy, not an official list).
 * N1 = the 11 CUCM communes of INSEE's 2010 "aire urbaine du Creusot"; N2 = north by geography;
 * S = the Montceau mining basin and the former Mont-Saint-Vincent canton; U = undetermined.
 */
const BASIN_PROXY = {
  71153: "N1", // Le Creusot
  71306: "S", // Montceau-les-Mines
  71486: "S", // Saint-Vallier
  71040: "S", // Blanzy
  71310: "N2", // Montchanin
  71499: "S", // Sanvignes-les-Mines
  71059: "N1", // Le Breuil
  71540: "N1", // Torcy
  71132: "S", // Ciry-le-Noble
  71309: "N1", // Montcenis
  71479: "N1", // Saint-Sernin-du-Bois
  71187: "N2", // Écuisses
  71346: "S", // Perrecy-les-Forges
  71212: "S", // Génelard
  71282: "N1", // Marmagne
  71412: "U", // Saint-Eusèbe
  71390: "S", // Saint-Berain-sous-Sanvignes
  71436: "N2", // Saint-Laurent-d'Andenay
  71356: "S", // Pouilloux
  71222: "S", // Gourdon
  71468: "N1", // Saint-Pierre-de-Varennes
  71482: "N1", // Saint-Symphorien-de-Marmagne
  71413: "N1", // Saint-Firmin
  71347: "N1", // Perreuil
  71191: "N1", // Essertenne
  71477: "S", // Saint-Romain-sous-Gourdon
  71038: "S", // Les Bizots
  71320: "S", // Mont-Saint-Vincent
  71286: "S", // Mary
  71103: "N2", // Charmoy
  71465: "S", // Saint-Micaud
  71435: "N2", // Saint-Julien-sur-Dheune
  71321: "N2", // Morey
  71278: "S", // Marigny
};

/** Proxy code → default basin and whether it is taken as settled. U (Saint-Eusèbe) → nord, unconfirmed. */
const BASIN_OF_PROXY = {
  N1: { basin: "nord", confirmed: true },
  N2: { basin: "nord", confirmed: true },
  S: { basin: "sud", confirmed: true },
  U: { basin: "nord", confirmed: false },
};

/** The 13 communes that held a CEJ (source article), by INSEE code. */
const EX_CEJ = [
  "71040", // Blanzy
  "71132", // Ciry-le-Noble
  "71187", // Écuisses
  "71212", // Génelard
  "71059", // Le Breuil
  "71153", // Le Creusot
  "71282", // Marmagne
  "71306", // Montceau-les-Mines
  "71310", // Montchanin
  "71346", // Perrecy-les-Forges
  "71486", // Saint-Vallier
  "71499", // Sanvignes-les-Mines
  "71540", // Torcy
];

function fail(message) {
  console.error(`generate-communes: ${message}`);
  process.exit(1);
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outFile = join(root, "src", "core", "communes.data.ts");
const require = createRequire(join(root, "package.json"));

let pkgJsonPath;
try {
  pkgJsonPath = require.resolve(`${PACKAGE}/package.json`);
} catch {
  fail(`cannot find ${PACKAGE}; it is a devDependency, run npm install first.`);
}
const pkgDir = dirname(pkgJsonPath);
const pkg = JSON.parse(readFileSync(pkgJsonPath, "utf8"));
const major = Number.parseInt(String(pkg.version).split(".")[0], 10);
const populationYear = POPULATION_YEAR_BY_MAJOR[major];
if (populationYear === undefined) {
  fail(
    `${PACKAGE} ${pkg.version}: unknown population year for major ${major}. ` +
      `Check the package README (millésime) and add it to POPULATION_YEAR_BY_MAJOR.`,
  );
}

const epcis = JSON.parse(readFileSync(join(pkgDir, "data", "epci.json"), "utf8"));
const communes = JSON.parse(readFileSync(join(pkgDir, "data", "communes.json"), "utf8"));

const epci = epcis.find((e) => e.code === EPCI_SIREN);
if (!epci) fail(`EPCI ${EPCI_SIREN} not found in ${PACKAGE} ${pkg.version}.`);
if (!Array.isArray(epci.membres)) fail(`EPCI ${EPCI_SIREN} has no member list.`);
if (epci.membres.length !== EXPECTED_COUNT) {
  fail(
    `EPCI ${EPCI_SIREN} has ${epci.membres.length} members in ${PACKAGE} ${pkg.version}, expected ${EXPECTED_COUNT}.`,
  );
}

const current = new Map();
for (const c of communes) {
  if (c.type === "commune-actuelle") {
    if (current.has(c.code)) fail(`INSEE code ${c.code} appears twice as a current commune.`);
    current.set(c.code, c);
  }
}

const memberCodes = new Set();
const rows = epci.membres.map((m) => {
  const code = m.code;
  if (typeof code !== "string" || !/^\d{5}$/.test(code))
    fail(`member with invalid INSEE code ${JSON.stringify(code)}.`);
  if (memberCodes.has(code)) fail(`member ${code} listed twice.`);
  memberCodes.add(code);
  const c = current.get(code);
  if (!c) fail(`member ${code} (${m.nom}) is not a current commune in communes.json.`);
  if (c.nom !== m.nom) fail(`member ${code}: name "${m.nom}" in epci.json but "${c.nom}" in communes.json.`);
  if (!Number.isSafeInteger(c.population) || c.population <= 0) {
    fail(`member ${code} (${c.nom}) has no valid population (${JSON.stringify(c.population)}).`);
  }
  const proxy = BASIN_PROXY[code];
  if (proxy === undefined) fail(`no basin code for ${code} (${c.nom}): add it to BASIN_PROXY.`);
  const basin = BASIN_OF_PROXY[proxy];
  if (basin === undefined) fail(`unknown basin code "${proxy}" for ${code} (${c.nom}).`);
  return {
    insee: code,
    name: c.nom,
    population: c.population,
    populationYear,
    basin: basin.basin,
    basinConfirmed: basin.confirmed,
    exCej: EX_CEJ.includes(code),
  };
});

for (const code of Object.keys(BASIN_PROXY)) {
  if (!memberCodes.has(code)) fail(`BASIN_PROXY has ${code}, which is not a member of EPCI ${EPCI_SIREN}.`);
}
if (new Set(EX_CEJ).size !== 13) fail(`EX_CEJ must list 13 distinct codes, it has ${new Set(EX_CEJ).size}.`);
for (const code of EX_CEJ) {
  if (!memberCodes.has(code)) fail(`EX_CEJ has ${code}, which is not a member of EPCI ${EPCI_SIREN}.`);
}

const collator = new Intl.Collator("fr");
rows.sort((a, b) => b.population - a.population || collator.compare(a.name, b.name));

const lines = rows.map(
  (r) =>
    `  { insee: ${JSON.stringify(r.insee)}, name: ${JSON.stringify(r.name)}, population: ${r.population}, ` +
    `populationYear: ${r.populationYear}, basin: ${JSON.stringify(r.basin)}, basinConfirmed: ${r.basinConfirmed}, ` +
    `exCej: ${r.exCej} },`,
);

const total = rows.reduce((s, r) => s + r.population, 0);
const text = `// GENERATED FILE, DO NOT EDIT. Regenerate with \`npm run communes:generate\` (scripts/generate-communes.mjs).
//
// The ${rows.length} member communes of the Communauté urbaine Creusot Montceau (EPCI SIREN ${EPCI_SIREN}),
// from ${PACKAGE} ${pkg.version} (data/epci.json, data/communes.json): INSEE code, official name,
// municipal population dated 1 January ${populationYear} (total ${total}).
// Default basins are a proxy, not an official list (U → nord, unconfirmed, for Saint-Eusèbe); they and
// the ex-CEJ flags are tables embedded in the script. Sorted by population descending, then name.

import type { Commune } from "./types";

export const COMMUNES_DATA: readonly Commune[] = [
${lines.join("\n")}
];
`;

writeFileSync(outFile, text, "utf8");
const byBasin = {};
for (const r of rows) {
  byBasin[r.basin] ??= { communes: 0, population: 0 };
  byBasin[r.basin].communes += 1;
  byBasin[r.basin].population += r.population;
}
console.log(
  `generate-communes: wrote ${relative(root, outFile)}: ${rows.length} communes, population ${populationYear} ` +
    `total ${total}; ` +
    Object.entries(byBasin)
      .map(([b, v]) => `${b} ${v.communes} communes / ${v.population}`)
      .join(", ") +
    ` (${PACKAGE} ${pkg.version}).`,
);
