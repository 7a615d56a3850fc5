#!/usr/bin/env python3
"""Hybrid fine-tuning against direct training with constant-current input at T = 20, read from the two
training logs (run from the repository root):
python3 docs/results/logs/convergence/const-t20/summarise.py [--fold K] [--csv FILE]   (K > 0: const-t20-fK/)
A third row: the direct run made again from scratch (const-t20-rerun/).
python3 docs/results/logs/convergence/const-t20/summarise.py --all
One row per fold whose pair has finished (fold 0: the hybrid run and the direct run made again, both with the jar's
2-thread engine), then mean ± std over those folds.
Convergence as everywhere here (METHOD.md): the epoch of the best validation loss, once the scheduler's
patience (10 epochs) has followed without improvement."""
import re, sys
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

DIR = Path("docs/results/logs/convergence/const-t20")
RUNS = [("hybrid (converted, then fine-tuned)", [DIR / "finetune-const-t20.log"]),
        # the direct run was stopped by hand after epochs 39, 50, 70 and 78, each time resumed from its checkpoint
        # (resume.sh); the resumed logs in order: .resumed.log, .resumed2.log, ...
        ("direct (random weights)", [DIR / "train-snn-const-t20.log"] + sorted(DIR.glob("train-snn-const-t20.resumed*.log"))),
        # the direct run again (2026-12-01), 2 threads throughout, the jar of 38e7e83: one log, resumed once (pair.sh)
        ("direct, run again (random weights)", [DIR.parent / "const-t20-rerun" / "train-snn-const-t20-f0.log"])]
if "--fold" in sys.argv and sys.argv[sys.argv.index("--fold") + 1] != "0":  # the pair on fold K (const-t20-fK/)
    K = sys.argv[sys.argv.index("--fold") + 1]
    FK = DIR.parent / f"const-t20-f{K}"
    RUNS = [(name, [FK / log]) for name, log in [("hybrid (converted, then fine-tuned)", f"finetune-const-t20-f{K}.log"),
                                                   ("direct (random weights)", f"train-snn-const-t20-f{K}.log")]
            if (FK / log).exists()]
PATIENCE = 10
EPOCH = re.compile(r"^epoch (\d+)/\d+  loss ([\d.]+)  val loss ([\d.]+)  val Dice ([\d.]+)  lr (\S+)  ([\d.]+) s", re.M)

def read(logs):
    """Per-epoch rows, the convergence epoch, whether it converged, the last test score and energy ratio of one run."""
    text = "\n".join(log.read_text() for log in logs)
    ep = [(int(e), float(l), float(vl), float(vd), lr, float(s)) for e, l, vl, vd, lr, s in EPOCH.findall(text)]
    best = min(ep, key=lambda r: (r[2], r[0]))  # first epoch of the lowest validation loss
    test = re.findall(r'"subjects": 40,\s*"dice3dMean": ([\d.]+),\s*"dice3dStd": ([\d.]+)', text)
    energy = re.findall(r'"energyRatioAnnToSnn": ([\d.]+)', text)
    return ep, best, ep[-1][0] - best[0] >= PATIENCE, test[-1] if test else None, float(energy[-1]) if energy else None


def all_folds():
    """The pair on every fold where both runs have ended (a test score in both logs)."""
    def mean_std(xs):
        m = sum(xs) / len(xs)
        return m, (sum((x - m) ** 2 for x in xs) / (len(xs) - 1)) ** 0.5 if len(xs) > 1 else 0.0
    pairs = {0: (DIR / "finetune-const-t20.log", DIR.parent / "const-t20-rerun" / "train-snn-const-t20-f0.log")}
    for fk in sorted(DIR.parent.glob("const-t20-f[1-9]")):
        k = int(fk.name[len("const-t20-f"):])
        pairs[k] = (fk / f"finetune-const-t20-f{k}.log", fk / f"train-snn-const-t20-f{k}.log")
    print("| fold | hybrid: convergence epoch | direct: convergence epoch | direct / hybrid | hybrid: 3-D Dice "
          "| direct: 3-D Dice | energy ANN/SNN, hybrid / direct |")
    print("|---|---|---|---|---|---|---|")
    h_ep, d_ep, h_d, d_d = [], [], [], []
    for k, (h, d) in sorted(pairs.items()):
        if not (h.exists() and d.exists()):
            continue
        (_, hb, hc, ht, he), (_, db, dc, dt, de) = read([h]), read([d])
        if not (hc and dc and ht and dt):
            continue  # a run still going
        h_ep.append(hb[0]); d_ep.append(db[0]); h_d.append(float(ht[0])); d_d.append(float(dt[0]))
        print(f"| {k} | {hb[0]} | {db[0]} | {db[0] / hb[0]:.1f}× | {float(ht[0]):.3f} ± {float(ht[1]):.3f} "
              f"| {float(dt[0]):.3f} ± {float(dt[1]):.3f} | {he:.2f} / {de:.2f} |")
    # half up, as Java's String.format in crossval's report (27.25 -> 27.3, where Python's %.1f gives 27.2)
    half_up = lambda x, d: Decimal(repr(x)).quantize(Decimal(1).scaleb(-d), ROUND_HALF_UP)
    f = lambda xs, d: f"{half_up(mean_std(xs)[0], d)} ± {half_up(mean_std(xs)[1], d)}"
    print(f"| mean ± std ({len(h_ep)} folds) | {f(h_ep, 1)} | {f(d_ep, 1)} | "
          f"{sum(b < a for a, b in zip(d_ep, h_ep))} of {len(h_ep)} folds hybrid first | {f(h_d, 3)} | {f(d_d, 3)} | |")


if "--all" in sys.argv:
    all_folds()
    sys.exit()

rows, csv = [], ["run,epoch,train_loss,validation_loss,validation_dice,learning_rate,seconds"]
for name, logs in RUNS:
    ep, best, converged, test, _ = read(logs)
    key = name.split(" (")[0].replace(", run again", "-again")  # hybrid, direct, direct-again: no comma in a CSV field
    csv += [f"{key},{e},{l},{vl},{vd},{lr},{s}" for e, l, vl, vd, lr, s in ep]
    last = ep[-1][0]
    first = lambda level: next((str(r[0]) for r in ep if r[3] >= level), "not by %d" % last)
    test = f"{float(test[0]):.3f} ± {float(test[1]):.3f}" if test else "— (stopped by hand, no bundle)"
    rows.append(f"| {name} | {last} | {best[0]} | {'yes' if converged else 'no: stopped by hand before its patience passed' } "
                f"| {best[2]:.4f} / {best[3]:.4f} | {first(0.5)} / {first(0.75)} / {first(0.85)} | {test} |")
print("| run | epochs run | best epoch (validation loss) | converged? | best validation loss / Dice "
      "| first epoch with validation Dice ≥ 0.5 / 0.75 / 0.85 | 3-D Dice, 40 test subjects |")
print("|---|---|---|---|---|---|---|")
print("\n".join(rows))
if "--csv" in sys.argv:
    Path(sys.argv[sys.argv.index("--csv") + 1]).write_text("\n".join(csv) + "\n")
