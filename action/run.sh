#!/usr/bin/env bash
# The GitHub Action's body (action.yml runs it); runnable locally with the same variables:
#   INPUT_PATH (required: PDFs, folders, LaTeX main files; one per line, or space-separated
#   when on one line, unless that line names an existing path as a whole), INPUT_VENUE (empty: the repository's configured venue, else
#   mlsys2026), INPUT_ARGS, INPUT_SARIF_FILE, GITHUB_STEP_SUMMARY (a file the Markdown
#   summary is appended to), GITHUB_OUTPUT (the step's outputs: exit-code, errors, warnings).
# Lints once: the annotations go to stdout, the summary, the SARIF file and the counts come
# from the same result. Exits with mlsys-lint's own exit code (0 clean, 1 errors found,
# 2 unreadable input or bad usage).
set -uo pipefail
: "${INPUT_PATH:?INPUT_PATH (the path input of the action) is required}"
if [[ "$INPUT_PATH" == *$'\n'* ]]; then
  mapfile -t paths < <(printf '%s\n' "$INPUT_PATH" | sed '/^[[:space:]]*$/d')
elif [ -e "$INPUT_PATH" ]; then
  paths=("$INPUT_PATH")  # one path that holds spaces
else
  read -r -a paths <<<"$INPUT_PATH"
fi
# the args input split as a shell splits it: quoted values stay whole, nothing is expanded
extra=()
if [ -n "${INPUT_ARGS:-}" ]; then
  mapfile -d '' -t extra < <(python3 -c '
import shlex, sys
try:
    words = shlex.split(sys.argv[1])
except ValueError as exc:
    sys.exit(f"mlsys-lint action: the args input does not split: {exc}")
sys.stdout.write("".join(w + "\0" for w in words))
' "$INPUT_ARGS") || exit 2
  wait $! || exit 2
fi
lint=(mlsys-lint)
if [ -n "${INPUT_VENUE:-}" ]; then
  lint+=(--venue "$INPUT_VENUE")
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
also=(--also "json:$work/report.json" --also "markdown:$work/summary.md")
if [ -n "${INPUT_SARIF_FILE:-}" ]; then
  also+=(--also "sarif:$INPUT_SARIF_FILE")
fi

"${lint[@]}" "${extra[@]}" --format github "${also[@]}" "${paths[@]}"
status=$?

if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$work/summary.md" ]; then
  cat "$work/summary.md" >>"$GITHUB_STEP_SUMMARY"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  counts="$(python3 - "$work/report.json" <<'PY' 2>/dev/null || echo "0 0"
import json, sys
files = json.load(open(sys.argv[1]))["files"]
found = [f["severity"] for r in files for f in r["findings"] if not f.get("same_as")]
print(found.count("error"), found.count("warning"))
PY
)"
  read -r errors warnings <<<"$counts"
  {
    echo "exit-code=$status"
    echo "errors=${errors:-0}"
    echo "warnings=${warnings:-0}"
  } >>"$GITHUB_OUTPUT"
fi
exit "$status"
