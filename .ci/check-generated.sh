#!/usr/bin/env bash
# Regenerates the bindings in a temporary copy of the tree and fails, naming
# the files, when the committed generated code differs from a fresh run.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top"
# Copy the tracked and untracked-but-not-ignored files, as they are now.
{ git ls-files -z --cached --others --exclude-standard 2>/dev/null || find . -type f -print0; } \
  | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
  | tar --null -T - -cf - | tar -xf - -C "$tmp"
(cd "$tmp" && go generate ./... >/dev/null)
status=0
for f in "$@"; do
  if ! cmp -s "$top/$f" "$tmp/$f"; then
    echo "check-generated: $f differs from a fresh 'go generate ./...'; run 'make generate' and commit it" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "check-generated: $* up to date"
exit "$status"
