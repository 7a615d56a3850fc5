// Fold 0's fine-tuned SNNs (quick-t20: BCE, BCE-Dice; quick-t20-decay: BCE after its BCE-Dice warm-up epoch)
// on fold 0's 16 validation subjects at T = 20: output probabilities of
// foreground and background pixels, and the pooled Dice at several thresholds. From the repository root:
//   jshell --class-path target/hippo-snn.jar -R-Xmx3g docs/results/logs/crossval-quick-t20-decay/probe-bce-logits.jsh
import org.hipposnn.model.*; import org.hipposnn.data.*; import org.hipposnn.training.*; import org.hipposnn.snn.*;
import java.nio.file.*; import java.util.*;
var data = MsdDataset.open(Path.of("../shared/data/msd-hippocampus"));
for (String run : List.of("crossval-quick-t20/fold-0/bce", "crossval-quick-t20/fold-0/bce-dice", "crossval-quick-t20-decay/fold-0/bce")) {
var b = ModelFiles.load(Path.of("docs/results/" + run + "/fine-tuned.zip"));
var split = DataSplit.of(data.ids(), b.training().getAsJsonObject("split"));
var val = SliceSet.of(data.select(split.validation()), b.preprocessing());
int n = val.size(), h = val.height(), w = val.width();
int[] all = new int[n]; for (int i = 0; i < n; i++) all[i] = i;
float[] img = val.images(all, 0, n).data().asFloat(), lab = val.labels(all, 0, n).data().asFloat();
var pred = new SnnPredictor(b.network(), b.weights(), b.spiking(), 20, 1, 26);
float[] p = pred.probabilities(img, n, h, w);
double fgSum = 0, bgSum = 0, fgMax = 0, bgMax = 0; long fg = 0, bg = 0;
for (int i = 0; i < p.length; i++) { if (lab[i] > 0.5) { fg++; fgSum += p[i]; fgMax = Math.max(fgMax, p[i]); } else { bg++; bgSum += p[i]; bgMax = Math.max(bgMax, p[i]); } }
System.out.printf("%s: fg mean p %.4f max %.4f; bg mean p %.4f max %.4f; fg fraction %.4f%n", run, fgSum / fg, fgMax, bgSum / bg, bgMax, fg / (double) p.length);
for (double th : new double[] {0.5, 0.4, 0.3, 0.2, 0.1, 0.05}) {
  double in = 0, pr = 0, tr = 0;
  for (int i = 0; i < p.length; i++) { boolean a = p[i] > th, t = lab[i] > 0.5; if (a && t) in++; if (a) pr++; if (t) tr++; }
  System.out.printf("  threshold %.2f pooled Dice %.4f%n", th, 2 * in / (pr + tr));
}
}
/exit
