#!/bin/sh
# Refresh the vendored world boundaries from the npm package world-atlas (Natural Earth 1:110m).
# Maintainers only; the build never downloads anything. Usage: sh hooks/hub/data/world-atlas/refresh.sh [version]
set -eu
version="${1:-2.0.2}"
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "world-atlas@$version" >/dev/null && tar xzf world-atlas-*.tgz)
cp "$tmp/package/countries-110m.json" "$tmp/package/LICENSE" "$here/"
echo "world-atlas $version: countries-110m.json and LICENSE copied to $here"
