#!/bin/bash
# The quick-t20-decay grid, Dice on folds 0 and 1 only (what fitted the session's last 30 minutes).
J="java -Xmx7g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid5.jar"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
$J crossval --data $D --out /work/grid/decay --folds 5 --protocol quick-t20-decay --threads 1 --fold $1 --losses dice --stages fine-tuned
echo "done $(date)"
