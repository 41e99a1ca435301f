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
# shellcheck source=scripts/apt-install.sh
. "$(dirname "$0")/apt-install.sh"
# --no-install-recommends keeps out the desktop extras (l10n, drivers): headless needs the binary, and the emoji font
# so the status icons a reviewer reads (✅ ❌) render as they do in a browser, not as empty boxes.
apt_install Chromium CHROMIUM chromium fonts-noto-color-emoji
command -v chromium
