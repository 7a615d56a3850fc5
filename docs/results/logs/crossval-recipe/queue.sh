#!/bin/bash
# 2026-12-02 09:06, run from /work/conv2 (output in queue.out; it waited for queue-bce-anns.sh): the recipe grid's BCE folds 1-2, then Dice folds 4, 3 (the grid fine-tunes), 1, 2, 0.
set -u
cd /work/main
JAR=/work/conv2/hippo-snn-e3c2a56.jar
export OMP_WAIT_POLICY=PASSIVE GLIBC_TUNABLES=glibc.malloc.hugetlb=1
LG=docs/results/logs/crossval-recipe; B=docs/results/bundles; R=docs/results/logs/shipped-recipe-losses
while ! grep -q "chain done" /work/conv2/bce-f12/chain.out; do sleep 20; done
for k in 1 2; do
  [ -e $B/ann-bce-f$k.zip ] || cp /work/conv2/bce-f12/ann-bce-f$k.zip $B/
  echo "bce f$k adopt start $(date)"
  LOSS=bce bash $LG/adopt.sh $k $JAR > $LG/score-bce-f$k.log 2>&1; echo "bce f$k rc $? $(date)"
done
for k in 4 3; do
  echo "dice f$k adopt start $(date)"
  LOSS=dice bash $LG/adopt.sh $k $JAR > $LG/score-dice-f$k.log 2>&1; echo "dice f$k rc $? $(date)"
done
for k in 1 2 0; do
  mkdir -p /work/conv2/dice-f$k
  (cd /work/conv2/dice-f$k && JAR=$JAR LOSS=dice bash /work/main/$R/run.sh $k); echo "dice f$k ANN done $(date)"
  [ -e $B/ann-dice-f$k.zip ] || cp /work/conv2/dice-f$k/ann-dice-f$k.zip $B/
  echo "dice f$k adopt start $(date)"
  LOSS=dice bash $LG/adopt.sh $k $JAR > $LG/score-dice-f$k.log 2>&1; echo "dice f$k rc $? $(date)"
done
echo "master done $(date)"
