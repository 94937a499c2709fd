#!/usr/bin/env bash
# The README's main command on a machine without Excel: installs the dependencies, builds, writes the
# built-in demo workbook and summarizes it into demo.ctg.xlsx (live formulas, French).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent build >/dev/null
node dist/cli/ctg-planner.js demo -o demo.xlsx
node dist/cli/ctg-planner.js summarize demo.xlsx -o demo.ctg.xlsx "$@"
