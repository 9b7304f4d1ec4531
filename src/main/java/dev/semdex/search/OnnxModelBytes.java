package dev.semdex.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a one-node ONNX model, written by hand: the protobuf wire format needs only varints and
 * length-prefixed fields, and a generated ONNX binding would be a dependency for a dozen fields.
 */
final class OnnxModelBytes {

    /** TensorProto.DataType values. */
    static final int INT8 = 3;
    static final int INT32 = 6;
    static final int INT64 = 7;

    private OnnxModelBytes() {
    }

    /** One tensor input or output: its name, element type and dimensions (a null dimension is named {@code n}). */
    record Value(String name, int elementType, Long... dims) {
    }

    /** A model of the nodes, in order, with the graph's inputs and outputs, on the default domain's {@code opset}. */
    static byte[] model(int opset, Value[] inputs, Value[] outputs, Node... nodes) {
        Message graph = new Message();
        for (Node node : nodes) {
            Message n = new Message();
            for (String in : node.inputs()) {
                n.string(1, in);
            }
            for (String out : node.outputs()) {
                n.string(2, out);
            }
            n.string(4, node.opType());
            graph.message(1, n);
        }
        graph.string(2, "semdex");
        for (Value input : inputs) {
            graph.message(11, valueInfo(input));
        }
        for (Value output : outputs) {
            graph.message(12, valueInfo(output));
        }
        return new Message()
                .varint(1, 8)
                .string(2, "semdex")
                .message(7, graph)
                .message(8, new Message().string(1, "").varint(2, opset))
                .bytes();
    }

    record Node(String opType, String[] inputs, String[] outputs) {
    }

    private static Message valueInfo(Value value) {
        Message shape = new Message();
        for (Long dim : value.dims()) {
            shape.message(1, dim == null ? new Message().string(2, "n") : new Message().varint(1, dim));
        }
        Message tensor = new Message().varint(1, value.elementType()).message(2, shape);
        return new Message().string(1, value.name()).message(2, new Message().message(1, tensor));
    }

    /** A protobuf message being written: fields in the order added. */
    private static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Message varint(int field, long value) {
            writeVarint(((long) field << 3));
            writeVarint(value);
            return this;
        }

        Message string(int field, String value) {
            return lengthDelimited(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Message message(int field, Message value) {
            return lengthDelimited(field, value.bytes());
        }

        private Message lengthDelimited(int field, byte[] value) {
            writeVarint(((long) field << 3) | 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        private void writeVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
