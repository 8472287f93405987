package org.gridplan.scenarios.spec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.gridplan.scenarios.spec.YamlNode.Entry;
import org.gridplan.scenarios.spec.YamlNode.ListNode;
import org.gridplan.scenarios.spec.YamlNode.MapNode;
import org.gridplan.scenarios.spec.YamlNode.Scalar;

/**
 * Reads the fields of one YAML mapping, recording a problem for every wrong type or out-of-range
 * value and, on {@link #finish()}, every key it was not asked for. A getter that finds a problem
 * returns the default so reading goes on and all problems are found in one pass.
 */
final class Fields {

    private final MapNode node;
    private final String path;
    private final Problems problems;
    private final Set<String> known = new HashSet<>();
    private final List<String> order = new ArrayList<>();
    private final Set<String> nullReported = new HashSet<>();

    Fields(MapNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** Fields of {@code value} at {@code path}, or empty (with a problem) when it is not a mapping. */
    static Optional<Fields> of(YamlNode value, String path, Problems problems) {
        if (value instanceof MapNode m) {
            return Optional.of(new Fields(m, path, problems));
        }
        problems.add(value.line(), path, "expected a mapping of keys to values, got " + value.describe());
        return Optional.empty();
    }

    String path() {
        return path;
    }

    int line() {
        return node.line();
    }

    String pathOf(String key) {
        return Problems.child(path, key);
    }

    /**
     * Declares {@code key} known and returns its value if present. A key with no value
     * ({@code key: ~}, {@code key: null} or nothing after the colon) is a problem, reported once:
     * it is not silently the default.
     */
    Optional<YamlNode> get(String key) {
        if (known.add(key)) {
            order.add(key);
        }
        Entry e = node.entries().get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (e.value() instanceof Scalar s && s.kind() == Scalar.Kind.NULL) {
            if (nullReported.add(key)) {
                problems.add(e.value().line(), pathOf(key), "has no value (null); give one, or remove the key to "
                        + "take the default");
            }
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    boolean has(String key) {
        return get(key).isPresent();
    }

    int lineOf(String key) {
        Entry e = node.entries().get(key);
        return e == null ? node.line() : e.value().line();
    }

    /** Reports every key not asked for, with the keys that are allowed. */
    void finish() {
        for (Entry e : node.entries().values()) {
            if (!known.contains(e.key())) {
                problems.add(e.keyLine(), pathOf(e.key()), "unknown key (expected one of: " + String.join(", ", order)
                        + ")");
            }
        }
    }

    /** A whole number in {@code [min, max]}, or {@code def} when absent. */
    int integer(String key, int def, int min, int max) {
        OptionalInt v = optionalInteger(key, min, max);
        return v.isPresent() ? v.getAsInt() : def;
    }

    OptionalInt optionalInteger(String key, int min, int max) {
        Optional<YamlNode> n = get(key);
        if (n.isEmpty()) {
            return OptionalInt.empty();
        }
        OptionalLongValue v = wholeNumber(n.get(), pathOf(key));
        if (v.value == null) {
            return OptionalInt.empty();
        }
        long x = v.value;
        if (x < min) {
            problems.add(n.get().line(), pathOf(key), x + " is below the minimum " + min);
            return OptionalInt.empty();
        }
        if (x > max) {
            problems.add(n.get().line(), pathOf(key), x + " is above the maximum " + max);
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) x);
    }

    /** Any whole number that fits in 64 bits, or {@code def}. */
    long longInteger(String key, long def) {
        Optional<YamlNode> n = get(key);
        if (n.isEmpty()) {
            return def;
        }
        OptionalLongValue v = wholeNumber(n.get(), pathOf(key));
        return v.value == null ? def : v.value;
    }

    private record OptionalLongValue(Long value) {
    }

    private OptionalLongValue wholeNumber(YamlNode n, String at) {
        if (n instanceof Scalar s && s.kind() == Scalar.Kind.INTEGER) {
            BigInteger v = integerValue(s.text());
            if (v == null) {
                problems.add(n.line(), at, "expected a whole number (decimal, or hexadecimal such as 0x1F), got "
                        + s.text());
                return new OptionalLongValue(null);
            }
            if (v.bitLength() > 63) {
                problems.add(n.line(), at, s.text() + " does not fit in 64 bits (" + Long.MIN_VALUE + " to "
                        + Long.MAX_VALUE + ")");
                return new OptionalLongValue(null);
            }
            return new OptionalLongValue(v.longValue());
        }
        problems.add(n.line(), at, "expected a whole number, got " + n.describe());
        return new OptionalLongValue(null);
    }

    /**
     * The value of a YAML integer as written: decimal, hexadecimal ({@code 0x1F}), octal
     * ({@code 0o17}) or binary ({@code 0b101}), with an optional sign and {@code _} separators;
     * null when the text is none of these.
     */
    static BigInteger integerValue(String text) {
        String t = text.replace("_", "").trim();
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        int radix = 10;
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            t = t.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            t = t.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            t = t.substring(2);
        }
        if (t.isEmpty() || t.startsWith("-") || t.startsWith("+")) {
            return null;
        }
        try {
            BigInteger v = new BigInteger(t, radix);
            return negative ? v.negate() : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A number in the range, or {@code def} when absent. {@code minOpen}: the minimum itself is
     * not allowed (a positive quantity).
     */
    double number(String key, double def, double min, boolean minOpen, double max) {
        OptionalDouble v = optionalNumber(key, min, minOpen, max);
        return v.isPresent() ? v.getAsDouble() : def;
    }

    OptionalDouble optionalNumber(String key, double min, boolean minOpen, double max) {
        Optional<YamlNode> n = get(key);
        if (n.isEmpty()) {
            return OptionalDouble.empty();
        }
        return checkNumber(n.get(), pathOf(key), min, minOpen, max);
    }

    /** Checks that {@code n} is a number in the range; reports otherwise. */
    OptionalDouble checkNumber(YamlNode n, String at, double min, boolean minOpen, double max) {
        if (!(n instanceof Scalar s) || (s.kind() != Scalar.Kind.INTEGER && s.kind() != Scalar.Kind.FLOAT)) {
            problems.add(n.line(), at, "expected a number, got " + n.describe());
            return OptionalDouble.empty();
        }
        double x;
        BigInteger whole = s.kind() == Scalar.Kind.INTEGER ? integerValue(s.text()) : null;
        try {
            x = whole != null ? whole.doubleValue() : Double.parseDouble(s.text().replace("_", ""));
        } catch (NumberFormatException e) {
            // YAML's .inf and .nan are floats Java does not parse: not "expected a number, got the number .nan".
            boolean notFinite = s.text().matches("[-+]?\\.(?i:inf|nan)");
            problems.add(n.line(), at, notFinite ? "expected a finite number, got " + s.text()
                    : "expected a number, got " + n.describe());
            return OptionalDouble.empty();
        }
        if (!Double.isFinite(x)) {
            problems.add(n.line(), at, "expected a finite number, got " + s.text());
            return OptionalDouble.empty();
        }
        if (minOpen ? !(x > min) : !(x >= min)) {
            problems.add(n.line(), at, s.text() + (minOpen ? " must be above " + fmt(min) : " is below the minimum "
                    + fmt(min)));
            return OptionalDouble.empty();
        }
        if (x > max) {
            problems.add(n.line(), at, s.text() + " is above the maximum " + fmt(max));
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(x);
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    boolean bool(String key, boolean def) {
        Optional<YamlNode> n = get(key);
        if (n.isEmpty()) {
            return def;
        }
        if (n.get() instanceof Scalar s && s.kind() == Scalar.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        problems.add(n.get().line(), pathOf(key), "expected true or false, got " + n.get().describe());
        return def;
    }

    /** Text (any scalar but null), or {@code def}; blank text is a problem. */
    Optional<String> text(String key) {
        Optional<YamlNode> n = get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof Scalar s && !s.text().isBlank()) {
            return Optional.of(s.text());
        }
        problems.add(n.get().line(), pathOf(key), "expected text, got " + n.get().describe());
        return Optional.empty();
    }

    /** One of the allowed names (case-insensitive), or {@code def}. */
    <E> E choice(String key, E def, Map<String, E> allowed) {
        Optional<YamlNode> n = get(key);
        if (n.isEmpty()) {
            return def;
        }
        return choiceOf(n.get(), pathOf(key), allowed, problems).orElse(def);
    }

    static <E> Optional<E> choiceOf(YamlNode n, String at, Map<String, E> allowed, Problems problems) {
        if (n instanceof Scalar s && s.kind() != Scalar.Kind.NULL) {
            E e = allowed.get(s.text().toLowerCase(Locale.ROOT));
            if (e != null) {
                return Optional.of(e);
            }
        }
        problems.add(n.line(), at, (n instanceof Scalar s ? "'" + s.text() + "'" : n.describe())
                + " is not one of: " + String.join(", ", allowed.keySet()));
        return Optional.empty();
    }

    /** The nested mapping at {@code key}, if present and a mapping. */
    Optional<Fields> object(String key) {
        return get(key).flatMap(n -> of(n, pathOf(key), problems));
    }

    /** The list at {@code key}, if present and a list. */
    Optional<ListNode> list(String key) {
        Optional<YamlNode> n = get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof ListNode l) {
            return Optional.of(l);
        }
        problems.add(n.get().line(), pathOf(key), "expected a list, got " + n.get().describe());
        return Optional.empty();
    }

    /** The keys present in this mapping, in file order. */
    Map<String, Entry> entries() {
        return new LinkedHashMap<>(node.entries());
    }

    Problems problems() {
        return problems;
    }
}
