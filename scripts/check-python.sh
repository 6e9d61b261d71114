#!/usr/bin/env bash
# Before any virtualenv is made: is there a Python 3.11 or newer? One clear line if not.
#   check-python.sh PYTHON
set -u
py="${1:-python3}"
if ! command -v "$py" >/dev/null 2>&1; then
  echo "gpcheck needs Python 3.11 or newer, but there is no '$py' here (Debian/Ubuntu: sudo apt-get install python3 python3-venv)" >&2
  exit 1
fi
if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  version=$("$py" -c 'import platform; print(platform.python_version())' 2>/dev/null || echo unknown)
  echo "gpcheck needs Python 3.11 or newer, but $py is Python $version: install a newer Python and run e.g.  make PYTHON=python3.12 run" >&2
  exit 1
fi
