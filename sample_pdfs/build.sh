#!/usr/bin/env bash
# Rebuild the sample PDFs from their LaTeX sources with the venues' official kits in
# ../shared/kits (found through TEXINPUTS; no kit file is copied here). Needs TeX Live;
# CI does not:
#   apt-get update && apt-get install texlive-latex-extra texlive-fonts-recommended \
#     texlive-science texlive-publishers latexmk
# `bash build.sh NAME...` rebuilds only those samples (src/NAME.tex); the tpl_* samples are
# set in other templates with TeX Live's own classes (acmart, IEEEtran, llncs), no kit.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
kits="${KITS:-$here/../../shared/kits}"
[ -d "$kits/mlsys2025" ] || { echo "no official kits at $kits (set KITS=...)" >&2; exit 2; }
kits="$(cd "$kits" && pwd)"
python3 "$here/gen.py"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cd "$here/src"
if [ "$#" -gt 0 ]; then sources=("${@/%/.tex}"); else sources=(*.tex); fi
for tex in "${sources[@]}"; do
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
[ "$#" -gt 0 ] && exit 0
# SyncTeX for the tests of exact source lines: blind_leaks built again with -synctex=1
# (the PDF is byte-identical), its own source's path written as @SRC@ so that a test can
# place it (a local build, or Overleaf's /compile), the kit's and TeX Live's paths as they
# were; gzip -n keeps it byte-stable
sync="$here/../tests/fixtures/synctex"
mkdir -p "$sync"
TEXINPUTS=".:$kits/mlsys2025:" BSTINPUTS="$kits/mlsys2025:" \
SOURCE_DATE_EPOCH=1764000000 FORCE_SOURCE_DATE=1 \
  latexmk -pdf -synctex=1 -interaction=nonstopmode -halt-on-error -outdir="$build/sync" \
  blind_leaks.tex >"$build/sync.log.txt" 2>&1
cmp -s "$build/sync/blind_leaks.pdf" "$here/blind_leaks.pdf" || { echo "SyncTeX build differs"; exit 1; }
zcat "$build/sync/blind_leaks.synctex.gz" | sed "s#^Input:\([0-9]*\):$here/src/\./#Input:\1:@SRC@/#" \
  | sed "s#$kits#@KITS@#;s#$build/sync#@BUILD@#" | gzip -n -9 >"$sync/blind_leaks.synctex.gz"
echo "wrote tests/fixtures/synctex/blind_leaks.synctex.gz"
