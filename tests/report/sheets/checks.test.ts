// `Contrôles`: one row per check (label, value, expected, status, what to fix), the headline green
// only when every status is OK, then the warnings and the stamp.

import { buildReport, CHECKS_LAYOUT } from "../../../src/report";
import { demoOptions, demoReport, expectedAt, formulaAt, sheetOf, textAt } from "./fixture";

const labels = (lang: "fr" | "en", scenarios: boolean): string[] => {
  const report = scenarios ? demoReport(lang) : buildReport(demoOptions(lang));
  const sheet = sheetOf(report, "checks");
  const statusRows = new Set(
    sheet.cells
      .filter((c) => c.col === CHECKS_LAYOUT.cols.status && c.row >= CHECKS_LAYOUT.first)
      .map((c) => c.row),
  );
  return sheet.cells
    .filter((c) => c.col === 0 && statusRows.has(c.row))
    .map((c) => (c.value.kind === "text" ? c.value.text : ""));
};

test("the checks, in order: parts foot to totals, then the inputs a council member types, then the scenarios", () => {
  expect(labels("fr", false)).toEqual([
    "Total CEJ des bassins = total général de la synthèse",
    "Coût HT réparti entre bassins = coût HT",
    "Participation Caf répartie = participation Caf",
    "TVA répartie = TVA",
    "Participation Caf + CUCM HT = coût HT",
    "Montants de la table source = total de la synthèse (sinon : à régénérer)",
    "Communes de la synthèse rattachées à un bassin",
    "Somme des valeurs de la clé de répartition (« Répartition bassins ») : positive, aucune négative",
    "Communes de « Communes CTG » dont le bassin n'est ni Nord ni Sud",
    "Paramètres hors plage dans « Paramètres CTG » (montants ≥ 0, taux de 0 % à 100 %, clé et base de la liste)",
    "La dernière génération est allée jusqu'au bout (nom CTG_Complet)",
  ]);
  expect(labels("fr", true).slice(10)).toEqual([
    "Scénarios nommés dans « Scénarios CTG » = scénarios comparés (sinon : à régénérer)",
    "Cellules illisibles du scénario de la colonne C de « Scénarios CTG »",
    "Montants de « Répartition bassins » différents du premier scénario comparé (quand il reprend les paramètres et bassins actuels)",
    "La dernière génération est allée jusqu'au bout (nom CTG_Complet)",
  ]);
  expect(labels("en", true)[8]).toBe('Communes of "CTG Communes" whose basin is neither North nor South');
});

test("the last check says whether the generation that wrote the summary went to its end (CTG_Complet)", () => {
  const sheet = sheetOf(demoReport(), "checks");
  expect(textAt(sheet, "A18")).toBe("La dernière génération est allée jusqu'au bout (nom CTG_Complet)");
  expect(formulaAt(sheet, "B18")).toBe("IF(CTG_Complet,1,0)");
  expect(formulaAt(sheet, "D18")).toMatch(/"À régénérer"\)$/);
});

test("each row: status OK at generation, what to fix empty; the headline counts every status", () => {
  const sheet = sheetOf(demoReport(), "checks");
  expect(textAt(sheet, "E4")).toBe("À corriger");
  for (let r = 5; r <= 18; r++) {
    expect(expectedAt(sheet, `D${r}`)).toBe("OK");
    expect(expectedAt(sheet, `E${r}`)).toBe("");
    expect(formulaAt(sheet, `E${r}`)).toMatch(new RegExp(`^IF\\(\\$D\\$${r}="OK","",`));
  }
  expect(formulaAt(sheet, "A2")).toBe(
    'IF(COUNTIF($D$5:$D$18,"OK")=14,"Tous les contrôles sont au vert.","Au moins un contrôle est en écart : voir le tableau ci-dessous.")',
  );
});

test("the checks name the cells to fix: the key's, each commune's basin, each parameter, each scenario cell", () => {
  const sheet = sheetOf(demoReport(), "checks");
  // The key: green when no value is negative and the sum is positive.
  expect(formulaAt(sheet, "D12")).toBe(
    "IF((MIN('Répartition bassins'!$G$5,'Répartition bassins'!$G$6)>=0)*($B$12>0),\"OK\",\"Écart\")",
  );
  expect(textAt(sheet, "C12")).toBe("> 0");
  expect(formulaAt(sheet, "E12")).toContain(
    "La clé ('Paramètres CTG'!B9) ne répartit rien (somme nulle ou négative en 'Répartition bassins'!G7)",
  );
  // Communes: counted over the table's column, named one by one.
  expect(formulaAt(sheet, "B13")).toBe(
    'COUNTIFS(CTG_Communes[Bassin],"<>Nord",CTG_Communes[Bassin],"<>Sud")',
  );
  expect(formulaAt(sheet, "E13")).toContain(
    `IF(COUNTIFS('Communes CTG'!$C$5,"<>Nord",'Communes CTG'!$C$5,"<>Sud")," 'Communes CTG'!C5","")`,
  );
  expect(formulaAt(sheet, "E13")).toContain("'Communes CTG'!C38");
  // Parameters: amounts ≥ 0, rates in [0, 1], a key and a base of the lists.
  expect(formulaAt(sheet, "B14")).toContain('(COUNTIFS(CTG_TauxCaf,">=0",CTG_TauxCaf,"<=1")=0)');
  expect(formulaAt(sheet, "B14")).toContain('(COUNTIF(CTG_BaseCaf,"HT")+COUNTIF(CTG_BaseCaf,"TTC")=0)');
  expect(formulaAt(sheet, "E14")).toContain(`" 'Paramètres CTG'!B7"`);
  // The scenario column: a blank cell is fine, any other must read.
  expect(formulaAt(sheet, "B16")).toContain(
    `('Scénarios CTG'!$C$11<>"")*(COUNTIF('Scénarios CTG'!$C$11,"CEJ")+`,
  );
  expect(formulaAt(sheet, "E16")).toContain(`" 'Scénarios CTG'!C11"`);
  // Répartition bassins against the first scenario, only when it takes the current parameters.
  expect(formulaAt(sheet, "B17")).toMatch(
    /^IF\(\(ROUND\('Comparaison scénarios'!\$B\$6-CTG_CoutHT,2\)=0\)\*/,
  );
});
