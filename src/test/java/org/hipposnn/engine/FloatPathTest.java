package org.hipposnn.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;

import org.hipposnn.network.UNetSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The float32 path (oneDNN kernels when helpers are allowed) against the double path (libnd4j's
 * generic kernels, checked by finite differences in {@link GradientCheckTest}): same weights, same
 * data, outputs and gradients must agree to float precision.
 */
class FloatPathTest {
    @Test
    void floatAndDoubleAgree() {
        UNetSpec spec = new UNetSpec(16, 16, 8, 3, 3, 0.0);
        UNet d = new UNet(spec, 3, DataType.DOUBLE), f = new UNet(spec, 3, DataType.FLOAT);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 1, 16, 16);
        INDArray y = x.gt(0.5).castTo(DataType.DOUBLE);
        INDArray zd = d.forward(x, true), zf = f.forward(x.castTo(DataType.FLOAT), true);
        double scale = zd.norm2Number().doubleValue();
        assertEquals(0, zd.sub(zf.castTo(DataType.DOUBLE)).norm2Number().doubleValue() / scale, 1e-5);
        Map<String, INDArray> gd = d.backward(Losses.bce(zd, y).gradient());
        Map<String, INDArray> gf = f.backward(Losses.bce(zf, y.castTo(DataType.FLOAT)).gradient());
        for (String k : gd.keySet()) {
            double n = gd.get(k).norm2Number().doubleValue();
            double diff = gd.get(k).sub(gf.get(k).castTo(DataType.DOUBLE)).norm2Number().doubleValue();
            assertEquals(0, diff / n, 1e-4, k);
        }
    }
}
