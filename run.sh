#!/usr/bin/env bash
# Runs the AllianceKpi portal locally on the embedded SQLite database, with demo data.
#   ./run.sh              -> http://localhost:5080
#   PORT=8000 ./run.sh    -> http://localhost:8000
# Data lives in ./data (database alliancekpi.db, uploaded files in data/files); delete the folder to start over.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO"
WEB="src/AllianceKpi.Web"
PORT="${PORT:-5080}"
CHROMIUM="/usr/lib/chromium/chromium"

warn() { printf '\033[33mwarning:\033[0m %s\n' "$*" >&2; }

# 1. .NET SDK
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: 'dotnet' is not on PATH. Install the .NET 10 SDK (see global.json) and run ./run.sh again." >&2
  echo "錯誤：找不到 dotnet。請先安裝 .NET 10 SDK，再執行 ./run.sh。" >&2
  exit 1
fi

# 2. Front-end packages (Bootstrap etc.), installed from the lock file once.
if [[ ! -f "$WEB/package.json" ]]; then
  warn "$WEB/package.json not found: skipping npm packages."
elif [[ -d "$WEB/node_modules" ]]; then
  : # already installed
elif ! command -v npm >/dev/null 2>&1; then
  warn "npm not found: front-end packages are not installed, pages may look unstyled. Install Node.js/npm and run ./run.sh again."
else
  echo "Installing front-end packages (npm ci) ..."
  (cd "$WEB" && npm ci --no-audit --no-fund)
fi

# 3. Chromium and CJK fonts for PDF reports (optional: the portal runs without them).
have_cjk_fonts() {
  dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' && return 0
  command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'
}
pdf_ready() { [[ -x "$CHROMIUM" ]] && have_cjk_fonts; }

if ! pdf_ready; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium and Noto CJK fonts for PDF reports (apt-get) ..."
    ( export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
    ) || warn "apt-get could not install chromium / fonts-noto-cjk."
  fi
  if ! pdf_ready; then
    warn "PDF reports are unavailable until Chromium and CJK fonts are installed: sudo apt-get install chromium fonts-noto-cjk"
    warn "PDF 報表暫時無法產生：請先執行 sudo apt-get install chromium fonts-noto-cjk 安裝 Chromium 與中文字型。"
  fi
fi

# 4. Local data folder
mkdir -p "$REPO/data/files"

# 5. Run (the app prints its URL and the demo accounts once it has started).
export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://localhost:$PORT"
export Database__Provider=Sqlite
export ConnectionStrings__Default="Data Source=$REPO/data/alliancekpi.db"
export Storage__Root="$REPO/data/files"
export Demo__Seed=true
# The demo data is the 2021 programme year: start the clock on 2021/06/01 so its first report is open (Demo__Today= for the real date).
export Demo__Today="${Demo__Today-2021-06-01}"
export Pdf__ChromiumPath="${Pdf__ChromiumPath:-$CHROMIUM}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "Building and starting AllianceKpi on http://localhost:$PORT (Ctrl+C to stop) ..."
exec dotnet run --project "$WEB" -c Release --no-launch-profile
