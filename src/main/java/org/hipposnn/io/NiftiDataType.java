package org.hipposnn.io;

import java.nio.file.Path;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

/**
 * The scalar NIfTI-1 voxel types this project reads and writes, with their header code and size.
 *
 * <p>Each maps to the ImgLib2 type that holds its values exactly (UINT32 to UnsignedIntType,
 * UINT64 to UnsignedLongType, ...), so that reading and writing back never changes a stored value.
 * Complex, RGB, binary and 128-bit types are not scalar intensities and are refused.
 */
public enum NiftiDataType {
    UINT8(2, 1, "uint8"),
    INT8(256, 1, "int8"),
    INT16(4, 2, "int16"),
    UINT16(512, 2, "uint16"),
    INT32(8, 4, "int32"),
    UINT32(768, 4, "uint32"),
    INT64(1024, 8, "int64"),
    UINT64(1280, 8, "uint64"),
    FLOAT32(16, 4, "float32"),
    FLOAT64(64, 8, "float64");

    private final int code;
    private final int bytesPerVoxel;
    private final String label;

    NiftiDataType(int code, int bytesPerVoxel, String label) {
        this.code = code;
        this.bytesPerVoxel = bytesPerVoxel;
        this.label = label;
    }

    /** The NIfTI-1 {@code datatype} code. */
    public int code() {
        return code;
    }

    public int bytesPerVoxel() {
        return bytesPerVoxel;
    }

    /** The NIfTI-1 {@code bitpix}: bits per voxel. */
    public int bitpix() {
        return bytesPerVoxel * 8;
    }

    /** Whether every stored value is an integer. */
    public boolean isInteger() {
        return this != FLOAT32 && this != FLOAT64;
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * The type for a header's {@code datatype} code.
     *
     * @param file named in the error message
     * @throws NiftiFormatException for types that are not scalar intensities or are unknown
     */
    public static NiftiDataType fromCode(short code, Path file) throws NiftiFormatException {
        for (NiftiDataType t : values()) {
            if (t.code == code) return t;
        }
        throw new NiftiFormatException(file, "unsupported voxel datatype " + code + " ("
                + unsupportedName(code) + "); only scalar types are supported: uint8, int8, int16,"
                + " uint16, int32, uint32, int64, uint64, float32, float64");
    }

    private static String unsupportedName(int code) {
        switch (code) {
            case 0: return "unknown";
            case 1: return "binary";
            case 32: return "complex64";
            case 128: return "RGB24";
            case 1536: return "float128";
            case 1792: return "complex128";
            case 2048: return "complex256";
            case 2304: return "RGBA32";
            default: return "not a NIfTI-1 datatype code";
        }
    }

    /** A fresh, zero-filled ArrayImg of this type with the given size. */
    public ArrayImg<? extends RealType<?>, ?> createImg(long... dims) {
        switch (this) {
            case UINT8: return ArrayImgs.unsignedBytes(dims);
            case INT8: return ArrayImgs.bytes(dims);
            case INT16: return ArrayImgs.shorts(dims);
            case UINT16: return ArrayImgs.unsignedShorts(dims);
            case INT32: return ArrayImgs.ints(dims);
            case UINT32: return ArrayImgs.unsignedInts(dims);
            case INT64: return ArrayImgs.longs(dims);
            case UINT64: return ArrayImgs.unsignedLongs(dims);
            case FLOAT32: return ArrayImgs.floats(dims);
            case FLOAT64: return ArrayImgs.doubles(dims);
            default: throw new AssertionError(this);
        }
    }
}
