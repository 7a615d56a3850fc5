#!/bin/bash
# Full-size folds 1 to 4 of the constant-input recipe (fold 0: docs/results/finetune-fold0.md), `./run.sh 1 2 3 4`:
# fold k's ANN exactly as fold 0's (width 32, 144 + 16 subjects, BCE-Dice, at most 40 epochs, early stop 12),
# converted with constant-current input, one fine-tuning epoch at T = 20 (Adam 1e-3), scored on the fold's
# 40 held-out subjects by train-ann and finetune.
J="java -Xmx10g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/ship.jar"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
for k in "$@"; do
  echo "fold $k start $(date)"
  $J train-ann --data $D --loss bce-dice --fold $k --epochs 40 --early-stop 12 --threads 2 --out ann-bce-dice-f$k.zip > train-ann-bce-dice-f$k.log 2>&1
  $J convert --model ann-bce-dice-f$k.zip --data $D --encoder constant --time-steps 20 --subjects 1 --threads 2 --out snn-wn-const-f$k.zip > convert-const-f$k.log 2>&1
  $J finetune --model snn-wn-const-f$k.zip --data $D --loss bce-dice --time-steps 20 --lr 1e-3 --epochs 1 --threads 2 --out snn-ft-const-t20-e1-f$k.zip > finetune-const-t20-e1-f$k.log 2>&1
  echo "fold $k done $(date)"
done
