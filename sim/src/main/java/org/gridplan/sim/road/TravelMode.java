package org.gridplan.sim.road;

import java.util.Locale;

/**
 * How a grid worker travels, with its default speed.
 *
 * <ul>
 *   <li>{@link #WALK}: 1.2 m/s (72 m/min, 4.3 km/h), the design walking speed of the US Highway
 *       Capacity Manual and the usual figure for pedestrian level-of-service in Chinese urban
 *       street design; it is also the speed behind the "5-minute circle" of about 400 m.</li>
 *   <li>{@link #EBIKE}: 15 km/h (250 m/min): e-bikes are capped at 25 km/h by GB 17761-2018, and
 *       urban trips with junctions average well below the cap.</li>
 * </ul>
 */
public enum TravelMode {
    /** On foot, 72 m/min; a walker may go either way along a one-way street. */
    WALK(72.0, false),
    /** By electric bicycle, 250 m/min; a rider keeps to the direction of one-way streets. */
    EBIKE(250.0, true);

    private final double metresPerMinute;
    private final boolean obeysOneWay;

    TravelMode(double metresPerMinute, boolean obeysOneWay) {
        this.metresPerMinute = metresPerMinute;
        this.obeysOneWay = obeysOneWay;
    }

    /**
     * Whether trips in this mode keep to the direction of one-way streets: an e-bike is a non-motor
     * vehicle (Road Traffic Safety Law of the PRC, art. 119), and vehicles keep to the right of the
     * road (art. 35), so a rider does not go against a one-way street; a pedestrian walks either way.
     */
    public boolean obeysOneWay() {
        return obeysOneWay;
    }

    /** The default speed in metres per minute. */
    public double metresPerMinute() {
        return metresPerMinute;
    }

    /** The lower-case name used in files and on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code walk} or {@code ebike}, case-insensitively. */
    public static TravelMode fromKey(String key) {
        for (TravelMode m : values()) {
            if (m.key().equalsIgnoreCase(key) || m.name().equalsIgnoreCase(key.replace("-", ""))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown travel mode '" + key + "' (expected walk or ebike)");
    }
}
