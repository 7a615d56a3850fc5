#!/bin/bash
# Folds of the BCE recipe one after another: fold 0 from its converted SNN, then `chain.sh 1 2 ...` from the ANN.
# Warm-up rule, fixed before any fold ran: one BCE-Dice epoch first iff the converted SNN's pooled validation
# Dice at T = 20 (probe-converted-val.jsh) is below 0.1 (a silent foreground; fold 0: 0.5965, no warm-up).
./finetune.sh 0
for k in "$@"; do
  ./run.sh $k
  K=$k OMP_WAIT_POLICY=PASSIVE jshell --class-path /tmp/grid10.jar -R-Xmx6g -R-Dorg.bytedeco.javacpp.maxbytes=0 \
      -R-Dorg.bytedeco.javacpp.maxphysicalbytes=0 probe-converted-val.jsh > probe-f$k.out 2>&1
  d=$(grep -o "pooled Dice (p > 0.5) [0-9.]*" probe-f$k.out | awk '{print $NF}')
  w=$(python3 -c "print(1 if float('${d:-0}') < 0.1 else 0)")
  echo "fold $k converted validation Dice $d, warm-up $w"
  ./finetune.sh $k $w
done
