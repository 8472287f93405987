package org.gridplan.optimizer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridplan.sim.io.InputException;

/** Line-by-line tokenising of benchmark files, with errors naming the file and the line. */
final class BenchFiles {

    private BenchFiles() {
    }

    /** A non-blank line: its 1-based number and its whitespace-separated tokens. */
    record Line(int number, String[] tokens) {
    }

    /** The non-blank lines of a file (CRLF or LF). */
    static List<Line> read(Path file) {
        List<String> raw;
        try {
            raw = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new InputException(file, "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(file.getFileName() + ": cannot read: " + e.getMessage(), e);
        }
        List<Line> lines = new ArrayList<>();
        for (int k = 0; k < raw.size(); k++) {
            String s = raw.get(k).strip();
            if (!s.isEmpty()) {
                lines.add(new Line(k + 1, s.split("\\s+")));
            }
        }
        return lines;
    }

    /** The line's tokens, requiring exactly {@code count} of them. */
    static String[] expect(Path file, Line line, int count, String what) {
        if (line.tokens().length != count) {
            throw new InputException(file, "line " + line.number() + ": expected " + what + " (" + count
                    + " numbers), found " + line.tokens().length + ": '" + String.join(" ", line.tokens()) + "'");
        }
        return line.tokens();
    }

    /** A token as a long, or an error naming file, line and field. */
    static long parseLong(Path file, Line line, String token, String field) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new InputException(file, "line " + line.number() + ": " + field + " '" + token
                    + "' is not an integer");
        }
    }

    /** A token as a finite double, or an error naming file, line and field. */
    static double parseDouble(Path file, Line line, String token, String field) {
        try {
            double v = Double.parseDouble(token);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(file, "line " + line.number() + ": " + field + " '" + token + "' is not a number");
    }

    /** The instance name: the file name without its extension. */
    static String instanceName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
