#!/usr/bin/env bash
# SIMPLEStone-style presence load with SIPp, open loop over UDP: N presentities, W watchers each.
#   presence-load.sh [options] step RATE           one step at RATE PUBLISH/s (all presentities together)
#   presence-load.sh [options] search [RATE ...]   steps up (default 500 1000 1500 2000 3000 4000 5000
#                                                  6000 8000) until a step is not sustained
# Options (defaults in brackets):
#   --target HOST:PORT    the presence server [127.0.0.1:5060]; only 127.0.0.1 makes sense here
#   --domain NAME         domain of the presentity URIs [localhost]
#   --presentities N      [1000]          --watchers W        watchers per presentity [2]
#   --watcher-procs K     SIPp watcher processes, the subscriptions split between them [= W]
#   --publisher-procs K   SIPp publisher processes, the presentities split between them [1]
#   --warmup S            seconds of load before the measured window [10]
#   --duration S          measured seconds [30]
#   --gap S               pause between steps [5]
#   --idle S              a watcher unsubscribes after S s without NOTIFY [45]; at least set-up time
#                         (watchers / --sub-rate) + --gap + 25 s, checked
#   --sub-rate R          SUBSCRIBEs per second (all watcher processes) while setting up [200]
#   --server-pid P[,P]    processes whose CPU is "server" [owners of the target UDP port] (children added)
#   --port-base P         first local UDP port for the SIPp processes [15060]
#   --label NAME          name of the run in the results [server]
#   --out DIR             results directory [results/presence-LABEL-DATE beside this script]
#   --end wait|kill       wait for the watchers to unsubscribe (idle) or kill them [wait]
#   --max-p99 MS          also require PUBLISH p99 response time <= MS [0: no such condition]
#   --prime S             first run S seconds at the first step's rate, not reported [0]: warms a
#                         freshly started server (JIT) before the steps that count
# A step: the publishers start (call rate = RATE, so the presentities' PUBLISHes are spread evenly),
# each presentity PUBLISHes every 1000*N/RATE ms for warm-up + duration, then removes its publication.
# Counted over the whole step: PUBLISH sent / 200 / other answers, NOTIFYs received by the watchers
# (after a drain) against W x accepted PUBLISHes. Measured window only: offered PUBLISH rate, PUBLISH
# response time (SIPp RTD, -trace_rtt), CPU of the server, the publishers and the watchers (/proc).
# Sustained = PUBLISH 2xx >= 99 % of sent, NOTIFYs >= 99 % of W x accepted, and the offered rate
# >= 97 % of the target. PUBLISHes are paced on a schedule, but a presentity needs the answer (its new
# entity-tag) before its next PUBLISH, so a server slower than the period lowers the offered rate
# instead of queueing requests: that is what the third condition catches. --max-p99 adds a fourth.
# Results: OUT/report.txt (human), OUT/summary.tsv (one line a step), OUT/step-RATE/ (SIPp files, cpu.csv).
set -euo pipefail
saved_args=("$@")
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

target=127.0.0.1:5060; domain=localhost; presentities=1000; watchers=2; watcher_procs=""; publisher_procs=1
warmup=10; duration=30; gap=5; idle=45; sub_rate=200; server_pid=""; port_base=15060; label=server; out=""; end=wait; max_p99=0; prime=0
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target=$2; shift 2 ;;
    --domain) domain=$2; shift 2 ;;
    --presentities) presentities=$2; shift 2 ;;
    --watchers) watchers=$2; shift 2 ;;
    --watcher-procs) watcher_procs=$2; shift 2 ;;
    --publisher-procs) publisher_procs=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --gap) gap=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    --sub-rate) sub_rate=$2; shift 2 ;;
    --server-pid) server_pid=$2; shift 2 ;;
    --port-base) port_base=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --end) end=$2; shift 2 ;;
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
  search) if [ $# -gt 0 ]; then rates=("$@"); else rates=(500 1000 1500 2000 3000 4000 5000 6000 8000); fi ;;
  *) die "usage: presence-load.sh [options] step RATE | search [RATE ...] (--help)" ;;
esac
watcher_procs=${watcher_procs:-$watchers}
total_subs=$((presentities * watchers))
[ $((total_subs % watcher_procs)) -eq 0 ] || die "presentities x watchers must divide by --watcher-procs"
[ $((presentities % publisher_procs)) -eq 0 ] || die "presentities must divide by --publisher-procs"
min_idle=$(( total_subs / sub_rate + gap + 25 ))
[ "$idle" -ge "$min_idle" ] || die "--idle $idle is too short: the first watchers would unsubscribe before the" \
  "load reaches them (set-up $((total_subs / sub_rate)) s + gap $gap s + up to 20 s of drain: use at least $min_idle)"
command -v "$SIPP" >/dev/null || die "sipp not found (apt-get install sip-tester)"
port=${target##*:}
[ -n "$server_pid" ] || server_pid=$(server_pids_for_port "$port")
[ -n "$server_pid" ] || die "nothing listens on udp:$port (or give --server-pid)"
out=${out:-$here/results/presence-$label-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"; out=$(cd "$out" && pwd)
report=$out/report.txt

pids_to_stop=()
cleanup() {
  local p
  for p in "${pids_to_stop[@]}"; do stop_pid "$p" 5; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

{
  echo "presence load $label -> $target ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
  machine_line
  echo "server pids (CPU 'server', children included): $server_pid"
  echo "presentities $presentities, watchers/presentity $watchers ($watcher_procs SIPp watcher processes," \
       "$publisher_procs publisher), warm-up $warmup s, measured $duration s, steps: ${rates[*]}"
  echo "command: $0 $(printf '%q ' "${saved_args[@]:-}")"
} | tee "$report" >&2

# An unexpected message (e.g. the late 200 of a PUBLISH that already timed out, arriving while the
# presentity waits for its next slot) is counted (Unexp) and ignored instead of ending the call, so
# one late answer does not silence a presentity or a watcher for the rest of the run.
behaviors=all,-bye,-abortunexp

# ------------------------------------------------------------ injection files and scenarios
"$here/gen-csv.sh" presentities "$presentities" "$out/presentities.csv"
per_pub=$((presentities / publisher_procs))
for ((k = 0; k < publisher_procs; k++)); do
  { echo SEQUENTIAL; sed -n "$((2 + k * per_pub)),$((1 + (k + 1) * per_pub))p" "$out/presentities.csv"; } > "$out/presentities-$k.csv"
done
sed "s/@IDLE_MS@/$((idle * 1000))/" "$here/scenarios/watcher.xml" > "$out/watcher.xml"
loop_index=$($STATS loop-index "$out/watcher.xml")

# ------------------------------------------------------------ watchers
per_watch=$((total_subs / watcher_procs))
watch_counts=()
watch_pids=()
cap=$(( (${#rates[@]} * (warmup + duration + gap + 40)) + prime + idle + 600 ))
for ((k = 0; k < watcher_procs; k++)); do
  d=$out/watchers-$k; mkdir -p "$d"
  # this process's share of the subscriptions: per_watch presentities from offset k*per_watch,
  # wrapping around the list, so every presentity gets exactly W watchers in all
  awk -v off=$((k * per_watch)) -v n="$per_watch" -v total="$presentities" \
    'NR > 1 { p[NR - 2] = $0 } END { print "SEQUENTIAL"; for (i = 0; i < n; i++) print p[(off + i) % total] }' \
    "$out/presentities.csv" > "$d/presentities.csv"
  (cd "$d" && exec $SIPP -sf "$out/watcher.xml" -inf "$d/presentities.csv" -key domain "$domain" -key sub_expires 7200 -key wprefix "w$k-" \
      $(sipp_common) -default_behaviors "$behaviors" -p $((port_base + k)) -r "$(( (sub_rate + watcher_procs - 1) / watcher_procs ))" -m "$per_watch" -l $((per_watch + 10)) -timeout "${cap}s" \
      "$target" > "$d/sipp.out" 2>&1) &
  watch_pids+=($!); pids_to_stop+=($!)
done
for ((k = 0; k < watcher_procs; k++)); do
  for _ in $(seq 1 50); do compgen -G "$out/watchers-$k/watcher_*_counts.csv" >/dev/null && break; sleep 0.2; done
  f=$(compgen -G "$out/watchers-$k/watcher_*_counts.csv" | head -1) || true
  [ -n "$f" ] || die "watcher SIPp $k wrote no counts file; see $out/watchers-$k/sipp.out"
  watch_counts+=("$f")
done
log "subscribing $total_subs watchers at $sub_rate/s"
deadline=$(( $(date +%s) + total_subs / sub_rate + 60 ))
while :; do
  snap=$($STATS watch-snapshot "$loop_index" "${watch_counts[@]}")
  first=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["first_notify"])' "$snap")
  [ "$first" -ge "$total_subs" ] && break
  for p in "${watch_pids[@]}"; do kill -0 "$p" 2>/dev/null || die "a watcher SIPp exited; see $out/watchers-*/sipp.out"; done
  [ "$(date +%s)" -lt "$deadline" ] || { log "only $first of $total_subs subscriptions got their first NOTIFY; going on"; break; }
  sleep 1
done
echo "subscriptions with a first NOTIFY: $first of $total_subs" | tee -a "$report" >&2

watch_quiet() {  # wait until the watchers' NOTIFY count stops moving (3 s), at most $1 s
  local limit=$1 last="" same=0 n
  for ((s = 0; s < limit; s++)); do
    n=$($STATS watch-snapshot "$loop_index" "${watch_counts[@]}" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["loop_notify"] + d["loop_notify_stale"])')
    if [ "$n" = "$last" ]; then same=$((same + 1)); [ $same -ge 3 ] && return 0; else same=0; last=$n; fi
    sleep 1
  done
  log "NOTIFYs still arriving after ${limit} s"
}

# ------------------------------------------------------------ steps
# run_step RATE NAME WARMUP DURATION: one step; prints the report unless NAME is "prime".
run_step() {
  local rate=$1 name=$2 warm=$3 dur=$4
  local pause_ms eff_rate iterations d start k p sampler
  pause_ms=$(( (presentities * 1000 + rate / 2) / rate )); [ "$pause_ms" -ge 1 ] || pause_ms=1
  eff_rate=$(python3 -c "print(round($presentities*1000/$pause_ms, 1))")
  iterations=$(( ((warm + dur) * 1000 + pause_ms - 1) / pause_ms ))
  d=$out/step-$name; mkdir -p "$d"
  sed -e "s/@PAUSE_MS@/$pause_ms/g" -e "s/@ITERATIONS@/$iterations/g" "$here/scenarios/publisher.xml" > "$d/publisher.xml"
  for p in "${watch_pids[@]}"; do kill -0 "$p" 2>/dev/null || die "a watcher SIPp has exited; see $out/watchers-*/sipp.out"; done
  watch_quiet 20
  $STATS watch-snapshot "$loop_index" "${watch_counts[@]}" > "$d/watch-before.json"
  log "step $name: $rate PUBLISH/s, pause $pause_ms ms, $iterations updates per presentity"
  start=$(date +%s.%N)
  pub_pids=()
  for ((k = 0; k < publisher_procs; k++)); do
    (cd "$d" && exec $SIPP -sf "$d/publisher.xml" -inf "$out/presentities-$k.csv" -key domain "$domain" -key pub_expires 3600 \
        $(sipp_common) -default_behaviors "$behaviors" -trace_rtt -rtt_freq 1000 -p $((port_base + 100 + k)) \
        -r "$(python3 -c "print(max(1, round($rate/$publisher_procs)))")" -m "$per_pub" -l $((per_pub + 10)) \
        -timeout "$((warm + dur + 120))s" "$target" > "$d/sipp-$k.out" 2>&1) &
    pub_pids+=($!); pids_to_stop+=($!)
  done
  sampler=$(start_sampler "$d/cpu.csv" "server=$server_pid" "publisher=$(IFS=,; echo "${pub_pids[*]}")" \
    "watchers=$(IFS=,; echo "${watch_pids[*]}")" "udp:server=$port" \
    "udp:publisher=$(seq -s, $((port_base + 100)) $((port_base + 99 + publisher_procs)))" \
    "udp:watchers=$(seq -s, "$port_base" $((port_base + watcher_procs - 1)))")
  pids_to_stop+=("$sampler")
  for p in "${pub_pids[@]}"; do wait "$p" || true; done
  watch_quiet 20
  stop_pid "$sampler"
  $STATS watch-snapshot "$loop_index" "${watch_counts[@]}" > "$d/watch-after.json"
  if [ "$name" = prime ]; then
    echo "priming step ($rate PUBLISH/s, $dur s): done, not a result" | tee -a "$report" >&2
    return 0
  fi
  set +e
  $STATS presence-step --label "$label" --rate "$eff_rate" --warmup "$warm" --duration "$dur" --start "$start" \
    --presentities "$presentities" --watchers "$watchers" --pause-ms "$pause_ms" --max-p99 "$max_p99" --pub-dir "$d" \
    --watch-before "$d/watch-before.json" --watch-after "$d/watch-after.json" --cpu "$d/cpu.csv" \
    --tsv "$out/summary.tsv" | tee -a "$report"
  local verdict=${PIPESTATUS[0]}
  set -e
  return "$verdict"
}

if [ "$prime" -gt 0 ]; then
  run_step "${rates[0]}" prime 0 "$prime"
  sleep "$gap"
fi
best=""
for rate in "${rates[@]}"; do
  if run_step "$rate" "$rate" "$warmup" "$duration"; then best=$rate; elif [ "$mode" = search ]; then break; fi
  [ "$rate" = "${rates[-1]}" ] || sleep "$gap"
done

if [ "$mode" = search ]; then
  echo "highest sustained step: ${best:-none} PUBLISH/s (steps: ${rates[*]})" | tee -a "$report"
fi

# ------------------------------------------------------------ end
if [ "$end" = wait ]; then
  log "waiting for the watchers to unsubscribe (idle $idle s)"
  for p in "${watch_pids[@]}"; do
    for _ in $(seq 1 $((idle + 40))); do kill -0 "$p" 2>/dev/null || break; sleep 1; done
  done
fi
for p in "${watch_pids[@]}"; do stop_pid "$p" 5; done
echo "results: $out (report.txt, summary.tsv)" >&2
