#!/usr/bin/env bash
# Debian packages Qt needs to run on a desktop (the xcb platform) and offscreen, and fonts for readable
# screenshots and receipts. Installs only what is missing, and only when it can (root with apt-get);
# otherwise it says what to install.
set -u
# Offscreen (tests, screenshots) and what every platform shares.
needed=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 fonts-dejavu-core)
# The xcb platform (`make demo` on an X display): what `ldd` lists for PySide6's plugins/platforms/libqxcb.so,
# libQt6XcbQpa.so.6 and plugins/xcbglintegrations/*.so, and libxcb-cursor0, which Qt 6.5+ refuses to start
# without ("could not load the Qt platform plugin xcb").
needed+=(libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
         libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
         libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0)
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
