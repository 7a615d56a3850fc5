package org.hipposnn.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LossesAndAdamTest {
    private static final DataType D = DataType.DOUBLE;

    @Test
    void lossValuesByHand() {
        INDArray z = Nd4j.zeros(D, 1, 1, 2, 2);
        INDArray r = Nd4j.createFromArray(1.0, 0.0, 1.0, 0.0).reshape(1, 1, 2, 2);
        // s = 0.5 everywhere: BCE = ln 2; Dice = 1 - (2*1 + eps) / (2 + 2 + eps)
        assertEquals(Math.log(2), Losses.bce(z, r).loss(), 1e-12);
        double dice = 1 - (2.0 + 1e-5) / (4.0 + 1e-5);
        assertEquals(dice, Losses.dice(z, r).loss(), 1e-12);
        assertEquals(0.3 * Math.log(2) + 0.7 * dice, Losses.bceDice(z, r).loss(), 1e-12);
        // BCE gradient (s - r) / N
        assertArrayEquals(new double[] {-0.125, 0.125, -0.125, 0.125}, Losses.bce(z, r).gradient().data().asDouble(), 1e-12);
        // a confident, right prediction: both losses near 0; large logits stay finite
        INDArray zz = r.mul(2).subi(1).muli(50);
        assertEquals(0, Losses.bce(zz, r).loss(), 1e-12);
        assertEquals(0, Losses.dice(zz, r).loss(), 1e-6);
    }

    @Test
    void adamFirstStepMovesEachWeightByTheLearningRate() {
        INDArray w = Nd4j.createFromArray(1.0, -2.0, 3.0);
        INDArray g = Nd4j.createFromArray(0.5, -4.0, 1e-3);
        new Adam(0.01).step(Map.of("w", w), Map.of("w", g));
        // m/(1-b1) = g, v/(1-b2) = g^2: the step is lr * g/|g| (up to eps)
        assertArrayEquals(new double[] {0.99, -1.99, 2.99}, w.toDoubleVector(), 1e-6);
    }
}
