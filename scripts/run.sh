#!/usr/bin/env bash
# Set up .venv (first run only) and build the graph of the seed articles:
# ingest seeds/ into ./kg-store, print a summary, write graph.html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/_venv.sh
exec .venv/bin/kg build seeds --output graph.html "$@"
