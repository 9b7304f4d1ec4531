package dev.semdex.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.SemdexException;
import dev.semdex.ui.common.DesktopActions.Attempt;
import dev.semdex.ui.common.DesktopActions.Command;
import dev.semdex.ui.common.DesktopActions.DesktopBrowse;
import dev.semdex.ui.common.DesktopActions.DesktopOpen;
import dev.semdex.ui.common.DesktopActions.Host;
import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which ways of opening and revealing are tried, in which order, and what happens when they fail; nothing runs. */
class DesktopActionsTest {

    @TempDir Path dir;

    private static Host linux(Set<Desktop.Action> desktop, String... programs) {
        return new Host("Linux", desktop, p -> List.of(programs).contains(p));
    }

    @Test
    void linuxOpensWithTheDesktopApiThenXdgOpen() {
        Path file = dir.resolve("a b.pdf");
        assertThat(DesktopActions.openAttempts(linux(EnumSet.of(Desktop.Action.OPEN)), file)).containsExactly(
                new DesktopOpen(file), new Command(List.of("xdg-open", file.toString())));
        assertThat(DesktopActions.openAttempts(linux(EnumSet.noneOf(Desktop.Action.class), "gio"), file))
                .containsExactly(new Command(List.of("xdg-open", file.toString())),
                        new Command(List.of("gio", "open", file.toString())));
    }

    @Test
    void linuxRevealAsksTheFileManagerOverDbusThenOpensTheFolder() {
        Path file = dir.resolve("it's here.txt");
        List<Attempt> attempts = DesktopActions.revealAttempts(linux(EnumSet.of(Desktop.Action.OPEN), "gdbus"), file);

        assertThat(attempts).hasSize(3);
        Command dbus = (Command) attempts.get(0);
        assertThat(dbus.argv()).startsWith("gdbus", "call", "--session", "--dest", "org.freedesktop.FileManager1");
        assertThat(dbus.argv()).contains("org.freedesktop.FileManager1.ShowItems");
        assertThat(dbus.argv().get(dbus.argv().size() - 2))
                .isEqualTo("['" + file.toUri().toString().replace("'", "\\'") + "']")
                .contains("%20").contains("\\'s");
        assertThat(attempts.subList(1, 3)).containsExactly(new DesktopOpen(dir),
                new Command(List.of("xdg-open", dir.toString())));
    }

    @Test
    void withoutGdbusRevealUsesDbusSendAndWithoutEitherJustTheFolder() {
        Path file = dir.resolve("x.txt");
        List<Attempt> withDbusSend = DesktopActions.revealAttempts(
                linux(EnumSet.noneOf(Desktop.Action.class), "dbus-send"), file);
        assertThat(((Command) withDbusSend.get(0)).argv()).startsWith("dbus-send", "--session")
                .contains("array:string:" + file.toUri());
        assertThat(DesktopActions.revealAttempts(linux(EnumSet.noneOf(Desktop.Action.class)), file))
                .containsExactly(new Command(List.of("xdg-open", dir.toString())));
    }

    @Test
    void macAndWindowsUseTheirOwnCommands() {
        Path file = dir.resolve("x.txt");
        Host mac = new Host("Mac OS X", EnumSet.of(Desktop.Action.OPEN, Desktop.Action.BROWSE_FILE_DIR), p -> false);
        assertThat(DesktopActions.revealAttempts(mac, file)).startsWith(
                new Command(List.of("open", "-R", file.toString())), new DesktopBrowse(file));
        Host windows = new Host("Windows 11", EnumSet.noneOf(Desktop.Action.class), p -> false);
        assertThat(DesktopActions.revealAttempts(windows, file))
                .containsExactly(new Command(List.of("explorer", "/select," + file)));
        assertThat(DesktopActions.openAttempts(windows, file))
                .containsExactly(new Command(List.of("explorer", file.toString())));
    }

    @Test
    void aFailingWayFallsBackToTheNextOne() throws Exception {
        Path file = Files.writeString(dir.resolve("x.txt"), "x");
        List<Attempt> tried = new ArrayList<>();
        DesktopActions actions = new DesktopActions(linux(EnumSet.of(Desktop.Action.OPEN), "gdbus"), attempt -> {
            tried.add(attempt);
            if (attempt instanceof Command c && c.argv().get(0).equals("gdbus")) {
                throw new IOException("exited with code 1");
            }
        });
        actions.reveal(file);

        assertThat(tried).hasSize(2);
        assertThat(tried.get(1)).isEqualTo(new DesktopOpen(dir));
    }

    @Test
    void whenNothingWorksTheMessageSaysWhatWasTried() throws Exception {
        Path file = Files.writeString(dir.resolve("x.txt"), "x");
        DesktopActions actions = new DesktopActions(linux(EnumSet.noneOf(Desktop.Action.class)), attempt -> {
            throw new IOException("exited with code 3");
        });

        assertThatThrownBy(() -> actions.open(file)).isInstanceOf(SemdexException.class)
                .hasMessageContaining("Cannot open x.txt").hasMessageContaining("xdg-open: exited with code 3")
                .hasMessageContaining("Copy path");
    }

    @Test
    void aFileThatIsGoneIsNotOpened() {
        List<Attempt> tried = new ArrayList<>();
        DesktopActions actions = new DesktopActions(linux(EnumSet.of(Desktop.Action.OPEN)), tried::add);

        assertThatThrownBy(() -> actions.open(dir.resolve("gone.txt"))).hasMessageContaining("no longer exists");
        assertThat(tried).isEmpty();
    }
}
