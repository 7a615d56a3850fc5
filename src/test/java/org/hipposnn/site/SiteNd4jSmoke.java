package org.hipposnn.site;

import org.bytedeco.javacpp.Loader;
import org.hipposnn.engine.Backend;
import org.hipposnn.engine.NativeOps;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Run in a JVM whose class path is only the site's jars (common and this platform's), the
 * stand-ins of Fiji's jars and the test classes: ND4J must start from those natives alone and run
 * a convolution. Prints the native libraries it loaded.
 */
public final class SiteNd4jSmoke {
    public static void main(String[] args) {
        Backend.start(1);
        var x = Nd4j.ones(1, 1, 4, 4);
        var w = Nd4j.ones(1, 1, 3, 3);
        double centre = NativeOps.conv2d(x, w).getDouble(0, 0, 1, 1);
        if (centre != 9.0) throw new AssertionError("conv2d gave " + centre);
        System.out.println("backend " + Nd4j.getBackend().getClass().getName());
        Loader.getLoadedLibraries().forEach((name, path) -> System.out.println("loaded " + name + " " + path));
    }
}
