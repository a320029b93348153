#!/usr/bin/env bash
# `npm test`: the type check, the format check, the suite on in-memory PGlite (`all`), the database suite on
# PostgreSQL (`db`) and the fault tests (`faults`), side by side under one throwaway PostgreSQL
# (scripts/with-postgres.sh). `all` and `db` run in one vitest process sharing its two workers; the fault
# tests, one file at a time and mostly waiting out real timers, run beside them in a second process, and the
# two checks beside both. Each part's exit status counts; each vitest process writes its JSON report to
# test-results/ for scripts/sum-test-results.ts. The parts run beside the suites print their output when they end.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TEST_DATABASE_URL:-}" ]; then exec bash scripts/with-postgres.sh bash "$0" "$@"; fi

mkdir -p test-results
reporters=(--reporter=default --reporter=json)
npx vitest run --project faults "${reporters[@]}" --outputFile.json=test-results/faults.json >test-results/faults.log 2>&1 &
faults=$!
npm run --silent typecheck >test-results/typecheck.log 2>&1 &
typecheck=$!
npm run --silent format:check >test-results/format.log 2>&1 &
format=$!

status=0
npx vitest run --project all --project db "${reporters[@]}" --outputFile.json=test-results/suites.json || status=1
for part in typecheck format faults; do
  wait "${!part}" || { status=1; echo "run-tests: $part failed"; }
  echo "── $part ──"
  cat "test-results/$part.log"
done
exit $status
