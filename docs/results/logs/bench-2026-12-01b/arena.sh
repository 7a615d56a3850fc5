#!/bin/bash
# SNN training step (bench --only snn-train, neuron-ranges jar) with glibc's malloc as `main` sets it (hugetlb=1)
# against also one arena and no unmapping (a freed 178 MB buffer stays in the main heap and is reused, instead of
# each thread's arena sending it to mmap, where every reuse is a fresh mapping the kernel faults and zeroes),
# alternating, two each. Background jobs paused (SIGSTOP): PAUSE="pid ..." arena.sh
[ -n "$PAUSE" ] && kill -STOP $PAUSE
trap '[ -n "$PAUSE" ] && kill -CONT $PAUSE' EXIT
H=glibc.malloc.hugetlb=1
K=$H:glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=68719476736
for g in $H $K $K $H; do
  echo "## GLIBC_TUNABLES=$g, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  GLIBC_TUNABLES=$g /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M kB, minor faults %R" java -Xmx1g \
    -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/ranges.jar bench --only snn-train \
    --width 32 --batch 26 --h 56 --w 48 --T 20 --threads 2 --reps 5 2>&1 | grep -E "^# train|snn-train|wall"
done
