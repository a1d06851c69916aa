#!/usr/bin/env bash
# Install the docs extra into a clean venv and build the documentation twice, warnings as
# errors: every example as a doctest, then the HTML site (what `tox -e docs` runs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" -q install "$root[docs]"
"$work/venv/bin/python" -m sphinx -q -W -n -b doctest "$root/docs" "$work/doctest"
"$work/venv/bin/python" -m sphinx -q -W -n -b html "$root/docs" "$work/html"
echo "docs: doctest and HTML builds passed"
