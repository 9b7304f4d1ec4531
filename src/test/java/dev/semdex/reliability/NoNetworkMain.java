package dev.semdex.reliability;

import dev.semdex.Main;
import java.io.IOException;
import java.net.ProtocolFamily;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs Semdex commands in a JVM where opening any socket (classic or NIO, client or server, TCP or UDP) is
 * recorded and refused; exits with 3 if anything tried. Started by {@link NoNetworkTest} with
 * {@code -Djava.nio.channels.spi.SelectorProvider=} this class's {@link Provider}.
 */
public final class NoNetworkMain {

    static final List<String> ATTEMPTS = Collections.synchronizedList(new ArrayList<>());

    private NoNetworkMain() {}

    @SuppressWarnings("deprecation")
    public static void main(String[] args) throws IOException {
        Socket.setSocketImplFactory(() -> refuse("java.net.Socket"));
        ServerSocket.setSocketFactory(() -> refuse("java.net.ServerSocket"));
        java.net.DatagramSocket.setDatagramSocketImplFactory(() -> refuse("java.net.DatagramSocket"));
        // Each argument is one command line, words separated by the unit separator.
        int failed = 0;
        for (String command : args) {
            int code = Main.runCommand(command.split("\u001f"));
            System.out.println("exit " + code + " for " + command.replace('\u001f', ' '));
            failed = failed == 0 ? code : failed;
        }
        if (!ATTEMPTS.isEmpty()) {
            System.out.println("NETWORK ATTEMPTS: " + ATTEMPTS);
            System.exit(3);
        }
        System.out.println("no socket opened");
        System.exit(failed);
    }

    static <T> T refuse(String what) {
        StringBuilder where = new StringBuilder(what);
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            if (!e.getClassName().startsWith("dev.semdex.reliability") && !e.getClassName().startsWith("java.")
                    && !e.getClassName().startsWith("sun.")) {
                where.append(" from ").append(e);
                break;
            }
        }
        ATTEMPTS.add(where.toString());
        throw new UnsupportedOperationException("network access refused in this test: " + what);
    }

    /** NIO channels: sockets refused; selectors and pipes (used in-process) come from the JDK's own provider. */
    public static final class Provider extends SelectorProvider {

        private final SelectorProvider jdk;

        public Provider() {
            try {
                jdk = (SelectorProvider) Class.forName("sun.nio.ch.DefaultSelectorProvider").getMethod("get")
                        .invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public DatagramChannel openDatagramChannel() {
            return refuse("DatagramChannel");
        }

        @Override
        public DatagramChannel openDatagramChannel(ProtocolFamily family) {
            return refuse("DatagramChannel");
        }

        @Override
        public Pipe openPipe() throws IOException {
            return jdk.openPipe();
        }

        @Override
        public AbstractSelector openSelector() throws IOException {
            return jdk.openSelector();
        }

        @Override
        public ServerSocketChannel openServerSocketChannel() {
            return refuse("ServerSocketChannel");
        }

        @Override
        public SocketChannel openSocketChannel() {
            return refuse("SocketChannel");
        }
    }
}
