#!/bin/bash
# Fine-tuning of run.sh's converted SNN, the shipped recipe with BCE: one epoch at T = 20, Adam 1e-3, scored on
# the fold's 40 held-out subjects. `./finetune.sh K` (or `./finetune.sh K 1` to start with one BCE-Dice warm-up
# epoch, as the quick grid's BCE runs do, when probe-converted-val.jsh finds the converted foreground silent).
J="java -Xmx10g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid10.jar"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
k=$1; w=${2:-0}
$J finetune --model snn-wn-const-bce-f$k.zip --data $D --loss bce --warmup $w --time-steps 20 --lr 1e-3 --epochs $((1 + w)) \
    --threads 2 --out snn-ft-const-t20-bce-f$k.zip > finetune-const-t20-bce-f$k.log 2>&1
echo "fold $k fine-tuned $(date)"
