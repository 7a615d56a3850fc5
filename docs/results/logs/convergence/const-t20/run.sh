#!/bin/bash
# Convergence pair with constant-current input at the reduced setting of docs/results/convergence-fold0.md
# (fold 0, 24 training subjects, width 16, one thread each), both at lr 1e-3, BCE-Dice.
# usage: run.sh hybrid|direct [T]. Run first at T = 10 (logs in ../const-t10/, where constant input left
# both runs silent), then at T = 20, the shipped model's T (default).
T=${2:-20}
J="java -Xmx5g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/ship.jar"
D=/work/shared/data/msd-hippocampus
S="--fold 0 --train-subjects 24 --width 16 --threads 1"
export OMP_WAIT_POLICY=PASSIVE
case "$1" in
direct)
  $J train-snn --data $D $S --encoder constant --time-steps $T --lr 1e-3 --epochs 100 --early-stop 10 --out snn-direct-const-t$T.zip > train-snn-const-t$T.log 2>&1 ;;
hybrid)
  $J convert --data $D --model ann.zip --encoder constant --time-steps $T --subjects 10 --threads 1 --out snn-wn-const-t$T.zip > convert-const-t$T.log 2>&1
  $J finetune --data $D --model snn-wn-const-t$T.zip --time-steps $T --lr 1e-3 --epochs 60 --early-stop 10 --threads 1 --out snn-ft-const-t$T.zip > finetune-const-t$T.log 2>&1 ;;
esac
echo "$1 done $(date) rc=$?"
