#!/usr/bin/env bash
# Refresh the vendored iframe-worker shim (maintainers; needs npm and internet).
# Material's offline plugin loads this shim from a CDN (unpkg) by default; the hub ships it
# instead, so that search works from file:// with no network. The build never downloads it:
# this script is run by hand (`make vendor`) and its output is committed.
#   usage: tools/vendor-iframe-worker.sh [version]      (default: the version in SOURCE.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
dest=overrides/assets/vendor/iframe-worker
version="${1:-$(sed -n 's/^version: //p' "$dest/SOURCE.txt")}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tarball="$(cd "$work" && npm pack --silent "iframe-worker@$version")"
expected="$(npm view "iframe-worker@$version" dist.integrity)"
actual="sha512-$(openssl dgst -sha512 -binary "$work/$tarball" | base64 -w0)"
if [ "$expected" != "$actual" ]; then
  echo "integrity mismatch for $tarball: registry says $expected, got $actual" >&2
  exit 1
fi
tar -xzf "$work/$tarball" -C "$work"
cp "$work/package/shim/index.js" "$dest/shim.js"
cp "$work/package/LICENSE" "$dest/LICENSE"
cat > "$dest/SOURCE.txt" <<TXT
package: iframe-worker
version: $version
file: shim/index.js (copied unchanged as shim.js)
tarball: https://registry.npmjs.org/iframe-worker/-/$tarball
integrity: $actual
sha256 of shim.js: $(sha256sum "$dest/shim.js" | cut -d' ' -f1)
licence: MIT (LICENSE, from the package)
refresh: make vendor  (tools/vendor-iframe-worker.sh)
TXT
echo "vendored iframe-worker $version into $dest" >&2
