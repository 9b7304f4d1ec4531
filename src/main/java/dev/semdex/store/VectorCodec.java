package dev.semdex.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Vectors are stored as little-endian float32 BLOBs: compact, and readable by any other tool. */
public final class VectorCodec {

    private VectorCodec() {}

    /** Always a new array: JDBC batches keep a reference to it, so a reused buffer would store one vector N times. */
    public static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    public static float[] decode(byte[] blob) {
        float[] out = new float[blob.length / Float.BYTES];
        decodeInto(blob, out, 0);
        return out;
    }

    public static void decodeInto(byte[] blob, float[] target, int offset) {
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(target, offset, blob.length / 4);
    }
}
