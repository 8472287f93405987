#!/usr/bin/env bash
# Runs every benchmark recorded in BENCHMARKS.md and prints the figures. Run it on an otherwise
# idle machine; it takes about 20 minutes. Published instances are read from bench/ (or BENCH_DIR).
# Usage: scripts/benchmarks.sh [foundation|engine|batch|pmed|cpmp|sjc|optimize|model|spark ...]
# (spark is not in the default list: its first use builds the Spark form and downloads Spark.)
set -euo pipefail
cd "$(dirname "$0")/.."
bench_dir=${BENCH_DIR:-bench}
what=("$@")
[ ${#what[@]} -gt 0 ] || what=(foundation engine batch pmed cpmp sjc optimize model)
export GRIDPLAN_JAVA_OPTS=${GRIDPLAN_JAVA_OPTS:--Xmx2g}
echo "# $(date -u +%F) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), GRIDPLAN_JAVA_OPTS=$GRIDPLAN_JAVA_OPTS"
for w in "${what[@]}"; do
  case $w in
    foundation) ./gridplan bench foundation --households 500000 --seed 1 --target 400 ;;
    engine) taskset -c 0 ./gridplan bench engine --households 500000 --seed 1 --target 400 --part-time 2 --repeat 3 ;;
    batch) ./gridplan bench batch --runs 1000 --threads 1,2 ;;
    pmed) for i in 1 2 3 4 5 6 7 8 9 10; do ./gridplan bench pmed "$bench_dir/pmed/pmed$i.txt" --time 30s --seed 1; done ;;
    cpmp) for i in 1 2 3 4 5; do ./gridplan bench cpmp "$bench_dir/pmedcap/pmedcap0$i.txt" --time 60s --seed 1; done ;;
    sjc) for f in "$bench_dir"/sjc/SJC*.dat; do ./gridplan bench cpmp "$f" --time 60s --seed 1; done ;;
    optimize) ./gridplan bench optimize --households 500000 --seed 1 --target 400 --branches 40 --workers 1800 --time 30s ;;
    model) mvn -B -q -pl scenarios -am verify -Dtest=none -Dit.test=AnalyticModelIT -Dsurefire.failIfNoSpecifiedTests=false \
        -Dfailsafe.failIfNoSpecifiedTests=false ;;
    spark) out=$(mktemp -d); ./gridplan-spark --version >/dev/null
      for i in 1 2 3; do
        /usr/bin/time -f "local runner, 2 threads: %e s" ./gridplan run scenarios/examples/quickstart.yaml --threads 2 \
          --no-report --out "$out/local-$i" >/dev/null
        /usr/bin/time -f "spark local[2]: %e s" ./gridplan-spark run scenarios/examples/quickstart.yaml --engine spark \
          --master 'local[2]' --no-report --out "$out/spark-$i" >/dev/null
      done
      rm -rf "$out" ;;
    *) echo "unknown benchmark '$w' (foundation, engine, batch, pmed, cpmp, sjc, optimize, model, spark)" >&2; exit 2 ;;
  esac
done
