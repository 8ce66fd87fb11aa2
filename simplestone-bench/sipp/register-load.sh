#!/usr/bin/env bash
# REGISTER load with SIPp over UDP: one call = one REGISTER (Expires 3600) of an AOR from a CSV of
# distinct AORs, offered open loop at a fixed rate (calls do not wait for each other).
#   register-load.sh [options] step RATE          one run at RATE REGISTER/s
#   register-load.sh [options] search [RATE ...]  steps up (default 500 1000 2000 3000 4000 5000 6000
#                                                 8000 10000 15000 20000 30000) until a step fails;
#                                                 reports the highest passed
# Options (defaults in brackets):
#   --target HOST:PORT   the registrar [127.0.0.1:5060]; only 127.0.0.1 makes sense here
#   --domain NAME        domain of the AORs [localhost]
#   --users N            distinct AORs in the CSV [10000]; RATE x DURATION above N re-registers the same
#                        AORs (a new Call-ID each time: the binding is replaced, not added)
#   --fresh              a new set of AORs for every step (every REGISTER creates a binding)
#   --duration S         seconds of load per step [30]   --warmup S   first seconds not measured [5]
#   --gap S              pause between steps [5]
#   --server-pid P[,P]   processes whose CPU is "server" [owners of the target UDP port] (children added)
#   --port P             local UDP port of SIPp [15260]
#   --label NAME         name of the run in the results [server]
#   --out DIR            results directory [results/register-LABEL-DATE beside this script]
#   --max-p99 MS         also require REGISTER p99 response time <= MS [0: no such condition]
#   --prime S            first run S seconds at the first step's rate, not reported [0]: warms a
#                        freshly started server (JIT, first bindings) before the steps that count
# Passed = 200 OK for >= 99 % of the REGISTERs sent, and 200 OK per second in the measured window
# >= 97 % of RATE. Response time = SIPp RTD "reg" (REGISTER sent -> 200, -trace_rtt), percentiles over
# the measured window. A REGISTER without answer is retransmitted (T1 500 ms) and fails after 8 s.
# Results: OUT/report.txt, OUT/summary.tsv (one line a step), OUT/step-RATE/ (SIPp files, cpu.csv).
set -euo pipefail
saved_args=("$@")
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

target=127.0.0.1:5060; domain=localhost; users=10000; fresh=0; duration=30; warmup=5; gap=5
server_pid=""; lport=15260; label=server; out=""; max_p99=0; prime=0
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target=$2; shift 2 ;;
    --domain) domain=$2; shift 2 ;;
    --users) users=$2; shift 2 ;;
    --fresh) fresh=1; shift ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --gap) gap=$2; shift 2 ;;
    --server-pid) server_pid=$2; shift 2 ;;
    --port) lport=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --max-p99) max_p99=$2; shift 2 ;;
    --prime) prime=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) die "unknown option $1" ;;
    *) break ;;
  esac
done
mode=${1:-}; shift || true
case "$mode" in
  step) [ $# -eq 1 ] || die "step needs one RATE"; rates=("$1") ;;
  search) if [ $# -gt 0 ]; then rates=("$@"); else rates=(500 1000 2000 3000 4000 5000 6000 8000 10000 15000 20000 30000); fi ;;
  *) die "usage: register-load.sh [options] step RATE | search [RATE ...] (--help)" ;;
esac
[ "$warmup" -lt "$duration" ] || die "--warmup must be shorter than --duration"
command -v "$SIPP" >/dev/null || die "sipp not found (apt-get install sip-tester)"
port=${target##*:}
[ -n "$server_pid" ] || server_pid=$(server_pids_for_port "$port")
[ -n "$server_pid" ] || die "nothing listens on udp:$port (or give --server-pid)"
out=${out:-$here/results/register-$label-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"; out=$(cd "$out" && pwd)
report=$out/report.txt

pids_to_stop=()
cleanup() { local p; for p in "${pids_to_stop[@]}"; do stop_pid "$p" 5; done; }
trap cleanup EXIT
trap 'exit 130' INT TERM

{
  echo "REGISTER load $label -> $target ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
  machine_line
  echo "server pids (CPU 'server', children included): $server_pid"
  echo "AORs: $users distinct$([ $fresh = 1 ] && echo ', new ones every step'), $duration s a step (first $warmup s not measured), steps: ${rates[*]}"
  echo "command: $0 $(printf '%q ' "${saved_args[@]:-}")"
} | tee "$report" >&2

"$here/gen-csv.sh" users "$users" "$out/users.csv"
step_no=0
# run_load RATE SECONDS DIR: SIPp at RATE REGISTER/s for SECONDS, with the CPU sampler
run_load() {
  local rate=$1 seconds=$2 d=$3 csv=$out/users.csv calls sipp_pid sampler
  mkdir -p "$d"
  step_no=$((step_no + 1))
  if [ "$fresh" = 1 ]; then csv=$d/users.csv; "$here/gen-csv.sh" users "$users" "$csv" "s${step_no}r"; fi
  calls=$((rate * seconds))
  log "$(basename "$d"): $rate REGISTER/s for $seconds s ($calls REGISTERs)"
  start=$(date +%s.%N)
  (cd "$d" && exec $SIPP -sf "$here/scenarios/register.xml" -inf "$csv" -key domain "$domain" -key expires 3600 \
      $(sipp_common) -default_behaviors all,-bye -trace_rtt -rtt_freq 1000 -p "$lport" -r "$rate" -m "$calls" -l $((rate * 10 + 100)) \
      -timeout "$((seconds + 60))s" "$target" > "$d/sipp.out" 2>&1) &
  sipp_pid=$!; pids_to_stop+=("$sipp_pid")
  sampler=$(start_sampler "$d/cpu.csv" "server=$server_pid" "sipp=$sipp_pid" "udp:server=$port" "udp:sipp=$lport")
  pids_to_stop+=("$sampler")
  wait "$sipp_pid" || true
  stop_pid "$sampler"
}

if [ "$prime" -gt 0 ]; then
  run_load "${rates[0]}" "$prime" "$out/step-prime"
  echo "priming step (${rates[0]} REGISTER/s, $prime s): done, not a result" | tee -a "$report" >&2
  sleep "$gap"
fi
best=""
for rate in "${rates[@]}"; do
  d=$out/step-$rate
  run_load "$rate" "$duration" "$d"
  set +e
  $STATS register-step --label "$label" --rate "$rate" --warmup "$warmup" --duration "$duration" --start "$start" \
    --users "$users" --max-p99 "$max_p99" --dir "$d" --cpu "$d/cpu.csv" --tsv "$out/summary.tsv" | tee -a "$report"
  verdict=${PIPESTATUS[0]}
  set -e
  if [ "$verdict" -eq 0 ]; then best=$rate; elif [ "$mode" = search ]; then break; fi
  [ "$rate" = "${rates[-1]}" ] || sleep "$gap"
done
if [ "$mode" = search ]; then
  echo "highest passed step: ${best:-none} REGISTER/s (steps: ${rates[*]})" | tee -a "$report"
fi
echo "results: $out (report.txt, summary.tsv)" >&2
