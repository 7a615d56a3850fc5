#!/bin/bash
# Resume the direct run from its checkpoint with 2 threads, the cores being free (usage: resume.sh LOG).
# First after epoch 39 (LOG train-snn-const-t20.part2.log, committed as train-snn-const-t20.resumed.log),
# after epoch 50 (train-snn-const-t20.part3.log, committed as train-snn-const-t20.resumed2.log) and after
# epoch 70 (train-snn-const-t20.part4.log, committed as train-snn-const-t20.resumed3.log; stopped after 78).
J="java -Xmx8g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/ship.jar"
D=/work/shared/data/msd-hippocampus
S="--fold 0 --train-subjects 24 --width 16 --threads 2"
export OMP_WAIT_POLICY=PASSIVE
$J train-snn --data $D $S --encoder constant --time-steps 20 --lr 1e-3 --epochs 100 --early-stop 10 --out snn-direct-const-t20.zip > "${1:?usage: resume.sh LOG}" 2>&1
echo "resume done $(date) rc=$?"
