package org.hipposnn.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The full 348-byte NIfTI-1 header, field by field, plus the byte order of the file.
 *
 * <p>Kept whole (not just the geometry) so that a segmentation written "like" an input image
 * carries the same dims, voxel size, qform/sform and units, and opens aligned with it in any
 * viewer. Mutable; use {@link #copy()} before changing a header you did not create.
 * Fields follow the names of {@code nifti1.h}.
 */
public final class NiftiHeader {

    /** sizeof_hdr of NIfTI-1. */
    public static final int HEADER_SIZE = 348;
    /** vox_offset of a single-file image without extensions: header plus the 4-byte extension flag. */
    public static final int SINGLE_FILE_OFFSET = 352;
    /** NIFTI_INTENT_LABEL: the voxel values are label indices. */
    public static final short INTENT_LABEL = 1002;

    private ByteOrder byteOrder = ByteOrder.LITTLE_ENDIAN;
    // legacy ANALYZE fields, kept so that a header survives a round trip unchanged
    private byte[] dataTypeName = new byte[10];
    private byte[] dbName = new byte[18];
    private int extents;
    private short sessionError;
    private byte regular;
    private byte dimInfo;
    private short[] dim = {3, 1, 1, 1, 1, 1, 1, 1};
    private float intentP1, intentP2, intentP3;
    private short intentCode;
    private short datatype = (short) NiftiDataType.FLOAT32.code();
    private short bitpix = (short) NiftiDataType.FLOAT32.bitpix();
    private short sliceStart;
    private float[] pixdim = {0, 1, 1, 1, 0, 0, 0, 0};
    private float voxOffset = SINGLE_FILE_OFFSET;
    private float sclSlope = 1, sclInter = 0;
    private short sliceEnd;
    private byte sliceCode;
    private byte xyztUnits;
    private float calMax, calMin;
    private float sliceDuration, toffset;
    private int glmax, glmin;
    private String descrip = "";
    private String auxFile = "";
    private short qformCode, sformCode;
    private float quaternB, quaternC, quaternD;
    private float qoffsetX, qoffsetY, qoffsetZ;
    private float[] srowX = new float[4], srowY = new float[4], srowZ = new float[4];
    private String intentName = "";
    private byte[] magic = {'n', '+', '1', 0};

    /** A little-endian float32 header for a 1x1x1 image; see {@link #forVolume}. */
    public NiftiHeader() {
    }

    /**
     * A header for a new volume: the given size and voxel size (pixdim[1..3]), float32,
     * {@code qform_code = sform_code = 0} (no orientation is claimed, as we know none; readers
     * then place voxel (i,j,k) at (i*dx, j*dy, k*dz)), units millimetres, little-endian.
     */
    public static NiftiHeader forVolume(long[] dims, double[] voxelSize) {
        if (dims.length != 3 || voxelSize.length != 3) {
            throw new IllegalArgumentException("need 3 dimensions and 3 voxel sizes, got "
                    + dims.length + " and " + voxelSize.length);
        }
        NiftiHeader h = new NiftiHeader();
        h.setDimensions(dims);
        h.setVoxelSize(voxelSize);
        h.xyztUnits = 2; // NIFTI_UNITS_MM
        return h;
    }

    /** An independent copy. */
    public NiftiHeader copy() {
        NiftiHeader h = new NiftiHeader();
        h.read(ByteBuffer.wrap(toBytes()).order(byteOrder));
        return h;
    }

    // ---- parsing and encoding ------------------------------------------------------------------

    /** Reads all fields from 348 bytes whose byte order is already set on the buffer. */
    void read(ByteBuffer b) {
        byteOrder = b.order();
        b.position(4);
        b.get(dataTypeName);
        b.get(dbName);
        extents = b.getInt();
        sessionError = b.getShort();
        regular = b.get();
        dimInfo = b.get();
        for (int i = 0; i < 8; i++) dim[i] = b.getShort();
        intentP1 = b.getFloat();
        intentP2 = b.getFloat();
        intentP3 = b.getFloat();
        intentCode = b.getShort();
        datatype = b.getShort();
        bitpix = b.getShort();
        sliceStart = b.getShort();
        for (int i = 0; i < 8; i++) pixdim[i] = b.getFloat();
        voxOffset = b.getFloat();
        sclSlope = b.getFloat();
        sclInter = b.getFloat();
        sliceEnd = b.getShort();
        sliceCode = b.get();
        xyztUnits = b.get();
        calMax = b.getFloat();
        calMin = b.getFloat();
        sliceDuration = b.getFloat();
        toffset = b.getFloat();
        glmax = b.getInt();
        glmin = b.getInt();
        descrip = getString(b, 80);
        auxFile = getString(b, 24);
        qformCode = b.getShort();
        sformCode = b.getShort();
        quaternB = b.getFloat();
        quaternC = b.getFloat();
        quaternD = b.getFloat();
        qoffsetX = b.getFloat();
        qoffsetY = b.getFloat();
        qoffsetZ = b.getFloat();
        for (int i = 0; i < 4; i++) srowX[i] = b.getFloat();
        for (int i = 0; i < 4; i++) srowY[i] = b.getFloat();
        for (int i = 0; i < 4; i++) srowZ[i] = b.getFloat();
        intentName = getString(b, 16);
        b.get(magic);
    }

    /** The 348 header bytes in this header's byte order, exactly as stored. */
    byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE).order(byteOrder);
        b.putInt(HEADER_SIZE);
        b.put(dataTypeName);
        b.put(dbName);
        b.putInt(extents);
        b.putShort(sessionError);
        b.put(regular);
        b.put(dimInfo);
        for (short d : dim) b.putShort(d);
        b.putFloat(intentP1).putFloat(intentP2).putFloat(intentP3);
        b.putShort(intentCode).putShort(datatype).putShort(bitpix).putShort(sliceStart);
        for (float p : pixdim) b.putFloat(p);
        b.putFloat(voxOffset).putFloat(sclSlope).putFloat(sclInter);
        b.putShort(sliceEnd);
        b.put(sliceCode);
        b.put(xyztUnits);
        b.putFloat(calMax).putFloat(calMin).putFloat(sliceDuration).putFloat(toffset);
        b.putInt(glmax).putInt(glmin);
        putString(b, descrip, 80);
        putString(b, auxFile, 24);
        b.putShort(qformCode).putShort(sformCode);
        b.putFloat(quaternB).putFloat(quaternC).putFloat(quaternD);
        b.putFloat(qoffsetX).putFloat(qoffsetY).putFloat(qoffsetZ);
        for (float v : srowX) b.putFloat(v);
        for (float v : srowY) b.putFloat(v);
        for (float v : srowZ) b.putFloat(v);
        putString(b, intentName, 16);
        b.put(magic);
        return b.array();
    }

    private static String getString(ByteBuffer b, int length) {
        byte[] bytes = new byte[length];
        b.get(bytes);
        int end = 0;
        while (end < length && bytes[end] != 0) end++;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static void putString(ByteBuffer b, String s, int length) {
        byte[] bytes = Arrays.copyOf(s.getBytes(StandardCharsets.ISO_8859_1), length);
        b.put(bytes);
    }

    // ---- geometry -----------------------------------------------------------------------------

    /** Size along x, y, z (dim[1..3]). */
    public int[] dimensions() {
        return new int[] {dim[1], dim[2], dim[3]};
    }

    /** Sets dim[0] = 3 and dim[1..3]; dim[4..7] = 1. */
    public void setDimensions(long[] xyz) {
        if (xyz.length != 3) throw new IllegalArgumentException("need 3 dimensions, got " + xyz.length);
        dim[0] = 3;
        for (int i = 0; i < 3; i++) {
            if (xyz[i] < 1 || xyz[i] > Short.MAX_VALUE) {
                throw new IllegalArgumentException("dimension " + (i + 1) + " is " + xyz[i]
                        + " (must be 1.." + Short.MAX_VALUE + " in NIfTI-1)");
            }
            dim[i + 1] = (short) xyz[i];
        }
        for (int i = 4; i < 8; i++) dim[i] = 1;
    }

    /** Voxel size along x, y, z: |pixdim[1..3]| (the sign of pixdim is not a size). */
    public double[] voxelSize() {
        return new double[] {Math.abs(pixdim[1]), Math.abs(pixdim[2]), Math.abs(pixdim[3])};
    }

    /** Sets pixdim[1..3]. */
    public void setVoxelSize(double[] xyz) {
        for (int i = 0; i < 3; i++) pixdim[i + 1] = (float) xyz[i];
    }

    /**
     * Whether both describe the same voxel grid: equal x, y, z sizes, and voxel sizes within
     * 1e-4 relative (float rounding in headers written by different tools).
     */
    public boolean sameGrid(NiftiHeader other) {
        if (!Arrays.equals(dimensions(), other.dimensions())) return false;
        double[] a = voxelSize(), b = other.voxelSize();
        for (int i = 0; i < 3; i++) {
            double scale = Math.max(Math.abs(a[i]), Math.abs(b[i]));
            if (Math.abs(a[i] - b[i]) > 1e-4 * scale) return false;
        }
        return true;
    }

    /** "AxBxC", for messages. */
    public String dimensionsText() {
        return dim[1] + "x" + dim[2] + "x" + dim[3];
    }

    // ---- plain accessors ----------------------------------------------------------------------

    public ByteOrder byteOrder() { return byteOrder; }
    /** The byte order the writer uses for this header and its voxels. */
    public void setByteOrder(ByteOrder order) { this.byteOrder = order; }

    /** dim[0..7] (a copy). */
    public short[] dim() { return dim.clone(); }
    public void setDim(short[] dim) { this.dim = Arrays.copyOf(dim, 8); }
    /** pixdim[0..7] (a copy); pixdim[0] is qfac. */
    public float[] pixdim() { return pixdim.clone(); }
    public void setPixdim(float[] pixdim) { this.pixdim = Arrays.copyOf(pixdim, 8); }

    public short datatypeCode() { return datatype; }
    /** Sets datatype and the matching bitpix. */
    public void setDatatype(NiftiDataType type) {
        datatype = (short) type.code();
        bitpix = (short) type.bitpix();
    }
    public short bitpix() { return bitpix; }

    /** The datatype as an enum; only headers the reader accepted, or made here, are asked this. */
    public NiftiDataType datatype() {
        for (NiftiDataType t : NiftiDataType.values()) {
            if (t.code() == datatype) return t;
        }
        throw new IllegalStateException("unsupported NIfTI datatype code " + datatype);
    }

    /** True when stored values are scaled (scl_slope non-zero, finite, and not the identity). */
    public boolean hasScaling() {
        return sclSlope != 0 && Float.isFinite(sclSlope) && (sclSlope != 1 || (sclInter != 0 && Float.isFinite(sclInter)));
    }
    void setRawDatatype(short datatype, short bitpix) { this.datatype = datatype; this.bitpix = bitpix; }

    public float voxOffset() { return voxOffset; }
    public void setVoxOffset(float voxOffset) { this.voxOffset = voxOffset; }
    public float sclSlope() { return sclSlope; }
    public void setSclSlope(float v) { sclSlope = v; }
    public float sclInter() { return sclInter; }
    public void setSclInter(float v) { sclInter = v; }

    public short qformCode() { return qformCode; }
    public void setQformCode(short v) { qformCode = v; }
    public short sformCode() { return sformCode; }
    public void setSformCode(short v) { sformCode = v; }
    /** quatern_b, c, d. */
    public float[] quatern() { return new float[] {quaternB, quaternC, quaternD}; }
    public void setQuatern(float b, float c, float d) { quaternB = b; quaternC = c; quaternD = d; }
    /** qoffset_x, y, z. */
    public float[] qoffset() { return new float[] {qoffsetX, qoffsetY, qoffsetZ}; }
    public void setQoffset(float x, float y, float z) { qoffsetX = x; qoffsetY = y; qoffsetZ = z; }
    public float[] srowX() { return srowX.clone(); }
    public float[] srowY() { return srowY.clone(); }
    public float[] srowZ() { return srowZ.clone(); }
    public void setSrow(float[] x, float[] y, float[] z) {
        srowX = Arrays.copyOf(x, 4);
        srowY = Arrays.copyOf(y, 4);
        srowZ = Arrays.copyOf(z, 4);
    }

    public byte xyztUnits() { return xyztUnits; }
    public void setXyztUnits(byte v) { xyztUnits = v; }
    /** The spatial unit as text ("mm", "micron", "m"), or "pixel" when unset. */
    public String spatialUnit() {
        switch (xyztUnits & 0x07) {
            case 1: return "m";
            case 2: return "mm";
            case 3: return "micron";
            default: return "pixel";
        }
    }
    /** Sets the spatial bits of xyzt_units from "m", "mm", "micron"/"um"/"µm"; others clear them. */
    public void setSpatialUnit(String unit) {
        int code;
        String u = unit == null ? "" : unit.trim().toLowerCase();
        switch (u) {
            case "m": case "meter": case "metre": code = 1; break;
            case "mm": case "millimeter": case "millimetre": code = 2; break;
            case "micron": case "um": case "\u00b5m": case "\u03bcm": code = 3; break;
            default: code = 0;
        }
        xyztUnits = (byte) ((xyztUnits & ~0x07) | code);
    }

    public short intentCode() { return intentCode; }
    public void setIntentCode(short v) { intentCode = v; }
    /** intent_p1, p2, p3. */
    public float[] intentParams() { return new float[] {intentP1, intentP2, intentP3}; }
    public void setIntentParams(float p1, float p2, float p3) { intentP1 = p1; intentP2 = p2; intentP3 = p3; }
    public String intentName() { return intentName; }
    public void setIntentName(String v) { intentName = v; }

    public float calMin() { return calMin; }
    public float calMax() { return calMax; }
    public void setCal(float min, float max) { calMin = min; calMax = max; }
    public String descrip() { return descrip; }
    public void setDescrip(String v) { descrip = v; }
    public String auxFile() { return auxFile; }
    public void setAuxFile(String v) { auxFile = v; }

    public byte dimInfo() { return dimInfo; }
    public void setDimInfo(byte v) { dimInfo = v; }
    public short sliceStart() { return sliceStart; }
    public short sliceEnd() { return sliceEnd; }
    public byte sliceCode() { return sliceCode; }
    public float sliceDuration() { return sliceDuration; }
    public void setSlice(short start, short end, byte code, float duration) {
        sliceStart = start; sliceEnd = end; sliceCode = code; sliceDuration = duration;
    }
    public float toffset() { return toffset; }
    public void setToffset(float v) { toffset = v; }

    /** The 4 magic bytes ("n+1\0" for single-file NIfTI-1). */
    public String magic() { return new String(magic, StandardCharsets.ISO_8859_1); }
    /** Marks this header as single-file ("n+1"), as the writer produces. */
    void setSingleFileMagic() { magic = new byte[] {'n', '+', '1', 0}; }
}
