#!/usr/bin/env bash
# `make run`: the wizard when there is a terminal, else score the examples.
#   run.sh VENV_BIN
# The wizard runs as its own job (set -m), so Ctrl-C reaches only gpcheck — which keeps every
# answer and prints how to resume — and not make, which would end in "*** Interrupt".
set -u
bin="$1"
if [ ! -t 0 ] || [ ! -t 1 ]; then
  exec "$bin/gpcheck" score examples/
fi
set -m
"$bin/gpcheck" assess
rc=$?
if ! command -v gpcheck >/dev/null 2>&1; then
  case "${GPCHECK_LANG:-${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}}" in
    de*) echo "Hinweis: 'gpcheck' allein gibt es erst nach  make install  (bis dahin: $bin/gpcheck)." ;;
    *) echo "Note: plain 'gpcheck' works after  make install  (until then: $bin/gpcheck)." ;;
  esac
fi
[ "$rc" -eq 130 ] && exit 0  # stopped with Ctrl-C: everything is saved, not a failure
exit "$rc"
