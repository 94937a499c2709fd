// GENERATED FILE, DO NOT EDIT. Regenerate with `npm run communes:generate` (scripts/generate-communes.mjs).
//
// The 34 member communes of the Communauté urbaine Creusot Montceau (EPCI SIREN 247100290),
// from @etalab/decoupage-administratif 6.0.0 (data/epci.json, data/communes.json): INSEE code, official name,
// municipal population dated 1 January 2023 (total 90346).
// Default basins are a proxy, not an official list (U → nord, unconfirmed, for Saint-Eusèbe); they and
// the ex-CEJ flags are tables embedded in the script. Sorted by population descending, then name.

import type { Commune } from "./types";

export const COMMUNES_DATA: readonly Commune[] = [
  { insee: "71153", name: "Le Creusot", population: 20509, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: true },
  { insee: "71306", name: "Montceau-les-Mines", population: 17064, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: true },
  { insee: "71486", name: "Saint-Vallier", population: 8508, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: true },
  { insee: "71040", name: "Blanzy", population: 5955, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: true },
  { insee: "71310", name: "Montchanin", population: 4976, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: true },
  { insee: "71499", name: "Sanvignes-les-Mines", population: 4235, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: true },
  { insee: "71059", name: "Le Breuil", population: 3538, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: true },
  { insee: "71540", name: "Torcy", population: 2678, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: true },
  { insee: "71132", name: "Ciry-le-Noble", population: 2177, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: true },
  { insee: "71309", name: "Montcenis", population: 1923, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: false },
  { insee: "71479", name: "Saint-Sernin-du-Bois", population: 1734, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: false },
  { insee: "71187", name: "Écuisses", population: 1652, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: true },
  { insee: "71346", name: "Perrecy-les-Forges", population: 1542, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: true },
  { insee: "71212", name: "Génelard", population: 1394, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: true },
  { insee: "71282", name: "Marmagne", population: 1283, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: true },
  { insee: "71412", name: "Saint-Eusèbe", population: 1147, populationYear: 2023, basin: "nord", basinConfirmed: false, exCej: false },
  { insee: "71390", name: "Saint-Berain-sous-Sanvignes", population: 1102, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: false },
  { insee: "71436", name: "Saint-Laurent-d'Andenay", population: 961, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: false },
  { insee: "71356", name: "Pouilloux", population: 946, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: false },
  { insee: "71222", name: "Gourdon", population: 893, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: false },
  { insee: "71468", name: "Saint-Pierre-de-Varennes", population: 836, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: false },
  { insee: "71482", name: "Saint-Symphorien-de-Marmagne", population: 827, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: false },
  { insee: "71413", name: "Saint-Firmin", population: 773, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: false },
  { insee: "71347", name: "Perreuil", population: 550, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: false },
  { insee: "71191", name: "Essertenne", population: 483, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: false },
  { insee: "71477", name: "Saint-Romain-sous-Gourdon", population: 473, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: false },
  { insee: "71038", name: "Les Bizots", population: 471, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: false },
  { insee: "71320", name: "Mont-Saint-Vincent", population: 308, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: false },
  { insee: "71286", name: "Mary", population: 281, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: false },
  { insee: "71103", name: "Charmoy", population: 276, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: false },
  { insee: "71465", name: "Saint-Micaud", population: 269, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: false },
  { insee: "71435", name: "Saint-Julien-sur-Dheune", population: 226, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: false },
  { insee: "71321", name: "Morey", population: 190, populationYear: 2023, basin: "nord", basinConfirmed: true, exCej: false },
  { insee: "71278", name: "Marigny", population: 166, populationYear: 2023, basin: "sud", basinConfirmed: true, exCej: false },
];
