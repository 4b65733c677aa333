#!/usr/bin/env bash
# Set up .venv with the test tools (first run only), make sure Debian's Chromium is there
# for the browser tests, then lint and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/_venv.sh test
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "kg: installing Debian's chromium for the browser tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2
  else
    echo "kg: /usr/bin/chromium is missing (sudo apt-get install chromium); browser tests will skip" >&2
  fi
fi
.venv/bin/ruff check kg tests bench
exec .venv/bin/pytest "$@"
