#!/usr/bin/env bash
# Fetches DuckDB's native library (v1.5.6) into native/duckdb/1.5.6/ unless it is already there.
# DuckDB publishes no NuGet package with native bindings that restores here; the npm package
# @duckdb/node-bindings-linux-x64 ships the very same libduckdb.so, so npm is our download channel.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="1.5.6"
package="@duckdb/node-bindings-linux-x64@1.5.6-r.1"
expected_sha256="3f4962cdd266eab2b479a5b5a4a6d063d279b2954ae814ed00385d553b747633"
dest="$root/native/duckdb/$version"
lib="$dest/libduckdb.so"

if [[ -f "$lib" ]] && echo "$expected_sha256  $lib" | sha256sum -c --status; then
  exit 0
fi
command -v npm >/dev/null || { echo "fetch-duckdb: npm is required to fetch $package (apt-get install npm)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetch-duckdb: downloading $package" >&2
(cd "$work" && npm pack --silent "$package" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"
actual="$(sha256sum "$work/package/libduckdb.so" | cut -d' ' -f1)"
if [[ "$actual" != "$expected_sha256" ]]; then
  echo "fetch-duckdb: checksum mismatch for libduckdb.so: expected $expected_sha256, got $actual" >&2
  exit 1
fi
mkdir -p "$dest"
cp "$work/package/libduckdb.so" "$lib.tmp"
cp "$work/package/LICENSE" "$dest/LICENSE"
mv "$lib.tmp" "$lib"
echo "fetch-duckdb: installed $lib" >&2
