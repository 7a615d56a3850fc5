#!/bin/bash
# Run 2026-12-01 07:30, after dice-f2.sh (output in dice-f3-ann.out): Dice fold 3's ANN and converted SNN and the
# converted SNN's validation probe, left for a later session's fine-tuning (too little session time for it). The
# ANN is committed as docs/results/bundles/ann-dice-f3.zip; to go on, copy it here, remake the converted SNN with
# run.sh's convert line, then `LOSS=dice ./finetune.sh 3`, `./second-epoch.sh 3`, `./evaluate-converted.sh dice 3`.
export LOSS=dice
./run.sh 3 || exit 1
./probe.sh 3 > /dev/null
echo "fold 3 probe done $(date)"
