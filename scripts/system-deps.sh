#!/usr/bin/env bash
# Debian packages Qt needs to run offscreen (and fonts for readable screenshots and receipts).
# Installs only what is missing, and only when it can (root with apt-get); otherwise it says what to install.
set -u
needed=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core)
missing=()
for pkg in "${needed[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  echo "Please install these system packages, then run make again: ${missing[*]}" >&2
  exit 1
fi
