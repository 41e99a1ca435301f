#!/usr/bin/env bash
# Prints the path of a Chromium, installing Debian's `chromium` package first if it is not there.
# Used by `npm run comment-view` and the comment-view test, which render the PR comment as GitHub shows it and look
# at it in a headless browser. A fresh machine needs it: `npm ci && npm test` (as root, on Debian or Ubuntu) must not
# need a step by hand.
# Idempotent: when a Chromium is present this is a fast no-op (no apt-get at all); otherwise `apt-get update` once,
# then `apt-get install chromium`. The browser is Debian's own build: Playwright's browser download cannot reach its
# hosts from a closed network, and the project drives whatever binary this prints (playwright-core's executablePath).
# CHROMIUM=/path/to/chromium skips all of this.
set -euo pipefail
if [ -n "${CHROMIUM:-}" ]; then
  [ -x "$CHROMIUM" ] || { echo "CHROMIUM=$CHROMIUM is not an executable" >&2; exit 1; }
  echo "$CHROMIUM"; exit 0
fi
for name in chromium chromium-browser google-chrome-stable google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; exit 0; fi
done
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing and this machine has no apt-get: install Chromium or Chrome and set CHROMIUM to its path." >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo=(sudo -n); else
    echo "Chromium is missing; installing the chromium package needs root (run as root, or install it and set CHROMIUM)." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
# --no-install-recommends keeps out the desktop extras (l10n, drivers): headless needs the binary, and the emoji font
# so the status icons a reviewer reads (✅ ❌) render as they do in a browser, not as empty boxes.
"${sudo[@]}" apt-get update -qq >&2
"${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-noto-color-emoji >&2
command -v chromium
