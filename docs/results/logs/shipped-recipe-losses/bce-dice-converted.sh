#!/bin/bash
# The BCE-Dice recipe's fold K ANN retrained by run.sh's commands (its original ANN was not kept), converted, and the
# converted SNN scored at T = 20 on the fold's 40 test subjects, for Table 1's converted BCE-Dice cell.
cd "$(dirname "$0")"
LOSS=bce-dice ./run.sh $1 && ./evaluate-converted.sh bce-dice $1
echo "bce-dice fold K converted done $(date)"
