#!/bin/bash
# One epoch of a real command on real data, before (HEAD c586d1b, /tmp/conv.jar) and after (/tmp/ranges.jar) the
# neuron ranges: direct SNN training at the reduced setting of docs/results/convergence-fold0.md (fold 0, 24 training
# subjects, width 16, constant input, T = 20, batch 26, 2 threads), then the order reversed.
# Background jobs paused (SIGSTOP) for the duration: PAUSE="pid ..." epoch.sh
[ -n "$PAUSE" ] && kill -STOP $PAUSE
trap '[ -n "$PAUSE" ] && kill -CONT $PAUSE' EXIT
D=/work/shared/data/msd-hippocampus
for jar in conv ranges ranges conv; do
  echo "## $jar, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "$jar wall %e s, user %U s, sys %S s, peak RSS %M kB" java -Xmx6g -Dorg.bytedeco.javacpp.maxbytes=0 \
    -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/$jar.jar train-snn --data $D --fold 0 --train-subjects 24 --width 16 \
    --threads 2 --encoder constant --time-steps 20 --lr 1e-3 --epochs 1 --out /tmp/epoch-$jar.zip 2>&1 |
    grep -E "^epoch 1/1  loss|wall|energyRatio|\"dice3dMean\"|synapticOpsPerSlice"
  rm -f /tmp/epoch-$jar.zip*
done
