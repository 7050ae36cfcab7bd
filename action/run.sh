#!/usr/bin/env bash
# The GitHub Action's body (action.yml runs it); runnable locally with the same variables:
#   INPUT_PATH (required: PDFs, folders, LaTeX main files; space-separated), INPUT_VENUE, INPUT_ARGS,
#   INPUT_SARIF_FILE, GITHUB_STEP_SUMMARY (a file the Markdown summary is appended to).
# Prints GitHub annotations, writes the job summary and the SARIF file, and exits with
# mlsys-lint's own exit code (0 clean, 1 errors found, 2 unreadable input or bad usage).
set -uo pipefail
: "${INPUT_PATH:?INPUT_PATH (the path input of the action) is required}"
venue="${INPUT_VENUE:-mlsys2026}"
read -r -a paths <<<"$INPUT_PATH"
read -r -a extra <<<"${INPUT_ARGS:-}"
lint=(mlsys-lint --venue "$venue" "${extra[@]}")

"${lint[@]}" --format github "${paths[@]}"
status=$?

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  "${lint[@]}" --format markdown --exit-zero "${paths[@]}" >>"$GITHUB_STEP_SUMMARY" 2>/dev/null
fi
if [ -n "${INPUT_SARIF_FILE:-}" ]; then
  "${lint[@]}" --format sarif --exit-zero -o "$INPUT_SARIF_FILE" "${paths[@]}" 2>/dev/null
fi
exit "$status"
