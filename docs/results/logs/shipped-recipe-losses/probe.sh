#!/bin/bash
# Fold K's converted SNN (run.sh's snn-wn-const-L-fK.zip): pooled validation Dice at T = 20 by probe-converted-val.jsh,
# written to probe-L-fK.out and printed. `[LOSS=dice] ./probe.sh K` (LOSS defaults to bce).
. "$(dirname "$0")/env.sh"
k=$1; L=${LOSS:-bce}
K=$k jshell --class-path $JAR -R-Xmx6g -R-Dorg.bytedeco.javacpp.maxbytes=0 -R-Dorg.bytedeco.javacpp.maxphysicalbytes=0 \
    probe-converted-val.jsh > probe-$L-f$k.out 2>&1
grep -o "pooled Dice (p > 0.5) [0-9.]*" probe-$L-f$k.out | awk '{print $NF}'
