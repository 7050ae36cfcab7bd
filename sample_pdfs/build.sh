#!/usr/bin/env bash
# Rebuild the sample PDFs from their LaTeX sources with the venues' official kits in
# ../shared/kits (found through TEXINPUTS; no kit file is copied here). Needs TeX Live;
# CI does not:
#   apt-get update && apt-get install texlive-latex-extra texlive-fonts-recommended \
#     texlive-science latexmk
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
kits="${KITS:-$here/../../shared/kits}"
[ -d "$kits/mlsys2025" ] || { echo "no official kits at $kits (set KITS=...)" >&2; exit 2; }
kits="$(cd "$kits" && pwd)"
python3 "$here/gen.py"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cd "$here/src"
for tex in *.tex; do
  name="${tex%.tex}"
  case "$(grep -o 'usepackage\(\[[^]]*\]\)\?{\(mlsys2025\|icml2026\|neurips_2025\)}' "$tex" | head -1)" in
    *icml2026*) kit=icml2026 ;;
    *neurips_2025*) kit=neurips2025 ;;
    *) kit=mlsys2025 ;;
  esac
  TEXINPUTS=".:$kits/$kit:" BSTINPUTS="$kits/$kit:" \
  SOURCE_DATE_EPOCH=1764000000 FORCE_SOURCE_DATE=1 \
    latexmk -pdf -interaction=nonstopmode -halt-on-error -outdir="$build" "$tex" >"$build/$name.log.txt" 2>&1 \
    || { echo "build failed: $tex (see log)"; tail -20 "$build/$name.log"; exit 1; }
  cp "$build/$name.pdf" "$here/$name.pdf"
  { grep -c 'Overfull' "$build/$name.log" || true; } | sed "s/^/built $name.pdf (overfull boxes: /;s/$/)/"
done
