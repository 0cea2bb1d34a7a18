#!/usr/bin/env bash
# Install Graphviz's `dot` with apt-get when it is missing and we may (root, or sudo without a
# password). Anything else only prints how to install it: journeyctl works without it except
# for rendering images.
set -euo pipefail
if command -v dot >/dev/null 2>&1; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null
    exit 0
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null
    exit 0
  fi
fi
echo "note: Graphviz 'dot' is not installed; install it (e.g. 'apt-get install graphviz' or 'brew install graphviz') to render images." >&2
