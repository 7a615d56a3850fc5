#!/bin/bash
# BCE-Dice recipe's converted SNNs for folds 3 and 4 (as bce-dice-converted.sh K), one after the other.
cd "$(dirname "$0")"
./bce-dice-converted.sh 3 && ./bce-dice-converted.sh 4
