package org.gridplan.sim.road;

import java.util.Locale;

/** The class of a road segment, as written in GeoJSON ({@code "class": "local"}). */
public enum RoadClass {
    /** A residential street or lane. */
    LOCAL,
    /** A main road crossing the district. */
    ARTERIAL;

    /** The lower-case name used in files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a file key ({@code local}, {@code arterial}), case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values when the key is unknown
     */
    public static RoadClass fromKey(String key) {
        for (RoadClass c : values()) {
            if (c.key().equalsIgnoreCase(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown road class '" + key + "' (expected local or arterial)");
    }
}
