package dev.semdex.search;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * int8 dot products with the Vector API: bytes are widened to shorts (products of two values up to 127 fit), and
 * the products to ints for the sum, the pattern Lucene's Panama scorer uses. Loaded only with the module present.
 */
final class SimdInt8Scorer implements Int8Scorer {

    private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(SHORTS.vectorBitSize() / 2));
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;

    @Override
    public boolean fasterThanFloats() {
        return true;
    }

    @Override
    public void score(short[] query, byte[] codes, int dimension, int[] scores, int from, int to) {
        int step = BYTES.length();
        int upper = dimension - dimension % step;
        for (int row = from; row < to; row++) {
            int base = row * dimension;
            IntVector acc = IntVector.zero(INTS);
            int i = 0;
            for (; i < upper; i += step) {
                ShortVector values = (ShortVector) ByteVector.fromArray(BYTES, codes, base + i)
                        .convertShape(VectorOperators.B2S, SHORTS, 0);
                ShortVector products = values.mul(ShortVector.fromArray(SHORTS, query, i));
                acc = acc.add(products.convertShape(VectorOperators.S2I, INTS, 0))
                        .add(products.convertShape(VectorOperators.S2I, INTS, 1));
            }
            int s = acc.reduceLanes(VectorOperators.ADD);
            for (; i < dimension; i++) {
                s += query[i] * codes[base + i];
            }
            scores[row] = s;
        }
    }
}
