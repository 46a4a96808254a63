#!/usr/bin/env bash
# Shows what .github/workflows/release.yml would do for a tag, offline and without touching this repository:
# a temporary bare clone stands in for GitHub ("origin"), the tag is pushed there at the given commit, and
# scripts/release.mjs runs in a fresh checkout of the tag with --dry-run (the GitHub release request is
# printed, not sent; the major tag really moves, on the temporary origin).
#
# Usage: scripts/release-dry-run.sh v0.2.0 [commit, default HEAD]
# Tests the committed state, not the working tree.
set -euo pipefail
tag="${1:?usage: scripts/release-dry-run.sh vX.Y.Z [commit]}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
commit="$(git -C "$repo" rev-parse --verify "${2:-HEAD}^{commit}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== temporary origin (a bare clone of $repo) with $tag pushed at ${commit:0:12}"
git clone --quiet --bare "$repo" "$work/origin.git"
if git -C "$work/origin.git" rev-parse --verify --quiet "refs/tags/$tag" >/dev/null; then
  echo "$tag exists already in this repository; the dry run uses it as it is."
else
  git -C "$work/origin.git" tag "$tag" "$commit"
fi

echo "== checkout of $tag, as actions/checkout does (all history and tags)"
git clone --quiet "$work/origin.git" "$work/checkout"
cd "$work/checkout"
git -c advice.detachedHead=false checkout --quiet "refs/tags/$tag"
# As the workflow does; from npm's cache when it has every package, so it runs offline after one npm ci.
npm ci --prefer-offline --no-audit --no-fund --loglevel=error

node scripts/release.mjs "$tag" --dry-run

echo
echo "== tags on the temporary origin afterwards"
git -C "$work/origin.git" for-each-ref --format='%(refname:short) -> %(objectname:short=12)' 'refs/tags/v*'
