#!/bin/bash
# Convergence pair (hybrid vs direct) with constant-current input at T = 20 at the reduced setting of
# docs/results/convergence-fold0.md (24 training subjects, width 16, BCE-Dice, lr 1e-3, early stop 10),
# for any fold, with the jar of 38e7e83 (neuron ranges; the command line sets its malloc settings itself).
# usage: pair.sh FOLD ann|hybrid|direct [THREADS]
K=${1:?fold}; TH=${3:-2}
J="java -Xmx6g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /work/conv2/hippo-snn-38e7e83.jar"
D=/work/shared/data/msd-hippocampus
S="--fold $K --train-subjects 24 --width 16 --threads $TH"
export OMP_WAIT_POLICY=PASSIVE
case "$2" in
ann)
  $J train-ann --data $D $S --epochs 100 --early-stop 10 --out ann-f$K.zip > train-ann-f$K.log 2>&1 ;;
hybrid)
  $J convert --data $D --model ann-f$K.zip --encoder constant --time-steps 20 --subjects 10 --threads $TH --out snn-wn-const-t20-f$K.zip > convert-const-t20-f$K.log 2>&1
  $J finetune --data $D --model snn-wn-const-t20-f$K.zip --time-steps 20 --lr 1e-3 --epochs 60 --early-stop 10 --threads $TH --out snn-ft-const-t20-f$K.zip > finetune-const-t20-f$K.log 2>&1 ;;
direct)
  $J train-snn --data $D $S --encoder constant --time-steps 20 --lr 1e-3 --epochs 150 --early-stop 10 --out snn-direct-const-t20-f$K.zip >> train-snn-const-t20-f$K.log 2>&1 ;;
esac
echo "fold $K $2 done $(date) rc=$?"
