#!/usr/bin/env bash
# Install the system libraries WeasyPrint needs (Pango, HarfBuzz) and a font, when missing,
# plus any packages named as arguments (the tests add poppler-utils for pdftotext).
# Uses sudo when not root; when that is impossible, names the exact packages to install.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core "$@")
command -v dpkg-query >/dev/null 2>&1 || { echo "sysdeps: not Debian/Ubuntu; install Pango, HarfBuzz and a TTF font yourself" >&2; exit 0; }
missing=()
# Debian's python3 makes virtualenvs only with python3-venv (ensurepip) installed.
"${PYTHON:-python3}" -c "import ensurepip, venv" 2>/dev/null || missing+=(python3-venv)
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "sysdeps: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
  SUDO="sudo"  # asks for the password when run from a terminal
else
  echo "sysdeps: cannot install as $(id -un); please run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
