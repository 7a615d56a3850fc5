#!/bin/bash
# Convergence pair with constant-current input at the reduced setting of docs/results/convergence-fold0.md
# (fold 0, 24 training subjects, width 16, one thread each) but at T = 20, the shipped model's T
# (at T = 10 constant input left both runs silent: t10/). Both at lr 1e-3, BCE-Dice.
J="java -Xmx5g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/ship.jar"
D=/work/shared/data/msd-hippocampus
S="--fold 0 --train-subjects 24 --width 16 --threads 1"
export OMP_WAIT_POLICY=PASSIVE
case "$1" in
direct)
  $J train-snn --data $D $S --encoder constant --time-steps 20 --lr 1e-3 --epochs 100 --early-stop 10 --out snn-direct-const-t20.zip > train-snn-const-t20.log 2>&1 ;;
hybrid)
  $J convert --data $D --model ann.zip --encoder constant --time-steps 20 --subjects 10 --threads 1 --out snn-wn-const-t20.zip > convert-const-t20.log 2>&1
  $J finetune --data $D --model snn-wn-const-t20.zip --time-steps 20 --lr 1e-3 --epochs 60 --early-stop 10 --threads 1 --out snn-ft-const-t20.zip > finetune-const-t20.log 2>&1 ;;
esac
echo "$1 done $(date) rc=$?"
