/**
 * How the Office adapter sets a report style's look, a validation and a text on a range: shared by the
 * product's sheets and the input sheets (write.ts, input-sheets.ts).
 */

import type { CellStyle, ReportValidation } from "../../report";

export const VALIDATION_TITLE = "CTG Planner";
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Header/footer text: `&` doubled (it starts Excel's codes), clipped. */
export function headerFooterText(text: string, room: number): string {
  return clip(text, room).replace(/&/g, "&&");
}

export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Sets a style's look (everything but the number format) on a range's format. */
export function applyLook(format: Excel.RangeFormat, look: CellStyle, indent: boolean): void {
  if (look.bold !== undefined) format.font.bold = look.bold;
  if (look.italic !== undefined) format.font.italic = look.italic;
  if (look.size !== undefined) format.font.size = look.size;
  if (look.color !== undefined) format.font.color = `#${look.color}`;
  if (look.fill !== undefined) format.fill.color = `#${look.fill}`;
  if (look.hAlign !== undefined) format.horizontalAlignment = H_ALIGN[look.hAlign];
  if (look.vAlign !== undefined) format.verticalAlignment = V_ALIGN[look.vAlign];
  if (look.wrap !== undefined) format.wrapText = look.wrap;
  if (look.indent !== undefined && indent) format.indentLevel = look.indent;
  if (look.unlocked === true) format.protection.locked = false;
  const edge = (
    index:
      | Excel.BorderIndex
      | "EdgeTop"
      | "EdgeBottom"
      | "EdgeLeft"
      | "EdgeRight"
      | "InsideVertical"
      | "InsideHorizontal",
    style: "Continuous" | "Double",
  ): void => {
    const border = format.borders.getItem(index);
    border.style = style;
    if (style === "Continuous") border.weight = "Thin";
  };
  switch (look.border) {
    case "box":
      for (const index of [
        "EdgeTop",
        "EdgeBottom",
        "EdgeLeft",
        "EdgeRight",
        "InsideVertical",
        "InsideHorizontal",
      ] as const)
        edge(index, "Continuous");
      break;
    case "bottom":
      edge("EdgeBottom", "Continuous");
      edge("InsideHorizontal", "Continuous");
      break;
    case "top":
      edge("EdgeTop", "Continuous");
      edge("InsideHorizontal", "Continuous");
      break;
    case "double-top":
      edge("EdgeTop", "Double");
      edge("InsideHorizontal", "Double");
      break;
    case undefined:
      break;
  }
}

export function validationRule(v: ReportValidation, where: string): Excel.DataValidationRule {
  if (v.type === "list") {
    for (const item of v.items)
      if (item.includes(","))
        throw new Error(`${where}: a list validation item cannot hold a comma: "${item}"`);
    const source = v.items.join(",");
    if (source.length > 255) throw new Error(`${where}: list validation longer than Excel's 255 characters`);
    return { list: { inCellDropDown: true, source } };
  }
  if (v.type === "date") {
    // Office.js takes a date as ISO 8601 text; the report gives Excel serials.
    const iso = (serial: number): string =>
      new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
    return v.max === undefined
      ? { date: { formula1: iso(v.min), operator: "GreaterThanOrEqualTo" } }
      : { date: { formula1: iso(v.min), formula2: iso(v.max), operator: "Between" } };
  }
  const bounds: Excel.BasicDataValidation =
    v.max === undefined
      ? { formula1: v.min, operator: "GreaterThanOrEqualTo" }
      : { formula1: v.min, formula2: v.max, operator: "Between" };
  return v.type === "whole" ? { wholeNumber: bounds } : { decimal: bounds };
}

export function applyValidation(validation: Excel.DataValidation, v: ReportValidation, where: string): void {
  validation.rule = validationRule(v, where);
  validation.ignoreBlanks = true;
  if (v.prompt !== undefined && v.prompt !== "") {
    validation.prompt = { showPrompt: true, title: VALIDATION_TITLE, message: clip(v.prompt, 255) };
  }
  validation.errorAlert = {
    // A list that only suggests (allowOthers) keeps any other value without an alert.
    showAlert: !(v.type === "list" && v.allowOthers === true),
    style: "Stop",
    title: VALIDATION_TITLE,
    message: clip(v.error, 255),
  };
}
