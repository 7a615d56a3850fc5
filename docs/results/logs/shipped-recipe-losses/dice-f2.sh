#!/bin/bash
# Run 2026-12-01 05:33 (output in dice-f2.out): Dice fold 2 from its ANN, then the second epoch on folds 2 and 1, then fold 2's converted SNN on test.
export LOSS=dice
./chain.sh 2 || exit 1
./second-epoch.sh 2
./second-epoch.sh 1
./evaluate-converted.sh dice 2
echo "all done $(date)"
