#!/bin/bash
# This session's queue: Dice fold 3 from its committed ANN, then BCE fold 3 from scratch.
./dice-f3-ft.sh
echo "bce fold 3 start $(date)"
./chain.sh 3 || exit 1
./evaluate-converted.sh bce 3
echo "queue done $(date)"
