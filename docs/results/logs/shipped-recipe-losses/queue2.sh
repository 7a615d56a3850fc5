#!/bin/bash
# Queued behind queue.sh (same session, 2026-12-01): BCE fold 4, the recipe from its ANN, then the converted SNN's test score.
# (As run, its first line waited for queue.sh's process id: `while kill -0 PID; do sleep 15; done`.)
echo "bce fold 4 start $(date)"
./chain.sh 4 || exit 1
./evaluate-converted.sh bce 4
echo "queue2 done $(date)"
