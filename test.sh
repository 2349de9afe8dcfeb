#!/usr/bin/env bash
# Runs every test suite of AllianceKpi and prints one summary.
#   ./test.sh                          all runs
#   ./test.sh --filter Cutoff          only tests whose name contains "Cutoff" (dotnet test --filter)
#   ./test.sh --only domain,web-sqlite run only some of: domain, web-sqlite, web-postgres, browser, browser-postgres
# Installs what is missing (as root with apt-get), builds once in Release, starts a throwaway
# PostgreSQL (scripts/pg-start.sh, stopped on exit), then runs:
#   domain        tests/AllianceKpi.Domain.Tests
#   web-sqlite    tests/AllianceKpi.Web.Tests      AK_TEST_DB=Sqlite
#   web-postgres  tests/AllianceKpi.Web.Tests      AK_TEST_DB=Postgres AK_TEST_PG=<connection string>
#   browser       tests/AllianceKpi.Browser.Tests  AK_TEST_DB=Sqlite
#   browser-postgres  the browser scenarios that write (a quarter reported, submitted, returned and accepted; work
#                 progress; drafts and sessions; 預期成果) again on PostgreSQL
# Every run gets AK_CHROMIUM (Chromium binary) and AK_SCREENSHOTS (absolute screenshot folder).
# Results: test-artifacts/results/<run>.trx; screenshots: test-artifacts/screenshots.
# The last line is "Tests: N passed, N failed, N skipped". Exit code 1 when any run failed,
# ran no test, or left no .trx file.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO"

WEB="src/AllianceKpi.Web"
CHROMIUM="/usr/lib/chromium/chromium"
PG_PORT="${AK_PG_PORT:-55432}"
PG_CONN="Host=127.0.0.1;Port=$PG_PORT;Database=appdb;Username=app;Password=app_pw"
RESULTS="$REPO/test-artifacts/results"
SCREENSHOTS="$REPO/test-artifacts/screenshots"
ALL_RUNS="domain web-sqlite web-postgres browser browser-postgres"
BROWSER_PG_FILTER="FullyQualifiedName~QuarterTests|FullyQualifiedName~WorkProgressTests|FullyQualifiedName~SessionAndDraftTests|FullyQualifiedName~ExpectedResultsTests"

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export AK_CHROMIUM="${AK_CHROMIUM:-$CHROMIUM}"
export AK_SCREENSHOTS="$SCREENSHOTS"

usage() {
  sed -n '2,5p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}
warn() { echo "test.sh: warning: $*" >&2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
fmt_ms() {  # 83456 -> "1m 23.4s", 5432 -> "5.4s"
  local ms=$1
  if (( ms >= 60000 )); then
    printf '%dm %d.%ds' $(( ms / 60000 )) $(( ms % 60000 / 1000 )) $(( ms % 1000 / 100 ))
  else
    printf '%d.%ds' $(( ms / 1000 )) $(( ms % 1000 / 100 ))
  fi
}

# ---- arguments -------------------------------------------------------------
filter=""
only=""
while (( $# )); do
  case "$1" in
    --filter) (( $# >= 2 )) || { usage >&2; exit 2; }; filter="$2"; shift 2 ;;
    --filter=*) filter="${1#*=}"; shift ;;
    --only) (( $# >= 2 )) || { usage >&2; exit 2; }; only="$2"; shift 2 ;;
    --only=*) only="${1#*=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "test.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
for name in ${only//,/ }; do
  [[ " $ALL_RUNS " == *" $name "* ]] || { echo "test.sh: unknown run '$name' (runs: $ALL_RUNS)" >&2; exit 2; }
done
selected() { [[ -z "$only" || ",$only," == *",$1,"* ]]; }

T0=$(now_ms)
mkdir -p "$RESULTS" "$SCREENSHOTS"

# ---- system packages ---------------------------------------------------------
have_cjk_fonts() {
  dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' && return 0
  command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'
}
missing=()
[[ -x "$CHROMIUM" ]] || missing+=(chromium)
have_cjk_fonts || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if (( ${#missing[@]} )); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "== Installing ${missing[*]} (apt-get) =="
    apt_log="$REPO/test-artifacts/apt.log"
    if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$apt_log" 2>&1; then
      warn "apt-get failed (tests that need ${missing[*]} will fail); end of $apt_log:"
      tail -n 20 "$apt_log" >&2 || true
    fi
  else
    warn "missing ${missing[*]}; install them: sudo apt-get install ${missing[*]}"
  fi
fi

# ---- front-end packages --------------------------------------------------------
if [[ -f "$WEB/package.json" && ! -d "$WEB/node_modules" ]]; then
  if command -v npm >/dev/null 2>&1; then
    echo "== npm ci ($WEB) =="
    if [[ -f "$WEB/package-lock.json" ]]; then
      (cd "$WEB" && npm ci --no-audit --no-fund)
    else
      warn "$WEB/package-lock.json is missing; using npm install"
      (cd "$WEB" && npm install --no-audit --no-fund)
    fi
  else
    warn "npm not found: front-end packages not installed"
  fi
fi

# ---- build once --------------------------------------------------------------
# In CI, leave no compiler or MSBuild server processes running after the script.
build_server_args=()
[[ "${CI:-}" == "true" ]] && build_server_args=(--disable-build-servers)

echo "== dotnet build AllianceKpi.sln -c Release =="
if ! dotnet build AllianceKpi.sln -c Release "${build_server_args[@]}"; then
  echo "test.sh: the build failed; no tests were run." >&2
  exit 1
fi

# ---- PostgreSQL ----------------------------------------------------------------
pg_started=0
cleanup() {
  if (( pg_started )); then AK_PG_PORT="$PG_PORT" "$REPO/scripts/pg-stop.sh" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_ok=1
if selected web-postgres || selected browser-postgres; then
  echo "== Starting PostgreSQL (scripts/pg-start.sh) =="
  pg_started=1
  AK_PG_PORT="$PG_PORT" "$REPO/scripts/pg-start.sh" || { pg_ok=0; warn "PostgreSQL did not start"; }
fi

# ---- test runs ---------------------------------------------------------------
test_args=(-c Release --no-build "${build_server_args[@]}"
           --blame-hang-timeout "${AK_TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type none)
[[ -n "$filter" ]] && test_args+=(--filter "$filter")

runs=()          # names in order
declare -A st pa fa sk du note
total_passed=0 total_failed=0 total_skipped=0 total_executed=0 any_failed=0

trx_attr() {  # trx_attr <counters-element> <attribute>
  sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p" <<<"$1"
}

# record <name> <exit code> <trx file> <duration ms> [note]
record() {
  local name=$1 rc=$2 trx=$3 ms=$4 why=${5:-}
  local counters="" total=0 executed=0 passed=0 failed=0 errors=0 timeouts=0 status=ok
  if [[ -f "$trx" ]]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
    total=$(trx_attr "$counters" total); executed=$(trx_attr "$counters" executed)
    passed=$(trx_attr "$counters" passed); failed=$(trx_attr "$counters" failed)
    errors=$(trx_attr "$counters" error); timeouts=$(trx_attr "$counters" timeout)
    total=${total:-0} executed=${executed:-0} passed=${passed:-0}
    failed=$(( ${failed:-0} + ${errors:-0} + ${timeouts:-0} ))
  fi
  local skipped=$(( total - executed ))
  if [[ -n "$why" ]]; then status=FAIL
  elif [[ ! -f "$trx" ]]; then status=FAIL; why="no .trx file (exit code $rc)"
  elif (( failed > 0 )); then status=FAIL
  elif (( executed == 0 )) && [[ -n "$filter" ]] && (( rc == 0 )); then status=none; why="the filter matched no test here"
  elif (( executed == 0 )); then status=FAIL; why="no test executed"
  elif (( rc != 0 )); then status=FAIL; why="dotnet test exited with $rc (test host crash or hang?)"
  fi
  [[ "$status" == FAIL ]] && any_failed=1
  runs+=("$name"); st[$name]=$status; pa[$name]=$passed; fa[$name]=$failed; sk[$name]=$skipped
  du[$name]=$ms; note[$name]=$why
  total_passed=$(( total_passed + passed )); total_failed=$(( total_failed + failed ))
  total_skipped=$(( total_skipped + skipped )); total_executed=$(( total_executed + executed ))
  if (( failed > 0 )); then
    echo "-- $name: failed tests --"
    grep -o '<UnitTestResult [^>]*outcome="\(Failed\|Error\|Timeout\)"[^>]*>' "$trx" \
      | sed -n 's/.* testName="\([^"]*\)".*/   \1/p' | head -n 30 || true
  fi
}

# run_suite <name> <test project> [VAR=value ...]; SUITE_FILTER, when set, narrows the run (and the user's --filter).
run_suite() {
  local name=$1 project=$2; shift 2
  selected "$name" || return 0
  local trx="$RESULTS/$name.trx" rc=0 start
  local args=("${test_args[@]}")
  if [[ -n "${SUITE_FILTER:-}" ]]; then
    args=(-c Release --no-build "${build_server_args[@]}"
          --blame-hang-timeout "${AK_TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type none)
    if [[ -n "$filter" ]]; then args+=(--filter "($filter)&($SUITE_FILTER)"); else args+=(--filter "$SUITE_FILTER"); fi
  fi
  rm -f "$trx"
  echo
  echo "== $name: dotnet test $project${*:+ ($*)} =="
  start=$(now_ms)
  env "$@" dotnet test "$project" "${args[@]}" \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" || rc=$?
  record "$name" "$rc" "$trx" $(( $(now_ms) - start ))
}

run_suite domain tests/AllianceKpi.Domain.Tests
run_suite web-sqlite tests/AllianceKpi.Web.Tests AK_TEST_DB=Sqlite
if selected web-postgres; then
  if (( pg_ok )); then
    run_suite web-postgres tests/AllianceKpi.Web.Tests AK_TEST_DB=Postgres "AK_TEST_PG=$PG_CONN"
  else
    record web-postgres 1 "$RESULTS/web-postgres.trx" 0 "PostgreSQL did not start (see scripts/pg-start.sh output)"
  fi
fi
if selected browser; then
  find "$SCREENSHOTS" -mindepth 1 -delete 2>/dev/null || true
  run_suite browser tests/AllianceKpi.Browser.Tests AK_TEST_DB=Sqlite "AK_CHROMIUM=$AK_CHROMIUM"
fi
if selected browser-postgres; then
  if (( pg_ok )); then
    SUITE_FILTER="$BROWSER_PG_FILTER" run_suite browser-postgres tests/AllianceKpi.Browser.Tests AK_TEST_DB=Postgres \
      "AK_TEST_PG=$PG_CONN" "AK_CHROMIUM=$AK_CHROMIUM"
  else
    record browser-postgres 1 "$RESULTS/browser-postgres.trx" 0 "PostgreSQL did not start (see scripts/pg-start.sh output)"
  fi
fi

# ---- summary -----------------------------------------------------------------
if [[ -n "$filter" ]] && (( total_executed == 0 )); then
  any_failed=1
  echo "test.sh: the filter '$filter' matched no test in any run" >&2
fi

echo
echo "== Summary =="
printf '%-17s %-6s %8s %8s %8s %10s  %s\n' run result passed failed skipped duration note
for name in "${runs[@]}"; do
  printf '%-17s %-6s %8d %8d %8d %10s  %s\n' "$name" "${st[$name]}" "${pa[$name]}" "${fa[$name]}" \
    "${sk[$name]}" "$(fmt_ms "${du[$name]}")" "${note[$name]}"
done
echo "Results (.trx): test-artifacts/results"
if selected browser; then
  shots=$(find "$SCREENSHOTS" -type f | wc -l)
  echo "Screenshots from the browser tests: test-artifacts/screenshots ($shots files)"
fi
echo "Total wall time: $(fmt_ms $(( $(now_ms) - T0 )))"
echo "Tests: $total_passed passed, $total_failed failed, $total_skipped skipped"
exit "$any_failed"
