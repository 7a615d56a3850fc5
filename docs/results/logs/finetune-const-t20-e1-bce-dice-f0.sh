#!/bin/bash
# Full-size fold 0 (width 32, 144 training subjects), constant-current input: the shipped recipe's
# proxy with the input coding the quick-t20-constant grid found best. One fine-tuning epoch at T = 20
# (Adam 1e-3, the grid's rate), scored by finetune on fold 0's 40 held-out subjects.
J="java -Xmx10g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid8.jar"
D=/work/shared/data/msd-hippocampus
A=/work/main/docs/results/bundles/ann-bce-dice-f0.zip
export OMP_WAIT_POLICY=PASSIVE
date
$J convert --model $A --data $D --encoder constant --time-steps 20 --subjects 1 --threads 2 --out snn-wn-const-f0.zip
date
$J finetune --model snn-wn-const-f0.zip --data $D --loss bce-dice --time-steps 20 --lr 1e-3 --epochs 1 --threads 2 --out snn-ft-const-t20-e1-f0.zip
echo "done $(date)"
