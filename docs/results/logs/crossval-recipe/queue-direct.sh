#!/bin/bash
# 2026-12-02 12:0x, run from /work/main (output in queue-direct.out): the recipe grid's direct-training jobs for
# BCE (folds 0-4), then Dice (folds 0-4), one after another, 2 threads each.
set -u
cd /work/main
JAR=/work/conv2/hippo-snn-e3c2a56.jar
export OMP_WAIT_POLICY=PASSIVE GLIBC_TUNABLES=glibc.malloc.hugetlb=1
LG=docs/results/logs/crossval-recipe
for L in bce dice; do
  for k in 0 1 2 3 4; do
    echo "$L f$k direct start $(date)"
    LOSS=$L bash $LG/adopt.sh $k $JAR direct > $LG/score-direct-$L-f$k.log 2>&1; echo "$L f$k rc $? $(date)"
  done
done
echo "direct queue done $(date)"
