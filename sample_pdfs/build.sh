#!/usr/bin/env bash
# Rebuild the sample PDFs from their LaTeX sources (needs TeX Live; CI does not).
#   apt-get update && apt-get install texlive-latex-extra texlive-fonts-recommended latexmk
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python3 "$here/gen.py"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cd "$here/src"
for tex in *.tex; do
  name="${tex%.tex}"
  SOURCE_DATE_EPOCH=1764000000 FORCE_SOURCE_DATE=1 \
    latexmk -pdf -interaction=nonstopmode -halt-on-error -outdir="$build" "$tex" >"$build/$name.log.txt" 2>&1 \
    || { echo "build failed: $tex (see log)"; tail -20 "$build/$name.log"; exit 1; }
  cp "$build/$name.pdf" "$here/$name.pdf"
  echo "built $name.pdf"
done
