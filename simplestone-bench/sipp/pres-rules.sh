#!/usr/bin/env bash
# Gives every benchmark presentity a pres-rules document (RFC 5025) over XCAP, so that every watcher
# of presence-load.sh is authorized and filtered by rules instead of seeing the unfiltered document.
#   pres-rules.sh [--xcap http://127.0.0.1:8080/xcap-root] [--domain localhost] [--presentities 1000]
# The rule allows the watchers' domain and provides persons and services with activities and notes:
# everything the load's publications change stays visible, so every PUBLISH still causes a NOTIFY to
# each watcher, and the comparison with a run without rules measures the filtering alone.
# Herald must run with auth.mode=open (XCAP then trusts the XUI as SIP trusts From).
set -euo pipefail
xcap=http://127.0.0.1:8080/xcap-root; domain=localhost; presentities=1000
while [ $# -gt 0 ]; do
  case "$1" in
    --xcap) xcap=$2; shift 2 ;;
    --domain) domain=$2; shift 2 ;;
    --presentities) presentities=$2; shift 2 ;;
    *) echo "usage: pres-rules.sh [--xcap URL] [--domain NAME] [--presentities N]" >&2; exit 2 ;;
  esac
done
rules=$(mktemp); trap 'rm -f "$rules"' EXIT
cat > "$rules" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<cr:ruleset xmlns:cr="urn:ietf:params:xml:ns:common-policy" xmlns:pr="urn:ietf:params:xml:ns:pres-rules">
 <cr:rule id="watchers">
  <cr:conditions><cr:identity><cr:many domain="$domain"/></cr:identity></cr:conditions>
  <cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions>
  <cr:transformations>
   <pr:provide-services><pr:all-services/></pr:provide-services>
   <pr:provide-persons><pr:all-persons/></pr:provide-persons>
   <pr:provide-activities>true</pr:provide-activities>
   <pr:provide-note>true</pr:provide-note>
  </cr:transformations>
 </cr:rule>
</cr:ruleset>
XML
# the same names gen-csv.sh gives the presentities
for ((i = 1; i <= presentities; i++)); do printf 'url = "%s/pres-rules/users/sip:pres%05d@%s/index"\n' "$xcap" "$i" "$domain"; done \
  | curl -sS --fail-with-body -K - -X PUT -H 'Content-Type: application/auth-policy+xml' --data-binary @"$rules" \
      -o /dev/null -w '%{http_code}\n' | sort | uniq -c | awk '{ print "pres-rules.sh: " $2 " x " $1 }' >&2
