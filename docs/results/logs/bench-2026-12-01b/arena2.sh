#!/bin/bash
# As arena.sh, for how much of the single-arena gain survives with less memory kept: one arena and no mmap with glibc's
# default trimming (V1), or trimming above 1 GiB (V2), alternating with arena.sh's K. PAUSE="pid ..." arena2.sh
[ -n "$PAUSE" ] && kill -STOP $PAUSE
trap '[ -n "$PAUSE" ] && kill -CONT $PAUSE' EXIT
H=glibc.malloc.hugetlb=1
K=$H:glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=68719476736
V1=$H:glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0
V2=$H:glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=1073741824
for g in $V1 $V2 $K $V2 $V1; do
  echo "## GLIBC_TUNABLES=$g, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  GLIBC_TUNABLES=$g /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M kB, minor faults %R" java -Xmx1g \
    -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/ranges.jar bench --only snn-train \
    --width 32 --batch 26 --h 56 --w 48 --T 20 --threads 2 --reps 5 2>&1 | grep -E "^# train|snn-train|wall"
done
