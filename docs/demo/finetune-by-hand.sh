#!/bin/bash
# How the demo's SNN settings were chosen (docs/demo/settings.md): convert one fold's demo ANN with
# constant-current input at T and fine-tune it T steps, Adam 1e-3, batches of B, then score it on the
# fold's held-out phantom. Run from a folder holding annK.zip (fold K's ann.zip from
# `demo --out /tmp/demo-check` of the old small protocol: runs/fold-K/bce-dice/ann.zip).
# usage: finetune-by-hand.sh K EPOCHS [T=20] [B=12]
K=$1; E=$2; T=${3:-20}; B=${4:-12}
J="java -jar /work/main/target/hippo-snn.jar"
$J convert --data /work/main/test-data --model ann$K.zip --encoder constant --time-steps $T --slices 48 --out conv$K-c$T.zip > conv$K.log 2>&1
/usr/bin/time -f "%e s %M KB" $J finetune --data /work/main/test-data --model conv$K-c$T.zip --time-steps $T --lr 1e-3 --epochs $E --batch $B --out ft$K-c$T-e$E-b$B.zip > ft$K-t$T-e$E-b$B.log 2>&1
$J evaluate --data /work/main/test-data --model ft$K-c$T-e$E-b$B.zip 2>&1 | grep -A2 "^model"
