#!/usr/bin/env bash
# The project's test command (README: "Tests"). On a fresh Debian machine it installs what the tests need
# that Maven cannot bring (Chromium and ChromeDriver for the browser journey), then runs every test:
# unit and process tests, the application tests on H2 and again on a real PostgreSQL (embedded binaries
# from Maven), and the integration tests (launchers, browser journey).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "Installing Chromium and ChromeDriver (Debian packages) for the browser tests..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver
fi

exec mvn -B verify "$@"
