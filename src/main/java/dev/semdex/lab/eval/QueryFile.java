package dev.semdex.lab.eval;

import dev.semdex.SemdexException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashSet;

/**
 * Questions a user asks of one folder, each with the files that answer it: a tab-separated file of {@code query},
 * then one or more relevant paths relative to the folder (further tabs, or {@code ;} between paths). Blank lines and
 * lines starting with {@code #} are ignored, so the file can explain itself.
 */
public record QueryFile(String name, List<Question> questions) {

    /** One question and the paths (relative to the folder, with {@code /}) of the files that answer it. */
    public record Question(String query, Set<String> relevant) {
    }

    public static QueryFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SemdexException("Cannot read the questions in " + file + ": " + e.getMessage());
        }
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            Set<String> relevant = new LinkedHashSet<>();
            for (int f = 1; f < fields.length; f++) {
                for (String path : fields[f].split(";")) {
                    if (!path.isBlank()) {
                        relevant.add(path.strip().replace('\\', '/'));
                    }
                }
            }
            if (fields[0].isBlank() || relevant.isEmpty()) {
                throw new SemdexException(file.getFileName() + " line " + (i + 1)
                        + ": expected a question, a tab and the relevant file(s).");
            }
            questions.add(new Question(fields[0].strip(), Set.copyOf(relevant)));
        }
        if (questions.isEmpty()) {
            throw new SemdexException(file + " holds no questions.");
        }
        return new QueryFile(String.valueOf(file.getFileName()), List.copyOf(questions));
    }
}
