#!/usr/bin/env bash
# Prints the path of a Prometheus binary, installing Debian's `prometheus` package first if it is not there.
#   scripts/install-prometheus.sh              promtool (the dashboard-numbers test: `promtool test rules`)
#   scripts/install-prometheus.sh promtool     the same
#   scripts/install-prometheus.sh prometheus   the server (the sandbox's AMP data plane: one per workspace, with
#                                              --web.enable-remote-write-receiver)
# A fresh machine needs them: `npm ci && npm test` (as root, on Debian or Ubuntu) must not need a step by hand.
# Idempotent: when the binary is present this is a fast no-op (no apt-get at all); otherwise `apt-get update` once,
# then `apt-get install prometheus` (Debian bookworm ships 2.42, which has `promtool test rules` and the remote-write
# receiver flag; the one package brings both binaries).
# PROMTOOL=/path/to/promtool and PROMETHEUS=/path/to/prometheus skip all of this for their binary.
set -euo pipefail
which="${1:-promtool}"
case "$which" in
  promtool) override="${PROMTOOL:-}"; var=PROMTOOL ;;
  prometheus) override="${PROMETHEUS:-}"; var=PROMETHEUS ;;
  *) echo "usage: $0 [promtool|prometheus]" >&2; exit 2 ;;
esac
if [ -n "$override" ]; then
  [ -x "$override" ] || { echo "$var=$override is not an executable" >&2; exit 1; }
  echo "$override"; exit 0
fi
if command -v "$which" >/dev/null 2>&1; then command -v "$which"; exit 0; fi
# shellcheck source=scripts/apt-install.sh
. "$(dirname "$0")/apt-install.sh"
# The package's postinst starts a server only where an init system runs (on a GitHub runner it does: that
# service listens on :9090 and is left alone; the sandbox starts its own servers on free loopback ports).
# --no-install-recommends keeps out prometheus-node-exporter and friends: the two binaries are all that is needed.
apt_install "$which" "$var" prometheus
command -v "$which"
