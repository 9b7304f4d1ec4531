package dev.semdex.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FolderNamesTest {

    @Test
    void aFolderIsNamedByItsOwnNameAndByAsMuchPathAsTellsItApart() {
        List<String> all = List.of("All folders", "/tmp/newcomer/cargo-book", "/home/ann/work/notes",
                "/home/ann/private/notes", "/srv/a/x/docs", "/srv/b/x/docs");
        assertThat(FolderNames.label("/tmp/newcomer/cargo-book", all)).isEqualTo("cargo-book");
        assertThat(FolderNames.label("/home/ann/work/notes", all)).isEqualTo("notes · work");
        assertThat(FolderNames.label("/home/ann/private/notes", all)).isEqualTo("notes · private");
        assertThat(FolderNames.label("/srv/a/x/docs", all)).isEqualTo("docs · a/x");
        assertThat(FolderNames.label("All folders", all)).isEqualTo("All folders");
    }
}
