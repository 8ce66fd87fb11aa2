#!/usr/bin/env bash
# Starts Kamailio 5.6 with kamailio.cfg (presence in memory) on 127.0.0.1:PORT, in the background.
#   run-kamailio.sh start PORT [CHILDREN]   -> prints the main PID; log in $KAM_RUN/kamailio.log
#   run-kamailio.sh stop                    -> stops the instance started from $KAM_RUN
# KAM_RUN (default /tmp/kamailio-bench) holds the db_text directory, the pid file and the log.
# KAM_SHM_MB (2048) and KAM_PKG_MB (32) size the shared and per-process memory. Shared memory is what
# limits Kamailio here, not CPU: finished PUBLISH and NOTIFY transactions wait 5 s in tm's wait timer
# before they are freed, and at 6,000 PUBLISH/s (18,000 transactions/s) about 1.1 GB was in use;
# 512 MB ran out at 3,000/s on a busy machine and 1 GB at 6,000/s (500 answers, "out of mem" in the
# log). KAM_MEM_MANAGER (unset: Kamailio's default, q_malloc) can name another allocator for -x.
# Needs: apt-get install -y kamailio kamailio-presence-modules (Debian 12: 5.6.x).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
run=${KAM_RUN:-/tmp/kamailio-bench}
cmd=${1:-start}

case "$cmd" in
  start)
    port=${2:?port}; children=${3:-4}
    command -v kamailio >/dev/null || { echo "run-kamailio.sh: kamailio not installed" >&2; exit 1; }
    mkdir -p "$run"
    if [ -f "$run/kamailio.pid" ] && kill -0 "$(cat "$run/kamailio.pid")" 2>/dev/null; then
      echo "run-kamailio.sh: already running (pid $(cat "$run/kamailio.pid"))" >&2; exit 1
    fi
    # db_text tables the presence modules check at start-up (versions) and may touch; all empty
    db="$run/db"; rm -rf "$db"; mkdir -p "$db"
    src=/usr/share/kamailio/dbtext/kamailio
    for t in version presentity active_watchers watchers xcap pua location; do
      if [ "$t" = version ]; then cp "$src/version" "$db/version"; else head -1 "$src/$t" > "$db/$t"; fi
    done
    kamailio -f "$here/kamailio.cfg" -c -A "DBURL=\"text://$db\"" -l "udp:127.0.0.1:$port" >/dev/null 2>"$run/check.log" \
      || { cat "$run/check.log" >&2; exit 1; }
    extra=(); [ -n "${KAM_MEM_MANAGER:-}" ] && extra=(-x "$KAM_MEM_MANAGER")
    kamailio -f "$here/kamailio.cfg" -DD -E -A "DBURL=\"text://$db\"" -l "udp:127.0.0.1:$port" -n "$children" \
      -m "${KAM_SHM_MB:-2048}" -M "${KAM_PKG_MB:-32}" "${extra[@]}" > "$run/kamailio.log" 2>&1 &
    echo $! > "$run/kamailio.pid"
    for _ in $(seq 1 50); do
      if ss -Hlun "sport = :$port" | grep -q .; then cat "$run/kamailio.pid"; exit 0; fi
      sleep 0.2
    done
    echo "run-kamailio.sh: not listening on udp:$port; log:" >&2; tail -20 "$run/kamailio.log" >&2; exit 1
    ;;
  stop)
    [ -f "$run/kamailio.pid" ] || { echo "run-kamailio.sh: no pid file in $run" >&2; exit 1; }
    pid=$(cat "$run/kamailio.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    rm -f "$run/kamailio.pid"
    ;;
  *) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
