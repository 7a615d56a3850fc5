#!/bin/bash
# The quick-t20-decay grid, Dice on folds 2-4 (the rest of the Dice row). Two workers take folds
# from the list; a lock folder stops two workers taking the same job.
J="java -Xmx7g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid6.jar"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
for f in 2 3 4; do
  mkdir /work/grid/decay/lock3-dice-$f 2>/dev/null || continue
  echo "== $1 takes fold $f dice $(date)"
  $J crossval --data $D --out /work/grid/decay --folds 5 --protocol quick-t20-decay --threads 1 --fold $f --losses dice --stages fine-tuned
done
echo "done $(date)"
