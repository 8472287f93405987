package org.gridplan.optimizer.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.gridplan.sim.io.InputException;

/**
 * The capacitated p-median file formats {@code gridplan bench cpmp} reads, and the detection of
 * which one a file is in. Both start with a line of two numbers; the second line tells them apart:
 * three numbers {@code n p Q} (Osman–Christofides) or four {@code x y Q q} (Lorena–Senne).
 */
public enum CpmpFormat {
    /**
     * Osman &amp; Christofides (OR-Library pmedcap): {@code k opt}, {@code n p Q}, {@code id x y d}; floor distances.
     */
    OSMAN_CHRISTOFIDES("osman-christofides", CpmpReader::read),
    /** Lorena &amp; Senne (SJC): {@code n p}, {@code x y Q q}; real Euclidean distances. */
    LORENA_SENNE("lorena-senne", LorenaSenneReader::read);

    private final String label;
    private final Function<Path, BenchInstance> reader;

    CpmpFormat(String label, Function<Path, BenchInstance> reader) {
        this.label = label;
        this.reader = reader;
    }

    /** The format's name on the command line, e.g. {@code lorena-senne}. */
    public String label() {
        return label;
    }

    /** Reads a file in this format. */
    public BenchInstance read(Path file) {
        return reader.apply(file);
    }

    /** The format with the given command-line name. */
    public static CpmpFormat ofLabel(String label) {
        for (CpmpFormat f : values()) {
            if (f.label.equals(label)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + label
                + "': expected osman-christofides or lorena-senne");
    }

    /**
     * The format of a file, from the number of fields on its second non-blank line.
     *
     * @throws InputException naming the file and line when neither format fits
     */
    public static CpmpFormat detect(Path file) {
        List<BenchFiles.Line> lines = BenchFiles.read(file);
        if (lines.size() < 2) {
            throw new InputException(file, "cannot tell the format: expected at least 2 non-blank lines, found "
                    + lines.size());
        }
        BenchFiles.Line second = lines.get(1);
        return switch (second.tokens().length) {
            case 3 -> OSMAN_CHRISTOFIDES;
            case 4 -> LORENA_SENNE;
            default -> throw new InputException(file, "line " + second.number() + ": cannot tell the format from "
                    + second.tokens().length + " numbers: expected 3 ('n p Q', Osman-Christofides) or 4 ('x y Q q',"
                    + " Lorena-Senne); give --format");
        };
    }

    /** Reads a file in the format {@link #detect} finds. */
    public static BenchInstance readDetected(Path file) {
        return detect(file).read(file);
    }
}
