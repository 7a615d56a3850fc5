#!/bin/bash
# After a grid process is done: the direct-training baseline (BCE-Dice) of the quick-t20 grid.
# usage: direct.sh NAME "FOLDS"   (waits for "done NAME" in NAME.log; then takes fold 4 unless the other process has)
# As run: B was restarted as `direct.sh B "2"` and fold4-direct.lock was made by hand before either process
# reached it, so this script ran folds 0, 1 (A) and 2 (B); folds 3 and 4 ran afterwards, one crossval each
# (--fold K --losses bce-dice --stages direct), side by side: direct-f3.log, direct-f4.log.
J="java -Xmx7g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid2.jar"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
direct() { $J crossval --data $D --out /work/grid/t20 --folds 5 --protocol quick-t20 --threads 1 --fold $1 --losses bce-dice --stages direct; }
until grep -q "^done $1" /work/grid/t20/$1.log; do sleep 20; done
for f in $2; do direct $f; done
if mkdir /work/grid/t20/fold4-direct.lock 2>/dev/null; then direct 4; fi
echo "done direct $1 $(date)"
