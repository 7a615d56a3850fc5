#!/bin/bash
# Shipped model v2: the shipped ANN (models/hippo-ann.zip, all 200 cases, --folds 1) converted with
# constant-current input and fine-tuned one epoch at T = 20 (Adam 1e-3): the recipe measured on fold 0
# at full size (docs/results/finetune-fold0.md, 0.887 ± 0.038 on 40 held-out subjects).
J="java -Xmx10g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/ship.jar"
D=/work/shared/data/msd-hippocampus
A=/work/main/models/hippo-ann.zip
export OMP_WAIT_POLICY=PASSIVE
date
$J convert --model $A --data $D --encoder constant --time-steps 20 --threads 2 --out snn-converted.zip
date
$J finetune --model snn-converted.zip --data $D --loss bce-dice --time-steps 20 --lr 1e-3 --epochs 1 --threads 2 --out hippo-snn.zip
echo "done $(date)"
