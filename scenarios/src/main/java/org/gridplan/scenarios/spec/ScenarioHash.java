package org.gridplan.scenarios.spec;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.gridplan.scenarios.spec.Scenario.Overrides;
import org.gridplan.scenarios.spec.YamlNode.Entry;
import org.gridplan.scenarios.spec.YamlNode.ListNode;
import org.gridplan.scenarios.spec.YamlNode.MapNode;
import org.gridplan.scenarios.spec.YamlNode.Scalar;

/**
 * The scenario hash that decides whether a batch may resume: SHA-256 over the scenario's
 * {@linkplain #canonical canonical form}, the contents of the files it refers to and the
 * command-line overrides.
 *
 * <p>The canonical form is the parsed YAML document, not its bytes, so what YAML itself ignores
 * does not count: comments, blank lines, indentation and other whitespace, quoting style
 * ({@code name: a} and {@code name: "a"}), flow or block style ({@code {a: 1}} and two lines),
 * the written form of a number ({@code 1.0} and {@code 1.00}, {@code 1_000} and {@code 1000}), and
 * the order of the keys of a mapping. Every value counts, with its YAML type ({@code 10} is not
 * {@code "10"}).
 *
 * <p>Key order is kept where it means something: under {@code sweep.parameters} (the order of the
 * swept fields numbers the sweep points and so the runs, and a swept value's keys are stored as
 * written) and in a {@code categories} mapping (the order of incident categories is the catalog's).
 */
final class ScenarioHash {

    private ScenarioHash() {
    }

    /**
     * The hash of a scenario: the {@link #canonical} form of its document as read, before
     * overrides, the files it refers to (by file name and content, in order) and {@code overrides}.
     *
     * @throws ScenarioException when a referenced file cannot be read
     */
    static String of(String canonical, List<Path> files, Overrides overrides) {
        return digest(canonical.getBytes(StandardCharsets.UTF_8), files, overrides);
    }

    /**
     * The hash gridplan gave a scenario before this rule: of the file's bytes as they are, the
     * referenced files and the overrides. A batch started then records it, and resumes by it while
     * the file is byte for byte the same.
     */
    static String ofBytes(byte[] scenario, List<Path> files, Overrides overrides) {
        return digest(scenario, files, overrides);
    }

    private static String digest(byte[] scenario, List<Path> files, Overrides overrides) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(scenario);
            for (Path p : files) {
                md.update((byte) 0);
                md.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(p));
            }
            md.update((byte) 0);
            md.update(overrides.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new ScenarioException(List.of("cannot read a referenced file: " + e.getMessage()));
        }
    }

    /**
     * The canonical text of a document: every string length-prefixed, so no text can pass for
     * structure; mappings with their keys sorted except where order means something (see the class
     * comment); scalars with their type and, for numbers, their value in one written form.
     */
    static String canonical(YamlNode root) {
        StringBuilder out = new StringBuilder();
        write(root, "", false, out);
        return out.toString();
    }

    private static void write(YamlNode node, String path, boolean ordered, StringBuilder out) {
        if (node instanceof MapNode m) {
            boolean keepOrder = ordered || path.equals("sweep.parameters") || path.equals("categories")
                    || path.endsWith(".categories");
            Collection<Entry> entries = m.entries().values();
            List<Entry> sorted = new ArrayList<>(entries);
            if (!keepOrder) {
                sorted.sort((a, b) -> a.key().compareTo(b.key()));
            }
            boolean childrenOrdered = ordered || path.equals("sweep.parameters");
            out.append('{');
            for (Entry e : sorted) {
                text('k', e.key(), out);
                write(e.value(), path.isEmpty() ? e.key() : path + "." + e.key(), childrenOrdered, out);
            }
            out.append('}');
        } else if (node instanceof ListNode l) {
            out.append('[');
            for (YamlNode item : l.items()) {
                write(item, path + "[]", ordered, out);
            }
            out.append(']');
        } else {
            Scalar s = (Scalar) node;
            String text = switch (s.kind()) {
                case INTEGER, FLOAT -> number(s.text());
                default -> s.text();
            };
            text(Character.toLowerCase(s.kind().name().charAt(0)), text, out);
        }
    }

    /** A number's value in one written form ({@code 1.50}, {@code 1.5} and {@code 15e-1} alike); else as written. */
    private static String number(String text) {
        try {
            BigDecimal v = new BigDecimal(text.replace("_", "").replaceFirst("^\\+", ""));
            return v.signum() == 0 ? "0" : v.stripTrailingZeros().toString();
        } catch (NumberFormatException e) {
            // .inf, .nan, hexadecimal and the like: their text is their value.
            return text;
        }
    }

    private static void text(char tag, String text, StringBuilder out) {
        out.append(tag).append(text.length()).append(':').append(text);
    }
}
