#!/bin/bash
# Dice fold 4 of the shipped recipe under the up-to-two-epochs rule (fixed in 11e5809), then its converted SNN on the
# fold's test subjects. Built from 34e7c80 (the same train-ann, convert, finetune and evaluate as 5b489c1).
cd "$(dirname "$0")"
LOSS=dice ./chain.sh 4 || exit 1
LOSS=dice ./second-epoch.sh 4
./evaluate-converted.sh dice 4
echo "dice fold 4 all done $(date)"
