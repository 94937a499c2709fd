// The domain's formulas, each written once (src/report/formulas.ts), with the worked examples of
// their TSDoc. Their values are checked against the engine by LibreOffice in tests/workbook.

import {
  basinPart,
  cafShare,
  costTTC,
  cucmHT,
  cucmTTC,
  eligibleBase,
  eligibleBaseTTC,
  keyShare,
  keyUsable,
  keyValue,
  vatAmount,
} from "../../src/report/formulas";

test("the mission: eligible base, Caf share on HT or TTC, VAT, cost and CUCM share incl. VAT", () => {
  expect(eligibleBase("$B$4", "$B$5")).toBe("MIN($B$4,$B$5)");
  expect(eligibleBaseTTC("$B$6", "$B$10")).toBe("$B$6+ROUND($B$6*$B$10,2)");
  expect(
    cafShare({ base: "CTG_BaseCaf", ttc: "TTC", eligibleHT: "$B$6", eligibleTTC: "$B$15", rate: "$B$7" }),
  ).toBe('IF(CTG_BaseCaf="TTC",$B$15,$B$6)*$B$7');
  expect(vatAmount("$B$4", "$B$10")).toBe("$B$4*$B$10");
  expect(costTTC("$B$4", "$B$11")).toBe("$B$4+$B$11");
  expect(cucmHT("$B$4", "$B$8")).toBe("$B$4-$B$8");
  expect(cucmTTC("$B$12", "$B$8")).toBe("$B$12-$B$8");
});

test("the key: an unknown key is worth 0; a key is usable when no value is negative and the sum is positive", () => {
  const labels = { cej: "CEJ", population: "Population", communes: "Communes", equal: "Parts égales" };
  expect(keyValue({ key: "CTG_Cle", labels, cej: "$E$5", population: "$C$5", communes: "$B$5" })).toBe(
    'ROUND(IF(CTG_Cle="CEJ",$E$5,IF(CTG_Cle="Population",$C$5,IF(CTG_Cle="Communes",$B$5,IF(CTG_Cle="Parts égales",1,0)))),2)',
  );
  expect(keyUsable(["$G$5", "$G$6"], "$G$7")).toBe("(MIN($G$5,$G$6)>=0)*($G$7>0)");
  expect(
    keyShare({
      key: "$G$5",
      keys: ["$G$5", "$G$6"],
      total: "$G$7",
      zero: "Clé nulle",
      negative: "Clé négative",
    }),
  ).toBe('IF((MIN($G$5,$G$6)>=0)*($G$7>0),$G$5/$G$7,IF($G$7=0,"Clé nulle","Clé négative"))');
});

test("a basin's part: its share, the last basin the remainder, nothing at all under an unusable key", () => {
  const refs = { whole: "$B$4", key: "$G$5", keys: ["$G$5", "$G$6"], total: "$G$7" };
  expect(basinPart({ ...refs, previous: null })).toBe("IF((MIN($G$5,$G$6)>=0)*($G$7>0),$B$4*$G$5/$G$7,0)");
  expect(basinPart({ ...refs, key: "$G$6", previous: "$I$5:$I$5" })).toBe(
    "IF((MIN($G$5,$G$6)>=0)*($G$7>0),$B$4-SUM($I$5:$I$5),0)",
  );
});
