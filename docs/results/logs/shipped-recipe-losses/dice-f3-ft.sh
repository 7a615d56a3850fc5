#!/bin/bash
# Run 2026-12-01 08:33 UTC (queue.sh, output in queue.out): Dice fold 3 from its committed ANN
# (docs/results/bundles/ann-dice-f3.zip, dice-f3-ann.sh, copied into the scratch folder), under the rule "up to two
# epochs, kept by validation loss" fixed in 11e5809: convert with run.sh's convert line (the log matches the earlier
# session's but for times; the probe gives the logged 0.5804), one fine-tuning epoch, the second epoch, then the
# converted SNN's test score. A first start at 08:13 without GLIBC_TUNABLES (env.sh) ran at a quarter of the usual speed
# on this machine and was stopped after 13 batches; nothing of it was kept. As run, the probe line lacked LOSS=dice and
# found no file; it was rerun by hand as below (0.5804) before fine-tuning had got far.
. ./env.sh
echo "dice fold 3 convert start $(date)"
$J convert --model ann-dice-f3.zip --data $D --encoder constant --time-steps 20 --subjects 1 --threads 2 --out snn-wn-const-dice-f3.zip > convert-const-dice-f3.log 2>&1 || exit 1
echo "probe $(LOSS=dice ./probe.sh 3)"
LOSS=dice ./finetune.sh 3 || exit 1
LOSS=dice ./second-epoch.sh 3 || exit 1
./evaluate-converted.sh dice 3
echo "all done $(date)"
