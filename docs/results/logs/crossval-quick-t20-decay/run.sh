#!/bin/bash
# The quick-t20-decay grid: fine-tuning from the quick grid's converted SNNs (ann and converted jobs copied
# from docs/results/crossval-quick-t20, itself a copy of crossval-quick: quick-t20-decay changes only fields
# the fine-tuning and direct jobs read; ProtocolTest checks the rest are equal).
# Two workers (usage: run.sh NAME) take the jobs below in order, each claimed by a lock folder.
J="java -Xmx7g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid3.jar"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
for job in bce-dice:0 bce-dice:1 bce-dice:2 bce-dice:3 bce-dice:4 dice:0 dice:1 dice:2 dice:3 dice:4 bce:0 bce:1 bce:2 bce:3 bce:4; do
  l=${job%:*}; f=${job#*:}
  mkdir /work/grid/decay/lock-$l-$f 2>/dev/null || continue
  echo "== $1 takes fold $f $l $(date)"
  $J crossval --data $D --out /work/grid/decay --folds 5 --protocol quick-t20-decay --threads 1 --fold $f --losses $l --stages fine-tuned
done
echo "done $1 $(date)"
