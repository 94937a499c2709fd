/**
 * Every word the task pane shows, in French (the default) and English. Issue sentences are in
 * messages.ts (formatIssue), the one place issue codes become sentences.
 */

import type { Lang, PlanParamName } from "../core";
/*
 * The codes the pane phrases that the engine does not define: the adapters emit them. They are
 * spelled here because this folder imports nothing above src/core; src/taskpane/i18n.ts checks at
 * compile time that they are the same sets as the emitters' (taskpane/host.ts, workbook/xlsx/package.ts).
 */

/** Why a file could not be opened as a workbook (WorkbookFileErrorReason). */
export type FileErrorReason = "not-a-zip" | "encrypted" | "not-a-workbook" | "corrupt";

/** A step of a generation (the pane's GenerateStep). */
export type GenerateStepKey =
  | "prepare"
  | "sheet"
  | "save"
  | "delete"
  | "sheets"
  | "values"
  | "tables"
  | "names"
  | "formulas"
  | "formats"
  | "layout"
  | "chart"
  | "done";

/** A feature an older Excel lacks (the pane's ExcelLack). */
export type ExcelLackKey = "dropDowns" | "pageLayout" | "charts" | "chartAxisFormat";

/** French: singular for 0 and 1 ("0 erreur"); English: singular for 1 only ("0 errors"). */
const pluralFr = (n: number, one: string, many: string): string => (Math.abs(n) >= 2 ? many : one);
const pluralEn = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/**
 * A whole number with the language's grouping: a narrow no-break space in French (as Intl's fr-FR),
 * a comma in English. Not toLocaleString: its first call loads the locale data (tens of ms at start).
 */
function count(n: number, lang: Lang): string {
  const digits = Math.abs(Math.trunc(n))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === "fr" ? "\u202F" : ",");
  return n < 0 ? `-${digits}` : digits;
}

const LACKS_FR: Record<ExcelLackKey, string> = {
  dropDowns: "les listes déroulantes (les valeurs admises sont écrites sous chaque feuille)",
  pageLayout: "la mise en page d’impression",
  charts: "les graphiques",
  chartAxisFormat: "le format des axes des graphiques",
};

const LACKS_EN: Record<ExcelLackKey, string> = {
  dropDowns: "drop-down lists (the allowed values are written below each sheet)",
  pageLayout: "print page setup",
  charts: "charts",
  chartAxisFormat: "chart axis formats",
};

const FR = {
  appTitle: "CTG Planner",
  appSubtitle:
    "Totaux CEJ, partage de l'ingénierie entre la Caf et la CUCM, et répartition entre les bassins nord et sud.",
  loading: "Chargement du volet…",
  startFailed: (message: string) => `Le volet n'a pas pu démarrer : ${message}`,
  connecting: "Connexion à Excel…",
  connectStalled:
    "Excel ne répond pas encore. Patientez quelques secondes ; sinon, rechargez le complément : fermez ce volet et rouvrez-le (onglet Accueil › Synthèse CTG). S'il reste bloqué, fermez le classeur et rouvrez-le.",
  officeFailed:
    "Le volet ne parvient pas à se connecter à Excel (la bibliothèque Office.js de Microsoft n'a pas répondu). Vérifiez la connexion à Internet, puis rechargez le complément : fermez ce volet et rouvrez-le (onglet Accueil › Synthèse CTG). Aucun chiffre n'est affiché tant qu'Excel n'est pas connecté.",
  notExcel: (host: string) =>
    `Ce complément fonctionne dans Excel ; il a été ouvert dans ${host}. Ouvrez un classeur dans Excel et lancez-le depuis l'onglet Accueil › Synthèse CTG.`,
  languageGroup: "Langue du volet",
  modeFile: "Mode navigateur : le classeur est lu et écrit dans cette page, sans Excel.",
  modeExcel: "Connecté à Excel.",
  workbookLabel: "Classeur\u00A0:",
  demoBadge: "Démonstration (montants fictifs)",
  openFile: "Ouvrir un classeur .xlsx…",
  openFileHint: "Le fichier reste sur cet ordinateur : il n'est envoyé nulle part.",
  openDemo: "Revenir à la démonstration",
  opening: "Ouverture du classeur…",
  opened: (name: string) => `Classeur « ${name} » ouvert.`,
  fileErrors: {
    "not-a-zip":
      "Ce fichier n'est pas un classeur .xlsx (un ancien .xls ?) : enregistrez-le au format .xlsx dans Excel, puis ouvrez-le ici.",
    encrypted:
      "Ce classeur est protégé par un mot de passe : enregistrez-en une copie sans mot de passe, puis ouvrez-la ici.",
    "not-a-workbook": "Ce fichier n'est pas un classeur Excel : choisissez un fichier .xlsx.",
    corrupt:
      "Ce classeur est endommagé : ouvrez-le dans Excel, enregistrez-le à nouveau, puis ouvrez-le ici.",
  } satisfies Record<FileErrorReason, string>,
  fileErrorTitle: "Classeur illisible",
  noInput:
    "Aucune feuille à lire dans ce classeur : ajoutez une feuille avec le tableau des financements (Commune, Montant).",
  readFailed: (message: string) => `Lecture impossible : ${message}`,
  sections: {
    input: "Données",
    params: "Paramètres",
    check: "Contrôle",
    preview: "Aperçu",
    scenarios: "Scénarios",
    generate: "Génération",
    bonus: "Bonus territoire",
  },
  scenariosIntro:
    "Les scénarios sont gardés dans la feuille « Scénarios CTG » du classeur et comparés en direct dans « Comparaison scénarios ».",
  scenariosNone: "Le classeur n'a pas encore de scénario : la génération écrira « Paramètres actuels ».",
  scenarioListLabel: "Scénarios du classeur",
  scenarioFirst: "référence de la comparaison",
  scenarioNew: "nouveau",
  scenarioRenamed: (from: string) => `renommé (était « ${from} »)`,
  scenarioFigures: (cuTTC: string, caf: string) => `CUCM TTC ${cuTTC} · Caf ${caf}`,
  scenarioDiff: (euros: string, percent: string) => `${euros} (${percent}) par rapport au premier`,
  scenarioMoves: (names: string) => `Change de bassin : ${names}`,
  scenarioKey: (key: string, base: string) => `Clé ${key}, Caf sur le coût ${base}`,
  scenarioApply: "Appliquer",
  scenarioApplyLabel: (name: string) => `Appliquer le scénario « ${name} »`,
  scenarioRename: "Renommer",
  scenarioRenameLabel: (name: string) => `Renommer le scénario « ${name} »`,
  scenarioDelete: "Supprimer",
  scenarioDeleteLabel: (name: string) => `Supprimer le scénario « ${name} »`,
  scenarioLastOne: "Un classeur garde au moins un scénario.",
  scenarioNewName: "Nouveau nom",
  scenarioRenameOk: "Valider",
  scenarioCancel: "Annuler",
  scenarioSaveTitle: "Enregistrer les paramètres actuels comme scénario",
  scenarioName: "Nom du scénario",
  scenarioNote: "Note de l'auteur (facultatif)",
  scenarioSave: "Enregistrer comme scénario",
  scenarioNameEmpty: "Donnez un nom au scénario.",
  scenarioNameTaken: (name: string) => `Un scénario s'appelle déjà « ${name} » : choisissez un autre nom.`,
  scenarioNameTooLong: "255 caractères au plus.",
  scenarioSaveBlocked: "Corrigez d'abord les erreurs : un scénario enregistre des paramètres valides.",
  scenarioPending: (n: number) =>
    `${n} ${pluralFr(n, "modification de scénario", "modifications de scénarios")} à écrire : la génération (étape 6) ${n >= 2 ? "les écrit" : "l'écrit"} dans « Scénarios CTG ».`,
  scenarioUndo: "Annuler les modifications",
  scenarioSaved: (name: string) => `Scénario « ${name} » ajouté : la génération l'écrira.`,
  scenarioRenamedNote: (from: string, to: string) => `Scénario « ${from} » renommé en « ${to} ».`,
  scenarioDeleted: (name: string) => `Scénario « ${name} » supprimé : la génération l'enlèvera du classeur.`,
  applyTitle: (name: string) => `Appliquer « ${name} »\u00A0?`,
  applyBody:
    "Les paramètres du volet prennent les valeurs du scénario ; l'aperçu les montre aussitôt. La prochaine génération les écrit dans « Paramètres CTG » et remplace les valeurs actuelles.",
  applyMoves: (names: string) =>
    `Communes placées dans le bassin du scénario (écrit dans « Communes CTG ») : ${names}.`,
  applyConfirm: "Appliquer",
  applied: (name: string) =>
    `Scénario « ${name} » appliqué aux paramètres du volet : générez pour l'écrire dans le classeur.`,
  summaryStale:
    "La synthèse du classeur n'est plus à jour : les données ont changé d'une façon que ses formules ne suivent pas (nouvelle orthographe de commune, nouveau domaine ou nouvelle année, scénario ajouté…). Générez-la de nouveau.",
  summaryStaleTitle: "Synthèse à régénérer",
  summaryLive: "La synthèse du classeur est à jour : ses formules suivent vos saisies.",
  following: "Le volet suit les modifications du classeur.",
  inputSource: "Tableau des financements",
  inputSourceHint: "Détecté automatiquement ; choisissez-en un autre si besoin.",
  tableOption: (name: string, sheet: string) =>
    name === sheet ? `Tableau « ${name} »` : `Tableau « ${name} » (feuille ${sheet})`,
  sheetOption: (sheet: string) => `Feuille « ${sheet} »`,
  selectionOption: "Plage sélectionnée dans Excel",
  reread: "Relire le classeur",
  rowsRead: (rows: number) => `${count(rows, "fr")} ${pluralFr(rows, "ligne lue", "lignes lues")}`,
  mappingTitle: "Correspondance des colonnes",
  mappingHint: "La colonne qui contient chaque information ; les calculs suivent aussitôt.",
  noColumn: "Aucune colonne",
  column: (letter: string, header: string) => (header === "" ? `Colonne ${letter}` : `${letter} : ${header}`),
  required: "obligatoire",
  paramLabels: {
    costHT: "Coût de la mission (€\u00A0HT)",
    capHT: "Plafond subventionnable (€\u00A0HT)",
    cafRate: "Taux de la Caf (%)",
    vatRate: "Taux de TVA (%)",
    key: "Clé de répartition entre bassins",
    cafBase: "Base de la part Caf",
  } satisfies Record<PlanParamName, string>,
  cafBases: { ht: "HT (par défaut)", ttc: "TTC" },
  cafBaseShort: { ht: "HT", ttc: "TTC" },
  paramsFromWorkbook: (sheet: string) =>
    `Valeurs lues dans la feuille « ${sheet} » du classeur ; vos modifications ici priment.`,
  paramsDefault: "Valeurs de la délibération : 40 000 € HT au plus, Caf 50 %, TVA 20 %, clé CEJ.",
  paramsReset: "Rétablir les valeurs d'origine",
  paneCells: {
    costHT: "Volet : coût HT",
    capHT: "Volet : plafond HT",
    cafRate: "Volet : taux Caf",
    vatRate: "Volet : taux de TVA",
    key: "Volet : clé de répartition",
    cafBase: "Volet : base Caf",
  } satisfies Record<PlanParamName, string>,
  errorsBadge: (n: number) => `${n} ${pluralFr(n, "erreur", "erreurs")}`,
  warningsBadge: (n: number) => `${n} ${pluralFr(n, "avertissement", "avertissements")}`,
  noIssues: "Aucune erreur, aucun avertissement : tout est prêt.",
  errorsHeading: "Erreurs à corriger",
  warningsHeading: "Avertissements",
  goToCell: (cell: string) => `Aller à la cellule ${cell}`,
  goToField: (field: string) => `Aller au champ ${field}`,
  seeAlso: "voir aussi",
  cellNoteFile: (cell: string) =>
    `Mode navigateur : corrigez la cellule ${cell} dans votre classeur (Excel ou LibreOffice), puis ouvrez-le de nouveau ici.`,
  cellSelected: (cell: string) => `Cellule ${cell} sélectionnée dans Excel.`,
  showAll: (n: number) => `Afficher les ${n}`,
  previewUnavailable: "Corrigez les erreurs pour voir l'aperçu.",
  totalCej: "Total CEJ",
  fundedSummary: (communes: number, rows: number) =>
    `${communes} ${pluralFr(communes, "commune financée", "communes financées")}, ${count(rows, "fr")} ${pluralFr(rows, "ligne", "lignes")}`,
  basinsTitle: "Par bassin",
  basinsCaption: (key: string) => `Répartition par bassin, clé : ${key}`,
  figure: "Montant",
  basinRows: {
    cejTotal: "Total CEJ",
    keyShare: "Part de la clé",
    costHT: "Coût HT réparti",
    caf: "Participation Caf",
    cuTTC: "Reste à charge CUCM TTC",
  },
  engineeringTitle: "Mission d'ingénierie",
  engineeringRows: {
    costHT: "Coût HT",
    capHT: "Plafond HT",
    eligibleHT: "Base éligible HT",
    caf: (rate: string) => `Participation Caf (${rate})`,
    cuHT: "Reste à charge CUCM HT",
    vat: (rate: string) => `TVA (${rate})`,
    costTTC: "Coût TTC",
    cuTTC: "Reste à charge CUCM TTC",
  },
  capExceeded: "Le coût dépasse le plafond : la Caf ne finance que le plafond.",
  chartTitle: "Participation Caf et reste à charge CUCM TTC par bassin",
  chartDesc: (parts: readonly string[]) => `Diagramme en barres. ${parts.join(" ; ")}.`,
  chartBasinDesc: (basin: string, caf: string, cu: string) => `Bassin ${basin} : Caf ${caf}, CUCM TTC ${cu}`,
  chartCaf: "Caf",
  chartCu: "CUCM TTC",
  chartBasin: (basin: string) => `Bassin ${basin}`,
  generateButton: "Générer les feuilles de synthèse",
  generateHint:
    "Ajoute au classeur les feuilles de synthèse, aux formules vivantes (Paramètres CTG, Synthèse CEJ, Contrôles…) ; celles d'une génération précédente sont remplacées.",
  blockedNote: "Corrigez d'abord les erreurs : rien n'est écrit tant qu'il en reste.",
  ackLabel: "J'ai lu les avertissements",
  ackNote: "Les avertissements n'empêchent pas l'écriture : ils sont recopiés dans la feuille Contrôles.",
  ackNeeded: "Cochez « J'ai lu les avertissements » pour générer.",
  progressLabel: "Progression de la génération",
  steps: {
    prepare: "Préparation du classeur",
    sheet: "Écriture des feuilles de synthèse",
    save: "Enregistrement du classeur",
    delete: "Suppression des feuilles de la génération précédente",
    sheets: "Création des feuilles",
    values: "Écriture des valeurs",
    tables: "Création des tableaux",
    names: "Création des noms",
    formulas: "Écriture des formules",
    formats: "Mise en forme",
    layout: "Mise en page",
    chart: "Graphiques",
    done: "Terminé",
  } satisfies Record<GenerateStepKey, string>,
  stepSheet: (sheet: string) => `Écriture de la feuille « ${sheet} »`,
  stepOf: (step: string, done: number, total: number) =>
    `${step} (étape ${Math.min(done + 1, total)} sur ${total})`,
  successTitle: "Feuilles de synthèse écrites",
  successExcel: "Cliquez sur une feuille pour l'afficher :",
  successFile: "Elles sont dans le classeur à télécharger :",
  download: "Télécharger le classeur",
  manualCalculation:
    "Le classeur est en calcul manuel : appuyez sur F9 pour afficher les valeurs des formules.",
  lacking: (items: readonly ExcelLackKey[]) =>
    `Cette version d’Excel ne permet pas ${items.map((i) => LACKS_FR[i]).join(", ")} : le reste est écrit. Une version plus récente d’Excel (2021, Microsoft 365 ou Excel sur le web) les ajoute.`,
  downloadAs: (name: string) => `Fichier ${name}`,
  sheetInFile: (name: string) =>
    `La feuille « ${name} » est dans le classeur téléchargé : ouvrez-le dans Excel.`,
  sheetShown: (name: string) => `Feuille « ${name} » affichée.`,
  failedTitle: "La génération a échoué",
  failed: (message: string) => `Rien n'a été écrit. Détail : ${message}`,
  interruptedTitle: "Génération interrompue : relancez",
  interrupted: (message: string) =>
    `Excel s'est arrêté en cours d'écriture : la synthèse est marquée incomplète (la feuille « Contrôles » n'est pas au vert). Relancez la génération pour la compléter. Détail : ${message}`,
  incompleteTitle: "Génération interrompue : relancez",
  incomplete:
    "La dernière génération s'est arrêtée avant la fin : la synthèse du classeur est incomplète. Relancez la génération.",
  changedTitle: "Le classeur a changé",
  changed:
    "Le classeur a été modifié depuis la dernière lecture et contient maintenant des erreurs : rien n'a été écrit. Corrigez-les (étape 3), puis relancez.",
  conflictsTitle: "Modifié dans le classeur et dans le volet",
  conflictsIntro:
    "Ces valeurs ont changé dans le classeur depuis la dernière lecture, et vous les avez aussi modifiées ici. Choisissez celle à garder pour chacune : rien n'est écrit avant.",
  conflictParam: (label: string, cell: string) => (cell === "" ? label : `${label} (${cell})`),
  conflictBasin: (commune: string, cell: string) =>
    cell === "" ? `Bassin de ${commune}` : `Bassin de ${commune} (${cell})`,
  conflictScenario: (name: string) => `Scénario « ${name} »`,
  conflictKeepWorkbook: (value: string) => `Garder le classeur : ${value}`,
  conflictKeepPane: (value: string) => `Garder le volet : ${value}`,
  conflictAbsent: "supprimé",
  conflictScenarioWorkbook: "sa colonne telle qu'elle est dans « Scénarios CTG »",
  conflictScenarioEdit: (kind: "add" | "rename" | "delete", detail: string) =>
    kind === "add"
      ? `l'enregistrer (${detail})`
      : kind === "rename"
        ? `le renommer en « ${detail} »`
        : "le supprimer",
  conflictsGenerate: "Générer avec ces choix",
  conflictsCancel: "Annuler",
  conflictsPending: (n: number) => `${n} ${pluralFr(n, "choix reste", "choix restent")} à faire.`,
};

export type UiText = typeof FR;

const EN: UiText = {
  appTitle: "CTG Planner",
  appSubtitle:
    "CEJ totals, the engineering split between the Caf and the CUCM, and the allocation to the north and south basins.",
  loading: "Loading the pane…",
  startFailed: (message) => `The pane could not start: ${message}`,
  connecting: "Connecting to Excel…",
  connectStalled:
    "Excel is not answering yet. Wait a few seconds; otherwise reload the add-in: close this pane and open it again (Home tab › CTG summary). If it stays stuck, close the workbook and open it again.",
  officeFailed:
    "The pane cannot connect to Excel (Microsoft's Office.js library did not answer). Check the Internet connection, then reload the add-in: close this pane and open it again (Home tab › CTG summary). No figures are shown until Excel is connected.",
  notExcel: (host) =>
    `This add-in works in Excel; it was opened in ${host}. Open a workbook in Excel and start it from the Home tab › CTG summary.`,
  languageGroup: "Pane language",
  modeFile: "Browser mode: the workbook is read and written in this page, without Excel.",
  modeExcel: "Connected to Excel.",
  workbookLabel: "Workbook:",
  demoBadge: "Demo (made-up amounts)",
  openFile: "Open an .xlsx workbook…",
  openFileHint: "The file stays on this computer: it is sent nowhere.",
  openDemo: "Back to the demo",
  opening: "Opening the workbook…",
  opened: (name) => `Workbook "${name}" opened.`,
  fileErrors: {
    "not-a-zip":
      "This file is not an .xlsx workbook (an old .xls?): save it as .xlsx in Excel, then open it here.",
    encrypted: "This workbook is password-protected: save a copy without a password, then open it here.",
    "not-a-workbook": "This file is not an Excel workbook: choose an .xlsx file.",
    corrupt: "This workbook is damaged: open it in Excel, save it again, then open it here.",
  },
  fileErrorTitle: "Unreadable workbook",
  noInput: "No sheet to read in this workbook: add a sheet with the funding table (Commune, Amount).",
  readFailed: (message) => `Cannot read: ${message}`,
  sections: {
    input: "Data",
    params: "Parameters",
    check: "Check",
    preview: "Preview",
    scenarios: "Scenarios",
    generate: "Generate",
    bonus: "Bonus territoire",
  },
  scenariosIntro:
    'Scenarios are kept on the workbook\'s "CTG Scenarios" sheet and compared live on "Scenario comparison".',
  scenariosNone: 'The workbook has no scenario yet: generating writes "Current parameters".',
  scenarioListLabel: "The workbook's scenarios",
  scenarioFirst: "baseline of the comparison",
  scenarioNew: "new",
  scenarioRenamed: (from) => `renamed (was "${from}")`,
  scenarioFigures: (cuTTC, caf) => `CUCM incl. VAT ${cuTTC} · Caf ${caf}`,
  scenarioDiff: (euros, percent) => `${euros} (${percent}) against the first`,
  scenarioMoves: (names) => `Moves basin: ${names}`,
  scenarioKey: (key, base) => `Key ${key}, Caf on the cost ${base}`,
  scenarioApply: "Apply",
  scenarioApplyLabel: (name) => `Apply scenario "${name}"`,
  scenarioRename: "Rename",
  scenarioRenameLabel: (name) => `Rename scenario "${name}"`,
  scenarioDelete: "Delete",
  scenarioDeleteLabel: (name) => `Delete scenario "${name}"`,
  scenarioLastOne: "A workbook keeps at least one scenario.",
  scenarioNewName: "New name",
  scenarioRenameOk: "OK",
  scenarioCancel: "Cancel",
  scenarioSaveTitle: "Save the current parameters as a scenario",
  scenarioName: "Scenario name",
  scenarioNote: "Author's note (optional)",
  scenarioSave: "Save as a scenario",
  scenarioNameEmpty: "Give the scenario a name.",
  scenarioNameTaken: (name) => `A scenario is already called "${name}": choose another name.`,
  scenarioNameTooLong: "255 characters at most.",
  scenarioSaveBlocked: "Fix the errors first: a scenario saves valid parameters.",
  scenarioPending: (n) =>
    `${n} scenario ${pluralEn(n, "change", "changes")} to write: generating (step 6) writes ${n === 1 ? "it" : "them"} on "CTG Scenarios".`,
  scenarioUndo: "Undo the changes",
  scenarioSaved: (name) => `Scenario "${name}" added: generating writes it.`,
  scenarioRenamedNote: (from, to) => `Scenario "${from}" renamed "${to}".`,
  scenarioDeleted: (name) => `Scenario "${name}" deleted: generating removes it from the workbook.`,
  applyTitle: (name) => `Apply "${name}"?`,
  applyBody:
    "The pane's parameters take the scenario's values; the preview shows them at once. The next generation writes them on \"CTG Parameters\", replacing the current values.",
  applyMoves: (names) => `Communes placed in the scenario's basin (written on "CTG Communes"): ${names}.`,
  applyConfirm: "Apply",
  applied: (name) =>
    `Scenario "${name}" applied to the pane's parameters: generate to write it into the workbook.`,
  summaryStale:
    "The workbook's summary is out of date: the data changed in a way its formulas do not follow (a new spelling of a commune, a new domain or year, a scenario added…). Generate it again.",
  summaryStaleTitle: "Summary to regenerate",
  summaryLive: "The workbook's summary is up to date: its formulas follow your edits.",
  following: "The pane follows the workbook's edits.",
  inputSource: "Funding table",
  inputSourceHint: "Detected automatically; choose another one if needed.",
  tableOption: (name, sheet) => (name === sheet ? `Table "${name}"` : `Table "${name}" (sheet ${sheet})`),
  sheetOption: (sheet) => `Sheet "${sheet}"`,
  selectionOption: "Range selected in Excel",
  reread: "Read the workbook again",
  rowsRead: (rows) => `${count(rows, "en")} ${pluralEn(rows, "row read", "rows read")}`,
  mappingTitle: "Column mapping",
  mappingHint: "The column that holds each piece of information; the figures follow at once.",
  noColumn: "No column",
  column: (letter, header) => (header === "" ? `Column ${letter}` : `${letter}: ${header}`),
  required: "required",
  paramLabels: {
    costHT: "Mission cost (€\u00A0excl.\u00A0VAT)",
    capHT: "Eligible cap (€\u00A0excl.\u00A0VAT)",
    cafRate: "Caf rate (%)",
    vatRate: "VAT rate (%)",
    key: "Basin allocation key",
    cafBase: "Base of the Caf share",
  },
  cafBases: { ht: "Excl. VAT (default)", ttc: "Incl. VAT" },
  cafBaseShort: { ht: "excl. VAT", ttc: "incl. VAT" },
  paramsFromWorkbook: (sheet) =>
    `Values read from the workbook's "${sheet}" sheet; your changes here take precedence.`,
  paramsDefault: "The council's values: at most €40,000 excl. VAT, Caf 50%, VAT 20%, CEJ key.",
  paramsReset: "Restore the original values",
  paneCells: {
    costHT: "Pane: cost excl. VAT",
    capHT: "Pane: cap excl. VAT",
    cafRate: "Pane: Caf rate",
    vatRate: "Pane: VAT rate",
    key: "Pane: allocation key",
    cafBase: "Pane: Caf base",
  },
  errorsBadge: (n) => `${n} ${pluralEn(n, "error", "errors")}`,
  warningsBadge: (n) => `${n} ${pluralEn(n, "warning", "warnings")}`,
  noIssues: "No errors, no warnings: all set.",
  errorsHeading: "Errors to fix",
  warningsHeading: "Warnings",
  goToCell: (cell) => `Go to cell ${cell}`,
  goToField: (field) => `Go to field ${field}`,
  seeAlso: "see also",
  cellNoteFile: (cell) =>
    `Browser mode: fix cell ${cell} in your workbook (Excel or LibreOffice), then open it here again.`,
  cellSelected: (cell) => `Cell ${cell} selected in Excel.`,
  showAll: (n) => `Show all ${n}`,
  previewUnavailable: "Fix the errors to see the preview.",
  totalCej: "CEJ total",
  fundedSummary: (communes, rows) =>
    `${communes} ${pluralEn(communes, "funded commune", "funded communes")}, ${count(rows, "en")} ${pluralEn(rows, "row", "rows")}`,
  basinsTitle: "By basin",
  basinsCaption: (key) => `Allocation by basin, key: ${key}`,
  figure: "Amount",
  basinRows: {
    cejTotal: "CEJ total",
    keyShare: "Key share",
    costHT: "Allocated cost excl. VAT",
    caf: "Caf share",
    cuTTC: "CUCM share incl. VAT",
  },
  engineeringTitle: "Engineering mission",
  engineeringRows: {
    costHT: "Cost excl. VAT",
    capHT: "Cap excl. VAT",
    eligibleHT: "Eligible base excl. VAT",
    caf: (rate) => `Caf share (${rate})`,
    cuHT: "CUCM share excl. VAT",
    vat: (rate) => `VAT (${rate})`,
    costTTC: "Cost incl. VAT",
    cuTTC: "CUCM share incl. VAT",
  },
  capExceeded: "The cost is above the cap: the Caf funds the cap only.",
  chartTitle: "Caf share and CUCM share incl. VAT by basin",
  chartDesc: (parts) => `Bar chart. ${parts.join("; ")}.`,
  chartBasinDesc: (basin, caf, cu) => `${basin} basin: Caf ${caf}, CUCM incl. VAT ${cu}`,
  chartCaf: "Caf",
  chartCu: "CUCM incl. VAT",
  chartBasin: (basin) => `${basin} basin`,
  generateButton: "Generate the summary sheets",
  generateHint:
    "Adds the summary sheets, with live formulas, to the workbook (CTG Parameters, CEJ Summary, Checks…); those of an earlier run are replaced.",
  blockedNote: "Fix the errors first: nothing is written while any remain.",
  ackLabel: "I have read the warnings",
  ackNote: "Warnings do not stop writing: they are copied into the Checks sheet.",
  ackNeeded: 'Tick "I have read the warnings" to generate.',
  progressLabel: "Generation progress",
  steps: {
    prepare: "Preparing the workbook",
    sheet: "Writing the summary sheets",
    save: "Saving the workbook",
    delete: "Removing the sheets of the earlier run",
    sheets: "Adding the sheets",
    values: "Writing the values",
    tables: "Adding the tables",
    names: "Adding the names",
    formulas: "Writing the formulas",
    formats: "Formatting",
    layout: "Page layout",
    chart: "Charts",
    done: "Done",
  },
  stepSheet: (sheet) => `Writing sheet "${sheet}"`,
  stepOf: (step, done, total) => `${step} (step ${Math.min(done + 1, total)} of ${total})`,
  successTitle: "Summary sheets written",
  successExcel: "Click a sheet to show it:",
  successFile: "They are in the workbook to download:",
  download: "Download the workbook",
  manualCalculation: "The workbook calculates manually: press F9 to show the formulas' values.",
  lacking: (items) =>
    `This version of Excel has no ${items.map((i) => LACKS_EN[i]).join(", ")}: the rest is written. A newer Excel (2021, Microsoft 365 or Excel on the web) adds them.`,
  downloadAs: (name) => `File ${name}`,
  sheetInFile: (name) => `Sheet "${name}" is in the downloaded workbook: open it in Excel.`,
  sheetShown: (name) => `Sheet "${name}" shown.`,
  failedTitle: "Generation failed",
  failed: (message) => `Nothing was written. Details: ${message}`,
  interruptedTitle: "Generation interrupted: run it again",
  interrupted: (message) =>
    `Excel stopped while writing: the summary is marked incomplete (the "Checks" sheet is not green). Generate again to complete it. Details: ${message}`,
  incompleteTitle: "Generation interrupted: run it again",
  incomplete:
    "The last generation stopped before its end: the workbook's summary is incomplete. Generate again.",
  changedTitle: "The workbook changed",
  changed:
    "The workbook was edited since it was last read and now has errors: nothing was written. Fix them (step 3), then try again.",
  conflictsTitle: "Changed in the workbook and in the pane",
  conflictsIntro:
    "These values changed in the workbook since it was last read, and you changed them here too. Choose which to keep for each: nothing is written before.",
  conflictParam: (label, cell) => (cell === "" ? label : `${label} (${cell})`),
  conflictBasin: (commune, cell) => (cell === "" ? `Basin of ${commune}` : `Basin of ${commune} (${cell})`),
  conflictScenario: (name) => `Scenario "${name}"`,
  conflictKeepWorkbook: (value) => `Keep the workbook's: ${value}`,
  conflictKeepPane: (value) => `Keep the pane's: ${value}`,
  conflictAbsent: "deleted",
  conflictScenarioWorkbook: 'its column as it is on "CTG Scenarios"',
  conflictScenarioEdit: (kind, detail) =>
    kind === "add" ? `save it (${detail})` : kind === "rename" ? `rename it "${detail}"` : "delete it",
  conflictsGenerate: "Generate with these choices",
  conflictsCancel: "Cancel",
  conflictsPending: (n) => `${n} ${n === 1 ? "choice is" : "choices are"} left to make.`,
};

/**
 * @param lang - the language
 * @returns the pane's words in that language
 */
export function uiText(lang: Lang): UiText {
  return lang === "fr" ? FR : EN;
}
