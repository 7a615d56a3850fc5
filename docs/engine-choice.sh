#!/usr/bin/env bash
# Interleaved speed comparison for docs/engine-choice.md: our explicit engine (b), the same
# UNetSpec as a SameDiff graph (a), and the PyTorch reference, in rounds on the same machine.
# Usage: docs/engine-choice.sh [rounds] [extra options, e.g. --width 32 --batch 26 --h 56 --w 48 --threads 2]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}; shift || true
opts=${*:---width 32 --batch 26 --h 56 --w 48 --threads 2}
mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
CP=target/test-classes:target/classes:$(cat target/cp.txt)
for r in $(seq "$rounds"); do
  echo "## round $r ($(uptime | sed 's/.*load/load/'))"
  java -cp "$CP" org.hipposnn.engine.TrainStepBenchmark $opts --reps 10 2>/dev/null | sed 's/^/ours /'
  java -cp "$CP" org.hipposnn.engine.SameDiffBaseline $opts --reps 10 2>/dev/null | grep slices | sed 's/^/samediff /'
  # --T 2 only shortens the SNN lines, which are not compared here; the ann-* lines do not depend on T
  /usr/bin/python3 /work/shared/bench/torch_reference.py $opts --T 2 --reps 10 | grep '^ann' | sed 's/^/torch /'
done
