# Shared by register-load.sh and presence-load.sh (sourced, not run).

SIPP=${SIPP:-sipp}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATS="python3 $here/bench_stats.py"

# SIPp options common to every process: UDP, one socket, 4 MB socket buffers (net.core.rmem_max caps
# it), counters every second, and a watchdog that reports starvation instead of aborting. The caller
# adds -default_behaviors (never "bye": there is no INVITE dialog to end).
sipp_common() {
  echo -nostdin -t u1 -i 127.0.0.1 -buff_size 4194304 -max_recv_loops 10000 -max_sched_loops 10000 \
    -trace_counts -trace_stat -fd 1 -trace_err -trace_error_codes \
    -watchdog_major_maxtriggers 1000000 -watchdog_minor_maxtriggers 1000000
}

die() { echo "$(basename "$0"): $*" >&2; exit 2; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# PIDs of the processes that own the UDP port (ss), comma separated; children are added by the sampler.
server_pids_for_port() {
  local port=$1
  ss -Hlunp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -un | paste -sd, -
}

# Background CPU/UDP-drop sampler (bench_stats.py cpu-sample), one row a second; prints its PID.
start_sampler() {  # OUT NAME=PID[,PID] ... udp:NAME=PORT[,PORT] ...
  local out=$1; shift
  $STATS cpu-sample "$out" 1 "$@" </dev/null >/dev/null 2>&1 &
  echo $!
}

stop_pid() {  # PID [seconds]
  local pid=$1 wait=${2:-10}
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((wait * 5))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}

machine_line() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB;" \
       "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); sipp $($SIPP -v 2>&1 | grep -o 'v[0-9][0-9.]*' | head -1)"
}
