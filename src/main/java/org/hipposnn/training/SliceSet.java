package org.hipposnn.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.data.Preprocessing;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The 2-D training slices of a set of cases, preprocessed once and kept as packed float arrays
 * ([slice][row][col]); batches are cut from them as [B, 1, H, W] arrays for the engine.
 */
public final class SliceSet {
    private final float[] images, labels;
    private final int count, height, width;
    private final List<String> caseIds;

    private SliceSet(float[] images, float[] labels, int count, int height, int width, List<String> caseIds) {
        this.images = images;
        this.labels = labels;
        this.count = count;
        this.height = height;
        this.width = width;
        this.caseIds = List.copyOf(caseIds);
    }

    /** Loads, checks and preprocesses every case (crop box and slicing as {@code pre} says). */
    public static SliceSet of(List<MsdDataset.Case> cases, Preprocessing pre) throws IOException {
        int[] shape = pre.sliceShape();
        int per = shape[0], plane = shape[1] * shape[2];
        float[] x = new float[cases.size() * per * plane], y = new float[x.length];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            MsdDataset.LoadedCase c = MsdDataset.load(cases.get(i), pre.labels());
            System.arraycopy(pre.imageSlices(c.image()), 0, x, i * per * plane, per * plane);
            System.arraycopy(pre.labelSlices(c.labels()), 0, y, i * per * plane, per * plane);
            ids.add(cases.get(i).id());
        }
        return new SliceSet(x, y, cases.size() * per, shape[1], shape[2], ids);
    }

    /** Slices from arrays already packed (tests, benchmarks). */
    public static SliceSet of(float[] images, float[] labels, int height, int width) {
        if (images.length != labels.length || images.length % (height * width) != 0) {
            throw new IllegalArgumentException("images and labels must both hold whole " + height + "x" + width + " slices");
        }
        return new SliceSet(images, labels, images.length / (height * width), height, width, List.of());
    }

    public int size() { return count; }
    public int height() { return height; }
    public int width() { return width; }
    public List<String> caseIds() { return caseIds; }

    /** Images of the given slices as [n, 1, H, W]. */
    public INDArray images(int[] indices, int from, int to) {
        return gather(images, indices, from, to);
    }

    /** Labels (0/1) of the given slices as [n, 1, H, W]. */
    public INDArray labels(int[] indices, int from, int to) {
        return gather(labels, indices, from, to);
    }

    private INDArray gather(float[] src, int[] idx, int from, int to) {
        int plane = height * width;
        float[] out = new float[(to - from) * plane];
        for (int i = from; i < to; i++) System.arraycopy(src, idx[i] * plane, out, (i - from) * plane, plane);
        return Nd4j.create(out, new long[] {to - from, 1, height, width}, 'c');
    }
}
