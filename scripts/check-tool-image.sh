#!/usr/bin/env bash
# Checks a built tool image (scripts/build-tool-image.sh) the way a GitLab job
# uses it: in a container of the image (buildah run, chroot isolation), run
# `image-mirror --help`, then `image-mirror build` of a tiny FROM scratch
# context against a real docker-registry on loopback (the chroot shares the
# host's network): the first job builds and pushes (cache miss), a second job
# in a fresh container finds the content tag (cache hit). skopeo on the host
# then confirms the digest and the pushed file.
#
# buildah inside the job runs as root and, lacking CAP_SYS_ADMIN, re-executes
# itself in a new user namespace; the kernel refuses that inside a chroot, as
# Docker's default seccomp profile does in an unprivileged GitLab job. The
# build jobs therefore get CAP_SYS_ADMIN (gitlab/README.md lists the runner
# settings); a first attempt without it shows what a job gets otherwise.
#
# Usage: scripts/check-tool-image.sh [IMAGE]   (default image-mirror-tool:dev)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly TAG=${1:-${IMAGE_MIRROR_TOOL_TAG:-image-mirror-tool:dev}}
readonly REPOSITORY=check/tool-image

say() { echo "check-tool-image: $*" >&2; }
die() { say "FAIL: $*"; exit 1; }

for bin in buildah skopeo docker-registry curl; do
  command -v "$bin" >/dev/null 2>&1 || die "$bin is not installed (scripts/install-deps.sh installs it)"
done
buildah inspect --type image "$TAG" >/dev/null 2>&1 \
  || die "no image $TAG in local storage: run scripts/build-tool-image.sh first"

work=$(mktemp -d "${TMPDIR:-/tmp}/image-mirror-tool-check.XXXXXX")
registry_pid=
registry=
containers=()
job=
cleanup() {
  local c
  for c in "${containers[@]}"; do buildah rm "$c" >/dev/null 2>&1 || true; done
  if [ -n "$registry_pid" ]; then
    kill "$registry_pid" 2>/dev/null || true
    wait "$registry_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# A plain registry with filesystem storage on an ephemeral port, configured as
# test/helpers/registry.ts does; the port is read from its "listening on" line.
# Sets registry_pid and registry (host:port); not run in a subshell, so the
# exit trap can stop it.
start_registry() {
  local dir=$work/registry port=
  mkdir -p "$dir/data"
  cat >"$dir/config.yml" <<EOF
version: 0.1
log: {level: info, accesslog: {disabled: true}, fields: {service: registry}}
storage:
  filesystem: {rootdirectory: $dir/data}
  delete: {enabled: true}
  cache: {blobdescriptor: inmemory}
http:
  addr: 127.0.0.1:0
  headers: {X-Content-Type-Options: [nosniff]}
EOF
  docker-registry serve "$dir/config.yml" >"$dir/log" 2>&1 &
  registry_pid=$!
  for _ in $(seq 100); do
    port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$dir/log" | head -n 1)
    [ -n "$port" ] && break
    kill -0 "$registry_pid" 2>/dev/null || die "docker-registry exited: $(tail -n 1 "$dir/log")"
    sleep 0.1
  done
  [ -n "$port" ] || die "docker-registry did not report its port within 10 s (log: $dir/log)"
  curl -fsS -o /dev/null "http://127.0.0.1:$port/v2/" || die "docker-registry on 127.0.0.1:$port does not answer /v2/"
  registry=127.0.0.1:$port
}

# A new container of the tool image, like a new CI job; sets job (not run
# in a subshell, so the exit trap can remove it).
new_job() {
  job=$(buildah from --pull=never "$TAG") || die "buildah from $TAG failed"
  containers+=("$job")
}

# in_job CONTAINER [buildah run flags...] -- COMMAND...
in_job() {
  local ctr=$1
  shift
  local flags=()
  while [ "$1" != -- ]; do flags+=("$1"); shift; done
  buildah run --isolation chroot "${flags[@]}" -v "$work/context:/context:ro" -v "$work/out:/out" "$ctr" "$@"
}

dotenv_value() { sed -n "s/^$2=//p" "$1"; }

# image-mirror build in container $1, with CAP_SYS_ADMIN; run $2 writes /out/build$2.env.
job_build() {
  local ctr=$1 n=$2 start log=$work/build$2.log
  start=$EPOCHREALTIME
  in_job "$ctr" --cap-add CAP_SYS_ADMIN -- "${build[@]}" --dotenv "/out/build$n.env" >"$log" 2>&1 \
    || { cat "$log" >&2; die "image-mirror build (job $n) failed in $TAG (output above)"; }
  if grep -q 'instead of using git' "$log"; then
    cat "$log" >&2
    die "image-mirror build (job $n) could not use git's index in $TAG (output above)"
  fi
  say "job $n: image-mirror build in $(seconds_since "$start") s: $(tr '\n' ' ' <"$work/out/build$n.env")"
}

mkdir -p "$work/context" "$work/out"
printf 'FROM scratch\nCOPY hello.txt /hello.txt\n' >"$work/context/Dockerfile"
payload="image-mirror tool image check $(date -u +%Y-%m-%dT%H:%M:%SZ) $RANDOM"
printf '%s\n' "$payload" >"$work/context/hello.txt"
# A committed work tree, as a GitLab job's checkout is: the tag comes from git's index and
# --include-commit reads HEAD, so the image must carry a git that accepts the checkout.
git -C "$work/context" init -q
git -C "$work/context" add Dockerfile hello.txt
git -C "$work/context" -c user.name=check -c user.email=check@image-mirror.invalid commit -q -m check

say "image $TAG, size $(buildah images --format '{{.Size}}' "$TAG" | head -n 1)"
start_registry
say "registry: docker-registry on $registry"
build=(image-mirror build --image "$registry/$REPOSITORY" --context /context --builder buildah --insecure --include-commit)

new_job
in_job "$job" -- image-mirror --help >"$work/help.txt" 2>&1 || die "image-mirror --help failed in $TAG: $(tail -n 1 "$work/help.txt")"
grep -q '^  build ' "$work/help.txt" || die "image-mirror --help in $TAG does not list the build command"
say "image-mirror --help: ok ($(in_job "$job" -- node --version), $(in_job "$job" -- buildah --version))"

if in_job "$job" -- "${build[@]}" >"$work/build0.log" 2>&1; then
  say "job 0 (default capabilities): image-mirror build works without CAP_SYS_ADMIN here"
else
  say "job 0 (default capabilities): image-mirror build fails as documented: $(grep -m 1 -E 'unshare|[Ee]rror' "$work/build0.log" || tail -n 1 "$work/build0.log")"
fi

new_job
job_build "$job" 1
[ "$(dotenv_value "$work/out/build1.env" CACHE_HIT)" = false ] || die "job 1 was a cache hit on an empty registry"
image=$(dotenv_value "$work/out/build1.env" IMAGE)
digest=$(dotenv_value "$work/out/build1.env" DIGEST)

new_job
job_build "$job" 2
[ "$(dotenv_value "$work/out/build2.env" CACHE_HIT)" = true ] || die "job 2 rebuilt an image the registry already had"
[ "$(dotenv_value "$work/out/build2.env" DIGEST)" = "$digest" ] || die "job 2 reported another digest than job 1"

# From the host: the registry holds exactly that manifest, and its layer holds the context's file.
raw=sha256:$(skopeo inspect --tls-verify=false --raw "docker://$image" | sha256sum | cut -d ' ' -f 1)
[ "$raw" = "$digest" ] || die "skopeo: $image has manifest $raw, image-mirror reported $digest"
skopeo copy -q --src-tls-verify=false "docker://$image" "oci:$work/oci:check" >/dev/null
pushed=
for blob in "$work"/oci/blobs/sha256/*; do
  if content=$(tar -xzOf "$blob" hello.txt 2>/dev/null); then pushed=$content; fi
done
[ "$pushed" = "$payload" ] || die "skopeo: $image does not hold the context's hello.txt"
say "skopeo: $image is $digest and holds the context's hello.txt"
say "PASS: $TAG builds and pushes on a miss and finds the image on a hit"
