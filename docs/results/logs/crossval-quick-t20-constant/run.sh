#!/bin/bash
# The quick-t20-constant grid, BCE-Dice: conversion with constant-current input, then fine-tuning.
# ANN jobs copied from quick-t20-decay (ProtocolTest: every setting but the input coding is equal, and
# the ANN reads none of it). Two workers (usage: run.sh NAME [PID to wait for]) take the jobs below in
# order, each claimed by a lock folder. JOBS lists loss:fold pairs: the BCE-Dice row ran with the
# default (build /tmp/grid7.jar, 2026-11-30 13:08), the Dice and BCE rows with
# JOBS="dice:0 .. dice:4 bce:0 .. bce:4" and JAR=/tmp/grid9.jar (a build of e8010ec, 2026-11-30 21:05).
JAR=${JAR:-/tmp/grid7.jar}
JOBS=${JOBS:-"bce-dice:0 bce-dice:1 bce-dice:2 bce-dice:3 bce-dice:4"}
J="java -Xmx7g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar $JAR"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
if [ -n "$2" ]; then while kill -0 $2 2>/dev/null; do sleep 20; done; fi
for job in $JOBS; do
  l=${job%:*}; f=${job#*:}
  mkdir /work/grid/const/lock-$l-$f 2>/dev/null || continue
  echo "== $1 takes fold $f $l $(date)"
  $J crossval --data $D --out /work/grid/const --folds 5 --protocol quick-t20-constant --threads 1 --fold $f --losses $l --stages converted,fine-tuned
done
echo "done $1 $(date)"
