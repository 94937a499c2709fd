import type { AllocationKey, Basin, CafBase, Lang } from "../core/types";
import type { ReportSheetKind } from "./model";

/** Every word the report writes, in French and English. */
export interface ReportLabels {
  readonly sheetNames: Readonly<Record<ReportSheetKind, string>>;
  readonly basins: Readonly<Record<Basin, string>>;
  readonly keys: Readonly<Record<AllocationKey, string>>;
  /** The Caf base as the parameter cell holds it (`HT`, `TTC` in both languages: formulas compare to `TTC`). */
  readonly cafBases: Readonly<Record<CafBase, string>>;
  readonly yes: string;
  readonly no: string;
  readonly ok: string;
  readonly gap: string;
  readonly regenerate: string;
  readonly params: {
    readonly title: string;
    readonly subtitle: string;
    readonly header: readonly [string, string, string];
    readonly rows: Readonly<
      Record<"costHT" | "capHT" | "cafRate" | "vatRate" | "key" | "cafBase", readonly [string, string]>
    >;
    readonly amountError: string;
    readonly rateError: string;
    readonly keyError: string;
    readonly cafBaseError: string;
  };
  readonly communes: {
    readonly title: string;
    readonly note: string;
    readonly columns: readonly [string, string, string, string, string, string, string];
    readonly basinError: string;
    readonly yesNoError: string;
  };
  readonly synthesis: {
    readonly title: string;
    readonly source: (what: string, rows: number) => string;
    readonly insee: string;
    readonly commune: string;
    readonly basin: string;
    readonly total: string;
    readonly share: string;
    readonly basinTotal: (basin: string) => string;
    readonly grandTotal: string;
    readonly fundedCommunes: string;
    readonly noDomain: string;
    readonly textNote: string;
  };
  readonly engineering: {
    readonly title: string;
    readonly header: readonly [string, string, string];
    readonly rows: readonly [string, string][];
    /** Label and explanation of the Caf base and eligible TTC rows (below the ten figures). */
    readonly cafBaseRow: readonly [string, string];
    readonly eligibleTTCRow: readonly [string, string];
    readonly capWarning: string;
    readonly splitTitle: string;
    readonly splitHeader: readonly string[];
    readonly total: string;
  };
  readonly basinsSheet: {
    readonly title: string;
    readonly keyPrefix: string;
    readonly header: readonly string[];
    readonly total: string;
  };
  readonly scenariosSheet: {
    readonly title: string;
    readonly note: string;
    readonly communesTitle: string;
    readonly insee: string;
    readonly commune: string;
    readonly basin: string;
    readonly amountError: string;
    readonly rateError: string;
  };
  readonly comparison: {
    readonly title: string;
    readonly subtitle: string;
    readonly scenario: string;
    readonly paramsTitle: string;
    readonly params: Readonly<Record<"costHT" | "capHT" | "cafRate" | "vatRate" | "key" | "cafBase", string>>;
    readonly engineeringTitle: string;
    readonly engineering: Readonly<
      Record<"eligibleHT" | "eligibleTTC" | "caf" | "cuHT" | "vat" | "costTTC" | "cuTTC", string>
    >;
    readonly basinTitle: (basin: string) => string;
    readonly basin: Readonly<
      Record<
        "communes" | "population" | "cej" | "key" | "keyShare" | "cost" | "caf" | "vat" | "cuHT" | "cuTTC",
        string
      >
    >;
    readonly diffTitle: (first: string) => string;
    readonly diffEuros: (figure: string) => string;
    readonly diffPercent: (figure: string) => string;
    readonly helperTitle: string;
    readonly helperNote: string;
    readonly helperHeader: readonly [string, string, string, string, string];
    readonly helperBasin: (scenario: string) => string;
    readonly chartTitle: string;
    readonly chartSeries: (figure: "caf" | "cuTTC", basin: string) => string;
  };
  readonly checks: {
    readonly title: string;
    readonly allGreen: string;
    readonly notGreen: string;
    readonly header: readonly [string, string, string, string];
    readonly basinsFoot: string;
    readonly costFoot: string;
    readonly cafFoot: string;
    readonly vatFoot: string;
    readonly cafPlusCu: string;
    readonly inputFoot: string;
    readonly communesBasin: string;
    readonly scenariosFoot: string;
    readonly warningsTitle: string;
    readonly warningsHeader: readonly [string, string];
    readonly noWarnings: string;
    readonly stampTitle: string;
    readonly stamp: {
      readonly date: string;
      readonly version: string;
      readonly source: string;
      readonly rows: string;
      readonly hash: string;
    };
  };
  readonly footer: string;
  /** The comment of the name that holds the formulas' fingerprint. */
  readonly formulasKeyComment: string;
}

const FR: ReportLabels = {
  sheetNames: {
    parameters: "Paramètres CTG",
    communes: "Communes CTG",
    synthesis: "Synthèse CEJ",
    engineering: "Ingénierie CTG",
    basins: "Répartition bassins",
    checks: "Contrôles",
    scenarios: "Scénarios CTG",
    comparison: "Comparaison scénarios",
  },
  basins: { nord: "Nord", sud: "Sud" },
  keys: { cej: "CEJ", population: "Population", communes: "Communes", equal: "Parts égales" },
  cafBases: { ht: "HT", ttc: "TTC" },
  yes: "Oui",
  no: "Non",
  ok: "OK",
  gap: "Écart",
  regenerate: "À régénérer",
  params: {
    title: "Paramètres de la CTG",
    subtitle: "Modifiez les cellules jaunes : toutes les feuilles de synthèse se recalculent aussitôt.",
    header: ["Paramètre", "Valeur", "Explication"],
    rows: {
      costHT: [
        "Coût de la mission d'ingénierie (HT)",
        "Montant hors taxes de la mission d'élaboration des deux CTG (40 000 € HT au maximum).",
      ],
      capHT: [
        "Plafond HT subventionnable",
        "Base maximale sur laquelle la Caf calcule sa part ; au-delà, le surcoût reste à la charge de la CUCM.",
      ],
      cafRate: [
        "Taux de participation de la Caf",
        "Part de la base éligible HT prise en charge par la Caf (50 % : financement à parts égales avec la CUCM).",
      ],
      vatRate: [
        "Taux de TVA",
        "TVA de la mission : non récupérable sur une prestation de service, elle reste à la charge de la CUCM.",
      ],
      key: [
        "Clé de répartition entre bassins",
        "CEJ : au prorata des financements CEJ ; Population : des habitants ; Communes : du nombre de communes ; Parts égales : moitié-moitié.",
      ],
      cafBase: [
        "Base de calcul de la participation Caf",
        "HT : la Caf applique son taux à la base éligible hors taxes (délibération) ; TTC : à la base éligible TVA comprise (base HT + sa TVA arrondie au centime).",
      ],
    },
    amountError: "Saisissez un montant positif ou nul, en euros.",
    rateError: "Saisissez un taux entre 0 % et 100 %.",
    keyError: "Choisissez une clé dans la liste.",
    cafBaseError: "Choisissez HT ou TTC.",
  },
  communes: {
    title: "Communes de la CUCM et bassins de vie",
    note: "Bassins indicatifs (aucune liste officielle n'est publiée) : corrigez la colonne Bassin, toutes les synthèses suivent.",
    columns: [
      "Code INSEE",
      "Commune",
      "Bassin",
      "Population municipale",
      "Année de la population",
      "Bassin confirmé",
      "Ancien CEJ",
    ],
    basinError: "Choisissez Nord ou Sud.",
    yesNoError: "Choisissez Oui ou Non.",
  },
  synthesis: {
    title: "Synthèse des financements CEJ par commune",
    source: (what, rows) =>
      `Source : ${what}, ${rows} ligne${rows > 1 ? "s" : ""}. Montants en euros, recalculés en direct.`,
    insee: "Code INSEE",
    commune: "Commune",
    basin: "Bassin",
    total: "Total CEJ",
    share: "Part du total",
    basinTotal: (b) => `Total bassin ${b}`,
    grandTotal: "Total général",
    fundedCommunes: "Communes avec financement CEJ",
    noDomain: "Sans domaine",
    textNote:
      "Des montants saisis en texte sont ajoutés comme constantes : convertissez-les en nombres (voir Contrôles).",
  },
  engineering: {
    title: "Mission d'ingénierie CTG : coût et financement",
    header: ["Poste", "Montant", "Calcul"],
    rows: [
      ["Coût HT de la mission", "Paramètre"],
      ["Plafond HT subventionnable", "Paramètre"],
      ["Base éligible HT", "Le plus petit du coût HT et du plafond"],
      ["Taux de participation de la Caf", "Paramètre"],
      [
        "Participation de la Caf",
        "Base éligible (HT, ou TTC selon la base de calcul ci-dessous) × taux, arrondi au centime",
      ],
      ["Reste à charge CUCM (HT)", "Coût HT − participation Caf"],
      ["Taux de TVA", "Paramètre"],
      ["TVA", "Coût HT × taux de TVA, arrondi au centime"],
      ["Coût TTC de la mission", "Coût HT + TVA"],
      ["Reste à charge CUCM (TTC)", "Coût TTC − participation Caf"],
    ],
    cafBaseRow: ["Base de calcul de la participation Caf", "Paramètre : HT ou TTC"],
    eligibleTTCRow: [
      "Base éligible TTC",
      "Base éligible HT + TVA sur cette base arrondie au centime ; base de la Caf quand la base de calcul est TTC",
    ],
    capWarning:
      "Attention : le coût HT dépasse le plafond ; la Caf ne finance que le plafond et le surcoût reste à la charge de la CUCM.",
    splitTitle: "Répartition par bassin de vie",
    splitHeader: ["Bassin", "Coût HT", "Participation Caf", "CUCM HT", "TVA", "Coût TTC", "CUCM TTC"],
    total: "Total",
  },
  basinsSheet: {
    title: "Répartition entre les bassins de vie",
    keyPrefix: "Clé de répartition : ",
    header: [
      "Bassin",
      "Communes de référence",
      "Population",
      "Année de la population",
      "Total CEJ",
      "Part du CEJ",
      "Valeur de la clé",
      "Part de la clé",
      "Coût HT réparti",
      "Participation Caf",
      "CUCM HT",
      "TVA",
      "Coût TTC",
      "CUCM TTC",
    ],
    total: "Total",
  },
  scenariosSheet: {
    title: "Scénarios de la CTG",
    note: "Une colonne par scénario. Pour en ajouter un : copiez une colonne à droite, renommez-la, modifiez ses cellules, puis relancez la synthèse (la comparaison l'ajoutera). Une cellule de paramètre vide reprend « Paramètres CTG » ; une cellule de bassin vide reprend « Communes CTG ».",
    communesTitle: "Bassin de chaque commune dans le scénario (vide : celui de « Communes CTG »)",
    insee: "Code INSEE",
    commune: "Commune",
    basin: "Bassin",
    amountError: "Saisissez un montant positif ou nul, en euros, ou laissez vide.",
    rateError: "Saisissez un taux entre 0 % et 100 %, ou laissez vide.",
  },
  comparison: {
    title: "Comparaison des scénarios",
    subtitle:
      "Recalculée en direct depuis « Scénarios CTG », « Synthèse CEJ » et « Communes CTG » ; écarts par rapport au premier scénario.",
    scenario: "Scénario",
    paramsTitle: "Paramètres",
    params: {
      costHT: "Coût HT de la mission",
      capHT: "Plafond HT",
      cafRate: "Taux de la Caf",
      vatRate: "Taux de TVA",
      key: "Clé de répartition",
      cafBase: "Base de calcul de la Caf",
    },
    engineeringTitle: "Mission d'ingénierie",
    engineering: {
      eligibleHT: "Base éligible HT",
      eligibleTTC: "Base éligible TTC",
      caf: "Participation Caf",
      cuHT: "Reste à charge CUCM (HT)",
      vat: "TVA",
      costTTC: "Coût TTC",
      cuTTC: "Reste à charge CUCM (TTC)",
    },
    basinTitle: (b) => `Bassin ${b}`,
    basin: {
      communes: "Communes de référence",
      population: "Population",
      cej: "Total CEJ",
      key: "Valeur de la clé",
      keyShare: "Part de la clé",
      cost: "Coût HT réparti",
      caf: "Participation Caf",
      vat: "TVA",
      cuHT: "CUCM HT",
      cuTTC: "CUCM TTC",
    },
    diffTitle: (first) => `Écarts par rapport au premier scénario (« ${first} »)`,
    diffEuros: (f) => `${f} : écart en euros`,
    diffPercent: (f) => `${f} : écart en %`,
    helperTitle: "Calcul intermédiaire : bassin de chaque commune selon chaque scénario",
    helperNote:
      "Bassin du scénario s'il en donne un, sinon celui de « Communes CTG » ; population de « Communes CTG » ; total CEJ de « Synthèse CEJ ».",
    helperHeader: ["Code INSEE", "Commune", "Bassin (Communes CTG)", "Population", "Total CEJ"],
    helperBasin: (sc) => `Bassin : ${sc}`,
    chartTitle: "Participation Caf et reste à charge CUCM TTC par bassin",
    chartSeries: (f, b) => `${f === "caf" ? "Caf" : "CUCM TTC"} ${b}`,
  },
  checks: {
    title: "Contrôles",
    allGreen: "Tous les contrôles sont au vert.",
    notGreen: "Au moins un contrôle est en écart : voir le tableau ci-dessous.",
    header: ["Contrôle", "Valeur", "Attendu", "Statut"],
    basinsFoot: "Total CEJ des bassins = total général de la synthèse",
    costFoot: "Coût HT réparti entre bassins = coût HT",
    cafFoot: "Participation Caf répartie = participation Caf",
    vatFoot: "TVA répartie = TVA",
    cafPlusCu: "Participation Caf + CUCM HT = coût HT",
    inputFoot: "Montants de la table source = total de la synthèse (sinon : à régénérer)",
    communesBasin: "Communes de la synthèse rattachées à un bassin",
    scenariosFoot: "Scénarios nommés dans « Scénarios CTG » = scénarios comparés (sinon : à régénérer)",
    warningsTitle: "Avertissements de la lecture",
    warningsHeader: ["Cellule", "Message"],
    noWarnings: "Aucun avertissement.",
    stampTitle: "Génération",
    stamp: {
      date: "Date de génération",
      version: "Version de CTG Planner",
      source: "Table source",
      rows: "Lignes lues",
      hash: "Empreinte SHA-256 des valeurs lues",
    },
  },
  footer: "CTG Planner : Caf de Saône-et-Loire et CUCM",
  formulasKeyComment:
    "Empreinte des formules écrites par CTG Planner : le volet la compare au classeur pour dire si la synthèse est à jour. Ne pas modifier.",
};

const EN: ReportLabels = {
  sheetNames: {
    parameters: "CTG Parameters",
    communes: "CTG Communes",
    synthesis: "CEJ Summary",
    engineering: "CTG Engineering",
    basins: "Basin Allocation",
    checks: "Checks",
    scenarios: "CTG Scenarios",
    comparison: "Scenario comparison",
  },
  basins: { nord: "North", sud: "South" },
  keys: { cej: "CEJ", population: "Population", communes: "Communes", equal: "Equal shares" },
  cafBases: { ht: "HT", ttc: "TTC" },
  yes: "Yes",
  no: "No",
  ok: "OK",
  gap: "Mismatch",
  regenerate: "Regenerate",
  params: {
    title: "CTG parameters",
    subtitle: "Edit the yellow cells: every summary sheet recalculates at once.",
    header: ["Parameter", "Value", "Explanation"],
    rows: {
      costHT: [
        "Engineering mission cost (excl. VAT)",
        "Cost excluding VAT of the mission that drafts both CTGs (at most €40,000).",
      ],
      capHT: [
        "Eligible cap (excl. VAT)",
        "Largest base on which the Caf computes its share; the CUCM bears any cost above it.",
      ],
      cafRate: [
        "Caf share rate",
        "Share of the eligible base the Caf pays (50%: equal funding with the CUCM).",
      ],
      vatRate: ["VAT rate", "VAT on the mission: not recoverable on a service, so the CUCM bears it."],
      key: [
        "Basin allocation key",
        "CEJ: in proportion to CEJ funding; Population: to inhabitants; Communes: to the number of communes; Equal shares: half each.",
      ],
      cafBase: [
        "Base of the Caf share",
        "HT: the Caf applies its rate to the eligible base excl. VAT (the council's decision); TTC: to the eligible base incl. VAT (base excl. VAT + its VAT rounded to the cent).",
      ],
    },
    amountError: "Enter an amount in euros, zero or more.",
    rateError: "Enter a rate between 0% and 100%.",
    keyError: "Choose a key from the list.",
    cafBaseError: "Choose HT (excl. VAT) or TTC (incl. VAT).",
  },
  communes: {
    title: "CUCM communes and basins",
    note: "Indicative basins (no official list is published): correct the Basin column and every summary follows.",
    columns: [
      "INSEE code",
      "Commune",
      "Basin",
      "Municipal population",
      "Population year",
      "Basin confirmed",
      "Former CEJ",
    ],
    basinError: "Choose North or South.",
    yesNoError: "Choose Yes or No.",
  },
  synthesis: {
    title: "CEJ funding by commune",
    source: (what, rows) =>
      `Source: ${what}, ${rows} row${rows > 1 ? "s" : ""}. Amounts in euros, recalculated live.`,
    insee: "INSEE code",
    commune: "Commune",
    basin: "Basin",
    total: "CEJ total",
    share: "Share of total",
    basinTotal: (b) => `${b} basin total`,
    grandTotal: "Grand total",
    fundedCommunes: "Communes with CEJ funding",
    noDomain: "No domain",
    textNote: "Amounts written as text are added as constants: convert them to numbers (see Checks).",
  },
  engineering: {
    title: "CTG engineering mission: cost and funding",
    header: ["Item", "Amount", "Calculation"],
    rows: [
      ["Mission cost excl. VAT", "Parameter"],
      ["Eligible cap excl. VAT", "Parameter"],
      ["Eligible base excl. VAT", "The smaller of cost and cap"],
      ["Caf share rate", "Parameter"],
      [
        "Caf share",
        "Eligible base (excl. VAT, or incl. VAT as the base below says) × rate, rounded to the cent",
      ],
      ["CUCM share excl. VAT", "Cost excl. VAT − Caf share"],
      ["VAT rate", "Parameter"],
      ["VAT", "Cost excl. VAT × VAT rate, rounded to the cent"],
      ["Mission cost incl. VAT", "Cost excl. VAT + VAT"],
      ["CUCM share incl. VAT", "Cost incl. VAT − Caf share"],
    ],
    cafBaseRow: ["Base of the Caf share", "Parameter: HT (excl. VAT) or TTC (incl. VAT)"],
    eligibleTTCRow: [
      "Eligible base incl. VAT",
      "Eligible base excl. VAT + the VAT on it rounded to the cent; the Caf's base when the base is TTC",
    ],
    capWarning:
      "Warning: the cost exceeds the cap; the Caf funds only the cap and the CUCM bears the excess.",
    splitTitle: "Split by basin",
    splitHeader: [
      "Basin",
      "Cost excl. VAT",
      "Caf share",
      "CUCM excl. VAT",
      "VAT",
      "Cost incl. VAT",
      "CUCM incl. VAT",
    ],
    total: "Total",
  },
  basinsSheet: {
    title: "Allocation between the basins",
    keyPrefix: "Allocation key: ",
    header: [
      "Basin",
      "Reference communes",
      "Population",
      "Population year",
      "CEJ total",
      "CEJ share",
      "Key value",
      "Key share",
      "Allocated cost excl. VAT",
      "Caf share",
      "CUCM excl. VAT",
      "VAT",
      "Cost incl. VAT",
      "CUCM incl. VAT",
    ],
    total: "Total",
  },
  scenariosSheet: {
    title: "CTG scenarios",
    note: 'One column per scenario. To add one: copy a column to the right, rename it, edit its cells, then run the summary again (the comparison will add it). A blank parameter cell takes "CTG Parameters"; a blank basin cell takes "CTG Communes".',
    communesTitle: 'Basin of each commune in the scenario (blank: the one in "CTG Communes")',
    insee: "INSEE code",
    commune: "Commune",
    basin: "Basin",
    amountError: "Enter an amount in euros, zero or more, or leave blank.",
    rateError: "Enter a rate between 0% and 100%, or leave blank.",
  },
  comparison: {
    title: "Scenario comparison",
    subtitle:
      'Recalculated live from "CTG Scenarios", "CEJ Summary" and "CTG Communes"; differences against the first scenario.',
    scenario: "Scenario",
    paramsTitle: "Parameters",
    params: {
      costHT: "Mission cost excl. VAT",
      capHT: "Cap excl. VAT",
      cafRate: "Caf rate",
      vatRate: "VAT rate",
      key: "Allocation key",
      cafBase: "Base of the Caf share",
    },
    engineeringTitle: "Engineering mission",
    engineering: {
      eligibleHT: "Eligible base excl. VAT",
      eligibleTTC: "Eligible base incl. VAT",
      caf: "Caf share",
      cuHT: "CUCM share excl. VAT",
      vat: "VAT",
      costTTC: "Cost incl. VAT",
      cuTTC: "CUCM share incl. VAT",
    },
    basinTitle: (b) => `${b} basin`,
    basin: {
      communes: "Reference communes",
      population: "Population",
      cej: "CEJ total",
      key: "Key value",
      keyShare: "Key share",
      cost: "Allocated cost excl. VAT",
      caf: "Caf share",
      vat: "VAT",
      cuHT: "CUCM excl. VAT",
      cuTTC: "CUCM incl. VAT",
    },
    diffTitle: (first) => `Differences against the first scenario ("${first}")`,
    diffEuros: (f) => `${f}: difference in euros`,
    diffPercent: (f) => `${f}: difference in %`,
    helperTitle: "Working: basin of each commune under each scenario",
    helperNote:
      'The scenario\'s basin when it gives one, else the one in "CTG Communes"; population from "CTG Communes"; CEJ total from "CEJ Summary".',
    helperHeader: ["INSEE code", "Commune", "Basin (CTG Communes)", "Population", "CEJ total"],
    helperBasin: (sc) => `Basin: ${sc}`,
    chartTitle: "Caf share and CUCM share incl. VAT by basin",
    chartSeries: (f, b) => `${f === "caf" ? "Caf" : "CUCM incl. VAT"} ${b}`,
  },
  checks: {
    title: "Checks",
    allGreen: "Every check is green.",
    notGreen: "At least one check shows a mismatch: see the table below.",
    header: ["Check", "Value", "Expected", "Status"],
    basinsFoot: "Basins' CEJ total = summary grand total",
    costFoot: "Cost allocated to basins = cost excl. VAT",
    cafFoot: "Caf share allocated = Caf share",
    vatFoot: "VAT allocated = VAT",
    cafPlusCu: "Caf share + CUCM excl. VAT = cost excl. VAT",
    inputFoot: "Source table amounts = summary total (otherwise: regenerate)",
    communesBasin: "Summary communes assigned to a basin",
    scenariosFoot: 'Scenarios named on "CTG Scenarios" = scenarios compared (otherwise: regenerate)',
    warningsTitle: "Warnings from reading",
    warningsHeader: ["Cell", "Message"],
    noWarnings: "No warnings.",
    stampTitle: "Generation",
    stamp: {
      date: "Generated on",
      version: "CTG Planner version",
      source: "Source table",
      rows: "Rows read",
      hash: "SHA-256 of the values read",
    },
  },
  footer: "CTG Planner: Caf de Saône-et-Loire and CUCM",
  formulasKeyComment:
    "Fingerprint of the formulas CTG Planner wrote: the pane compares it with the workbook to tell whether the summary is up to date. Do not edit.",
};

/**
 * @param lang - the language
 * @returns the report's words in that language
 */
export function reportLabels(lang: Lang): ReportLabels {
  return lang === "fr" ? FR : EN;
}
