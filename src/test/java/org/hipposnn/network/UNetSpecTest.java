package org.hipposnn.network;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class UNetSpecTest {

    @Test
    void defaultLayoutMatchesTheTorchReference() {
        List<LayerSpec> l = UNetSpec.defaults().layers();
        assertEquals(List.of("e1", "e1b", "p1", "e2", "e2b", "p2", "e3", "e3b", "u2", "c2", "d2", "u1", "c1", "d1", "out"),
                l.stream().map(LayerSpec::name).collect(Collectors.toList()));
        LayerSpec e3b = l.get(7);
        assertEquals(128, e3b.inChannels()); assertEquals(128, e3b.outChannels());
        assertEquals(14, e3b.outH()); assertEquals(12, e3b.outW());
        LayerSpec u2 = l.get(8);
        assertEquals(LayerSpec.Kind.UP_CONV, u2.kind());
        assertArrayEquals(new long[] {128, 64, 2, 2}, u2.weightShape());
        LayerSpec c2 = l.get(9);
        assertEquals(List.of("u2", "e2b"), c2.inputs()); assertEquals(128, c2.outChannels());
        LayerSpec d2 = l.get(10);
        assertArrayEquals(new long[] {64, 128, 3, 3}, d2.weightShape());
        LayerSpec out = l.get(14);
        assertEquals(LayerSpec.Kind.OUTPUT, out.kind()); assertFalse(out.hasNeuron());
        assertArrayEquals(new long[] {1, 32, 1, 1}, out.weightShape());
        assertEquals(56, out.outH()); assertEquals(48, out.outW());
        assertEquals(11, l.stream().filter(LayerSpec::hasWeights).count());
        assertEquals(10, l.stream().filter(LayerSpec::hasNeuron).count());
    }

    @Test
    void macsPerLayer() {
        List<LayerSpec> l = UNetSpec.defaults().layers();
        assertEquals(9L * 1 * 32 * 56 * 48, l.get(0).macs());
        assertEquals(9L * 32 * 32 * 56 * 48, l.get(1).macs());
        assertEquals(0L, l.get(2).macs());
        assertEquals(128L * 64 * 28 * 24, l.get(8).macs()); // upconv: each input pixel feeds 4 outputs
        assertEquals(32L * 56 * 48, l.get(14).macs());
        assertEquals(l.stream().mapToLong(LayerSpec::macs).sum(), UNetSpec.defaults().macs());
    }

    @Test
    void rejectsSizesThePoolingsCannotHalve() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UNetSpec.of(54, 48, 32));
        assertTrue(e.getMessage().contains("divisible by 2^(depth-1) = 4"), e.getMessage());
        assertDoesNotThrow(() -> new UNetSpec(54, 48, 4, 2, 3, 0.0));
    }

    @Test
    void dropoutOnBlockOutputsOnly() {
        List<String> dropped = UNetSpec.defaults().layers().stream().filter(LayerSpec::dropoutAfter)
                .map(LayerSpec::name).collect(Collectors.toList());
        assertEquals(List.of("e1b", "e2b", "e3b", "d2", "d1"), dropped);
        assertTrue(UNetSpec.defaults().withDropout(0).layers().stream().noneMatch(LayerSpec::dropoutAfter));
    }
}
