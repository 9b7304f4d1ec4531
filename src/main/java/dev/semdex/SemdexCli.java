package dev.semdex;

/**
 * Entry point of the installed {@code semdex-cli} launcher: always the command line, so that no arguments print
 * the usage instead of opening the window as {@link Main} does.
 */
public final class SemdexCli {

    private SemdexCli() {}

    public static void main(String[] args) {
        System.exit(Main.runCommand(args));
    }
}
