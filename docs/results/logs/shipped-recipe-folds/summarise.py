#!/usr/bin/env python3
"""Tables of the shipped recipe per fold, read from the logs (run from the repository root):
python3 docs/results/logs/shipped-recipe-folds/summarise.py          # the recipe as shipped (BCE-Dice)
python3 docs/results/logs/shipped-recipe-folds/summarise.py bce      # the same recipe with BCE (shipped-recipe-losses/)
python3 docs/results/logs/shipped-recipe-folds/summarise.py dice     # the same recipe with Dice (shipped-recipe-losses/)
python3 docs/results/logs/shipped-recipe-folds/summarise.py dice-2   # Dice, up to two epochs kept by validation loss
python3 docs/results/logs/shipped-recipe-folds/summarise.py table1   # the three losses side by side, Table-1 style"""
import re, statistics, sys
from pathlib import Path

L = Path("docs/results/logs")
LOSSES = ("bce-dice", "bce", "dice", "dice-2")
EPOCH = r"epoch (\d+)/\1  loss ([\d.]+)  val loss ([\d.]+)  val Dice ([\d.]+).*?([\d.]+) s  ETA"

def folds(loss):
    """Fold -> (ANN log, fine-tuning log) for the folds whose fine-tuning has scored its 40 test subjects."""
    if loss == "bce-dice":
        found = {0: (L / "train-ann-bce-dice-f0.log", L / "finetune-const-t20-e1-bce-dice-f0.log")}
        for f in (L / "shipped-recipe-folds").glob("finetune-const-t20-e1-f*.log"):
            k = int(re.search(r"f(\d+)\.log$", f.name).group(1))
            found[k] = (f.parent / f"train-ann-bce-dice-f{k}.log", f)
    elif loss == "dice-2":
        found = {k: (a, kept(f, two)) for k, (a, f) in folds("dice").items() if (two := second(f))}
    else:
        found = {}
        for f in (L / "shipped-recipe-losses").glob(f"finetune-const-t20-{loss}-f*.log"):
            k = int(re.search(r"f(\d+)\.log$", f.name).group(1))
            found[k] = (f.parent / f"train-ann-{loss}-f{k}.log", f)
    return {k: v for k, v in sorted(found.items()) if '"subjects": 40' in v[1].read_text()}

def second(one):
    """The second-epoch log (second-epoch.sh) beside a one-epoch Dice log, if it has scored its 40 test subjects."""
    f = one.with_name(one.name.replace("t20-", "t20-e2-"))
    return f if f.exists() and '"subjects": 40' in f.read_text() else None

def val_loss(log):
    return float(re.findall(EPOCH, log.read_text())[-1][2])

def kept(one, two):
    """The rule fixed for Dice (shipped-recipe-folds.md): of one and two epochs, the lower validation loss."""
    return two if val_loss(two) < val_loss(one) else one

def test_scores(text):
    """The last block scored on 40 test subjects: 3-D and 2-D Dice (mean, std)."""
    blocks = re.findall(r'"subjects": 40,\s*"dice3dMean": ([\d.]+),\s*"dice3dStd": ([\d.]+),'
                        r'\s*"dice2dMean": ([\d.]+),\s*"dice2dStd": ([\d.]+)', text)
    if not blocks:
        raise SystemExit("no 40-subject test block")
    return [float(x) for x in blocks[-1]]

def converted(loss, k):
    """3-D and 2-D Dice of fold k's converted SNN at T = 20 on all 40 test subjects (evaluate-converted.sh), or None."""
    f = L / "shipped-recipe-losses" / f"evaluate-converted-const-{loss}-f{k}.log"
    m = f.exists() and re.search(r"\t20\t40\t([\d.]+) ± [\d.]+ \(n=40\)\t([\d.]+) ±", f.read_text())
    return (float(m.group(1)) / 100, float(m.group(2)) / 100) if m else None

def mean_sd(v):
    return f"{statistics.mean(v):.3f} ± {statistics.stdev(v):.3f}" if len(v) > 1 else f"{v[0]:.3f}"

def per_fold(loss):
    rows, gaps, anns, snns = [], [], [], []
    for k, (ann_log, ft_log) in folds(loss).items():
        a = test_scores(ann_log.read_text())
        text = ft_log.read_text()
        s = test_scores(text)
        ep = re.findall(EPOCH, text)[-1]
        ratio = float(re.search(r'"energyRatioAnnToSnn": ([\d.]+)', text).group(1))
        snn_mj = float(re.search(r'"snnEnergyNjPerSlice": ([\d.]+)', text).group(1)) / 1e6
        gap = 100 * (a[0] - s[0])
        k = f"{k} ({'2 epochs' if '-e2-' in ft_log.name else '1 epoch'})" if loss == "dice-2" else k
        anns.append(a[0]); snns.append(s[0]); gaps.append(gap)
        rows.append(f"| {k} | {a[0]:.3f} ± {a[1]:.3f} | {s[0]:.3f} ± {s[1]:.3f} | {gap:.1f} | {a[2]:.3f} / {s[2]:.3f} "
                    f"| {ep[2]} / {ep[3]} | {ratio:.1f}× less ({snn_mj:.3f} mJ) | {float(ep[4]):.0f} |")
    print("| fold | ANN 3-D Dice | SNN 3-D Dice, T = 20 | gap (points) | 2-D Dice ANN / SNN | SNN validation loss / Dice "
          "| SNN energy per slice vs ANN | epoch (s) |")
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    if len(rows) > 1:
        print(f"| mean ± std over {len(rows)} folds | {mean_sd(anns)} | {mean_sd(snns)} | "
              f"{statistics.mean(gaps):.1f} ± {statistics.stdev(gaps):.1f} | | | | |")

def choices():
    """Dice's up-to-two-epochs rule per fold: both models' validation loss and test 3-D Dice, and the one kept."""
    print("| fold | 1 epoch: validation loss / test 3-D Dice | 2 epochs: validation loss / test 3-D Dice | kept |")
    print("|---|---|---|---|")
    for k, (_, one) in folds("dice").items():
        if two := second(one):
            cell = lambda f: f"{val_loss(f):.4f} / {test_scores(f.read_text())[0]:.3f}"
            print(f"| {k} | {cell(one)} | {cell(two)} | {'2 epochs' if kept(one, two) == two else '1 epoch'} |")
    print()

def table1():
    """Per loss, mean ± std over folds of the subjects' mean 3-D Dice (2-D Dice: slice-wise, below it)."""
    print("| loss | folds | ANN 3-D / 2-D | converted SNN, T = 20, 3-D / 2-D | fine-tuned SNN, T = 20, 3-D / 2-D "
          "| fine-tuned below ANN, 3-D (points) |")
    print("|---|---|---|---|---|---|")
    for loss in LOSSES:
        fs = folds(loss)
        ann = [test_scores(a.read_text()) for a, _ in fs.values()]
        snn = [test_scores(f.read_text()) for _, f in fs.values()]
        conv = {k: c for k in fs if (c := converted(loss.removesuffix("-2"), k)) is not None}
        gaps = [100 * (a[0] - s[0]) for a, s in zip(ann, snn)]
        cell = lambda rows, i, j: f"{mean_sd([r[i] for r in rows])} / {mean_sd([r[j] for r in rows])}"
        conv_cell = (f"{cell(list(conv.values()), 0, 1)} (fold{'s' * (len(conv) > 1)} {', '.join(map(str, conv))})"
                     if conv else "—")
        gap_cell = f"{statistics.mean(gaps):.1f}" + (f" ± {statistics.stdev(gaps):.1f}" if len(gaps) > 1 else "")
        print(f"| {'dice, up to 2 epochs' if loss == 'dice-2' else loss} | {', '.join(map(str, fs))} | {cell(ann, 0, 2)} | {conv_cell} | {cell(snn, 0, 2)} | {gap_cell} |")

arg = sys.argv[1] if len(sys.argv) > 1 else "bce-dice"
if arg == "table1":
    table1()
elif arg in LOSSES:
    if arg == "dice-2":
        choices()
    per_fold(arg)
else:
    raise SystemExit(f"expected one of {', '.join(LOSSES)} or table1, not {arg}")
