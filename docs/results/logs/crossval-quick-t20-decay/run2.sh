#!/bin/bash
# The quick-t20-decay grid, second part, after the protocol gained snnWarmup (BCE runs start with one epoch
# of BCE-Dice; only BCE jobs read it, and none had run): experiment.json got "snnWarmup":1 by hand, and the
# remaining jobs ran with the new build. usage: run2.sh NAME WAIT_FOR (waits for "done WAIT_FOR" in its log)
J="java -Xmx7g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid4.jar"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
until grep -q "^done $2" /work/grid/decay/$2.log; do sleep 10; done
for job in bce-dice:4 bce:0 bce:1 bce:2 bce:3 bce:4 dice:0 dice:1 dice:2 dice:3 dice:4; do
  l=${job%:*}; f=${job#*:}
  mkdir /work/grid/decay/lock2-$l-$f 2>/dev/null || continue
  echo "== $1 takes fold $f $l $(date)"
  $J crossval --data $D --out /work/grid/decay --folds 5 --protocol quick-t20-decay --threads 1 --fold $f --losses $l --stages fine-tuned
done
echo "done $1 $(date)"
