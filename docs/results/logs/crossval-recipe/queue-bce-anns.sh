#!/bin/bash
# As run 2026-12-02 09:05 from /work/conv2/bce-f12 (output: the first lines of queue.out): the BCE ANNs of folds 1 and 2.
export JAR=/work/conv2/hippo-snn-e3c2a56.jar LOSS=bce
for k in 1 2; do bash /work/main/docs/results/logs/shipped-recipe-losses/run.sh $k; done
echo chain done $(date)
