#!/bin/bash
# 2026-12-02 16:23, run from /work/main (output in queue-direct-3.out): the three direct-training jobs that
# queue-direct-2.sh did not reach (Dice fold 4, BCE folds 3, 4), with a jar rebuilt from HEAD 45e3f37 (the same
# Java as e3c2a56: `git diff e3c2a56 45e3f37 -- src pom.xml` is empty) copied to the path the earlier queues used.
set -u
cd /work/main
JAR=/work/conv2/hippo-snn-e3c2a56.jar
export OMP_WAIT_POLICY=PASSIVE GLIBC_TUNABLES=glibc.malloc.hugetlb=1
LG=docs/results/logs/crossval-recipe
for j in dice:4 bce:3 bce:4; do
  L=${j%:*}; k=${j#*:}
  echo "$L f$k direct start $(date)"
  LOSS=$L bash $LG/adopt.sh $k $JAR direct > $LG/score-direct-$L-f$k.log 2>&1; echo "$L f$k rc $? $(date)"
done
echo "direct queue 3 done $(date)"
