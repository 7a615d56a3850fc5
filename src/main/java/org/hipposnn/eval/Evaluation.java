package org.hipposnn.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import com.google.gson.JsonObject;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.data.Preprocessing;
import org.hipposnn.segment.Segmenter;

/**
 * Scores a segmenter on held-out subjects the way the paper reports: 3-D Dice per subject on the
 * original grid (what the crop cut off counts as missed) and 2-D slice-wise Dice over all slices of
 * all subjects.
 */
public final class Evaluation {

    /** Per-case scores and their summaries. */
    public record Report(List<CaseScore> cases) {
        public Summary dice3d() {
            return Summary.of(cases.stream().map(CaseScore::dice3d).toList());
        }

        public Summary dice2d() {
            SliceDice.Result all = new SliceDice.Result(List.of(), 0);
            for (CaseScore c : cases) all = all.plus(c.slices());
            return Summary.of(all.scores());
        }

        public int excludedSlices() {
            return cases.stream().mapToInt(c -> c.slices().excluded()).sum();
        }

        public JsonObject toJson() {
            JsonObject j = new JsonObject();
            j.addProperty("subjects", cases.size());
            j.addProperty("dice3dMean", dice3d().mean());
            j.addProperty("dice3dStd", dice3d().std());
            j.addProperty("dice2dMean", dice2d().mean());
            j.addProperty("dice2dStd", dice2d().std());
            j.addProperty("slicesScored", dice2d().n());
            j.addProperty("slicesExcludedEmptyBothSides", excludedSlices());
            return j;
        }
    }

    private Evaluation() {}

    public static Report run(Segmenter segmenter, Preprocessing pre, List<MsdDataset.Case> cases,
                             Consumer<CaseScore> progress) throws IOException {
        List<CaseScore> scores = new ArrayList<>();
        for (MsdDataset.Case c : cases) {
            MsdDataset.LoadedCase lc = MsdDataset.load(c, pre.labels());
            Segmenter.Segmentation s = segmenter.segment(lc.image());
            RandomAccessibleInterval<UnsignedByteType> truth = pre.labels().apply(lc.labels().values());
            CaseScore score = new CaseScore(c.id(), OverlapCounts.of(s.labels(), truth).dice(),
                    SliceDice.compute(s.labels(), truth, pre.axis()), s.volumeMm3(),
                    HippocampalVolume.mm3(truth, lc.image().voxelSize()));
            scores.add(score);
            if (progress != null) progress.accept(score);
        }
        return new Report(scores);
    }
}
