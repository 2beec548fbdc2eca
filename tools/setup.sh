#!/usr/bin/env bash
# Installs vgmsim's Debian build and tool dependencies. Idempotent: prints
# nothing and touches nothing when everything is already installed.
set -euo pipefail
packages=(g++ cmake make pkg-config libsystemc-dev libboost-program-options-dev nlohmann-json3-dev catch2
          python3-numpy python3-matplotlib python3-torch parallel clang-14)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
