package dev.semdex.embed.djl;

/**
 * Whether PyTorch's native libraries (the pytorch-native-cpu artifact) are on the class path. The Linux package
 * leaves them to the optional package semdex-pytorch, since only TorchScript models need them; without them DJL
 * would try to download libtorch from its own server, which Semdex never lets it do, so the user is told what to
 * install instead.
 */
final class TorchNatives {

    private static final String MARKER = "native/lib/pytorch.properties";

    private TorchNatives() {}

    static boolean present() {
        return TorchNatives.class.getClassLoader().getResource(MARKER) != null;
    }

    static String missingMessage(String modelId) {
        return "'" + modelId + "' is a TorchScript model (model.pt), which needs PyTorch's libraries: install the "
                + "optional package semdex-pytorch (sudo apt-get install ./semdex-pytorch_<version>_amd64.deb, "
                + "published next to Semdex's .deb), or use the model's ONNX export.";
    }
}
