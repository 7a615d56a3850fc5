#!/bin/bash
# The shipped recipe (docs/results/shipped-recipe-folds.md) with another loss in place of BCE-Dice, full size,
# `[LOSS=dice] ./run.sh K` (LOSS defaults to bce): fold K's ANN (width 32, 144 + 16 subjects, that loss, at most
# 40 epochs, early stop 12), converted with constant-current input; fine-tuning follows in finetune.sh once the
# converted SNN's validation Dice is known.
. "$(dirname "$0")/env.sh"
k=$1; L=${LOSS:-bce}
[ -e STOP-f$k ] && { echo "fold $k not started (STOP-f$k)"; exit 1; }
echo "fold $k ($L) start $(date)"
$J train-ann --data $D --loss $L --fold $k --epochs 40 --early-stop 12 --threads 2 --out ann-$L-f$k.zip > train-ann-$L-f$k.log 2>&1
$J convert --model ann-$L-f$k.zip --data $D --encoder constant --time-steps 20 --subjects 1 --threads 2 --out snn-wn-const-$L-f$k.zip > convert-const-$L-f$k.log 2>&1
echo "fold $k ($L) converted $(date)"
