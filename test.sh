#!/usr/bin/env bash
# Runs every test of Huikuan. Installs what the tests need from Debian when it is missing (PostgreSQL 15:
# the tests start and stop their own throw-away cluster on 127.0.0.1; Chromium and CJK fonts: the browser
# tests drive /usr/bin/chromium), builds with warnings as errors, runs each test project, and ends with
# one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then
    sudo_if_needed apt-get update -qq
    apt_updated=yes
  fi
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  echo "== Installing PostgreSQL (Debian package) for the integration tests"
  apt_install postgresql
fi
if [ ! -x /usr/bin/chromium ] || ! compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK-*" >/dev/null; then
  echo "== Installing Chromium and CJK fonts (Debian packages) for the browser tests"
  apt_install chromium fonts-noto-cjk
fi

if [ ! -x /usr/bin/pdftotext ] || [ ! -x /usr/bin/pdffonts ]; then
  echo "== Installing poppler-utils (Debian package): the letter tests read the PDFs back"
  apt_install poppler-utils
fi
if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
  echo "== Installing aiosmtpd (Debian package): the mail tests deliver to a real SMTP server"
  apt_install python3-aiosmtpd
fi

echo "== Building"
dotnet build Huikuan.slnx -c Release --nologo -v q -clp:ErrorsOnly

results=.artifacts/test-results
rm -rf "$results"
mkdir -p "$results"
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=1
  if [ ! -f "$results/$name.trx" ]; then
    echo "$name produced no results: counted as a failure."
    status=1
  fi
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error)
  passed=$((passed + p)); failed=$((failed + f + e)); skipped=$((skipped + total - executed))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
