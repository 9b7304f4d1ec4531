package dev.semdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.labels.LabelledAbstracts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code semdex labels} on real abstracts about three diseases, indexed with the default model. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabelsCommandTest {

    @TempDir
    static Path tmp;

    private Path data;
    private LabelledAbstracts docs;

    private CliRunner.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRunner.run(all);
    }

    @BeforeAll
    void indexAndLabel() {
        data = tmp.resolve("data");
        docs = LabelledAbstracts.write(tmp.resolve("docs"), 6);
        CliRunner.Result r = run("index", docs.folder.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (var label : docs.labels) {
            r = run("labels", "add", label.name(), "--words", label.words());
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
    }

    @Test
    void exportWritesEveryFileWithTheLabelItsSubjectSays() throws Exception {
        Path csv = tmp.resolve("labels.csv");

        CliRunner.Result r = run("labels", "export", "--csv", csv.toString(), "--threshold", "0");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("file,label,confidence");
        Map<String, String> labelled = lines.stream().skip(1).map(l -> l.split(","))
                .collect(Collectors.toMap(c -> c[0], c -> c[1]));
        assertThat(labelled.keySet()).containsExactlyInAnyOrderElementsOf(docs.subjects.keySet());
        long right = docs.subjects.entrySet().stream().filter(e -> e.getValue().equals(labelled.get(e.getKey())))
                .count();
        assertThat(right).isGreaterThanOrEqualTo(docs.subjects.size() * 8 / 10);
    }

    @Test
    void listCountsEveryFileAndAssignedFilesAsConfirmed() {
        String file = docs.filesOf("malaria").get(0);
        CliRunner.Result assign = run("labels", "assign", file, "malaria");
        assertThat(assign.exitCode()).as(assign.err()).isZero();

        CliRunner.Result r = run("labels", "list", "--threshold", "0");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("malaria").contains("(1 confirmed)");
        int total = lines.stream().mapToInt(l -> Integer.parseInt(l.replaceAll("^.{20} +(\\d+) files.*$", "$1")))
                .sum();
        assertThat(total).isEqualTo(docs.subjects.size());
        assertThat(lines.get(3)).startsWith("(none)");
    }

    @Test
    void correctGivesAFileTheNamedLabel() {
        String file = docs.filesOf("HIV").get(0);

        CliRunner.Result r = run("labels", "correct", file, "tuberculosis");
        CliRunner.Result csv = run("labels", "export");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(csv.out().lines()).contains(file + ",tuberculosis,1.0000");
    }

    @Test
    void anUnknownLabelIsOneClearLine() {
        CliRunner.Result r = run("labels", "assign", docs.filesOf("HIV").get(0), "invoices");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo(
                "semdex: There is no label called invoices; the labels are: HIV, malaria, tuberculosis.");
    }
}
