#!/bin/bash
# Resume fold 1's hybrid fine-tuning from its checkpoint (appending to its log), then run the direct SNN.
J="java -Xmx6g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /work/conv2/hippo-snn-38e7e83.jar"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
echo "--- resumed $(date) ---" >> finetune-const-t20-f1.log
$J finetune --data $D --model snn-wn-const-t20-f1.zip --time-steps 20 --lr 1e-3 --epochs 60 --early-stop 10 --threads 2 --out snn-ft-const-t20-f1.zip >> finetune-const-t20-f1.log 2>&1
echo "fold 1 hybrid done $(date) rc=$?"
./pair.sh 1 direct
