# Sourced by the scripts/install-*.sh: installs Debian packages for the binary they print, as root or
# with `sudo -n`, in one `apt-get update` and one `apt-get install --no-install-recommends`. The caller
# has found the binary missing; `what` names it and `var` the variable that would skip the install.
#   apt_install <what> <var> <package>...
apt_install() {
  local what=$1 var=$2
  shift 2
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$what is missing and this machine has no apt-get: install $* yourself, or set $var to its path." >&2
    exit 1
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo -n); else
      echo "$what is missing; installing $* needs root (run as root, or install it and set $var)." >&2
      exit 1
    fi
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >&2
}
