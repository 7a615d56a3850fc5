#!/bin/bash
# The converted SNN (before fine-tuning) of the recipe with loss L on fold K, scored at the fine-tuned latency T = 20 on
# all 40 of the fold's held-out subjects (convert --subjects 1 scored one): `./evaluate-converted.sh L K`, run in the
# folder holding run.sh's snn-wn-const-L-fK.zip. For bce-dice (the shipped recipe, whose converted files were not
# kept) fold 0's converted SNN is first remade from the committed ANN (under REPO, default /work/main), as
# docs/results/finetune-fold0.md made it.
. "$(dirname "$0")/env.sh"
L=$1; k=$2
if [ "$L" = bce-dice ] && [ ! -e snn-wn-const-$L-f$k.zip ]; then
  $J convert --model ${REPO:-/work/main}/docs/results/bundles/ann-bce-dice-f$k.zip --data $D --encoder constant --time-steps 20 \
      --subjects 1 --threads 2 --out snn-wn-const-$L-f$k.zip > convert-const-$L-f$k.log 2>&1 || exit 1
fi
/usr/bin/time -f "%e s wall, %M KB max RSS" $J evaluate --model snn-wn-const-$L-f$k.zip --data $D --time-steps 20 --threads 2 \
    --csv converted-const-$L-f$k-test.csv > evaluate-converted-const-$L-f$k.log 2>&1
echo "converted $L fold $k scored $(date)"
