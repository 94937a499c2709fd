/**
 * Office adapter against the strict Excel fake (tests/fakes/excel-fake.ts), with Excel on the web's
 * 5 MB limits on requests and responses: the requests of one generation as the pane runs it
 * (generateExcel: one read of what is there and of the cells a user may have edited, the plan made
 * on it, then the writes) and the largest request payload.
 */

import { planWorkbook, reportFromResult, type InputRef } from "../src/app";
import { ExcelWorkbook, excelRunner } from "../src/workbook/office";
import { createExcelFake } from "../tests/fakes/excel-fake";
import { bytes, count, failedRow, fundingGrid, times, type BenchOptions, type Row } from "./lib";

/** Excel on the web refuses requests and responses above 5 MB. */
const WEB_LIMIT = 5_000_000;
/** The product's own ceiling for one request. */
const FOUR_MB = 4_000_000;
const NOW = new Date("2026-01-01T00:00:00Z");
const TABLE: InputRef = { kind: "table", name: "Financements" };

interface Measure {
  readonly rows: number;
  /** Requests of the generation (generateExcel). */
  readonly syncs: number;
  readonly writeRequests: number;
  readonly writeBytes: readonly number[];
  /** Requests of the snapshot read before it (the pane reads when it opens, not on Generate). */
  readonly snapshotSyncs: number;
  readonly snapshotResponses: readonly number[];
  /** Responses of the snapshot read that Excel on the web refuses (above 5 MB). */
  readonly snapshotRefused: number;
  /** The next snapshot read (the pane re-reads after an edit): requests, and refused responses. */
  readonly rereadSyncs: number;
  readonly rereadRefused: number;
  /** Largest request of the snapshot and the generation together. */
  readonly largestRequest: number;
}

async function measure(rows: number): Promise<Measure> {
  const grid = fundingGrid(rows);
  const [headers, ...values] = grid;
  const fake = createExcelFake(
    {
      sheets: [
        {
          name: "Financements",
          tables: [
            {
              name: "Financements",
              range: `A1:E${rows + 1}`,
              headers: (headers ?? []).map(String),
              values: values.map((r) =>
                r.map((v) => (typeof v === "string" || typeof v === "number" ? v : null)),
              ),
            },
          ],
        },
      ],
    },
    { maxRequestBytes: WEB_LIMIT, maxResponseBytes: WEB_LIMIT },
  );
  const run = excelRunner({ excelRun: fake.excelRun, sleep: async () => undefined });
  const workbook = new ExcelWorkbook(run, { supports: fake.supports });
  const snapshot = await workbook.snapshot(TABLE);
  const snapshotSyncs = fake.stats.syncs;
  const snapshotRequests = [...fake.stats.requestBytes];
  const snapshotResponses = [...fake.stats.responseBytes];
  const result = planWorkbook(snapshot);
  if (result.status === "blocked")
    throw new Error(`office bench: the plan is blocked: ${JSON.stringify(result.issues.slice(0, 2))}`);
  if (result.rows.length !== rows)
    throw new Error(`office bench: ${result.rows.length} rows read of ${rows}`);
  fake.resetStats();
  const reread = await workbook.snapshot(TABLE);
  if (reread.input.grid.length !== snapshot.input.grid.length)
    throw new Error(`office bench: the next read gave ${reread.input.grid.length} rows`);
  const rereadSyncs = fake.stats.syncs;
  const rereadRefused = fake.stats.responseBytes.filter((b) => b > WEB_LIMIT).length;
  fake.resetStats();
  const done = await workbook.generate<string>({
    choice: TABLE,
    base: snapshot,
    build: async (fresh) => {
      const now = planWorkbook(fresh);
      if (now.status === "blocked") return { kind: "stop", reason: "blocked" };
      return {
        kind: "write",
        report: await reportFromResult(fresh, now, { lang: "fr", version: "bench", now: NOW }),
      };
    },
  });
  if (done.kind !== "written") throw new Error(`office bench: the generation stopped (${done.reason})`);
  const applied = done.written;
  return {
    rows,
    syncs: fake.stats.syncs,
    writeRequests: applied.writeRequests,
    writeBytes: fake.stats.requestBytes.slice(1),
    snapshotSyncs,
    snapshotResponses,
    snapshotRefused: snapshotResponses.filter((b) => b > WEB_LIMIT).length,
    rereadSyncs,
    rereadRefused,
    largestRequest: Math.max(...snapshotRequests, ...fake.stats.requestBytes),
  };
}

const SYNC_TARGET = "exactly 2 up to the payload limit, then 1 more per 4 MB chunk; no sync in a loop";
const PAYLOAD_TARGET = "every request ≤ 4 MB (≤ 0.80× of 5 MB)";

/**
 * @param options - the input sizes
 * @param log - progress lines
 * @returns a row per size for the requests, and the largest request at the largest size
 */
export async function benchOffice(options: BenchOptions, log: (line: string) => void): Promise<Row[]> {
  const largestRows = Math.max(...options.officeRows);
  const rows: Row[] = [];
  const measures: Measure[] = [];
  for (const n of options.officeRows) {
    try {
      const m = await measure(n);
      measures.push(m);
      const writeTotal = m.writeBytes.reduce((a, b) => a + b, 0);
      // The payload decides how many write requests there must be; nothing else may add one.
      const allowed = 2 + Math.max(0, Math.ceil(writeTotal / FOUR_MB) - 1);
      log(
        `office ${count(n)} rows: ${m.syncs} requests (1 read + ${m.writeRequests} write, ${bytes(writeTotal)} written); ` +
          `snapshot before it: ${m.snapshotSyncs} request(s), ${m.snapshotRefused} refused, responses ${m.snapshotResponses.map((b) => bytes(b)).join(" / ")}; the next read: ${m.rereadSyncs} request(s), ${m.rereadRefused} refused; largest request ${bytes(m.largestRequest)}`,
      );
      rows.push({
        what: `Office adapter: requests for one generation, ${count(n)} input rows`,
        figure: `${m.syncs} (1 read + ${m.writeRequests} write)`,
        baseline: "minimum: 2 (one read, one write)",
        ratio: times(m.syncs / 2),
        target: SYNC_TARGET,
        met: m.syncs === allowed && m.syncs === 1 + m.writeRequests,
        notes:
          `writes ${bytes(writeTotal)} in all (${allowed} allowed by the 4 MB rule); ` +
          `the snapshot read when the pane opens: ${m.snapshotSyncs} request(s)` +
          (m.snapshotRefused > 0
            ? ` (${m.snapshotRefused} refused response(s), the first of ${bytes(m.snapshotResponses.find((b) => b > WEB_LIMIT) ?? 0)})`
            : m.snapshotSyncs > 1
              ? ` (a first response of ${bytes(m.snapshotResponses[0] ?? 0)} within 4 MB estimated, then ${m.snapshotSyncs - 1} blocks; none refused)`
              : "") +
          `, the next one ${m.rereadSyncs}${m.rereadRefused > 0 ? ` (${m.rereadRefused} refused)` : ""}`,
      });
    } catch (error) {
      rows.push(
        failedRow(`Office adapter: requests for one generation, ${count(n)} input rows`, SYNC_TARGET, error),
      );
    }
  }
  // No sync inside a loop: the count must not grow with the input rows when the payload does not.
  if (measures.length > 1) {
    const counts = measures.map((m) => m.syncs);
    if (new Set(counts).size > 1) log(`office: request counts vary with the input: ${counts.join(" / ")}`);
  }
  const largest = measures.find((m) => m.rows === largestRows);
  rows.push(
    largest === undefined
      ? failedRow(
          `Office adapter: largest request at ${count(largestRows)} rows`,
          PAYLOAD_TARGET,
          new Error("not measured"),
        )
      : {
          what: `Office adapter: largest request payload at ${count(largestRows)} rows`,
          figure: bytes(largest.largestRequest),
          baseline: "Excel on the web's limit: 5 MB",
          ratio: times(largest.largestRequest / WEB_LIMIT),
          target: PAYLOAD_TARGET,
          met: largest.largestRequest <= FOUR_MB,
          notes:
            `snapshot and generation together (the fake's JSON size of each request); ` +
            (largest.snapshotRefused > 0
              ? `the snapshot got ${largest.snapshotRefused} response(s) refused by the 5 MB limit (the first of ${bytes(largest.snapshotResponses.find((b) => b > WEB_LIMIT) ?? 0)}), then read the input in blocks`
              : largest.snapshotSyncs > 1
                ? `the snapshot read the input in ${largest.snapshotSyncs} requests, none refused: a first response of ${bytes(largest.snapshotResponses[0] ?? 0)}, then ${largest.snapshotSyncs - 1} blocks of at most ${bytes(Math.max(...largest.snapshotResponses.slice(1)))}`
                : `largest response ${bytes(Math.max(...largest.snapshotResponses))}`),
        },
  );
  rows.push(
    largest === undefined
      ? failedRow(READ_WHAT(largestRows), READ_TARGET, new Error("not measured"))
      : readRow(largest),
  );
  return rows;
}

const READ_TARGET = "none refused (every response ≤ 5 MB)";
const READ_WHAT = (n: number): string =>
  `Office adapter: requests to read ${count(n)} input rows on Excel on the web (the pane's snapshot)`;

/** Issue 13's row: the snapshot the pane reads when it opens (and after an edit) gets no response refused. */
function readRow(m: Measure): Row {
  const refused = m.snapshotRefused + m.rereadRefused;
  return {
    what: READ_WHAT(m.rows),
    figure: `${m.snapshotSyncs} (${m.snapshotRefused} refused)`,
    baseline: "Excel on the web's limit: 5 MB a response",
    ratio: times(Math.max(...m.snapshotResponses) / WEB_LIMIT),
    target: READ_TARGET,
    met: refused === 0,
    notes: `responses ${m.snapshotResponses.map((b) => bytes(b)).join(" / ")} (the fake's JSON size; ratio: the largest against 5 MB); the next read after an edit: ${m.rereadSyncs} request(s), ${m.rereadRefused} refused`,
  };
}
