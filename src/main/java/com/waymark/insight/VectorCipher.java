package com.waymark.insight;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.waymark.privacy.FieldCipher;

/**
 * How a sentence embedding is kept at rest: float32 little-endian, sealed by {@link FieldCipher} like the
 * reflection it came from (a vector says what a text is about; nearest neighbours in a public corpus recover much
 * of its meaning). Public for the bench that measures what opening them costs.
 */
public final class VectorCipher {

    private final FieldCipher cipher;

    public VectorCipher(FieldCipher cipher) {
        this.cipher = cipher;
    }

    public byte[] seal(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return cipher.seal(bytes.array());
    }

    /** @throws FieldCipher.UnreadableValue when no configured key wrote it, or it was altered */
    public float[] open(byte[] stored) {
        ByteBuffer bytes = ByteBuffer.wrap(cipher.open(stored)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(vector);
        return vector;
    }

    public boolean isCurrent(byte[] stored) {
        return cipher.isCurrent(stored);
    }
}
