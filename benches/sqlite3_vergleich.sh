#!/usr/bin/env bash
# The search queries of benches/store.rs, run in Debian's sqlite3 CLI on the same
# 10,000-Vorlagen database (created by `cargo bench --bench store`), for comparison:
# prints the median and p95 wall time of 200 runs of the bare FTS5 query (ids only).
set -euo pipefail
cd "$(dirname "$0")/.."
db=target/bench-daten/suche-10000-v1.sqlite
[ -f "$db" ] || { echo "Erst 'cargo bench --bench store' ausführen (legt $db an)." >&2; exit 1; }
for q in '"integrationsrat"*' '("muhlenkamp"* OR "muehlenkamp"*)' '"bahnhofstrasse"*' '"celik"* AND ("sprachforderung"* OR "sprachfoerderung"*)' '"vorlage"* AND "4711"*'; do
  sql="SELECT rowid FROM vorlage_suche WHERE vorlage_suche MATCH '$q' ORDER BY rank, rowid DESC LIMIT 200;"
  { echo ".timer on"; echo ".output /dev/null"; for _ in $(seq 200); do echo "$sql"; done; } \
    | sqlite3 "$db" 2>&1 | awk '/Run Time/ {print $4*1000}' | sort -n \
    | awk -v q="$q" '{a[NR]=$1} END {printf "sqlite3 %-60s p50 %.3f ms, p95 %.3f ms\n", q, a[int(NR*0.5)], a[int(NR*0.95)]}'
done
