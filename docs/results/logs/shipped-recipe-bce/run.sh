#!/bin/bash
# The shipped recipe (docs/results/shipped-recipe-folds.md) with BCE in place of BCE-Dice, full size, `./run.sh K`:
# fold K's ANN (width 32, 144 + 16 subjects, BCE, at most 40 epochs, early stop 12), converted with
# constant-current input; fine-tuning follows in finetune.sh once the converted SNN's validation Dice is known.
J="java -Xmx10g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid10.jar"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
k=$1
[ -e STOP-f$k ] && { echo "fold $k not started (STOP-f$k)"; exit 1; }
echo "fold $k start $(date)"
$J train-ann --data $D --loss bce --fold $k --epochs 40 --early-stop 12 --threads 2 --out ann-bce-f$k.zip > train-ann-bce-f$k.log 2>&1
$J convert --model ann-bce-f$k.zip --data $D --encoder constant --time-steps 20 --subjects 1 --threads 2 --out snn-wn-const-bce-f$k.zip > convert-const-bce-f$k.log 2>&1
echo "fold $k converted $(date)"
