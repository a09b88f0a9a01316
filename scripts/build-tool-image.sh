#!/usr/bin/env bash
# Builds the GitLab component's tool image (gitlab/Dockerfile) with buildah:
# chroot isolation, no daemon, and no Docker Hub.
#
# gitlab/Dockerfile starts FROM docker.io/library/node:24-bookworm-slim. When
# local storage has no image of that name and it cannot be pulled (no route
# to Docker Hub), this script makes an equivalent one under that name: a
# Debian bookworm rootfs from `debootstrap --variant=minbase` (trimmed like
# Debian's slim images) plus the pinned Node 24 binary from node_modules as
# /usr/local/bin/node. A machine that has or can pull the real image uses the
# real one. The rootfs is cached in .tmp/tool-image/, so only the first run
# downloads Debian.
#
# Usage: scripts/build-tool-image.sh [--check]
#   --check  then run scripts/check-tool-image.sh against the built image.
# Environment: IMAGE_MIRROR_TOOL_TAG (default image-mirror-tool:dev),
# DEBIAN_MIRROR (default: the host's apt mirror, else deb.debian.org).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly BASE=docker.io/library/node:24-bookworm-slim
readonly TAG=${IMAGE_MIRROR_TOOL_TAG:-image-mirror-tool:dev}
readonly SUITE=bookworm
readonly CACHE=.tmp/tool-image
# Marks a base this script made, with what it was made from.
readonly LOCAL_LABEL=io.image-mirror.local-base

say() { echo "build-tool-image: $*" >&2; }
die() { say "$*"; exit 1; }

check=false
for arg in "$@"; do
  case "$arg" in
    --check) check=true ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$arg' (usage: scripts/build-tool-image.sh [--check])" ;;
  esac
done

command -v buildah >/dev/null 2>&1 || die "buildah is not installed (scripts/install-deps.sh installs it)"
[ -f dist/cli/index.js ] || die "dist/cli/index.js is missing: run npm run build first"

# Work dirs and containers of this run, removed on exit whatever happens.
cleanup_dirs=()
cleanup_containers=()
cleanup() {
  local c d
  for c in "${cleanup_containers[@]}"; do buildah rm "$c" >/dev/null 2>&1 || true; done
  for d in "${cleanup_dirs[@]}"; do remove_tree "$d"; done
}
trap cleanup EXIT

seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# debootstrap mounts /proc and /sys and bind-mounts device nodes into its
# target; an interrupted run can leave them mounted. Unmount them first, and
# never let rm cross into another file system.
remove_tree() {
  local dir mount
  [ -e "$1" ] || return 0
  dir=$(realpath "$1")
  while read -r mount; do
    umount -l "$mount" 2>/dev/null || true
  done < <(findmnt -rn -o TARGET | awk -v p="$dir/" 'index($0, p) == 1' | sort -r)
  rm -rf --one-file-system "$dir"
}

# The pinned Node 24 binary: node_modules/.bin/node links to the `node`
# package's real executable (not a wrapper script).
node_binary() {
  local node
  node=$(readlink -f node_modules/.bin/node 2>/dev/null) || true
  [ -n "$node" ] && [ -x "$node" ] || die "node_modules/.bin/node is missing: run scripts/install-deps.sh"
  [ "$(head -c 4 "$node")" = $'\x7fELF' ] || die "$node is not a Node executable (expected the npm package node@24's binary)"
  echo "$node"
}

# URI of the first enabled `deb` source of the host whose suites match the
# awk regex $1, from /etc/apt/sources.list (one-line) and *.sources (deb822).
host_apt_uri() {
  local pattern=$1 files=()
  [ -f /etc/apt/sources.list ] && files+=(/etc/apt/sources.list)
  for f in /etc/apt/sources.list.d/*.list; do [ -f "$f" ] && files+=("$f"); done
  for f in /etc/apt/sources.list.d/*.sources; do [ -f "$f" ] && files+=("$f"); done
  [ "${#files[@]}" -gt 0 ] || return 0
  awk -v want="$pattern" '
    function emit(uri) { if (uri != "" && !found) { print uri; found = 1 } }
    function flush() {
      if (types ~ /(^|[ \t])deb([ \t]|$)/ && suite && !disabled) emit(uri)
      types = ""; uri = ""; suite = 0; disabled = 0
    }
    FNR == 1 { flush() }
    FILENAME ~ /\.sources$/ {
      if ($0 ~ /^[ \t]*$/) { flush(); next }
      if ($1 == "Types:") types = $0
      if ($1 == "URIs:") uri = $2
      if ($1 == "Suites:") { for (i = 2; i <= NF; i++) if ($i ~ want) suite = 1 }
      if ($1 == "Enabled:" && tolower($2) == "no") disabled = 1
      next
    }
    $1 == "deb" {
      i = 2
      if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
      if ($(i + 1) ~ want) emit($i)
    }
    END { flush() }
  ' "${files[@]}"
}

ensure_debootstrap() {
  command -v debootstrap >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 || die "debootstrap is missing and apt-get is not available to install it"
  say "installing debootstrap"
  apt-get update -qq >&2 || die "apt-get update failed while installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >&2 \
    || die "apt-get could not install debootstrap"
}

# Trims docs, man pages and locales as Debian's -slim images do, and points
# apt at the same suites as the official image (main, updates, security).
slim_rootfs() {
  local root=$1 mirror=$2 security=$3
  mkdir -p "$root/etc/dpkg/dpkg.cfg.d" "$root/etc/apt/sources.list.d"
  cat >"$root/etc/dpkg/dpkg.cfg.d/docker" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/info/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
EOF
  find "$root/usr/share/doc" -mindepth 2 ! -type d ! -name copyright -delete
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
  rm -rf "$root"/usr/share/{info,groff,linda,lintian,locale,man}/*
  rm -f "$root/etc/apt/sources.list"
  cat >"$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $SUITE $SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: $SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  # Host files debootstrap copied in, and its download caches.
  rm -f "$root/etc/resolv.conf" "$root/etc/hostname" "$root/var/log/bootstrap.log"
  rm -rf "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
}

# Writes the cached rootfs tarball $1 with debootstrap (root only).
make_rootfs_tar() {
  local tar=$1 arch mirror security work log
  [ "$(id -u)" -eq 0 ] || die "making the Debian rootfs needs root (debootstrap); run as root, or pull $BASE first"
  ensure_debootstrap
  arch=$(dpkg --print-architecture)
  mirror=${DEBIAN_MIRROR:-$(host_apt_uri "^$SUITE\$")}
  mirror=${mirror:-http://deb.debian.org/debian}
  security=$(host_apt_uri "^$SUITE-security\$")
  security=${security:-http://deb.debian.org/debian-security}
  work=$(mktemp -d "$CACHE/rootfs.XXXXXX")
  cleanup_dirs+=("$work")
  log=$CACHE/debootstrap.log
  say "debootstrap --variant=minbase $SUITE from $mirror (log: $log)"
  if ! debootstrap --variant=minbase --arch="$arch" "$SUITE" "$work/rootfs" "$mirror" >"$log" 2>&1; then
    die "debootstrap failed: $(grep -E '^(E|W):' "$log" | tail -n 1 || tail -n 1 "$log") (full log: $log)"
  fi
  slim_rootfs "$work/rootfs" "$mirror" "$security"
  tar --numeric-owner --one-file-system -C "$work/rootfs" \
    '--exclude=./dev/*' '--exclude=./proc/*' '--exclude=./sys/*' -cf "$work/rootfs.tar" .
  mv "$work/rootfs.tar" "$tar"
}

# Commits the cached rootfs plus Node into local storage as $BASE.
commit_local_base() {
  local tar=$1 node=$2 version=$3 made_from=$4 ctr mnt
  [ "$(id -u)" -eq 0 ] || die "committing the local base needs root (buildah mount); run as root, or pull $BASE first"
  ctr=$(buildah from --pull=never scratch)
  cleanup_containers+=("$ctr")
  mnt=$(buildah mount "$ctr")
  tar --numeric-owner -xpf "$tar" -C "$mnt"
  install -m 0755 "$node" "$mnt/usr/local/bin/node"
  buildah umount "$ctr" >/dev/null
  buildah config \
    --os linux --arch "$(dpkg --print-architecture)" \
    --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env NODE_VERSION="${version#v}" \
    --cmd node \
    --label "$LOCAL_LABEL=$made_from" \
    "$ctr"
  buildah commit --rm -q "$ctr" "$BASE" >/dev/null
  cleanup_containers=()
}

# Makes $BASE unless local storage has it or can pull it: the real image wins,
# and a local one made from another Node or rootfs is made again.
ensure_base() {
  local node version made_from label tar start
  node=$(node_binary)
  version=$("$node" --version) || die "$node does not run"
  [[ "$version" == v24.* ]] || die "node_modules/.bin/node is $version; the tool image needs Node 24 (the pinned node@24)"
  made_from="node-$version debian-$SUITE-minbase"
  if label=$(buildah inspect --type image --format "{{index .OCIv1.Config.Labels \"$LOCAL_LABEL\"}}" "$BASE" 2>/dev/null); then
    if [ "$label" = "<no value>" ] || [ -z "$label" ]; then
      say "base: $BASE from local storage"
      return 0
    fi
    if [ "$label" = "$made_from" ]; then
      say "base: $BASE made locally ($made_from), cached"
      return 0
    fi
    say "base: local $BASE was made from $label; making it again from $made_from"
    buildah rmi "$BASE" >/dev/null || die "could not remove the outdated local $BASE"
  fi
  if buildah pull -q --retry 0 "$BASE" >/dev/null 2>"$CACHE/pull.log"; then
    say "base: pulled $BASE"
    return 0
  fi
  say "base: cannot pull $BASE ($(tail -n 1 "$CACHE/pull.log")); making an equivalent"
  start=$EPOCHREALTIME
  tar=$CACHE/debian-$SUITE-minbase-$(dpkg --print-architecture).tar
  if [ -f "$tar" ]; then
    say "base: Debian rootfs from the cache ($tar)"
  else
    make_rootfs_tar "$tar"
  fi
  commit_local_base "$tar" "$node" "$version" "$made_from"
  say "base: made $BASE ($made_from) in $(seconds_since "$start") s"
}

# One run at a time: two would debootstrap into the same cache.
mkdir -p "$CACHE"
exec 9>"$CACHE/lock"
flock -n 9 || { say "waiting for another build-tool-image run"; flock 9; }

total_start=$EPOCHREALTIME
ensure_base

# The command gitlab/Dockerfile's header gives, plus chroot isolation (no
# daemon, no runtime).
previous=$(buildah inspect --type image --format '{{.FromImageID}}' "$TAG" 2>/dev/null || true)
build_start=$EPOCHREALTIME
buildah bud --isolation chroot -f gitlab/Dockerfile -t "$TAG" . || die "buildah bud -f gitlab/Dockerfile failed"
build_seconds=$(seconds_since "$build_start")
# The image the tag pointed at before is now untagged: drop it (unless a
# container still uses it) so that rebuilds do not pile up.
current=$(buildah inspect --type image --format '{{.FromImageID}}' "$TAG")
if [ -n "$previous" ] && [ "$previous" != "$current" ]; then
  buildah rmi "$previous" >/dev/null 2>&1 || true
fi

size=$(buildah images --format '{{.Size}}' "$TAG" | head -n 1)
say "built $TAG: image size $size; buildah bud took $build_seconds s, the whole run $(seconds_since "$total_start") s"

if [ "$check" = true ]; then
  exec 9>&-
  bash scripts/check-tool-image.sh "$TAG"
fi
