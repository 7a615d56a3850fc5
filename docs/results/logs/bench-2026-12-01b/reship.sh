#!/bin/bash
# The shipped model's fine-tuning command (models/README.md) again, with the jar of 31a8336 (neuron ranges, malloc
# settings set by main), from the repository root, into /tmp: how long one fine-tuning epoch over 180 training
# subjects at T = 20 takes now (1,918 s on 2026-11-30, jar of 441ad71), and whether the bundle comes out the same.
# Background jobs paused (SIGSTOP): PAUSE="pid ..." reship.sh
[ -n "$PAUSE" ] && kill -STOP $PAUSE
trap '[ -n "$PAUSE" ] && kill -CONT $PAUSE' EXIT
cd /work/main
J="java -Xmx10g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/malloc.jar"
D=../shared/data/msd-hippocampus
rm -f /tmp/reship.zip
/usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M kB" $J finetune --model models/hippo-snn-converted.zip --data $D \
  --loss bce-dice --time-steps 20 --lr 1e-3 --epochs 1 --threads 2 --out /tmp/reship.zip 2>&1 | grep -v "WARN\|  batch "
echo "finished $(date)"
