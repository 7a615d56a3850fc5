#!/bin/bash
# The quick-t20 grid: fine-tuning at T = 20 (Adam 1e-3, at most 6 epochs, patience 2) from the quick grid's
# converted SNNs. ANN and converted jobs were copied from docs/results/crossval-quick before this ran:
# quick-t20 changes only fields the fine-tuning and direct jobs read (ProtocolTest checks the rest are equal).
# usage: run.sh NAME "FOLDS" EXTRA_LOSSES_FOR_FOLD_4
J="java -Xmx7g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid2.jar"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
cv() { $J crossval --data $D --out /work/grid/t20 --folds 5 --protocol quick-t20 --threads 1 --stages ann,converted,fine-tuned "$@"; }
for f in $2; do cv --fold $f --losses bce-dice,dice,bce; done
cv --fold 4 --losses $3
echo "done $1 $(date)"
