#!/usr/bin/env bash
# Content-tag speed (docs/content-tag.md §9) on a git repository of 50,000 files,
# about 500 MB in nested directories, generated once under .tmp/bench/tag-tree.
#
# Timed runs call the CLI as users do (`bin/image-mirror.js tag`, the committed
# dist bundle). bench/tag-once.ts, bundled the same way, prints the engine's
# statistics (files, bytes read) that the figures need.
#
# Prints medians of RUNS runs (default 5) for:
#   tag, clean tree            the git fast path, nothing modified
#   tag, 100 files modified    the git fast path hashing the modified files
#   tag, read everything       useGit: false, every file read and hashed
# against
#   git ls-files -s | sha256sum     the floor: index read, nothing checked
#   git's own checks                the two git checks the tag needs, in parallel:
#                                   stat check (diff-files), untracked files (ls-files -o)
#   node -e 0                       Node's start-up: with git's checks, the least any
#                                   Node program that checks the tree can take
#   tar -c . | sha256sum            what hashing a context naively costs
#   cat files | openssl dgst        raw hashing throughput over the same bytes
# and the ratios against the targets: clean ≤ 2× the floor, ≥ 10× faster than
# tar, read-everything ≥ 70% of openssl's throughput.
#
# Usage: bench/tag-speed.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-5}"
NODE=node_modules/.bin/node
TREE=.tmp/bench/tag-tree
BUNDLE=.tmp/bench/tag-once

if [ ! -f "$TREE/.git/bench-done" ]; then
  echo "generating $TREE (once; takes a minute)…" >&2
  "$NODE" --import tsx bench/tag-tree.ts "$TREE"
fi
node_modules/.bin/ncc build bench/tag-once.ts -o "$BUNDLE" --quiet --transpile-only
git -C "$TREE" update-index -q --refresh

# Wall-clock milliseconds of one run of a command (output discarded).
ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

# Median wall-clock milliseconds over RUNS runs, after one warm-up run.
median() {
  local times=() i
  "$@" >/dev/null
  for ((i = 0; i < RUNS; i++)); do times+=("$(ms "$@")"); done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

# Median CPU milliseconds (user + system, the process and the git processes it waits for):
# less sensitive than wall time to other work on a shared machine.
median_cpu() {
  local times=() i
  for ((i = 0; i < RUNS; i++)); do
    times+=("$({ /usr/bin/time -f '%U %S' "$@" >/dev/null; } 2>&1 | awk '{ printf "%d", ($1 + $2) * 1000 }')")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

tag() { "$NODE" bin/image-mirror.js tag --context "$TREE" "$@"; }
stats() { "$NODE" "$BUNDLE/index.js" "$TREE" "$@"; }
floor() { git -C "$TREE" ls-files -s | sha256sum; }
gitchecks() {
  git -C "$TREE" diff-files --name-only -z >/dev/null &
  git -C "$TREE" ls-files -z -o --directory >/dev/null &
  wait
}
tarsum() { tar -C "$TREE" --exclude=./.git -cf - . | sha256sum; }
opensslsum() { (cd "$TREE" && git ls-files -z | xargs -0 cat) | openssl dgst -sha256; }

# The two ways of computing must agree before their speed means anything.
clean_tag=$(tag)
all=$(stats --no-git)
all_tag=$(echo "$all" | sed 's/.*"tag":"\([^"]*\)".*/\1/')
bytes=$(echo "$all" | sed 's/.*"hashedBytes":\([0-9]*\).*/\1/')
files=$(echo "$all" | sed 's/.*"files":\([0-9]*\).*/\1/')
if [ "$clean_tag" != "$all_tag" ]; then
  echo "tag from git ($clean_tag) differs from tag from files ($all_tag)" >&2
  exit 1
fi

echo "tree: $files files, $((bytes / 1024 / 1024)) MiB; $RUNS runs each, medians; $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
t_floor=$(median floor)
t_git=$(median gitchecks)
t_node=$(median "$NODE" -e 0)
t_tar=$(median tarsum)
t_openssl=$(median opensslsum)
t_clean=$(median tag)
c_clean=$(median_cpu "$NODE" bin/image-mirror.js tag --context "$TREE")
t_all=$(median tag --no-git)
c_all=$(median_cpu "$NODE" bin/image-mirror.js tag --context "$TREE" --no-git)

mapfile -t modified < <(git -C "$TREE" ls-files | awk 'NR % 487 == 3' | head -100)
# Restoring rewrites those files and the index in the same second, which makes git
# re-check their content on every later run ("racily clean"); a refresh a second
# later records their stat again so the next run's clean tree is really clean.
restore() {
  git -C "$TREE" checkout -q -- "${modified[@]}"
  sleep 1
  git -C "$TREE" update-index -q --refresh
}
trap restore EXIT
for f in "${modified[@]}"; do echo "modified for the benchmark" >>"$TREE/$f"; done
t_dirty=$(median tag)
dirty=$(stats)
restore
trap - EXIT

row() { printf '  %-40s %7s ms  %s\n' "$1" "$2" "${3:-}"; }
echo
row 'git ls-files -s | sha256sum (floor)' "$t_floor"
row "git's own checks, in parallel" "$t_git"
row 'node -e 0 (Node start-up)' "$t_node"
row 'tar -c . | sha256sum' "$t_tar"
row 'cat files | openssl dgst -sha256' "$t_openssl" "$(awk -v b="$bytes" -v t="$t_openssl" 'BEGIN { printf "%.0f MB/s", b / 1e6 / (t / 1000) }')"
row 'tag, clean tree' "$t_clean" "(CPU $c_clean ms)"
row 'tag, 100 files modified' "$t_dirty" "$(echo "$dirty" | sed 's/.*"hashedFiles":\([0-9]*\).*/(\1 files read)/')"
row 'tag, read everything (useGit: false)' "$t_all" "$(awk -v b="$bytes" -v t="$t_all" -v c="$c_all" 'BEGIN { printf "%.0f MB/s (CPU %d ms)", b / 1e6 / (t / 1000), c }')"
echo
awk -v c="$t_clean" -v f="$t_floor" -v g="$t_git" -v n="$t_node" -v t="$t_tar" -v a="$t_all" -v o="$t_openssl" 'BEGIN {
  printf "  clean / floor        %5.2fx   target <= 2x    %s\n", c / f, (c <= 2 * f ? "met" : "MISSED")
  printf "  clean / git checks   %5.2fx   (what the stat check and untracked listing cost in git itself)\n", c / g
  printf "  (node + git checks) / floor %5.2fx   (the least any Node program that checks the tree can take, doing nothing else)\n", (n + g) / f
  printf "  tar / clean          %5.1fx   target >= 10x   %s\n", t / c, (t >= 10 * c ? "met" : "MISSED")
  printf "  read-all / openssl   %5.0f%%   target >= 70%%   %s\n", 100 * o / a, (o / a >= 0.7 ? "met" : "MISSED")
}'
