/**
 * The issue sentences in English: one per issue code, each saying what is wrong and how to fix it, from
 * the issue's typed `data` (see `IssueDataByCode` in core/types.ts) and its `related` cells where they
 * help. The French ones are in issue-sentences-fr.ts; formatIssue (messages.ts) uses both, the pane
 * loads only its language's.
 */

import { SCENARIO_BONUS_LABELS } from "../core";
import {
  bonusHow,
  bonusParamHow,
  bonusRow,
  chosenColumn,
  type IssueSentences,
  kit,
  paramHow,
  phrase,
} from "./issue-kit";
import type { IssueFormatter } from "./issue-sentences";
import {
  BONUS_KIND_LABELS,
  FACILITY_REQUIRED_LABELS,
  HEADER_HINTS,
  KEY_LABELS,
  OPERATOR_KIND_LABELS,
  UNIT_LABELS,
} from "./labels";

const en = kit("en");

/** Every issue code's sentence in English. */
export const ISSUE_SENTENCES_EN: IssueSentences = {
  "header-not-found": () =>
    `No header row found: add a row of titles above the data with at least the columns ${en.list(["Commune", "Amount"], "and")}, or choose the columns by hand.`,
  "table-header-hidden": (d) =>
    `The table "${d.table}" hides its header row: its columns cannot be recognised. Show it (Table Design tab, Header Row box), then run again.`,
  "missing-column": (d) =>
    `Column ${en.q(en.field(d.field))} not found: add a column headed ${en.list(HEADER_HINTS.en[d.field] ?? [])}, or choose it in the column mapping.`,
  "duplicate-column": (d) =>
    `Several columns match ${en.q(en.field(d.field))} (${en.list(d.columns, "and")}): rename or delete the one not to use, or choose the right one in the column mapping.`,
  "mapping-out-of-range": (d) =>
    `The column chosen for ${en.q(en.field(d.field))}, ${chosenColumn(d.column, "en")}, is outside the table: choose one of the table's columns in the column mapping.`,
  "amount-empty": () => "Empty amount: enter the amount paid in euros (e.g. 12,345.67) or delete the row.",
  "amount-not-a-number": (d) =>
    `${en.q(d.value)} is not an amount: enter a number of euros (e.g. 12,345.67 or €12,345.67).`,
  "amount-error-value": (d) =>
    `The amount cell holds the error ${d.value}: fix the formula or replace it with the amount in euros.`,
  "amount-fraction-of-cent": (d) =>
    `Amount ${en.q(d.value)} has fractions of a cent: round it to the cent (two decimals at most).`,
  "amount-too-large": (d) =>
    `Amount ${en.q(d.value)} is too large to be an amount in euros: check the cell (unit, extra zeros).`,
  "amount-as-text": (d) =>
    `Amount entered as text ${en.q(d.value)}, read as ${en.money(d.amount)}: check it; to clear this warning, convert the cell to a number.`,
  "amount-negative": (d) =>
    `Negative amount (${en.money(d.amount)}): counted as a correction that lowers the commune's total. If the minus sign is a mistake, remove it.`,
  "commune-total-negative": (d) =>
    `The total of ${en.q(d.commune)} is negative (${en.money(d.total)}): its corrections exceed its payments; fix this commune's negative amounts.`,
  "commune-empty": () => "Empty commune: enter the commune's name or INSEE code, or delete the row.",
  "commune-unknown": (d) =>
    `Unknown commune ${en.q(d.value)}: correct the name${en.hint(d.suggestions)}; for a commune outside the urban community, give its basin (${en.basins}) in the Basin column.`,
  "commune-unknown-kept": (d) =>
    `Commune ${en.q(d.value)} is not in the reference list: kept under this name in the ${en.basin(d.basin)} basin. If it is a typo, correct the name.`,
  "insee-unknown": (d) =>
    `INSEE code ${en.q(d.value)} is not one of the reference communes: correct it (5 digits, e.g. 71153) or clear the cell to match the commune by its name.`,
  "insee-mismatch": (d) =>
    `INSEE code ${en.q(d.insee)} is not that of ${en.q(d.commune)}: correct the code or the name so that both name the same commune.`,
  "basin-invalid": (d) =>
    `Basin ${en.q(d.value)} not recognized: enter ${en.basins}, or clear the cell to use the reference basin.`,
  "basin-differs": (d) =>
    `Basin ${en.basin(d.given)} given for ${en.q(d.commune)}, while the reference says ${en.basin(d.reference)}: the row's basin is used. If it is a mistake, correct or clear the cell.`,
  "basin-conflict": (d, [where]) =>
    `${en.q(d.commune)} is put in the ${en.basin(d.second)} basin here but in the ${en.basin(d.first)} basin${where === undefined ? "" : ` in ${where}`}: a commune has one basin, give the same on all its rows.`,
  "population-invalid": (d) =>
    `Invalid population ${en.q(d.value)}: enter a whole number of inhabitants, zero or more (e.g. 20509), or clear the cell to use the reference population.`,
  "year-invalid": (d) =>
    `Invalid year ${en.q(d.value)}: enter a whole year between 2000 and 2100 (e.g. 2019).`,
  "duplicate-row": (d) =>
    `Row identical to the one at ${d.first}: it is counted twice; delete it if it is a duplicate.`,
  "no-rows": () =>
    "No funding row below the header: enter one row per commune (and per action or year) with its commune and amount.",
  "param-invalid": (d) =>
    `${en.param(d.param)}: ${en.q(d.value)} is not a valid value; ${paramHow(d.param, "en")}.`,
  "param-rate-range": (d) =>
    `${en.param(d.param)}: ${en.q(d.value)} is outside 0% to 100%; enter a percentage (e.g. 50%). A number without % is read as a fraction (0.5 = 50%).`,
  "param-negative": (d) =>
    `${en.param(d.param)}: ${en.q(d.value)} is negative; enter an amount of zero or more.`,
  "cost-above-cap": (d) =>
    `The cost excl. VAT (${en.money(d.cost)}) is above the cap (${en.money(d.cap)}): the Caf funds the cap only, the urban community bears the excess. Check the cost or the cap.`,
  "key-sum-zero": (d) =>
    `The allocation key ${en.q(en.key(d.key))} is zero for both basins: the engineering cannot be split. Complete the data of that key or choose another key (e.g. ${en.q(KEY_LABELS.en.equal)}).`,
  "scenario-unnamed": (d) =>
    `Column ${d.column} of the scenarios has values but no name: it is ignored. Give it a name in the "Name" row to make it a scenario.`,
  "scenario-duplicate-name": (d) =>
    `Scenario ${en.q(d.name)} has the same name as the one at ${d.first}: rename one of them to tell them apart.`,
  "scenario-sheet-unreadable": () =>
    'The scenarios sheet no longer has a "Name" row: its scenarios cannot be read. Restore the "Name" row in column A (or delete the sheet to start again from the current parameters); nothing is written until then.',
  "scenario-bonus-invalid": (d) =>
    `Scenario, row ${bonusRow(d.field, "en")}: ${en.q(d.value)} is not a possible value; ${bonusHow(d.field, "en")}, as a number (not as text), or clear the cell to keep the current parameter.`,
  "scenario-places-invalid": (d) =>
    `EAJE places added in ${d.commune}: ${en.q(d.value)} is not a number of places; enter a whole number of places, zero or more (e.g. 30), or clear the cell.`,
  "scenario-opening-invalid": (d) =>
    `Opening year of the places added in ${d.commune}: ${en.q(d.value)} is not a year; enter a year between 2000 and 2100 (e.g. 2024), as a number (not as text or a date). For an opening during the year, describe the facility in « Équipements CTG ».`,
  "scenario-opening-missing": (d) =>
    `${d.places} EAJE places added in ${d.commune} without an opening year: enter the year (e.g. 2024) in the commune's row of the block "${SCENARIO_BONUS_LABELS.en.opening}".`,
  "facility-header-not-found": () =>
    `No header row found for the facilities: add a row of titles above the data with at least the columns ${en.list(FACILITY_REQUIRED_LABELS.en, "and")}.`,
  "facility-missing-column": (d) =>
    `Column ${en.q(en.facilityField(d.field))} not found in the facilities table: add a column headed ${en.q(en.facilityField(d.field))}.`,
  "facility-duplicate-column": (d) =>
    `Several columns match ${en.q(en.facilityField(d.field))} (${en.list(d.columns, "and")}): rename or delete the one not to use.`,
  "facility-name-empty": () =>
    "Empty facility name: enter the facility's name (e.g. Multi-accueil Les Lutins) or delete the row.",
  "facility-commune-unknown": (d) =>
    `Unknown commune ${en.q(d.value)}${en.hint(d.suggestions)}: enter the name or INSEE code of one of the 34 communes of the urban community; a facility outside them has no CTG here.`,
  "facility-kind-unknown": (d) =>
    `Bonus kind ${en.q(d.value)} not recognised: choose ${en.list(Object.values(BONUS_KIND_LABELS.en))}.`,
  "facility-operator-kind-unknown": (d) =>
    `Operator kind ${en.q(d.value)} not recognised: choose ${en.list(Object.values(OPERATOR_KIND_LABELS.en))}, or clear the cell ("Other").`,
  "facility-unit-unknown": (d) =>
    `Unit ${en.q(d.value)} not recognised: choose ${en.list(Object.values(UNIT_LABELS.en))}, or clear the cell for the kind's usual unit.`,
  "facility-unit-mixed": (d, [where]) =>
    `Unit ${en.q(en.unit(d.unit))} here but ${en.q(en.unit(d.first))}${where === undefined ? "" : ` (at ${where})`} for the ${en.kind(d.kind)} of the ${en.basin(d.basin)} basin: smoothing adds their capacities, give them the same unit.`,
  "facility-quantity-invalid": (d) =>
    d.whole === 1
      ? `${en.facilityField(d.field)}: ${en.q(d.value)} is not a whole number; enter a whole number of places, zero or more (e.g. 30).`
      : `${en.facilityField(d.field)}: ${en.q(d.value)} is not a number; enter a number of zero or more with at most two decimals (e.g. 1.5).`,
  "facility-quantity-negative": (d) =>
    `${en.facilityField(d.field)}: ${en.q(d.value)} is negative; enter a quantity of zero or more (closed places are entered by lowering the capacity).`,
  "facility-reserved-above-new": (d) =>
    `${d.reserved} reserved places for ${d.places} new places: reserved places are part of the new places; correct one of the two numbers.`,
  "facility-cej-negative": (d) =>
    `Negative CEJ amount (${en.money(d.amount)}): enter the amount paid in the reference year, zero or more.`,
  "facility-opening-invalid": (d) =>
    `Opening date ${en.q(d.value)} not recognised: enter a date (e.g. 01/09/2026), a month (09/2026) or a year between 2000 and 2100.`,
  "facility-opening-missing": () =>
    "New places without an opening date: enter the opening date (e.g. 01/09/2026) to pro-rate the opening year.",
  "facility-flag-invalid": (d) =>
    `QPV/ZRR ${en.q(d.value)} not recognised: enter "Yes" if the facility is in a QPV or a ZRR, "No" otherwise (or clear the cell).`,
  "facility-field-ignored": (d) =>
    `${en.facilityField(d.field)} is not counted for a facility of kind ${en.kind(d.kind)}: clear the cell, or correct the bonus kind if it is a mistake.`,
  "facility-duplicate": (d) =>
    `Facility ${en.q(d.name)} in ${en.q(d.commune)} is already at ${d.first}: it would be counted twice; delete the duplicate row or give it another name.`,
  "facility-no-rows": () =>
    "No facility below the header: enter one row per facility with its name, commune, bonus kind, capacity and CEJ amount.",
  "bonus-param-invalid": (d) =>
    `${en.bonusParam(d)}: ${en.q(d.value)} is not a valid value; ${bonusParamHow(d.param, "en")}.`,
  "bonus-param-negative": (d) =>
    `${en.bonusParam(d)}: ${en.q(d.value)} is negative; enter an amount of zero or more.`,
  "bonus-param-rate-range": (d) =>
    `${en.bonusParam(d)}: ${en.q(d.value)} is outside 0% to 100%; enter a percentage (e.g. 2%). A number without % is read as a fraction (0.02 = 2%).`,
  "bonus-param-year": (d) =>
    `${en.bonusParam(d)}: ${en.q(d.value)} is not a year; enter a whole year between 2000 and 2100 (e.g. 2024).`,
  "bonus-param-duration": (d) =>
    `${en.bonusParam(d)}: a CTG lasts 4 or 5 years, not ${en.q(d.value)}; enter 4 or 5 (the length signed with the Caf).`,
  "bonus-param-tranche": (d) =>
    `${en.bonusParam(d)}: ${en.q(d.value)} is not one of the tranches; enter the number of a tranche whose rate is given (e.g. 2).`,
  "bonus-param-yes-no": (d) =>
    `${en.bonusParam(d)}: ${en.q(d.value)} not recognised; choose ${en.list([en.report.yes, en.report.no])}.`,
  "bonus-param-pro-rata": (d) =>
    `${en.bonusParam(d)}: ${en.q(d.value)} not recognised; choose ${en.list(Object.values(en.report.proRata))}.`,
  "bonus-no-places": (d) =>
    `The ${en.kind(d.kind)} of the ${en.basin(d.basin)} basin have ${en.money(d.amount)} of CEJ but no capacity: the amount cannot be smoothed; enter their reference capacity.`,
  "bonus-floor-applied": (d) =>
    `The ${en.kind(d.kind)} of the ${en.basin(d.basin)} basin have a smoothed rate of ${en.money(d.rate)} per place, below the floor of ${en.money(d.floor)}: the floor applies and the bonus exceeds the former CEJ; check the floor with the Caf.`,
};

/** An issue's sentence in English (what the pane loads: see issue-sentences.ts). */
export const formatIssueEn: IssueFormatter = (issue) => phrase(ISSUE_SENTENCES_EN, issue);
