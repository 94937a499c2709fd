// Test helper: the bonus territoire input of a workbook holding `Équipements CTG` (the demo's), read
// as the pipeline will: the facilities table's grid, the facilities read against the plan's
// reference, and the engine's plan with the given parameters.

import { computeBonusPlan } from "../../src/core/bonus";
import { DEFAULT_BONUS_PARAMS, type BonusParams } from "../../src/core/bonus-params";
import { readFacilityTable } from "../../src/core/facilities";
import type { Commune } from "../../src/core/types";
import type { BonusReportInput } from "../../src/report";
import { DEMO_FACILITY_TABLE } from "../../src/workbook/xlsx/demo";
import { openPackage } from "../../src/workbook/xlsx/package";
import { readTableGrid } from "../../src/workbook/xlsx/read";

/**
 * The bonus input of a workbook's facilities table.
 *
 * @param bytes - the .xlsx file
 * @param communes - the reference (the plan's)
 * @param params - the bonus parameters (default: DEFAULT_BONUS_PARAMS)
 * @returns the input; throws when the table reads with an error
 */
export function bonusInputOf(
  bytes: Uint8Array,
  communes: readonly Commune[],
  params: BonusParams = DEFAULT_BONUS_PARAMS,
): BonusReportInput {
  const { grid, origin } = readTableGrid(openPackage(bytes), DEMO_FACILITY_TABLE);
  const read = readFacilityTable(grid, { origin, communes, headerRow: 0 });
  if (read.facilities.length === 0) throw new Error(JSON.stringify(read.issues));
  const plan = computeBonusPlan(read.facilities, communes, params);
  return { read, grid, origin, params, plan };
}
