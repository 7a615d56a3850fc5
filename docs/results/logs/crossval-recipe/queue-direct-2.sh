#!/bin/bash
# 2026-12-02 12:43, run from /work/main (output in queue-direct-2.out). queue-direct.sh (BCE folds 0-4, then Dice)
# was stopped after it had started BCE fold 2, because BCE's direct jobs took 18-21 min each and the session could
# not fit all ten: this queue waits for BCE fold 2's job (PID 9403) to end, then runs Dice's five, then BCE folds 3, 4.
set -u
cd /work/main
JAR=/work/conv2/hippo-snn-e3c2a56.jar
export OMP_WAIT_POLICY=PASSIVE GLIBC_TUNABLES=glibc.malloc.hugetlb=1
LG=docs/results/logs/crossval-recipe
while kill -0 9403 2>/dev/null; do sleep 10; done
echo "bce f2 job ended $(date): $(grep 'direct: 3-D' $LG/score-direct-bce-f2.log)"
for j in dice:0 dice:1 dice:2 dice:3 dice:4 bce:3 bce:4; do
  L=${j%:*}; k=${j#*:}
  echo "$L f$k direct start $(date)"
  LOSS=$L bash $LG/adopt.sh $k $JAR direct > $LG/score-direct-$L-f$k.log 2>&1; echo "$L f$k rc $? $(date)"
done
echo "direct queue 2 done $(date)"
