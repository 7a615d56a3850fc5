#!/bin/bash
# Score every converted and fine-tuned SNN of this grid again with the build that charges the
# constant-current input into the first conv per MAC (commit 9f18d1f): the grid ran with a build
# that charged it per accumulate. Converted jobs convert again (deterministic, ~20 s); fine-tuned
# jobs find their finished bundle and are scored, not trained again. Usage: rescore.sh [PID to wait for]
J="java -Xmx7g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/grid8.jar"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
if [ -n "$1" ]; then while kill -0 $1 2>/dev/null; do sleep 20; done; fi
mkdir -p before-energy-fix
for f in 0 1 2 3 4; do
  for s in converted fine-tuned; do
    mkdir -p before-energy-fix/fold-$f && mv fold-$f/bce-dice/$s.json before-energy-fix/fold-$f/
  done
done
$J crossval --data $D --out /work/grid/const --folds 5 --protocol quick-t20-constant --threads 1 --losses bce-dice --stages converted,fine-tuned
echo "done $(date)"
