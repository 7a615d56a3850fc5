package org.hipposnn.data;

import java.util.Arrays;
import java.util.Random;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Synthetic hippocampus-like T1 phantoms with known labels, deterministic from a seed.
 * <p>
 * They let the whole pipeline (crop, slicing, training, inference, paste back) be built and tested
 * without the real data set. Each case is a volume (default {@link #defaultDims() 36 x 50 x 36}
 * voxels of 1 mm, like the MSD hippocampus crops) containing:
 * <ul>
 * <li>an MR-like background: grey-matter-like tissue (~620) with smooth random texture, brighter
 * white-matter-like tissue (~780) above the structure (towards high dim 2), and a darker CSF-like
 * elongated region (~250) off to one side;</li>
 * <li>a bent tube whose centreline runs roughly along ImgLib2 dim 1 (the long, "anterior-posterior"
 * axis; anterior = low dim 1): a quadratic bend and a small wiggle along dim 0, an arch along
 * dim 2, a random in-plane rotation; its radius is large in the anterior part (the "head", label 1,
 * up to the first ~third of the centreline) and tapers along the "body and tail" (label 2). Its
 * intensity (~480) is darker than the surrounding tissue, with one voxel of partial-volume blending at
 * its surface;</li>
 * <li>a smooth multiplicative bias field (a random polynomial of degree 2, within about +-20 %);</li>
 * <li>additive Gaussian noise of standard deviation {@link #NOISE_SIGMA}, clipped at 0.</li>
 * </ul>
 * The contrast between the structure and the tissue around it is about 3 noise standard deviations.
 * For the default dims, the labelled voxels always lie inside
 * {@code CropBox.centred(volume, CropBox.DEFAULT_SIZE)} and inside the volume. Position, length,
 * bend, radii and orientation vary with the case index. Generation is pure (no I/O) and uses only
 * {@link StrictMath} and {@link Random}, so the same seed and index give bit-identical images on any JVM.
 */
public final class PhantomGenerator {

    /** One synthetic case: an id, a float T1-like image and labels 0 (background), 1 (head), 2 (body and tail). */
    public record Phantom(String id, Img<FloatType> image, Img<UnsignedByteType> labels) {
    }

    /** Standard deviation of the additive noise. */
    public static final double NOISE_SIGMA = 45;
    /** Voxel size of the phantoms in mm (isotropic). */
    public static final double VOXEL_SIZE_MM = 1.0;

    static final double GREY = 620, WHITE = 780, CSF = 250, STRUCTURE = 480;
    private static final int SAMPLES = 241;

    private final long seed;

    public PhantomGenerator(long seed) {
        this.seed = seed;
    }

    /** The default volume size, {36, 50, 36} (a fresh array). */
    public static long[] defaultDims() {
        return new long[] {36, 50, 36};
    }

    /** {@link #generate(int, long[])} with the default dims. */
    public Phantom generate(int index) {
        return generate(index, defaultDims());
    }

    /**
     * Generates case {@code index}.
     *
     * @param index case number, >= 0; the id is {@code phantom_NNN}
     * @param dims  3-D size, each at least 16 (the structure is sized for the default dims and may be
     *              clipped by much smaller volumes)
     */
    public Phantom generate(int index, long[] dims) {
        if (index < 0) {
            throw new IllegalArgumentException("Phantom index must be >= 0, got " + index);
        }
        if (dims == null || dims.length != 3 || Arrays.stream(dims).anyMatch(d -> d < 16)
                || dims[0] * dims[1] * dims[2] > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Phantom dims must be 3 values >= 16 (and fit one array), got "
                    + Arrays.toString(dims));
        }
        final int nx = (int) dims[0], ny = (int) dims[1], nz = (int) dims[2];
        Random rnd = new Random(mix(seed, index));
        Shape shape = Shape.random(rnd, nx, ny, nz);
        Background background = Background.random(rnd, nx, ny, nz, shape);

        float[] image = new float[nx * ny * nz];
        byte[] labels = new byte[image.length];
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    double texture = background.texture(x, y, z);
                    double v = background.value(x, y, z, texture);
                    double[] near = shape.nearest(x, y, z);
                    if (near != null) {
                        double d = near[0], t = near[1], r = shape.radius(t);
                        double w = Math.max(0, Math.min(1, r - d + 0.5));
                        v = w * (STRUCTURE + 0.5 * texture) + (1 - w) * v;
                        if (d <= r) {
                            labels[i] = (byte) (t < shape.headEnd ? 1 : 2);
                        }
                    }
                    image[i] = (float) (v * background.bias(x, y, z));
                }
            }
        }
        for (int i = 0; i < image.length; i++) { // noise in flat order, after all shape draws
            image[i] = (float) Math.max(0, image[i] + NOISE_SIGMA * rnd.nextGaussian());
        }
        return new Phantom(String.format("phantom_%03d", index), ArrayImgs.floats(image, dims.clone()),
                ArrayImgs.unsignedBytes(labels, dims.clone()));
    }

    /** SplitMix64 finaliser of seed and index, so neighbouring indices give unrelated streams. */
    static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double uniform(Random rnd, double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }

    /** The tube: a sampled centreline with a radius profile. */
    private static final class Shape {
        final double[] px = new double[SAMPLES], py = new double[SAMPLES], pz = new double[SAMPLES];
        double rHead, rTail, headEnd;
        long[] bbMin = new long[3], bbMax = new long[3];
        double topZ; // highest centreline dim-2 coordinate

        static Shape random(Random rnd, int nx, int ny, int nz) {
            Shape s = new Shape();
            double cx = (nx - 1) / 2.0 + uniform(rnd, -1, 1);
            double cy = (ny - 1) / 2.0 + uniform(rnd, -1.5, 1.5);
            double cz = (nz - 1) / 2.0 + uniform(rnd, -1.5, 1.5);
            double length = ny * uniform(rnd, 0.55, 0.65);
            double bendX = uniform(rnd, -2, 2);
            double wiggle = uniform(rnd, -1, 1);
            double archZ = uniform(rnd, 2, 4) * (rnd.nextBoolean() ? 1 : -1);
            double rotXY = StrictMath.toRadians(uniform(rnd, -6, 6));
            double rotYZ = StrictMath.toRadians(uniform(rnd, -10, 10));
            s.rHead = uniform(rnd, 3.4, 4.4);
            s.rTail = uniform(rnd, 1.8, 2.4);
            s.headEnd = uniform(rnd, 0.30, 0.36);
            double cxy = StrictMath.cos(rotXY), sxy = StrictMath.sin(rotXY);
            double cyz = StrictMath.cos(rotYZ), syz = StrictMath.sin(rotYZ);
            s.topZ = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < SAMPLES; k++) {
                double t = k / (SAMPLES - 1.0);
                double lx = bendX * (2 * t - 1) * (2 * t - 1) + wiggle * StrictMath.sin(2 * StrictMath.PI * t);
                double ly = (t - 0.5) * length;
                double lz = archZ * (StrictMath.sin(StrictMath.PI * t) - 2 / StrictMath.PI);
                double x1 = cxy * lx - sxy * ly, y1 = sxy * lx + cxy * ly;
                double y2 = cyz * y1 - syz * lz, z2 = syz * y1 + cyz * lz;
                s.px[k] = cx + x1;
                s.py[k] = cy + y2;
                s.pz[k] = cz + z2;
                s.topZ = Math.max(s.topZ, s.pz[k]);
            }
            double m = s.rHead + 1.5;
            double[][] p = {s.px, s.py, s.pz};
            int[] n = {nx, ny, nz};
            for (int d = 0; d < 3; d++) {
                s.bbMin[d] = Math.max(0, (long) Math.floor(Arrays.stream(p[d]).min().getAsDouble() - m));
                s.bbMax[d] = Math.min(n[d] - 1, (long) Math.ceil(Arrays.stream(p[d]).max().getAsDouble() + m));
            }
            return s;
        }

        /** Radius at centreline parameter t: the head's, falling smoothly to the tail's, then tapering. */
        double radius(double t) {
            double a = 0.2, b = 0.55;
            double head = t <= a ? 1 : t >= b ? 0 : 0.5 * (1 + StrictMath.cos(StrictMath.PI * (t - a) / (b - a)));
            return (rTail + (rHead - rTail) * head) * (1 - 0.25 * t);
        }

        /** {distance, t} to the nearest centreline sample, or null when far outside the bounding box. */
        double[] nearest(int x, int y, int z) {
            if (x < bbMin[0] || x > bbMax[0] || y < bbMin[1] || y > bbMax[1] || z < bbMin[2] || z > bbMax[2]) {
                return null;
            }
            double best = Double.POSITIVE_INFINITY;
            int arg = 0;
            for (int k = 0; k < SAMPLES; k++) {
                double dx = x - px[k], dy = y - py[k], dz = z - pz[k];
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 < best) {
                    best = d2;
                    arg = k;
                }
            }
            return new double[] {Math.sqrt(best), arg / (SAMPLES - 1.0)};
        }
    }

    /** Tissue, texture, CSF region and bias field. */
    private static final class Background {
        static final int WAVES = 5;
        final double[][] waveDir = new double[WAVES][3];
        final double[] wavePhase = new double[WAVES], waveAmp = new double[WAVES];
        final double[] bias = new double[9];
        double wmZ, csfX, csfY, csfZ, csfAx, csfAy, csfAz;
        double hx, hy, hz; // half extents for bias coordinates

        static Background random(Random rnd, int nx, int ny, int nz, Shape shape) {
            Background b = new Background();
            for (int k = 0; k < WAVES; k++) {
                double wavelength = uniform(rnd, 8, 24);
                double theta = StrictMath.acos(uniform(rnd, -1, 1)), phi = uniform(rnd, 0, 2 * StrictMath.PI);
                double f = 2 * StrictMath.PI / wavelength;
                b.waveDir[k][0] = f * StrictMath.sin(theta) * StrictMath.cos(phi);
                b.waveDir[k][1] = f * StrictMath.sin(theta) * StrictMath.sin(phi);
                b.waveDir[k][2] = f * StrictMath.cos(theta);
                b.wavePhase[k] = uniform(rnd, 0, 2 * StrictMath.PI);
                b.waveAmp[k] = uniform(rnd, 10, 20);
            }
            for (int k = 0; k < b.bias.length; k++) {
                b.bias[k] = uniform(rnd, -0.07, 0.07);
            }
            b.wmZ = shape.topZ + shape.rHead + uniform(rnd, 1.5, 3.5);
            double side = rnd.nextBoolean() ? 1 : -1;
            b.csfX = (nx - 1) / 2.0 + side * (nx / 2.0 - uniform(rnd, 2.5, 4.5));
            b.csfY = (ny - 1) / 2.0 + uniform(rnd, -5, 5);
            b.csfZ = (nz - 1) / 2.0 + uniform(rnd, -6, 6);
            b.csfAx = uniform(rnd, 1.5, 3);
            b.csfAy = uniform(rnd, 8, 14);
            b.csfAz = uniform(rnd, 2, 4);
            b.hx = Math.max(1, (nx - 1) / 2.0);
            b.hy = Math.max(1, (ny - 1) / 2.0);
            b.hz = Math.max(1, (nz - 1) / 2.0);
            return b;
        }

        double texture(int x, int y, int z) {
            double s = 0;
            for (int k = 0; k < WAVES; k++) {
                double[] f = waveDir[k];
                s += waveAmp[k] * StrictMath.cos(f[0] * x + f[1] * y + f[2] * z + wavePhase[k]);
            }
            return s;
        }

        /** Tissue intensity before bias and noise. */
        double value(int x, int y, int z, double texture) {
            double wm = 1 / (1 + StrictMath.exp(-(z - wmZ) / 1.5));
            double v = GREY + (WHITE - GREY) * wm + texture;
            double ex = (x - csfX) / csfAx, ey = (y - csfY) / csfAy, ez = (z - csfZ) / csfAz;
            double e = Math.sqrt(ex * ex + ey * ey + ez * ez);
            double csf = Math.max(0, Math.min(1, (1 - e) * 3 + 0.5)); // soft edge
            return csf * CSF + (1 - csf) * v;
        }

        /** Multiplicative bias field: 1 + a degree-2 polynomial in coordinates scaled to [-1, 1], clamped to [0.8, 1.2]. */
        double bias(int x, int y, int z) {
            double u = x / hx - 1, v = y / hy - 1, w = z / hz - 1;
            double p = bias[0] * u + bias[1] * v + bias[2] * w + bias[3] * u * v + bias[4] * v * w + bias[5] * u * w
                    + bias[6] * (u * u - 1 / 3.0) + bias[7] * (v * v - 1 / 3.0) + bias[8] * (w * w - 1 / 3.0);
            return Math.max(0.8, Math.min(1.2, 1 + p));
        }
    }
}
