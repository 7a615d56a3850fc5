#!/bin/bash
# The shipped recipe's runs of docs/results/shipped-recipe-folds.md (single-step commands, full size, 5 folds) as
# the crossval grid of `--protocol recipe`: the fold's ANN and fine-tuned SNN are copied from docs/results/bundles/
# into fold-K/LOSS/, crossval converts the ANN again (the converted bundles were not kept; the conversion is
# deterministic: retrained folds reproduced its logs exactly) and scores all three, adopting a bundle only if its
# model.json records this protocol's split, network and settings and the grid's upstream bundle.
# LOSS: bce-dice (default), bce (bundles ann-bce-fK.zip, snn-ft-const-t20-bce-fK.zip) or dice (ann-dice-fK.zip and
# the one-epoch snn-ft-const-t20-dice-fK.zip; fold 3's one-epoch model was not kept, so the grid fine-tunes it
# itself). Some ANNs in bundles/ are identical retrainings by ../shipped-recipe-losses/run.sh (bundles/README.md).
# STAGES=direct trains and scores the grid's own direct-training job instead. Run from the repository root.
# usage: [LOSS=bce] adopt.sh FOLD JAR [STAGES]   (STAGES default ann,converted,fine-tuned)
set -e
K=${1:?fold}; JAR=${2:?jar}; ST=${3:-ann,converted,fine-tuned}; L=${LOSS:-bce-dice}
case $L in
  bce-dice) FT=snn-ft-const-t20-e1-f$K.zip ;;
  bce) FT=snn-ft-const-t20-bce-f$K.zip ;;
  dice) FT=snn-ft-const-t20-dice-f$K.zip ;;
  *) echo "adopt.sh: no recipe bundles for loss $L (bce-dice, bce or dice)" >&2; exit 2 ;;
esac
G=docs/results/crossval-recipe; B=docs/results/bundles; F=$G/fold-$K/$L
mkdir -p $F
[ -e $F/ann.zip ] || cp $B/ann-$L-f$K.zip $F/ann.zip
# without a kept fine-tuned model (Dice fold 3) the grid's own fine-tuning job runs
[ -e $F/fine-tuned.zip ] || [ ! -e $B/$FT ] || cp $B/$FT $F/fine-tuned.zip
java -Xmx8g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar $JAR crossval \
    --data ../shared/data/msd-hippocampus --out $G --folds 5 --protocol recipe --losses $L --fold $K \
    --stages $ST --threads 2
