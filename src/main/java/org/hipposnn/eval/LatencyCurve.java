package org.hipposnn.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.data.Preprocessing;
import org.hipposnn.segment.Segmenter;

/**
 * Accuracy against simulation length (the SNN's latency/accuracy curve): every subject is
 * simulated once for the longest T and scored, exactly as {@link Evaluation} does, at each
 * requested T along the way.
 */
public final class LatencyCurve {
    private LatencyCurve() {}

    /** @return T -> report over the subjects, in ascending T */
    public static Map<Integer, Evaluation.Report> run(StepwisePredictor predictor, Preprocessing pre,
                                                      List<MsdDataset.Case> cases, int[] steps,
                                                      Consumer<String> progress) throws IOException {
        Map<Integer, List<CaseScore>> scores = new LinkedHashMap<>();
        int[] shape = pre.sliceShape();
        for (MsdDataset.Case c : cases) {
            MsdDataset.LoadedCase lc = MsdDataset.load(c, pre.labels());
            RandomAccessibleInterval<UnsignedByteType> truth = pre.labels().apply(lc.labels().values());
            double truthMm3 = HippocampalVolume.mm3(truth, lc.image().voxelSize());
            var probabilities = predictor.probabilitiesAt(pre.imageSlices(lc.image()), shape[0], shape[1], shape[2], steps);
            for (var e : probabilities.entrySet()) {
                Img<UnsignedByteType> labels = pre.labelsOnGrid(e.getValue(), lc.image(), Segmenter.THRESHOLD);
                scores.computeIfAbsent(e.getKey(), t -> new ArrayList<>()).add(new CaseScore(c.id(),
                        OverlapCounts.of(labels, truth).dice(), SliceDice.compute(labels, truth, pre.axis()),
                        HippocampalVolume.mm3(labels, lc.image().voxelSize()), truthMm3));
            }
            if (progress != null) progress.accept(c.id());
        }
        Map<Integer, Evaluation.Report> out = new LinkedHashMap<>();
        scores.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), new Evaluation.Report(e.getValue())));
        return out;
    }
}
