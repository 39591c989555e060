#!/usr/bin/env bash
# Installs what strokemeta needs to build and test on a fresh Debian machine: a JDK (17 or newer),
# Maven, and rsvg-convert (librsvg2-bin) for figures as PNG and PDF; with --for-tests also headless
# Chromium and its driver, in which the tests render the figures. Does nothing when they are present.
# Maven itself fetches the Java libraries.
set -euo pipefail
need=()
command -v java >/dev/null 2>&1 || need+=(default-jdk-headless)
command -v javac >/dev/null 2>&1 || need+=(default-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v rsvg-convert >/dev/null 2>&1 || need+=(librsvg2-bin)
if [ "${1:-}" = "--for-tests" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
  fc-list 2>/dev/null | grep -q "Liberation Sans" || need+=(fonts-liberation2)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]} ..." >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
