#!/bin/bash
# usage: run.sh NAME "FOLDS" [extra fold for bce,dice | extra fold for bce-dice]
J="java -Xmx7g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid.jar"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
cv() { $J crossval --data $D --out /work/grid/quick --folds 5 --protocol quick --threads 1 "$@"; }
for f in $2; do
  cv --fold $f --losses bce-dice
  cv --fold $f --losses bce,dice --stages ann,converted,fine-tuned
done
if [ "$1" = A ]; then cv --fold 2 --losses bce,dice --stages ann,converted,fine-tuned; else cv --fold 2 --losses bce-dice; fi
echo "done $1 $(date)"
