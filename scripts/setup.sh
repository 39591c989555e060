#!/usr/bin/env bash
# Installs what strokemeta needs on a fresh Debian machine: a JDK (17 or newer) and Maven to build,
# and rsvg-convert (librsvg2-bin) for figures as PNG and PDF; with --for-tests also headless Chromium,
# its driver and the Liberation fonts, in which the tests render the figures. Does nothing when they
# are present. Maven itself fetches the Java libraries.
set -euo pipefail
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
updated=0
install() {
  if [ "$updated" = 0 ]; then $sudo apt-get update -qq; updated=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
need=()
command -v java >/dev/null 2>&1 || need+=(default-jdk-headless)
command -v javac >/dev/null 2>&1 || need+=(default-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]} ..." >&2
  install "${need[@]}"
fi
# figures and their rendering tests: without them the product still builds and runs (SVG needs
# nothing; PNG/PDF and the rendering tests say what is missing)
extra=()
command -v rsvg-convert >/dev/null 2>&1 || extra+=(librsvg2-bin)
if [ "${1:-}" = "--for-tests" ]; then
  command -v chromium >/dev/null 2>&1 || extra+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || extra+=(chromium-driver)
  fc-list 2>/dev/null | grep "Liberation Sans" >/dev/null || extra+=(fonts-liberation2)
fi
if [ ${#extra[@]} -gt 0 ]; then
  echo "setup: installing ${extra[*]} ..." >&2
  install "${extra[@]}" || echo "setup: could not install ${extra[*]}; figures as PNG/PDF and the rendering tests need them" >&2
fi
