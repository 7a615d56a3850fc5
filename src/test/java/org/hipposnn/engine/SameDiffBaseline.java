package org.hipposnn.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hipposnn.network.LayerSpec;
import org.hipposnn.network.UNetSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Candidate (a) of docs/engine-choice.md: the same UNetSpec as a SameDiff graph, trained with
 * SameDiff's own Adam and sigmoid cross-entropy. Only for the speed comparison (not shipped):
 * {@code java -cp target/test-classes:target/classes:CP org.hipposnn.engine.SameDiffBaseline --width 32 ...}
 * prints "samediff-ann-train X slices/s" and "samediff-ann-infer X slices/s".
 */
public final class SameDiffBaseline {
    private SameDiffBaseline() {}

    static SameDiff build(UNetSpec spec, int batch) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> v = new HashMap<>();
        v.put(UNetSpec.INPUT, sd.placeHolder("x", DataType.FLOAT, -1, 1, spec.height(), spec.width()));
        SDVariable label = sd.placeHolder("y", DataType.FLOAT, -1, 1, spec.height(), spec.width());
        java.util.Random rnd = new java.util.Random(0);
        SDVariable last = null;
        for (LayerSpec l : spec.layers()) {
            List<SDVariable> in = l.inputs().stream().map(v::get).toList();
            SDVariable z;
            switch (l.kind()) {
                case CONV, OUTPUT -> {
                    // default layout [kH, kW, iC, oC]: SameDiff's conv2d gradient drops the weightsFormat argument
                    SDVariable w = sd.var(l.name() + "_w", he(rnd, l, new long[] {l.kernel(), l.kernel(), l.inChannels(), l.outChannels()}));
                    int p = l.kernel() / 2;
                    z = sd.cnn().conv2d(in.get(0), w, Conv2DConfig.builder().kH(l.kernel()).kW(l.kernel()).sH(1).sW(1)
                            .pH(p).pW(p).dH(1).dW(1).paddingMode(PaddingMode.VALID).dataFormat("NCHW")
                            .build());
                }
                case UP_CONV -> {
                    // deconv2d default weight layout [kH, kW, oC, iC]
                    SDVariable w = sd.var(l.name() + "_w", he(rnd, l, new long[] {2, 2, l.outChannels(), l.inChannels()}));
                    z = sd.cnn().deconv2d(in.get(0), w, DeConv2DConfig.builder().kH(2).kW(2).sH(2).sW(2).pH(0).pW(0)
                            .dH(1).dW(1).isSameMode(false).dataFormat("NCHW").build());
                }
                case AVG_POOL -> z = sd.cnn().avgPooling2d(in.get(0), Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2)
                        .pH(0).pW(0).dH(1).dW(1).type(Pooling2D.Pooling2DType.AVG).isNHWC(false).build());
                case CONCAT -> z = sd.concat(1, in.toArray(new SDVariable[0]));
                default -> throw new IllegalStateException();
            }
            if (l.hasNeuron()) z = sd.nn().relu(z, 0);
            v.put(l.name(), z);
            last = z;
        }
        last.rename("logits");
        sd.loss().sigmoidCrossEntropy("loss", label, last, null);
        sd.setLossVariables("loss");
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(1e-3))
                .dataSetFeatureMapping("x").dataSetLabelMapping("y").build());
        return sd;
    }

    private static INDArray he(java.util.Random rnd, LayerSpec l, long[] shape) {
        double std = Math.sqrt(2.0 / l.fanIn());
        double[] w = new double[(int) (shape[0] * shape[1] * shape[2] * shape[3])];
        for (int i = 0; i < w.length; i++) w[i] = rnd.nextGaussian() * std;
        return Nd4j.create(w, shape, DataType.DOUBLE).castTo(DataType.FLOAT);
    }

    public static void main(String[] args) {
        int width = 32, batch = 26, h = 56, w = 48, threads = 2, reps = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--width" -> width = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--h" -> h = Integer.parseInt(args[++i]);
                case "--w" -> w = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        SameDiff sd = build(new UNetSpec(h, w, width, 3, 3, 0), batch);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 1, h, w);
        INDArray y = Nd4j.rand(DataType.FLOAT, batch, 1, h, w).gt(0.5).castTo(DataType.FLOAT);
        DataSet ds = new DataSet(x, y);
        Map<String, INDArray> ph = Map.of("x", x);
        System.out.printf("samediff-ann-train %.1f slices/s%n", batch / TrainStepBenchmark.time(() -> sd.fit(ds), reps));
        System.out.printf("samediff-ann-infer %.1f slices/s%n", batch / TrainStepBenchmark.time(() -> sd.output(ph, List.of("logits")), reps));
    }
}
