#!/usr/bin/env bash
# Writes the SIPp injection files (-inf) used by the load scripts.
#   gen-csv.sh users N FILE [PREFIX]        N distinct AORs: PREFIX00001 ... (REGISTER load)
#   gen-csv.sh presentities N FILE [PREFIX] N presentities, one a line (publisher: one call each;
#                                           watcher: read twice in order, so 2 watchers each)
# Format: first line SEQUENTIAL, then one user part a line (field0). Domain and host come from
# -key domain / the target address, so the same files serve Herald and Kamailio.
set -euo pipefail
kind=${1:?users|presentities}; n=${2:?count}; file=${3:?output file}
case "$kind" in
  users) prefix=${4:-reg} ;;
  presentities) prefix=${4:-pres} ;;
  *) echo "gen-csv.sh: unknown kind $kind" >&2; exit 2 ;;
esac
{
  echo SEQUENTIAL
  for ((i = 1; i <= n; i++)); do printf '%s%05d\n' "$prefix" "$i"; done
} > "$file"
