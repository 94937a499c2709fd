/**
 * The Office adapter's sentences (src/workbook/office): why Excel refused or stopped, in French and
 * English side by side. The adapter's errors carry both languages; the pane shows its own.
 */

/** A sentence in both languages of the product. */
export interface BothLanguages {
  readonly fr: string;
  readonly en: string;
}

/** The Office error codes the adapter explains (OfficeExtension.ErrorCodes the add-in meets). */
export type OfficeErrorCode =
  | "InvalidOperationInCellEditMode"
  | "ItemNotFound"
  | "AccessDenied"
  | "GeneralException"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "InvalidArgument"
  | "ItemAlreadyExists"
  | "InvalidSelection"
  | "InvalidOperation"
  | "ApiNotFound"
  | "WriteNotSupportedWhenModalDialogOpen"
  | "ActivityLimitReached"
  | "Conflict"
  | "Timeout"
  | "ConnectionFailure";

const OFFICE_ERRORS: Readonly<Record<OfficeErrorCode, BothLanguages>> = {
  InvalidOperationInCellEditMode: {
    fr: "Terminez la saisie de la cellule (Entrée ou Échap), puis recommencez.",
    en: "Finish editing the cell (Enter or Esc), then try again.",
  },
  ItemNotFound: {
    fr: "Une feuille, un tableau ou un nom du classeur est introuvable : il a peut-être été renommé ou supprimé. Actualisez la liste, puis recommencez.",
    en: "A sheet, table or name of the workbook cannot be found: it may have been renamed or deleted. Refresh the list, then try again.",
  },
  AccessDenied: {
    fr: "Excel refuse la modification : le classeur ou une feuille est peut-être protégé, en lecture seule ou en cours de partage. Levez la protection, puis recommencez.",
    en: "Excel refused the change: the workbook or a sheet may be protected, read-only or being shared. Remove the protection, then try again.",
  },
  GeneralException: {
    fr: "Excel a rencontré une erreur interne. Enregistrez le classeur, puis recommencez ; si l'erreur persiste, fermez et rouvrez le classeur.",
    en: "Excel hit an internal error. Save the workbook, then try again; if it persists, close and reopen the workbook.",
  },
  RequestPayloadSizeLimitExceeded: {
    fr: "Trop de données pour un seul envoi à Excel (limite d'Excel sur le web). Réduisez le tableau, ou utilisez Excel pour Windows ou Mac.",
    en: "Too much data for a single exchange with Excel (Excel on the web's limit). Make the table smaller, or use Excel for Windows or Mac.",
  },
  ResponsePayloadSizeLimitExceeded: {
    fr: "Trop de données à lire en une fois (limite d'Excel sur le web). Réduisez le tableau, ou utilisez Excel pour Windows ou Mac.",
    en: "Too much data to read at once (Excel on the web's limit). Make the table smaller, or use Excel for Windows or Mac.",
  },
  InvalidArgument: {
    fr: "Excel a refusé une valeur, une formule ou un nom écrit par CTG Planner. Signalez-le avec le classeur si possible.",
    en: "Excel refused a value, formula or name written by CTG Planner. Please report it, with the workbook if possible.",
  },
  ItemAlreadyExists: {
    fr: "Un nom de feuille, de tableau ou un nom défini est déjà pris dans le classeur. Actualisez, puis recommencez.",
    en: "A sheet, table or defined name is already taken in the workbook. Refresh, then try again.",
  },
  InvalidSelection: {
    fr: "La sélection n'est pas une plage de cellules (un graphique ou une forme est peut-être sélectionné). Sélectionnez des cellules, puis recommencez.",
    en: "The selection is not a range of cells (a chart or shape may be selected). Select cells, then try again.",
  },
  InvalidOperation: {
    fr: "Excel a refusé l'opération (feuille masquée, cellules fusionnées ou tableau en travers). Vérifiez le classeur, puis recommencez.",
    en: "Excel refused the operation (hidden sheet, merged cells or a table in the way). Check the workbook, then try again.",
  },
  ApiNotFound: {
    fr: "Cette version d'Excel ne prend pas en charge une fonction dont CTG Planner a besoin. Mettez Excel à jour.",
    en: "This version of Excel lacks a feature CTG Planner needs. Update Excel.",
  },
  WriteNotSupportedWhenModalDialogOpen: {
    fr: "Une boîte de dialogue est ouverte dans Excel. Fermez-la, puis recommencez.",
    en: "A dialog box is open in Excel. Close it, then try again.",
  },
  ActivityLimitReached: {
    fr: "Excel est occupé. Patientez quelques secondes, puis recommencez.",
    en: "Excel is busy. Wait a few seconds, then try again.",
  },
  Conflict: {
    fr: "Une autre personne modifie le classeur en même temps. Patientez, puis recommencez.",
    en: "Someone else is editing the workbook at the same time. Wait, then try again.",
  },
  Timeout: {
    fr: "Excel n'a pas répondu à temps. Recommencez.",
    en: "Excel did not answer in time. Try again.",
  },
  ConnectionFailure: {
    fr: "La connexion avec Excel a échoué. Vérifiez le réseau, puis recommencez.",
    en: "The connection with Excel failed. Check the network, then try again.",
  },
};

/**
 * The sentences for an Office error code; a code the adapter does not know is named in a sentence that
 * says what to do all the same.
 *
 * @param code - Office's error code
 * @returns the sentences in French and English
 */
export function officeErrorMessages(code: string): BothLanguages {
  return Object.prototype.hasOwnProperty.call(OFFICE_ERRORS, code)
    ? OFFICE_ERRORS[code as OfficeErrorCode]
    : {
        fr: `Excel a renvoyé une erreur (${code}). Recommencez ; si l'erreur persiste, enregistrez, fermez et rouvrez le classeur.`,
        en: `Excel returned an error (${code}). Try again; if it persists, save, close and reopen the workbook.`,
      };
}

/** The adapter's own refusals: before or while a generation writes, and when a read or a move finds nothing. */
export const HOST_MESSAGES = {
  workbookProtected: {
    fr: "La structure du classeur est protégée : la synthèse ne peut pas ajouter ses feuilles. Levez la protection (Révision > Protéger le classeur), puis recommencez. Rien n'a été écrit.",
    en: "The workbook's structure is protected: the summary cannot add its sheets. Unprotect it (Review > Protect Workbook), then try again. Nothing was written.",
  },
  sheetProtected: (sheet: string): BothLanguages => ({
    fr: `La feuille « ${sheet} » de la synthèse est protégée. Ôtez sa protection (Révision > Ôter la protection de la feuille), puis recommencez. Rien n'a été écrit.`,
    en: `The summary sheet "${sheet}" is protected. Unprotect it (Review > Unprotect Sheet), then try again. Nothing was written.`,
  }),
  sheetVeryHidden: (sheet: string): BothLanguages => ({
    fr: `La feuille « ${sheet} » de la synthèse est masquée par une macro (très masquée) : Excel ne peut pas la remplacer. Affichez-la (propriété Visible dans l'éditeur VBA), puis recommencez. Rien n'a été écrit.`,
    en: `The summary sheet "${sheet}" is very hidden (by a macro): Excel cannot replace it. Show it (Visible property in the VBA editor), then try again. Nothing was written.`,
  }),
  /** A sheet or table name of the report that the user's workbook already holds. */
  nameTaken: (kind: "sheet" | "table", name: string): BothLanguages => ({
    fr: `Le nom ${kind === "sheet" ? "de feuille" : "de tableau"} « ${name} » est déjà pris dans le classeur. Relisez les données, puis recommencez.`,
    en: `The ${kind} name "${name}" is already taken in the workbook. Read the data again, then try again.`,
  }),
  /** `cause`: why Excel stopped, itself in both languages. */
  interrupted: (cause: BothLanguages): BothLanguages => ({
    fr: `La génération s'est arrêtée en cours d'écriture (${cause.fr}) La synthèse est marquée incomplète : relancez la génération.`,
    en: `The generation stopped while writing (${cause.en}) The summary is marked incomplete: generate again.`,
  }),
  /** A table or sheet the user chose that the workbook no longer has; `known`: those it has. */
  notFound: (kind: "table" | "sheet", name: string, known: readonly string[]): BothLanguages => {
    const list = known.length === 0 ? "—" : known.join(", ");
    return kind === "table"
      ? {
          fr: `Le tableau « ${name} » est introuvable (tableaux : ${list}). Actualisez la liste.`,
          en: `Table "${name}" not found (tables: ${list}). Refresh the list.`,
        }
      : {
          fr: `La feuille « ${name} » est introuvable (feuilles : ${list}). Actualisez la liste.`,
          en: `Sheet "${name}" not found (sheets: ${list}). Refresh the list.`,
        };
  },
  /** A cell address to go to without its sheet or its cell. */
  badAddress: (address: string): BothLanguages => ({
    fr: `Adresse de cellule incomplète : « ${address} » (attendu : Feuille!A1).`,
    en: `Incomplete cell address: "${address}" (expected: Sheet!A1).`,
  }),
  /** Above the allowed values written as text, when this Excel has no data validation (ExcelApi 1.8). */
  allowedValues: {
    fr: "Valeurs admises (cette version d’Excel n’affiche pas les listes déroulantes) :",
    en: "Allowed values (this version of Excel shows no drop-down lists):",
  },
} as const;
