#!/bin/bash
# Peak memory of the SNN training step alone: PyTorch's reference with its other three print lines deleted, with
# hugetlb=1 alone and with MallocTunables.TUNABLES, then ours (--only snn-train) with the latter.
# Background jobs paused (SIGSTOP): PAUSE="pid ..." torch-train-only.sh
[ -n "$PAUSE" ] && kill -STOP $PAUSE
trap '[ -n "$PAUSE" ] && kill -CONT $PAUSE' EXIT
grep -v -E '^print\(f"(ann-train|ann-infer|snn-infer)' /work/shared/bench/torch_reference.py > /tmp/torch_snn_train_only.py
H=glibc.malloc.hugetlb=1
M=$H:glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=1073741824
A="--width 32 --batch 26 --h 56 --w 48 --T 20 --threads 2 --reps 5"
for g in $H $M; do
  echo "## torch, GLIBC_TUNABLES=$g"
  GLIBC_TUNABLES=$g /usr/bin/time -f "torch wall %e s, user %U s, sys %S s, peak RSS %M kB" /usr/bin/python3 /tmp/torch_snn_train_only.py $A 2>&1
done
echo "## ours, GLIBC_TUNABLES=$M"
GLIBC_TUNABLES=$M /usr/bin/time -f "ours wall %e s, user %U s, sys %S s, peak RSS %M kB" java -Xmx1g -Dorg.bytedeco.javacpp.maxbytes=0 \
  -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/malloc.jar bench --only snn-train $A 2>&1 | grep -E "snn-train|wall"
