#!/bin/bash
for k in "$@"; do
  ./run.sh $k || exit 1
  K=$k OMP_WAIT_POLICY=PASSIVE jshell --class-path /tmp/grid10.jar -R-Xmx6g -R-Dorg.bytedeco.javacpp.maxbytes=0 \
      -R-Dorg.bytedeco.javacpp.maxphysicalbytes=0 probe-converted-val.jsh > probe-f$k.out 2>&1
  d=$(grep -o "pooled Dice (p > 0.5) [0-9.]*" probe-f$k.out | awk '{print $NF}')
  w=$(python3 -c "print(1 if float('${d:-0}') < 0.1 else 0)")
  echo "fold $k converted validation Dice $d, warm-up $w"
  ./finetune.sh $k $w
done
