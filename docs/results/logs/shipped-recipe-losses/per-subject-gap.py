#!/usr/bin/env python3
"""Per-subject 3-D Dice of a fold's ANN against its fine-tuned SNN, from two `evaluate --csv` files:
python3 per-subject-gap.py ANN.csv SNN.csv — is the gap broad or a few failed subjects?"""
import csv, statistics, sys

ann, snn = ({r["case"]: float(r["dice3d"]) for r in csv.DictReader(open(p))} for p in sys.argv[1:3])
if ann.keys() != snn.keys():
    raise SystemExit(f"the two files score different subjects: {sorted(ann.keys() ^ snn.keys())}")
gaps = sorted((100 * (ann[c] - snn[c]), c) for c in ann)
print(f"{len(gaps)} subjects: gap (points, ANN - SNN) mean {statistics.mean(g for g, _ in gaps):.2f}, "
      f"median {statistics.median(g for g, _ in gaps):.2f}; SNN better on {sum(g < 0 for g, _ in gaps)}")
print("largest gaps:", ", ".join(f"{c} {ann[c]:.3f} -> {snn[c]:.3f}" for _, c in reversed(gaps[-5:])))
