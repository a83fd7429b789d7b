#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the screenshot tour (e2e/tour/run.sh).
# Installs it with apt-get when it is missing and this shell can (root, apt-get present); never downloads a browser
# build of its own (no `npx playwright install`). Exit 0: Chromium is there. Exit 3: it is missing and cannot be
# installed here (the caller skips, or fails under CI=true).
set -uo pipefail

chromium=/usr/bin/chromium
[ -x "$chromium" ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: $chromium is missing and this is not root with apt-get: install Debian's chromium package" >&2
  exit 3
fi

echo "install-chromium: installing Debian's chromium package (apt-get install -y chromium)"
export DEBIAN_FRONTEND=noninteractive
# The package lists may be absent or stale on a fresh machine: update once, then install.
if ! apt-get install -y -q chromium >/dev/null 2>&1; then
  apt-get update -q >/dev/null 2>&1 || true
  apt-get install -y -q chromium >/dev/null 2>&1 || true
fi
if [ -x "$chromium" ]; then
  exit 0
fi
echo "install-chromium: apt-get could not install chromium" >&2
exit 3
