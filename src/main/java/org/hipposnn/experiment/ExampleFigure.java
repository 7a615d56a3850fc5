package org.hipposnn.experiment;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.data.Preprocessing;
import org.hipposnn.io.AtomicFiles;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.segment.Predictors;
import org.hipposnn.segment.Segmenter;
import org.hipposnn.segment.SlicePredictor;

/**
 * The paper's Fig. 2 for one held-out case: the input slice with the most hippocampus, its ground
 * truth, and the ANN's, the converted SNN's and the fine-tuned SNN's segmentations (each at its
 * own T), outlines in red over the slice.
 */
public final class ExampleFigure {
    private static final int SCALE = 4, PAD = 6, TITLE = 18;

    private ExampleFigure() {}

    public static void write(Path png, MsdDataset.Case c, Preprocessing pre, ModelBundle ann, ModelBundle converted,
                             ModelBundle tuned) throws IOException {
        MsdDataset.LoadedCase lc = MsdDataset.load(c, pre.labels());
        float[] image = pre.imageSlices(lc.image()), truth = pre.labelSlices(lc.labels());
        int[] shape = pre.sliceShape();
        int h = shape[1], w = shape[2], n = h * w;
        int best = 0;
        double most = -1;
        for (int s = 0; s < shape[0]; s++) {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += truth[s * n + i];
            if (sum > most) { most = sum; best = s; }
        }
        float[] slice = Arrays.copyOfRange(image, best * n, (best + 1) * n);
        float[] gt = Arrays.copyOfRange(truth, best * n, (best + 1) * n);
        List<String> titles = List.of("input", "ground truth", "ANN", "converted T=" + converted.spiking().timeSteps(),
                "fine-tuned T=" + tuned.spiking().timeSteps());
        List<float[]> masks = List.of(new float[n], gt, mask(ann, slice, h, w), mask(converted, slice, h, w), mask(tuned, slice, h, w));

        int pw = w * SCALE, ph = h * SCALE;
        BufferedImage out = new BufferedImage(titles.size() * (pw + PAD) + PAD, ph + 2 * TITLE + 2 * PAD, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int k = 0; k < titles.size(); k++) {
            int x0 = PAD + k * (pw + PAD), y0 = TITLE + PAD;
            g.setColor(Color.BLACK);
            g.drawString(titles.get(k), x0, TITLE - 2);
            float[] m = masks.get(k);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int grey = Math.round(255 * Math.max(0, Math.min(1, slice[y * w + x])));
                    boolean in = m[y * w + x] > 0.5f;
                    int rgb = in ? blend(grey) : (grey << 16) | (grey << 8) | grey;
                    for (int dy = 0; dy < SCALE; dy++) for (int dx = 0; dx < SCALE; dx++) {
                        out.setRGB(x0 + x * SCALE + dx, y0 + y * SCALE + dy, rgb);
                    }
                }
            }
        }
        g.setColor(Color.BLACK);
        g.drawString(c.id() + ", held-out, crop slice " + best + " (the slice with the most hippocampus); red: label", PAD,
                out.getHeight() - PAD);
        g.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        AtomicFiles.writeStream(png, o -> ImageIO.write(out, "png", o));
    }

    /** Half red over the grey value: the structure stays visible under the label. */
    private static int blend(int grey) {
        return ((grey + 255) / 2 << 16) | (grey / 2 << 8) | grey / 2;
    }

    /** Foreground (p > 0.5, as {@link Segmenter} decides) of one slice. */
    private static float[] mask(ModelBundle b, float[] slice, int h, int w) {
        SlicePredictor p = Predictors.forBundle(b);
        float[] prob = p.probabilities(slice, 1, h, w);
        float[] m = new float[prob.length];
        for (int i = 0; i < m.length; i++) m[i] = prob[i] > Segmenter.THRESHOLD ? 1 : 0;
        return m;
    }
}
