#!/usr/bin/env bash
# Issue 3 benchmark: PUBLISH->NOTIFY with pres-rules for every presentity vs none, same session, on a quiet machine.
# Two runs, same session: Herald without pres-rules, then Herald with pres-rules for every presentity.
set -uo pipefail  # not -e: wait returns the killed server's 143
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./herald build >/dev/null 2>&1
for label in herald-norules herald-rules; do
  rm -rf /tmp/bench-data
  HERALD_JAVA_OPTS="-Xms1g -Xmx1g" ./herald run --set storage.dir=/tmp/bench-data --set auth.mode=open \
    --set sip.udp.port=5060 --set sip.tcp.port=5060 --set http.port=8080 \
    --set sip.tls.enabled=false --set sip.ws.enabled=false > /tmp/bench-$label-server.log 2>&1 &
  until curl -fs http://127.0.0.1:8080/health >/dev/null; do sleep 1; done
  cd simplestone-bench/sipp
  if [ $label = herald-rules ]; then ./pres-rules.sh --presentities 1000; fi
  ./presence-load.sh --target 127.0.0.1:5060 --label $label --prime 20 --warmup 10 --duration 30 --end kill search 2000 3000 3500 4000 4500
  cd "$root"
  kill %1; wait
  sleep 5
done
