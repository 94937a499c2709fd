#!/usr/bin/env node
/**
 * Static check: every Excel JavaScript API member the Office adapter (src/workbook/office/*.ts)
 * touches is available at the manifest's minimum (`<Set Name="ExcelApi" MinVersion="1.7"/>` in
 * manifest.xml), or is touched only behind a check of its requirement set.
 *
 * How:
 * - The TypeScript compiler, with the type checker, resolves every property access and call
 *   (`range.dataValidation`, `ws.pageLayout`, `application.suspendScreenUpdatingUntilNextSync()`) to
 *   its declaration; one declared in the `Excel` namespace of @types/office-js is the member
 *   `Type.member` (`Range.dataValidation`).
 * - Its set is the office.js client's own gate for it, from the same table the fake uses
 *   (src/workbook/office/api-sets.generated.json, made by scripts/gen-api-sets.mjs); a member the
 *   client does not gate is ExcelApi 1.1 (the members of an object reached through a gated one, such
 *   as `DataValidation.rule` behind `Range.dataValidation`, are checked where that object is reached).
 *   A member of another set (ExcelApiOnline…) is never available.
 * - A guard is a condition whose truth means the set is there, recognised without naming
 *   conventions: a call `supports("ExcelApi", "1.8")` / `isSetSupported("ExcelApi", "1.8")` /
 *   `officeSupports(…)`; a variable or object property initialised with one (`can.validation`, with
 *   `const can = { validation: supports("ExcelApi", "1.8") }`); a function parameter whose every
 *   call passes such a guard (`applyLook(format, look, can.indent)`); and `a && b` of those. A
 *   member is guarded when it sits in the `then` of `if (guard)`, the true side of `guard ? … : …`,
 *   the right of `guard && …`, or after `if (!guard) return|continue|break|throw;` in its block.
 *
 * Usage: node scripts/check-api-sets.mjs [--json] [--min 1.7] [files…]
 *   (no files: every .ts of src/workbook/office; --json prints every member found, and the failures)
 * Exit 1 when a member is above the minimum and not guarded at its level (each is listed with its
 * file, line and set).
 */

import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ts = require("typescript");

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const ADAPTER = "src/workbook/office";
const TABLE = JSON.parse(readFileSync(join(ROOT, ADAPTER, "api-sets.generated.json"), "utf8"));
const NEVER = "999.0";

function compareVersions(a, b) {
  const [a1, a2 = 0] = a.split(".").map(Number);
  const [b1, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}
const maxVersion = (a, b) => (a === null ? b : b === null ? a : compareVersions(a, b) >= 0 ? a : b);
const minVersion = (a, b) => (a === null || b === null ? null : compareVersions(a, b) <= 0 ? a : b);

/** The manifest's minimum ExcelApi version. */
export function manifestMin(root = ROOT) {
  const xml = readFileSync(join(root, "manifest.xml"), "utf8");
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/.exec(xml);
  if (m === null) throw new Error("check-api-sets: manifest.xml declares no ExcelApi MinVersion");
  return m[1];
}

/** The set a member needs: { set, version }; unknown members are ExcelApi 1.1. */
function setOf(member) {
  const v = TABLE.excelApi[member];
  if (v !== undefined) return { set: "ExcelApi", version: v };
  const other = TABLE.otherSets[member];
  if (other !== undefined) return { set: other.set, version: NEVER };
  return { set: "ExcelApi", version: TABLE.unGated };
}

/** `Type.member` of a declaration in @types/office-js's `Excel` namespace, else null. */
function memberOf(decl) {
  if (!decl.getSourceFile().fileName.includes("@types/office-js")) return null;
  const name = decl.name !== undefined && ts.isIdentifier(decl.name) ? decl.name.text : null;
  if (name === null) return null;
  let owner = decl.parent;
  let type = null;
  if (ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) {
    type = owner.name?.text ?? null;
    owner = owner.parent;
  } else if (!ts.isModuleBlock(owner)) return null;
  if (!ts.isModuleBlock(owner)) return null;
  const ns = owner.parent;
  if (!ts.isModuleDeclaration(ns) || ns.name.text !== "Excel" || !ts.isSourceFile(ns.parent)) return null;
  return `${type ?? "Excel"}.${name}`;
}

/** The `[Api set: ExcelApi 1.x]` annotation of a declaration ({ set, version } or null). */
export function annotationOf(decl) {
  const text = decl.getFullText().slice(0, decl.getLeadingTriviaWidth());
  const m = /\[Api set: (\w+) ([^\]\s]+)[^\]]*\]/.exec(text);
  if (m === null) return null;
  return { set: m[1], version: /^\d+\.\d+$/.test(m[2]) ? m[2] : NEVER };
}

/**
 * Checks files.
 *
 * @param {string[]} files - absolute paths of the .ts files to check
 * @param {string} min - the manifest's minimum ExcelApi version
 * @returns {{ used: object[], failures: object[] }}
 */
export function check(files, min) {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const sources = files.map((f) => program.getSourceFile(f)).filter((s) => s !== undefined);

  const declOf = (node) => {
    let symbol = checker.getSymbolAtLocation(node);
    if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  };

  // Every call in the checked files, by the declaration of what it calls (for parameters as guards).
  const callsOf = new Map();
  const collectCalls = (node) => {
    if (ts.isCallExpression(node)) {
      const decl = declOf(ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression);
      let fn = decl;
      if (fn !== undefined && ts.isVariableDeclaration(fn) && fn.initializer !== undefined) fn = fn.initializer;
      if (fn !== undefined) {
        const list = callsOf.get(fn) ?? [];
        list.push(node);
        callsOf.set(fn, list);
      }
    }
    ts.forEachChild(node, collectCalls);
  };
  for (const source of sources) collectCalls(source);

  /** The version a requirement-set check call ensures, or null. */
  const supportsCall = (node) => {
    if (!ts.isCallExpression(node)) return null;
    const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
    if (!ts.isIdentifier(callee) || !["supports", "isSetSupported", "officeSupports"].includes(callee.text))
      return null;
    const [set, version] = node.arguments;
    if (set === undefined || version === undefined) return null;
    if (!ts.isStringLiteral(set) || set.text !== "ExcelApi" || !ts.isStringLiteral(version)) return null;
    return version.text;
  };

  /** The version a condition ensures when true, or null. */
  const guardVersion = (expr, seen = new Set()) => {
    if (expr === undefined) return null;
    if (ts.isParenthesizedExpression(expr)) return guardVersion(expr.expression, seen);
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
      return maxVersion(guardVersion(expr.left, seen), guardVersion(expr.right, seen));
    const direct = supportsCall(expr);
    if (direct !== null) return direct;
    if (!ts.isIdentifier(expr) && !ts.isPropertyAccessExpression(expr)) return null;
    const decl = declOf(ts.isPropertyAccessExpression(expr) ? expr.name : expr);
    if (decl === undefined || seen.has(decl)) return null;
    seen.add(decl);
    if ((ts.isPropertyAssignment(decl) || ts.isVariableDeclaration(decl)) && decl.initializer !== undefined)
      return guardVersion(decl.initializer, seen);
    if (ts.isParameter(decl)) {
      const fn = decl.parent;
      const index = fn.parameters.indexOf(decl);
      const calls = callsOf.get(fn) ?? [];
      if (calls.length === 0) return null;
      let ensured = "999.0";
      for (const call of calls) ensured = minVersion(ensured, guardVersion(call.arguments[index], new Set(seen)));
      return ensured;
    }
    return null;
  };

  const exits = (stmt) =>
    ts.isReturnStatement(stmt) ||
    ts.isContinueStatement(stmt) ||
    ts.isBreakStatement(stmt) ||
    ts.isThrowStatement(stmt) ||
    (ts.isBlock(stmt) && stmt.statements.length === 1 && exits(stmt.statements[0]));

  /** The highest version the branches around a node ensure, or null. */
  const ensuredAt = (node) => {
    let ensured = null;
    for (let child = node, parent = node.parent; parent !== undefined; child = parent, parent = parent.parent) {
      if (ts.isIfStatement(parent) && parent.thenStatement === child)
        ensured = maxVersion(ensured, guardVersion(parent.expression));
      else if (ts.isConditionalExpression(parent) && parent.whenTrue === child)
        ensured = maxVersion(ensured, guardVersion(parent.condition));
      else if (
        ts.isBinaryExpression(parent) &&
        parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
        parent.right === child
      )
        ensured = maxVersion(ensured, guardVersion(parent.left));
      else if ((ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent)) && "statements" in parent) {
        for (const stmt of parent.statements) {
          if (stmt === child) break;
          if (
            ts.isIfStatement(stmt) &&
            stmt.elseStatement === undefined &&
            exits(stmt.thenStatement) &&
            ts.isPrefixUnaryExpression(stmt.expression) &&
            stmt.expression.operator === ts.SyntaxKind.ExclamationToken
          )
            ensured = maxVersion(ensured, guardVersion(stmt.expression.operand));
        }
      }
    }
    return ensured;
  };

  const used = [];
  const failures = [];
  const visit = (node) => {
    if (ts.isPropertyAccessExpression(node)) {
      const decl = declOf(node.name);
      const member = decl === undefined ? null : memberOf(decl);
      if (member !== null) {
        const { set, version } = setOf(member);
        const types = annotationOf(decl);
        const where = node.getSourceFile();
        const { line } = where.getLineAndCharacterOfPosition(node.name.getStart());
        const guard = ensuredAt(node);
        const ok = compareVersions(version, min) <= 0 || (guard !== null && compareVersions(version, guard) <= 0);
        const entry = {
          member,
          set,
          version: version === NEVER ? null : version,
          types: types === null ? null : { set: types.set, version: types.version === NEVER ? null : types.version },
          file: relative(ROOT, where.fileName),
          line: line + 1,
          guard,
        };
        used.push(entry);
        if (!ok) failures.push(entry);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const source of sources) visit(source);
  return { used, failures };
}

const invoked = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (invoked) {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const minAt = args.indexOf("--min");
  const min = minAt >= 0 ? args[minAt + 1] : manifestMin();
  const given = args.filter((a, i) => !a.startsWith("--") && !(minAt >= 0 && i === minAt + 1));
  const files =
    given.length > 0
      ? given.map((f) => resolve(f))
      : readdirSync(join(ROOT, ADAPTER))
          .filter((f) => f.endsWith(".ts"))
          .map((f) => join(ROOT, ADAPTER, f));
  const { used, failures } = check(files, min);
  if (json) console.log(JSON.stringify({ min, used, failures }, null, 2));
  for (const f of failures)
    console.error(
      `check-api-sets: ${f.file}:${f.line}: ${f.member} needs ${f.set} ${f.version ?? "(not in Excel)"}, above the manifest's ExcelApi ${min}, and no check of its set guards it${f.guard === null ? "" : ` (guarded for ${f.guard} only)`}`,
    );
  if (!json)
    console.log(
      `check-api-sets: ${used.length} uses of ${new Set(used.map((u) => u.member)).size} Excel members in ${files.length} files; ${failures.length} above ExcelApi ${min} unguarded`,
    );
  process.exitCode = failures.length > 0 ? 1 : 0;
}
