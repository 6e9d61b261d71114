#!/usr/bin/env bash
# `make install`: gpcheck for everyday use, as the command `gpcheck` on PATH, via pipx (each
# tool in its own virtualenv). pipx comes from Debian's package, else from pip.
#   install.sh PYTHON
set -euo pipefail
py="${1:-python3}"
cd "$(dirname "$0")/.."
bash scripts/check-python.sh "$py"
PYTHON="$py" bash scripts/sysdeps.sh
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
can_apt() { command -v apt-get >/dev/null 2>&1 && { [ -z "$SUDO" ] || command -v sudo >/dev/null 2>&1; }; }
if ! command -v pipx >/dev/null 2>&1 && ! "$py" -m pipx --version >/dev/null 2>&1; then
  if can_apt; then
    echo "install: installing pipx (Debian package)"
    $SUDO apt-get install -y -qq --no-install-recommends pipx >/dev/null 2>&1 \
      || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends pipx >/dev/null; }
  else
    echo "install: installing pipx with pip"
    "$py" -m pip install --user --quiet pipx
  fi
fi
pipx_cmd=(pipx)
command -v pipx >/dev/null 2>&1 || pipx_cmd=("$py" -m pipx)
# The real interpreter, not a wrapper such as pyenv's shim; and a clean reinstall, because
# `pipx install --force` over a virtualenv of another Python can leave a broken mix.
real_py="$("$py" -c 'import sys; print(sys.executable)')"
"${pipx_cmd[@]}" uninstall gpcheck >/dev/null 2>&1 || true
"${pipx_cmd[@]}" install --python "$real_py" .
"${pipx_cmd[@]}" ensurepath >/dev/null 2>&1 || true
bin_dir="$("${pipx_cmd[@]}" environment --value PIPX_BIN_DIR 2>/dev/null || echo "$HOME/.local/bin")"
case ":$PATH:" in
  *":$bin_dir:"*) echo "install: done — type  gpcheck  (e.g.  gpcheck --help)" ;;
  *) echo "install: done — open a new terminal (pipx added $bin_dir to your PATH), then type  gpcheck" ;;
esac
