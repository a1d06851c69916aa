#!/usr/bin/env bash
# Build the wheel, install it into a clean venv, and run the test suite against it with the
# source tree out of the path: a data file missing from the wheel fails loudly here.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/build-venv"
"$work/build-venv/bin/pip" -q wheel --no-deps -w "$work/dist" "$root"
wheel=$(ls "$work"/dist/learning_cities-*.whl)
python3 - "$wheel" <<'PY'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
for required in ("learning_cities/py.typed", "learning_cities/data/gnlc.json", "learning_cities/data/alternate_names.json", "learning_cities/data/rules.json"):
    assert required in names, f"{required} is missing from the wheel"
print(f"wheel contents checked: {len(names)} files")
PY

python3 -m venv "$work/venv"
"$work/venv/bin/pip" -q install "$wheel[test]"

# Everything but the source: tests, README, reference data, tools, examples, docs.
mkdir "$work/checkout"
(cd "$root" && git ls-files --cached --others --exclude-standard | grep -v '^src/' |
  while IFS= read -r file; do [ -f "$file" ] && cp --parents "$file" "$work/checkout/"; done)

cd "$work/checkout"
location=$("$work/venv/bin/python" -c "import learning_cities; print(learning_cities.__file__)")
case "$location" in
  "$work/venv/"*) echo "testing the installed wheel at $location" ;;
  *) echo "learning_cities was imported from $location, not the wheel" >&2; exit 1 ;;
esac
"$work/venv/bin/python" -m pytest -p no:cacheprovider -o addopts="" -o testpaths="" \
  -W error --doctest-glob=README.md tests README.md
"$work/venv/bin/python" -m pytest -p no:cacheprovider -o addopts="" --doctest-modules --pyargs learning_cities -q
