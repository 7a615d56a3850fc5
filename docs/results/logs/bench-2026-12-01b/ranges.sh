#!/bin/bash
# IF recurrence on one thread (HEAD c586d1b, /tmp/conv.jar) against cut into neuron ranges on ND4J's threads
# (/tmp/ranges.jar), alternating, two rounds; SNN training step and SNN inference 2 steps at a time (segment's).
# Any background job is paused (SIGSTOP) for the duration: PAUSE="pid ..." ranges.sh
[ -n "$PAUSE" ] && kill -STOP $PAUSE
trap '[ -n "$PAUSE" ] && kill -CONT $PAUSE' EXIT
J="-Xmx1g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar"
A="--width 32 --batch 26 --h 56 --w 48 --T 20 --threads 2 --reps 5"
for r in 1 2; do
  echo "## round $r, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  for jar in conv ranges; do
    /usr/bin/time -f "$jar peak RSS %M kB, wall %e s, user %U s, sys %S s" java $J /tmp/$jar.jar bench --only snn-train $A 2>&1 | sed "s/^/$jar /" | grep -v "^$jar WARN"
    java $J /tmp/$jar.jar bench --only snn-infer --chunk 2 $A 2>&1 | sed "s/^/$jar chunk 2: /" | grep "snn-infer\|infer:"
  done
done
