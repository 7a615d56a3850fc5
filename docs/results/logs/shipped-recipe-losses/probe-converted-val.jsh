// Fold K's (environment variable K) full-size ANN for loss LOSS (default bce) converted with constant input, on the fold's 16 validation subjects at T = 20:
// mean output probability of foreground and background pixels and the pooled Dice at p > 0.5 — to choose,
// on validation data, whether BCE fine-tuning needs the grid's BCE-Dice warm-up epoch (it does when the
// converted SNN's foreground is silent). Run with: K=0 [LOSS=dice] jshell --class-path /tmp/grid10.jar -R-Xmx6g probe-converted-val.jsh
import org.hipposnn.model.*; import org.hipposnn.data.*; import org.hipposnn.training.*; import org.hipposnn.snn.*;
import java.nio.file.*; import java.util.*;
var data = MsdDataset.open(Path.of("/work/shared/data/msd-hippocampus"));
var loss = Objects.requireNonNullElse(System.getenv("LOSS"), "bce");
var b = ModelFiles.load(Path.of("snn-wn-const-" + loss + "-f" + System.getenv("K") + ".zip"));
var split = DataSplit.of(data.ids(), b.training().getAsJsonObject("split"));
var val = SliceSet.of(data.select(split.validation()), b.preprocessing());
int n = val.size(), h = val.height(), w = val.width();
int[] all = new int[n]; for (int i = 0; i < n; i++) all[i] = i;
float[] img = val.images(all, 0, n).data().asFloat(), lab = val.labels(all, 0, n).data().asFloat();
var pred = new SnnPredictor(b.network(), b.weights(), b.spiking(), 20, 2, 26);
float[] p = pred.probabilities(img, n, h, w);
double fgSum = 0, bgSum = 0, in = 0, pr = 0, tr = 0; long fg = 0, bg = 0;
for (int i = 0; i < p.length; i++) {
  boolean t = lab[i] > 0.5, a = p[i] > 0.5;
  if (t) { fg++; fgSum += p[i]; } else { bg++; bgSum += p[i]; }
  if (a && t) in++; if (a) pr++; if (t) tr++;
}
System.out.printf("fold " + System.getenv("K") + ": converted " + loss + " SNN, T = 20, %d validation slices: fg mean p %.4f, bg mean p %.4f, pooled Dice (p > 0.5) %.4f%n", n, fgSum / fg, bgSum / bg, 2 * in / (pr + tr));
/exit
