package org.hipposnn.data;

import java.util.Arrays;
import java.util.Objects;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import org.hipposnn.io.Volume;

/**
 * How a volume becomes network input and how the network's output goes back onto the volume's
 * grid: robust normalisation, the crop box around the volume centre, 2-D slices along an axis.
 * One record, stored in every model bundle, so training and segmentation cannot drift apart.
 *
 * @param cropSize       crop box size in voxels (the paper: 24 x 56 x 48)
 * @param axis           slicing axis (0: slices of cropSize[1] x cropSize[2])
 * @param lowPercentile  intensity mapped to 0
 * @param highPercentile intensity mapped to 1
 * @param labels         how stored labels map to classes (binary whole hippocampus by default)
 */
public record Preprocessing(long[] cropSize, int axis, double lowPercentile, double highPercentile,
                            LabelMapping labels) {

    public Preprocessing {
        if (cropSize.length != 3 || Arrays.stream(cropSize).anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("crop size must be 3 positive numbers, got " + Arrays.toString(cropSize));
        }
        if (axis < 0 || axis > 2) throw new IllegalArgumentException("slicing axis must be 0, 1 or 2, got " + axis);
        new IntensityNormalizer(lowPercentile, highPercentile); // validates the percentiles
        cropSize = cropSize.clone();
    }

    public static Preprocessing defaults() {
        return new Preprocessing(CropBox.defaultSize(), Slices.DEFAULT_AXIS,
                IntensityNormalizer.DEFAULT.lowPercentile(), IntensityNormalizer.DEFAULT.highPercentile(),
                LabelMapping.DEFAULT);
    }

    @Override
    public long[] cropSize() {
        return cropSize.clone();
    }

    /** {slices, height, width} of one volume's network input. */
    public int[] sliceShape() {
        long[] s = Slices.shape(new net.imglib2.FinalInterval(cropSize), axis);
        return new int[] {(int) s[0], (int) s[1], (int) s[2]};
    }

    /** The crop box of this volume: centred on the volume centre. */
    public CropBox box(Volume volume) {
        return CropBox.centred(volume.raw(), cropSize);
    }

    /** Normalised, cropped, sliced intensities: {@link #sliceShape()} floats in [0, 1], [slice][row][col]. */
    public float[] imageSlices(Volume image) {
        var normalised = new IntensityNormalizer(lowPercentile, highPercentile).normalize(image.values());
        return Slices.copySlices(box(image).crop(normalised), axis);
    }

    /** Mapped, cropped, sliced labels (0/1 for the binary task), in the layout of {@link #imageSlices}. */
    public float[] labelSlices(Volume labelVolume) {
        return Slices.copySlices(box(labelVolume).crop(labels.apply(labelVolume.values())), axis);
    }

    /**
     * Per-slice probabilities back onto the grid of {@code like}: foreground where p &gt; threshold
     * (strictly: a bias-free network, or an SNN whose output neurons received no spike, gives
     * exactly p = 0.5 where it has no evidence at all, and that is background), pasted into the crop
     * box, background outside it.
     */
    public Img<UnsignedByteType> labelsOnGrid(float[] probabilities, Volume like, double threshold) {
        int[] shape = sliceShape();
        long expected = (long) shape[0] * shape[1] * shape[2];
        if (probabilities.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " probabilities for crop "
                    + Arrays.toString(cropSize) + ", got " + probabilities.length);
        }
        Img<FloatType> crop = ArrayImgs.floats(cropSize);
        Slices.writeSlices(probabilities, axis, crop);
        Img<UnsignedByteType> mask = ArrayImgs.unsignedBytes(cropSize);
        net.imglib2.loops.LoopBuilder.setImages(crop, mask).forEachPixel((p, m) -> m.set(p.get() > threshold ? 1 : 0));
        return box(like).pasteBack(mask, like.raw(), new UnsignedByteType());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && Arrays.equals(cropSize, p.cropSize) && axis == p.axis
                && lowPercentile == p.lowPercentile && highPercentile == p.highPercentile && labels == p.labels;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cropSize) * 31 + Objects.hash(axis, lowPercentile, highPercentile, labels);
    }

    @Override
    public String toString() {
        return "crop " + Intervals.toString(new net.imglib2.FinalInterval(cropSize)) + ", axis " + axis
                + ", percentiles " + lowPercentile + "-" + highPercentile + ", labels " + labels;
    }
}
