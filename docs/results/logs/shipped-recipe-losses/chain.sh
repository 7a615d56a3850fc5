#!/bin/bash
# Folds of the recipe with another loss one after another, each from its ANN: `[LOSS=dice] chain.sh [--finetune-0] K ...`
# (LOSS defaults to bce; --finetune-0 first fine-tunes fold 0 from its converted SNN); stops at a failed run.sh.
# BCE ran as `chain.sh --finetune-0 1 2` (fold 2 held back by a STOP-f2 file, which run.sh obeys), then `chain.sh 2`
# (named chain2.sh then, the same loop without fold 0). Dice ran as `LOSS=dice chain.sh 0 1 2`.
# Warm-up rule for BCE, fixed after fold 0's probe and before any fine-tuning: one BCE-Dice epoch first iff the converted
# SNN's pooled validation Dice at T = 20 (probe.sh) is below 0.1 (a silent foreground; fold 0: 0.5965).
# Dice gets no warm-up (finetune's --warmup precedes BCE runs only; the quick grid's Dice runs have none).
. "$(dirname "$0")/env.sh"
L=${LOSS:-bce}
if [ "$1" = "--finetune-0" ]; then ./finetune.sh 0; shift; fi
for k in "$@"; do
  ./run.sh $k || exit 1
  d=$(./probe.sh $k)
  w=$(python3 -c "print(1 if '$L' == 'bce' and float('${d:-0}') < 0.1 else 0)")
  echo "fold $k converted validation Dice $d, warm-up $w"
  ./finetune.sh $k $w
done
