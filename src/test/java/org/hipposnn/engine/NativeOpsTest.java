package org.hipposnn.engine;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The native ops' argument conventions, checked against results computed by hand. */
class NativeOpsTest {
    private static final DataType F = DataType.FLOAT;

    private static INDArray seq(long... shape) { // 1, 2, 3, ...
        return Nd4j.linspace(1, Nd4j.ones(shape).length(), Nd4j.ones(shape).length(), F).reshape(shape);
    }

    @Test
    void convIsPaddedCrossCorrelationWithOIHWWeights() {
        INDArray x = seq(1, 1, 3, 3);                 // 1 2 3 / 4 5 6 / 7 8 9
        INDArray w = Nd4j.zeros(F, 1, 1, 3, 3);
        w.putScalar(new long[] {0, 0, 0, 0}, 1);      // top-left tap: out[i][j] = x[i-1][j-1]
        INDArray y = NativeOps.conv2d(x, w);
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 2, 0, 4, 5}, y.data().asFloat(), 0f);

        // 2 -> 3 channels, centre taps w[o][i] = 10 o + i + 1: out[o] = sum_i w[o][i] x[i]
        INDArray x2 = seq(1, 2, 2, 2);                // channel 0: 1..4, channel 1: 5..8
        INDArray w2 = Nd4j.zeros(F, 3, 2, 3, 3);
        for (int o = 0; o < 3; o++) for (int i = 0; i < 2; i++) w2.putScalar(new long[] {o, i, 1, 1}, 10 * o + i + 1);
        INDArray y2 = NativeOps.conv2d(x2, w2);
        assertArrayEquals(new long[] {1, 3, 2, 2}, y2.shape());
        for (int o = 0; o < 3; o++) for (int p = 0; p < 4; p++) {
            double want = (10 * o + 1) * (p + 1) + (10 * o + 2) * (p + 5);
            assertEquals(want, y2.getDouble(0, o, p / 2, p % 2), 1e-4);
        }
    }

    @Test
    void convBackwardByHand() {
        INDArray x = seq(1, 1, 3, 3);
        INDArray w = Nd4j.zeros(F, 1, 1, 3, 3);
        w.putScalar(new long[] {0, 0, 0, 0}, 2);
        INDArray g = Nd4j.zeros(F, 1, 1, 3, 3);
        g.putScalar(new long[] {0, 0, 2, 2}, 1);      // dL/dy[2][2] = 1, y[2][2] = 2 x[1][1] + ...
        INDArray[] r = NativeOps.conv2dBackward(x, w, g);
        assertEquals(2, r[0].getDouble(0, 0, 1, 1), 1e-6);
        assertEquals(2, r[0].sumNumber().doubleValue(), 1e-6);
        // dL/dw[a][b] = x[2 + a - 1][2 + b - 1] (0 outside)
        assertArrayEquals(new float[] {5, 6, 0, 8, 9, 0, 0, 0, 0}, r[1].data().asFloat(), 1e-6f);
    }

    @Test
    void deconvScattersEachPixelWithIOHWWeights() {
        INDArray x = seq(1, 2, 2, 2);                 // [B=1, Ci=2, 2, 2]
        INDArray w = seq(2, 3, 2, 2);                 // [Ci=2, Co=3, 2, 2]
        INDArray y = NativeOps.deconv2d(x, w);
        assertArrayEquals(new long[] {1, 3, 4, 4}, y.shape());
        for (int o = 0; o < 3; o++) for (int r = 0; r < 4; r++) for (int c = 0; c < 4; c++) {
            double want = 0;
            for (int i = 0; i < 2; i++) want += x.getDouble(0, i, r / 2, c / 2) * w.getDouble(i, o, r % 2, c % 2);
            assertEquals(want, y.getDouble(0, o, r, c), 1e-3, "o=" + o + " r=" + r + " c=" + c);
        }
        INDArray[] g = NativeOps.deconv2dBackward(x, w, Nd4j.ones(F, 1, 3, 4, 4));
        // dL/dx[i] = sum_{o,p,q} w[i][o][p][q]; dL/dw[i][o][p][q] = sum_{r,c} x[i][r][c]
        assertEquals(w.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).sumNumber().doubleValue(), g[0].getDouble(0, 0, 1, 1), 1e-3);
        assertEquals(1 + 2 + 3 + 4, g[1].getDouble(0, 2, 1, 0), 1e-4);
        assertEquals(5 + 6 + 7 + 8, g[1].getDouble(1, 0, 0, 1), 1e-4);
    }

    @Test
    void avgPoolAndItsGradient() {
        INDArray x = seq(1, 1, 4, 4);
        INDArray y = NativeOps.avgPool(x, 2);
        assertArrayEquals(new float[] {3.5f, 5.5f, 11.5f, 13.5f}, y.data().asFloat(), 1e-6f);
        INDArray g = NativeOps.avgPoolBackward(x, seq(1, 1, 2, 2), 2);
        assertEquals(0.25, g.getDouble(0, 0, 0, 1), 1e-6);
        assertEquals(1.0, g.getDouble(0, 0, 3, 3), 1e-6);
        assertEquals(0.5, g.getDouble(0, 0, 1, 2), 1e-6);
    }
}
