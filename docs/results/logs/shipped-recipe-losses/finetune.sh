#!/bin/bash
# Fine-tuning of run.sh's converted SNN, the shipped recipe with another loss: one epoch at T = 20, Adam 1e-3, scored
# on the fold's 40 held-out subjects. `[LOSS=dice] ./finetune.sh K` (LOSS defaults to bce; `./finetune.sh K 1` starts
# a BCE run with one BCE-Dice warm-up epoch, as the quick grid's BCE runs do, when probe.sh finds the
# converted foreground silent).
. "$(dirname "$0")/env.sh"
k=$1; w=${2:-0}; L=${LOSS:-bce}
$J finetune --model snn-wn-const-$L-f$k.zip --data $D --loss $L --warmup $w --time-steps 20 --lr 1e-3 --epochs $((1 + w)) \
    --threads 2 --out snn-ft-const-t20-$L-f$k.zip > finetune-const-t20-$L-f$k.log 2>&1
echo "fold $k ($L) fine-tuned $(date)"
