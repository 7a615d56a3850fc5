package org.hipposnn.segment;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.hipposnn.data.Preprocessing;
import org.hipposnn.eval.HippocampalVolume;
import org.hipposnn.io.Volume;

/**
 * Segments one volume: preprocess (normalise, crop, slice), predict each slice, threshold at 0.5,
 * paste back onto the volume's own grid. The engine's single entry point for the command line,
 * the Fiji commands and evaluation alike.
 */
public final class Segmenter {

    /** The label image on the input's grid (0 background, 1 hippocampus) and its volume. */
    public record Segmentation(Img<UnsignedByteType> labels, double volumeMm3) {}

    public static final double THRESHOLD = 0.5;

    private final Preprocessing preprocessing;
    private final SlicePredictor predictor;

    public Segmenter(Preprocessing preprocessing, SlicePredictor predictor) {
        this.preprocessing = preprocessing;
        this.predictor = predictor;
    }

    public Segmentation segment(Volume image) {
        int[] shape = preprocessing.sliceShape();
        float[] p = predictor.probabilities(preprocessing.imageSlices(image), shape[0], shape[1], shape[2]);
        Img<UnsignedByteType> labels = preprocessing.labelsOnGrid(p, image, THRESHOLD);
        return new Segmentation(labels, HippocampalVolume.mm3(labels, image.voxelSize()));
    }
}
