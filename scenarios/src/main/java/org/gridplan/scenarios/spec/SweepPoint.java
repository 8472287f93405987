package org.gridplan.scenarios.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a scenario's sweep: the swept fields' values and the run settings they give.
 *
 * @param index    the point's number, 0 or more, in expansion order
 * @param values   swept field path → value (numbers, text, booleans or lists, as written), in
 *                 the order the sweep lists them; empty without a sweep
 * @param settings the run settings at this point
 */
public record SweepPoint(int index, Map<String, Object> values, RunSettings settings) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SweepPoint {
        Objects.requireNonNull(settings, "settings");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The values as a JSON object, e.g. {@code {"staffing.fullTimePerGrid":2,"demand.scale":0.5}}. */
    public String valuesJson() {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values for a table: {@code staffing.fullTimePerGrid=2 demand.scale=0.5}, or "-". */
    public String label() {
        if (values.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }
}
