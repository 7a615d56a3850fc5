#!/bin/bash
# The convergence pairs of docs/results/convergence-fold0.md, trained fold by fold with pair.sh (the single-step
# commands), as the crossval grid of `--protocol convergence`: each fold's bundles are copied into
# fold-K/bce-dice/ and crossval scores them, adopting a bundle only if its model.json records this protocol's split,
# network and settings and the grid's upstream bundle (otherwise it refuses it). Fold 0's converted SNN was not kept
# by its pair, so crossval converts the fold-0 ANN again (the same settings). Run from the repository root.
# usage: adopt.sh FOLD JAR PAIRDIR   (PAIRDIR: the folder pair.sh ran in, for the converted SNN snn-wn-const-t20-fK.zip)
set -e
K=${1:?fold}; JAR=${2:?jar}; P=${3:?pair.sh folder}
G=docs/results/crossval-convergence; B=docs/results/bundles/convergence; F=$G/fold-$K/bce-dice
mkdir -p $F
if [ "$K" = 0 ]; then
  cp $B/ann.zip $F/ann.zip; cp $B/snn-ft-const-t20.zip $F/fine-tuned.zip; cp $B/snn-direct-const-t20.zip $F/direct.zip
else
  cp $B/ann-f$K.zip $F/ann.zip; cp $P/snn-wn-const-t20-f$K.zip $F/converted.zip
  cp $B/snn-ft-const-t20-f$K.zip $F/fine-tuned.zip; cp $B/snn-direct-const-t20-f$K.zip $F/direct.zip
fi
java -Xmx6g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar $JAR crossval \
    --data ../shared/data/msd-hippocampus --out $G --folds 5 --protocol convergence --losses bce-dice --fold $K --threads 2
