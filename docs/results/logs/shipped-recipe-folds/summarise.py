#!/usr/bin/env python3
"""Table of the shipped recipe per fold, read from the logs (run from the repository root):
python3 docs/results/logs/shipped-recipe-folds/summarise.py          # the recipe as shipped (BCE-Dice)
python3 docs/results/logs/shipped-recipe-folds/summarise.py bce      # the same recipe with BCE (shipped-recipe-losses/)
python3 docs/results/logs/shipped-recipe-folds/summarise.py dice     # the same recipe with Dice (shipped-recipe-losses/)"""
import re, statistics, sys
from pathlib import Path

L = Path("docs/results/logs")
if len(sys.argv) > 1:
    loss = sys.argv[1]
    if loss not in ("bce", "dice"):
        raise SystemExit(f"loss must be bce or dice, not {loss}")
    FOLDS = {}
    for f in sorted((L / "shipped-recipe-losses").glob(f"finetune-const-t20-{loss}-f*.log")):
        k = int(re.search(r"f(\d+)\.log$", f.name).group(1))
        FOLDS[k] = (f.parent / f"train-ann-{loss}-f{k}.log", f)
else:
    FOLDS = {0: (L / "train-ann-bce-dice-f0.log", L / "finetune-const-t20-e1-bce-dice-f0.log")}
    for f in sorted((L / "shipped-recipe-folds").glob("finetune-const-t20-e1-f*.log")):
        k = int(re.search(r"f(\d+)\.log$", f.name).group(1))
        FOLDS[k] = (f.parent / f"train-ann-bce-dice-f{k}.log", f)

def test_scores(text):
    """The last block scored on 40 test subjects: 3-D and 2-D Dice."""
    blocks = re.findall(r'"subjects": 40,\s*"dice3dMean": ([\d.]+),\s*"dice3dStd": ([\d.]+),'
                        r'\s*"dice2dMean": ([\d.]+),\s*"dice2dStd": ([\d.]+)', text)
    if not blocks:
        raise SystemExit("no 40-subject test block")
    return [float(x) for x in blocks[-1]]

rows, gaps, anns, snns = [], [], [], []
for k, (ann_log, ft_log) in sorted(FOLDS.items()):
    if not ft_log.exists() or '"subjects": 40' not in ft_log.read_text():
        continue  # still running
    a = test_scores(ann_log.read_text())
    text = ft_log.read_text()
    s = test_scores(text)
    ep = re.findall(r"epoch (\d+)/\1  loss ([\d.]+)  val loss ([\d.]+)  val Dice ([\d.]+).*?([\d.]+) s  ETA", text)[-1]
    ratio = float(re.search(r'"energyRatioAnnToSnn": ([\d.]+)', text).group(1))
    snn_mj = float(re.search(r'"snnEnergyNjPerSlice": ([\d.]+)', text).group(1)) / 1e6
    gap = 100 * (a[0] - s[0])
    anns.append(a[0]); snns.append(s[0]); gaps.append(gap)
    rows.append(f"| {k} | {a[0]:.3f} ± {a[1]:.3f} | {s[0]:.3f} ± {s[1]:.3f} | {gap:.1f} | {a[2]:.3f} / {s[2]:.3f} "
                f"| {ep[2]} / {ep[3]} | {ratio:.1f}× less ({snn_mj:.3f} mJ) | {float(ep[4]):.0f} |")
print("| fold | ANN 3-D Dice | SNN 3-D Dice, T = 20 | gap (points) | 2-D Dice ANN / SNN | SNN validation loss / Dice "
      "| SNN energy per slice vs ANN | epoch (s) |")
print("|---|---|---|---|---|---|---|---|")
print("\n".join(rows))
if len(rows) > 1:
    sd = lambda v: statistics.stdev(v)
    print(f"| mean ± std over {len(rows)} folds | {statistics.mean(anns):.3f} ± {sd(anns):.3f} | "
          f"{statistics.mean(snns):.3f} ± {sd(snns):.3f} | {statistics.mean(gaps):.1f} ± {sd(gaps):.1f} | | | | |")
