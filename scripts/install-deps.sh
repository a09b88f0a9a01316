#!/usr/bin/env bash
# Installs what the test suite needs and is missing: the registry, buildah,
# podman, skopeo and friends from Debian, and node_modules from the lockfile.
# Idempotent and silent when everything is present.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# binary → Debian package providing it
declare -A PACKAGE_OF=(
  [docker-registry]=docker-registry
  [skopeo]=skopeo
  [buildah]=buildah
  [podman]=podman
  [rsync]=rsync
  [htpasswd]=apache2-utils
  [openssl]=openssl
  [git]=git
)

missing=()
for bin in "${!PACKAGE_OF[@]}"; do
  command -v "$bin" >/dev/null 2>&1 || missing+=("${PACKAGE_OF[$bin]}")
done
[ -f /etc/ssl/certs/ca-certificates.crt ] || missing+=(ca-certificates)

if [ "${#missing[@]}" -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "install-deps: missing ${missing[*]}; run as root or install sudo" >&2
      exit 1
    fi
  fi
  echo "install-deps: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# npm writes node_modules/.package-lock.json on every install: it stamps when
# node_modules last matched package.json and the lockfile.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || { [ -f package-lock.json ] && [ package-lock.json -nt "$stamp" ]; }; then
  if [ -f package-lock.json ]; then
    echo "install-deps: npm ci" >&2
    npm ci --no-audit --no-fund --loglevel=error >&2
  else
    echo "install-deps: npm install" >&2
    npm install --no-audit --no-fund --loglevel=error >&2
  fi
  touch "$stamp"
fi
