package org.gridplan.results.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a report's sweep axis varies, by field path, so the report can name it in its language.
 *
 * @param field    the swept field along the axis; empty when no field is numeric (the axis is then
 *                 the sweep point number)
 * @param together fields of a zip sweep varied together with it
 * @param fixed    fields of a factorial sweep held at the reference point's values → value
 * @param points   each point's value on the axis → every swept field → its value (JSON text)
 * @param crossed  fields of a factorial sweep crossed with {@code field} when every point is
 *                 reported (a batch of one layout): the axis value is then the point's number and
 *                 {@code field}'s value is read from {@code points}
 */
public record SweepAxis(String field, List<String> together, Map<String, String> fixed,
        Map<Double, Map<String, String>> points, List<String> crossed) {

    /** An axis with no crossed fields. */
    public SweepAxis(String field, List<String> together, Map<String, String> fixed,
            Map<Double, Map<String, String>> points) {
        this(field, together, fixed, points, List.of());
    }

    /** No sweep. */
    public static final SweepAxis NONE = new SweepAxis("", List.of(), Map.of(), Map.of(), List.of());

    public SweepAxis {
        Objects.requireNonNull(field, "field");
        together = List.copyOf(together);
        crossed = List.copyOf(crossed);
        fixed = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
        Map<Double, Map<String, String>> copy = new LinkedHashMap<>();
        points.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        points = Collections.unmodifiableMap(copy);
    }

    /** Whether the batch swept anything. */
    public boolean swept() {
        return !points.isEmpty() && points.values().stream().anyMatch(m -> !m.isEmpty());
    }

    /**
     * The value of {@code field} at point {@code x}: the axis value, or for a crossed axis the
     * field's value at that point; NaN when not numeric.
     */
    public double fieldValue(double x) {
        if (crossed.isEmpty()) {
            return x;
        }
        Map<String, String> v = points.get(x);
        try {
            return v == null || v.get(field) == null ? Double.NaN : Double.parseDouble(v.get(field));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The crossed fields' values at point {@code x}, in order; empty without crossed fields. */
    public Map<String, String> crossedValues(double x) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> v = points.getOrDefault(x, Map.of());
        for (String f : crossed) {
            out.put(f, v.getOrDefault(f, "-"));
        }
        return out;
    }
}
