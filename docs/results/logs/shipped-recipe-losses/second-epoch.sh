#!/bin/bash
# Dice: one more fine-tuning epoch from fold K's one-epoch model (fresh Adam state, same settings), `[LOSS=dice]
# ./second-epoch.sh K`; the recipe then keeps whichever of the two has the lower validation loss. Fold 0 ran it after
# its one-epoch test score was seen (2.3 points below the ANN; validation Dice 0.8855), to see on validation whether Dice
# needs more than one epoch; folds 1 and 2 ran it as the fixed rule "up to two epochs, kept by validation loss"
# (shipped-recipe-folds.md). Every test score is reported whatever it is.
. "$(dirname "$0")/env.sh"
k=$1; L=${LOSS:-dice}
$J finetune --model snn-ft-const-t20-$L-f$k.zip --data $D --loss $L --time-steps 20 --lr 1e-3 --epochs 1 \
    --threads 2 --out snn-ft-const-t20-e2-$L-f$k.zip > finetune-const-t20-e2-$L-f$k.log 2>&1
echo "fold $k ($L) second epoch done $(date)"
