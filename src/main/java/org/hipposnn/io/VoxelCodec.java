package org.hipposnn.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Converts between voxel bytes (x fastest, in a given byte order) and typed ArrayImgs.
 *
 * <p>Decoding is one bulk copy per image through a typed view of a ByteBuffer, which is what
 * makes reading hundreds of files fast. Encoding takes the same bulk path when the image is
 * already an ArrayImg of the target type, and otherwise goes voxel by voxel, refusing any value
 * the target type cannot hold rather than writing a wrong one.
 */
final class VoxelCodec {

    private VoxelCodec() {
    }

    /** The voxels in {@code data[offset..]} as an ArrayImg of the native type. */
    static ArrayImg<? extends RealType<?>, ?> decode(byte[] data, int offset, ByteOrder order,
            NiftiDataType type, long[] dims) {
        int n = (int) (dims[0] * dims[1] * dims[2]);
        ByteBuffer b = ByteBuffer.wrap(data, offset, n * type.bytesPerVoxel()).slice().order(order);
        switch (type) {
            case UINT8:
            case INT8: {
                byte[] a = offset == 0 && data.length == n ? data : Arrays.copyOfRange(data, offset, offset + n);
                return type == NiftiDataType.UINT8 ? ArrayImgs.unsignedBytes(a, dims) : ArrayImgs.bytes(a, dims);
            }
            case INT16:
            case UINT16: {
                short[] a = new short[n];
                b.asShortBuffer().get(a);
                return type == NiftiDataType.INT16 ? ArrayImgs.shorts(a, dims) : ArrayImgs.unsignedShorts(a, dims);
            }
            case INT32:
            case UINT32: {
                int[] a = new int[n];
                b.asIntBuffer().get(a);
                return type == NiftiDataType.INT32 ? ArrayImgs.ints(a, dims) : ArrayImgs.unsignedInts(a, dims);
            }
            case INT64:
            case UINT64: {
                long[] a = new long[n];
                b.asLongBuffer().get(a);
                return type == NiftiDataType.INT64 ? ArrayImgs.longs(a, dims) : ArrayImgs.unsignedLongs(a, dims);
            }
            case FLOAT32: {
                float[] a = new float[n];
                b.asFloatBuffer().get(a);
                return ArrayImgs.floats(a, dims);
            }
            case FLOAT64: {
                double[] a = new double[n];
                b.asDoubleBuffer().get(a);
                return ArrayImgs.doubles(a, dims);
            }
            default:
                throw new AssertionError(type);
        }
    }

    /** The ImgLib2 type class that holds {@code type} exactly. */
    static Class<?> typeClass(NiftiDataType type) {
        switch (type) {
            case UINT8: return UnsignedByteType.class;
            case INT8: return ByteType.class;
            case INT16: return ShortType.class;
            case UINT16: return UnsignedShortType.class;
            case INT32: return IntType.class;
            case UINT32: return UnsignedIntType.class;
            case INT64: return LongType.class;
            case UINT64: return UnsignedLongType.class;
            case FLOAT32: return FloatType.class;
            case FLOAT64: return DoubleType.class;
            default: throw new AssertionError(type);
        }
    }

    /**
     * The voxels of {@code img} as {@code type} in {@code order}, x fastest.
     *
     * @param file named in the error message
     * @throws NiftiFormatException when a value does not fit {@code type}
     */
    static byte[] encode(RandomAccessibleInterval<? extends RealType<?>> img, NiftiDataType type,
            ByteOrder order, Path file) throws NiftiFormatException {
        long count = 1;
        for (long d : img.dimensionsAsLongArray()) count *= d;
        if (count * type.bytesPerVoxel() > Integer.MAX_VALUE - 8) {
            throw new NiftiFormatException(file, "image too large to write (" + count + " voxels)");
        }
        ByteBuffer b = ByteBuffer.allocate((int) count * type.bytesPerVoxel()).order(order);
        if (!encodeBulk(img, type, b)) encodeEach(img, type, b, file);
        return b.array();
    }

    private static boolean encodeBulk(RandomAccessibleInterval<? extends RealType<?>> img,
            NiftiDataType type, ByteBuffer b) {
        if (!(img instanceof ArrayImg)) return false;
        ArrayImg<?, ?> a = (ArrayImg<?, ?>) img;
        if (a.firstElement().getClass() != typeClass(type)) return false;
        Object access = a.update(null);
        if (!(access instanceof ArrayDataAccess)) return false;
        Object array = ((ArrayDataAccess<?>) access).getCurrentStorageArray();
        if (array instanceof byte[]) b.put((byte[]) array, 0, b.capacity());
        else if (array instanceof short[]) b.asShortBuffer().put((short[]) array, 0, b.capacity() / 2);
        else if (array instanceof int[]) b.asIntBuffer().put((int[]) array, 0, b.capacity() / 4);
        else if (array instanceof long[]) b.asLongBuffer().put((long[]) array, 0, b.capacity() / 8);
        else if (array instanceof float[]) b.asFloatBuffer().put((float[]) array, 0, b.capacity() / 4);
        else if (array instanceof double[]) b.asDoubleBuffer().put((double[]) array, 0, b.capacity() / 8);
        else return false;
        return true;
    }

    private static final double TWO_63 = 0x1p63;

    private static void encodeEach(RandomAccessibleInterval<? extends RealType<?>> img,
            NiftiDataType type, ByteBuffer b, Path file) throws NiftiFormatException {
        Cursor<? extends RealType<?>> c = Views.flatIterable(img).cursor();
        while (c.hasNext()) {
            RealType<?> t = c.next();
            if (type == NiftiDataType.FLOAT32) {
                double d = t.getRealDouble();
                if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) throw misfit(file, c, d, type);
                b.putFloat((float) d);
                continue;
            }
            if (type == NiftiDataType.FLOAT64) {
                b.putDouble(t.getRealDouble());
                continue;
            }
            long v;
            if (t instanceof UnsignedLongType) {
                v = ((UnsignedLongType) t).get();
                if (type == NiftiDataType.UINT64) {
                    b.putLong(v);
                    continue;
                }
                if (v < 0) throw misfit(file, c, t.getRealDouble(), type);
            } else if (t instanceof IntegerType) {
                v = ((IntegerType<?>) t).getIntegerLong();
            } else {
                double d = t.getRealDouble();
                if (d != Math.rint(d)) throw misfit(file, c, d, type); // also NaN and infinities
                if (type == NiftiDataType.UINT64 && d >= TWO_63 && d < 2 * TWO_63) {
                    b.putLong((long) (d - TWO_63) ^ Long.MIN_VALUE);
                    continue;
                }
                if (d < -TWO_63 || d >= TWO_63) throw misfit(file, c, d, type);
                v = (long) d;
            }
            if (!fits(v, type)) throw misfit(file, c, v, type);
            switch (type.bytesPerVoxel()) {
                case 1: b.put((byte) v); break;
                case 2: b.putShort((short) v); break;
                case 4: b.putInt((int) v); break;
                default: b.putLong(v);
            }
        }
    }

    private static boolean fits(long v, NiftiDataType type) {
        switch (type) {
            case UINT8: return v >= 0 && v <= 0xFF;
            case INT8: return v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
            case INT16: return v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
            case UINT16: return v >= 0 && v <= 0xFFFF;
            case INT32: return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            case UINT32: return v >= 0 && v <= 0xFFFFFFFFL;
            case INT64: return true;
            case UINT64: return v >= 0;
            default: return true;
        }
    }

    private static NiftiFormatException misfit(Path file, Cursor<?> c, Object value, NiftiDataType type) {
        return new NiftiFormatException(file, "value " + value + " at " + Arrays.toString(c.positionAsLongArray())
                + " does not fit the file's datatype " + type);
    }
}
