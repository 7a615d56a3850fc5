#!/bin/bash
# segment (the shipped SNN, models/hippo-snn.zip) of 3 real cases (symlinks to the first 3 of imagesTr in /tmp/segin),
# with hugetlb=1 alone and with MallocTunables.TUNABLES, alternating; the labels compared.
# Background jobs paused (SIGSTOP): PAUSE="pid ..." segment.sh
[ -n "$PAUSE" ] && kill -STOP $PAUSE
trap '[ -n "$PAUSE" ] && kill -CONT $PAUSE' EXIT
H=glibc.malloc.hugetlb=1
M=$H:glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=1073741824
i=0
for g in $H $M $M $H; do
  i=$((i+1)); rm -rf /tmp/segout-$i
  echo "## run $i, GLIBC_TUNABLES=$g"
  GLIBC_TUNABLES=$g /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M kB" java -jar /tmp/malloc.jar segment --model /work/main/models/hippo-snn.zip \
    --input /tmp/segin --output /tmp/segout-$i --threads 2 2>&1 | grep -v WARN | tail -2
done
for i in 2 3 4; do diff -rq /tmp/segout-1 /tmp/segout-$i && echo "labels of run $i = run 1"; done
