#!/bin/bash
# Trial: constant-current input instead of Poisson, fold 0 BCE-Dice of quick-t20-decay, judged on
# fold 0's 16 validation subjects against the Poisson run's validation Dice per epoch (A.log).
J="java -Xmx7g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid6.jar"
D=/work/shared/data/msd-hippocampus
M=/work/main/docs/results/crossval-quick-t20-decay/fold-0/bce-dice
export OMP_WAIT_POLICY=PASSIVE
$J convert --model $M/ann.zip --data $D --encoder constant --time-steps 20 --subjects 1 --threads 1 --out const-converted.zip
$J finetune --model const-converted.zip --data $D --loss bce-dice --time-steps 20 --lr 1e-3 --patience 1 --epochs 4 --threads 1 --out const-ft.zip
echo "done $(date)"
