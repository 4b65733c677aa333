# Shared by scripts/run.sh and scripts/test.sh: create .venv if missing, reuse it if present,
# and (re)install the project when pyproject.toml changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "kg: creating .venv" >&2
  "$python" -m venv .venv
fi
stamp=".venv/.kg-installed${extras:+-$extras}"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "kg: installing kg${extras:+[$extras]} into .venv (once)" >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras:+[$extras]}" >&2
  echo "$want" > "$stamp"
fi
