package org.gridplan.sim.model;

/**
 * The rules a grid layout must satisfy.
 *
 * @param minHouseholds           fewest households a grid may have
 * @param maxHouseholds           most households a grid may have
 * @param allowCrossCommunity     whether a grid may take buildings of more than one community
 */
public record LayoutRules(int minHouseholds, int maxHouseholds, boolean allowCrossCommunity) {

    /** Urban grid size standard: 300–500 households per grid (field report, Jixian county). */
    public static final int URBAN_MIN = 300;
    /** Urban grid size standard: 300–500 households per grid (field report, Jixian county). */
    public static final int URBAN_MAX = 500;
    /** Rural grid size standard: about 70 households per grid (field report, Jixian county). */
    public static final int RURAL_TARGET = 70;

    public LayoutRules {
        if (minHouseholds < 1) {
            throw new IllegalArgumentException("minimum households per grid " + minHouseholds + " < 1");
        }
        if (maxHouseholds < minHouseholds) {
            throw new IllegalArgumentException("maximum households per grid " + maxHouseholds
                    + " < minimum " + minHouseholds);
        }
    }

    /** Urban default: 300–500 households, grids inside one community. */
    public static LayoutRules urban() {
        return new LayoutRules(URBAN_MIN, URBAN_MAX, false);
    }

    /**
     * Rural default: 70 households plus or minus {@code tolerance}, grids inside one community.
     *
     * @param tolerance households either side of 70, between 0 and 69
     */
    public static LayoutRules rural(int tolerance) {
        if (tolerance < 0 || tolerance >= RURAL_TARGET) {
            throw new IllegalArgumentException("rural tolerance " + tolerance + " outside 0.." + (RURAL_TARGET - 1));
        }
        return new LayoutRules(RURAL_TARGET - tolerance, RURAL_TARGET + tolerance, false);
    }

    /** These rules with crossing between communities allowed or not. */
    public LayoutRules withAllowCrossCommunity(boolean allow) {
        return new LayoutRules(minHouseholds, maxHouseholds, allow);
    }
}
