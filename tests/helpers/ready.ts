import type { PipelineResult, ReadyResult } from "../../src/app";

/**
 * A result that nothing blocks, for tests that go on to build its report.
 *
 * @param result - planWorkbook's result
 * @returns the same result, ready
 * @throws Error naming the errors when the result is blocked
 */
export function ready(result: PipelineResult): ReadyResult {
  if (result.status === "blocked") {
    throw new Error(`blocked: ${JSON.stringify(result.issues.filter((i) => i.severity === "error"))}`);
  }
  return result;
}
