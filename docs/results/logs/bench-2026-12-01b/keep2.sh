#!/bin/bash
# The epoch of epoch.sh with the neuron-ranges jar, glibc malloc as `main` set it (hugetlb=1) against one arena, no mmap,
# trimming above 1 GiB (arena2.sh V2), once each. Background jobs paused (SIGSTOP): PAUSE="pid ..." keep2.sh
[ -n "$PAUSE" ] && kill -STOP $PAUSE
trap '[ -n "$PAUSE" ] && kill -CONT $PAUSE' EXIT
D=/work/shared/data/msd-hippocampus
H=glibc.malloc.hugetlb=1
V2=$H:glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=1073741824
for g in $V2 $H; do
  echo "## GLIBC_TUNABLES=$g, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  GLIBC_TUNABLES=$g /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M kB, minor faults %R" java -Xmx6g \
    -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/ranges.jar train-snn --data $D \
    --fold 0 --train-subjects 24 --width 16 --threads 2 --encoder constant --time-steps 20 --lr 1e-3 --epochs 1 \
    --out /tmp/epoch-keep.zip 2>&1 | grep -E "^epoch 1/1  loss|wall|energyRatio|\"dice3dMean\"|synapticOpsPerSlice"
  rm -f /tmp/epoch-keep.zip*
done
