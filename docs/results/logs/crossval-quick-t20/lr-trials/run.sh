#!/bin/bash
# Fold 0, BCE-Dice, quick protocol's converted SNN: fine-tuning learning rate / T trials
J="java -Xmx7g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid.jar"
D=/work/shared/data/msd-hippocampus
M=/work/main/docs/results/crossval-quick/fold-0/bce-dice/converted.zip
export OMP_WAIT_POLICY=PASSIVE
case $1 in
lr1e3-t10) $J finetune --model $M --data $D --loss bce-dice --time-steps 10 --lr 1e-3 --epochs 12 --threads 1 --out /work/grid/lr/$1.zip ;;
lr1e3-t20) $J finetune --model $M --data $D --loss bce-dice --time-steps 20 --lr 1e-3 --epochs 12 --threads 1 --out /work/grid/lr/$1.zip ;;
esac
echo "done $1 $(date)"
