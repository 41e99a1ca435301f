#!/usr/bin/env bash
# Prints the path of a promtool, installing Debian's `prometheus` package first if none is there.
# The dashboard-numbers test evaluates every panel's PromQL with a real Prometheus (promtool test rules), so a
# fresh machine needs one: `npm ci && npm test` (as root, on Debian or Ubuntu) must not need a step by hand.
# Idempotent: when promtool is present this is a fast no-op (no apt-get at all); otherwise `apt-get update` once,
# then `apt-get install prometheus` (Debian bookworm ships 2.42, which has `promtool test rules`).
# PROMTOOL=/path/to/promtool skips all of this.
set -euo pipefail
if [ -n "${PROMTOOL:-}" ]; then
  [ -x "$PROMTOOL" ] || { echo "PROMTOOL=$PROMTOOL is not an executable" >&2; exit 1; }
  echo "$PROMTOOL"; exit 0
fi
if command -v promtool >/dev/null 2>&1; then command -v promtool; exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "promtool is missing and this machine has no apt-get: install Prometheus 2.x (it ships promtool) or set PROMTOOL." >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo=(sudo -n); else
    echo "promtool is missing; installing the prometheus package needs root (run as root, or install it and set PROMTOOL)." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
# The package's postinst starts a server only where an init system runs; in a container nothing is started.
# --no-install-recommends keeps out prometheus-node-exporter and friends: promtool is all the test needs.
"${sudo[@]}" apt-get update -qq >&2
"${sudo[@]}" apt-get install -y -qq --no-install-recommends prometheus >&2
command -v promtool
