#!/bin/bash
# Trial: BCE fine-tuning's learning rate, fold 0 of quick-t20-constant, judged on fold 0's 16 validation
# subjects against the grid's lr 1e-3 run (M.log). Same converted bundle, warm-up, patience and epoch cap.
# usage: trial-fold0-bce-lr.sh LR (run with 1e-4 and 3e-4 side by side, one thread each, 2026-11-30 23:57, jar /tmp/grid10.jar = a build of a298766; both stopped
# early to free the cores once the trend was clear: 1e-4 after 3 epochs, 3e-4 after 4)
J="java -Xmx7g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid10.jar"
D=/work/shared/data/msd-hippocampus
C=/work/main/docs/results/crossval-quick-t20-constant/fold-0/bce/converted.zip
export OMP_WAIT_POLICY=PASSIVE
$J finetune --model $C --data $D --loss bce --warmup 1 --time-steps 20 --lr $1 --patience 1 --early-stop 4 --epochs 10 --threads 1 --out bce-lr$1.zip
echo "done $(date)"
