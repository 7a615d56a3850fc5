#!/bin/bash
# Fold 0, BCE-Dice, the quick protocol's setting, run on until converged (or 40 epochs)
J="java -Xmx7g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid.jar"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
case $1 in
hybrid) $J finetune --model /work/grid/quick/fold-0/bce-dice/converted.zip --data $D --loss bce-dice --time-steps 10 \
          --epochs 40 --early-stop 10 --threads 1 --out /work/grid/ext/hybrid-f0.zip ;;
direct) $J train-snn --data $D --fold 0 --folds 5 --width 8 --train-subjects 48 --loss bce-dice --time-steps 10 \
          --epochs 40 --early-stop 10 --lr 1e-3 --threads 1 --out /work/grid/ext/direct-f0.zip ;;
esac
echo "done $1 $(date)"
