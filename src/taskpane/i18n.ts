/**
 * The pane's words, from src/i18n where every sentence of the product lives: this façade keeps the
 * pane's imports short and checks, at compile time, that the codes the words are keyed by are the
 * very codes the pane's hosts emit (src/i18n cannot import them: it imports nothing above src/core).
 */

import type { ExcelLackKey, FileErrorReason, GenerateStepKey } from "../i18n";
import type { WorkbookFileErrorReason } from "../workbook/xlsx";
import type { ExcelLack, GenerateStep } from "./host";

export { uiText } from "../i18n";
export type { UiText } from "../i18n";

/** `true` when A and B are the same set of codes; `false` otherwise. */
type SameCodes<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Agree<T extends true> = T;

/** Fails to compile when a host emits a code the words lack, or the words name a code no host emits. */
export type WordCodesAgree = [
  Agree<SameCodes<GenerateStep, GenerateStepKey>>,
  Agree<SameCodes<ExcelLack, ExcelLackKey>>,
  Agree<SameCodes<WorkbookFileErrorReason, FileErrorReason>>,
];
