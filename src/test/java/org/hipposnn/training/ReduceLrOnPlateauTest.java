package org.hipposnn.training;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ReduceLrOnPlateauTest {
    @Test
    void reducesAfterPatienceEpochsWithoutRelativeImprovement() {
        ReduceLrOnPlateau s = new ReduceLrOnPlateau(0.1, 2, 1e-4, 0);
        double lr = 1e-3;
        lr = s.step(1.0, lr);           // best 1.0
        lr = s.step(0.99999, lr);       // not better by 1e-4 relative: bad 1
        lr = s.step(1.2, lr);           // bad 2
        assertEquals(1e-3, lr);
        lr = s.step(1.1, lr);           // bad 3 > patience 2: reduce
        assertEquals(1e-4, lr, 1e-12);
        lr = s.step(0.5, lr);           // improvement resets
        assertEquals(0, s.badEpochs());
        assertEquals(1e-4, lr, 1e-12);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ReduceLrOnPlateau(1.5, 2, 1e-4, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReduceLrOnPlateau(0.1, -1, 1e-4, 0));
    }
}
