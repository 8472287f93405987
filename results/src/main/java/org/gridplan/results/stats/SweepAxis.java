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
 */
public record SweepAxis(String field, List<String> together, Map<String, String> fixed,
        Map<Double, Map<String, String>> points) {

    /** No sweep. */
    public static final SweepAxis NONE = new SweepAxis("", List.of(), Map.of(), Map.of());

    public SweepAxis {
        Objects.requireNonNull(field, "field");
        together = List.copyOf(together);
        fixed = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
        Map<Double, Map<String, String>> copy = new LinkedHashMap<>();
        points.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        points = Collections.unmodifiableMap(copy);
    }

    /** Whether the batch swept anything. */
    public boolean swept() {
        return !points.isEmpty() && points.values().stream().anyMatch(m -> !m.isEmpty());
    }
}
