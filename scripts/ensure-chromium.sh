#!/usr/bin/env bash
# Browser tests drive Debian's chromium through Playwright, which cannot download its own
# browser on machines without general internet access. Install the package when missing
# and possible; otherwise say why the browser tests will be skipped.
set -u
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  if { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1; then
    exit 0
  fi
  echo "note: apt-get could not install chromium; browser tests will be skipped." >&2
  exit 0
fi
echo "note: chromium is not installed (sudo apt-get install chromium); browser tests will be skipped." >&2
exit 0
