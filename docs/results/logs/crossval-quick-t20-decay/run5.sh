#!/bin/bash
# The quick-t20-decay grid, Dice on folds 3 and 4, each started once a worker of the
# quick-t20-constant grid has finished (usage: run5.sh NAME PID-to-wait-for).
J="java -Xmx7g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid7.jar"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
while kill -0 $2 2>/dev/null; do sleep 20; done
for f in 3 4; do
  mkdir /work/grid/decay/lock3-dice-$f 2>/dev/null || continue
  echo "== $1 takes fold $f dice $(date)"
  $J crossval --data $D --out /work/grid/decay --folds 5 --protocol quick-t20-decay --threads 1 --fold $f --losses dice --stages fine-tuned
done
echo "done $1 $(date)"
