package org.gridplan.scenarios.cli;

import org.gridplan.sim.model.LayoutRules;
import picocli.CommandLine.Option;

/** Grid size bounds and nesting options, shared by {@code layout generate} and {@code layout validate}. */
final class RulesOptions {

    @Option(names = "--min", paramLabel = "HOUSEHOLDS",
            description = "Fewest households per grid (default: 300, the urban standard; Jixian county).")
    Integer min;

    @Option(names = "--max", paramLabel = "HOUSEHOLDS",
            description = "Most households per grid (default: 500, the urban standard; Jixian county).")
    Integer max;

    @Option(names = "--rural", description = "Rural rules: 70 households per grid plus or minus --tolerance "
            + "(field standard, Jixian county). Not with --min/--max.")
    boolean rural;

    @Option(names = "--tolerance", paramLabel = "HOUSEHOLDS", defaultValue = "20",
            description = "With --rural: households either side of 70 (default: ${DEFAULT-VALUE}).")
    int tolerance;

    @Option(names = "--allow-cross-community",
            description = "Let a grid take buildings of more than one community (default: grids nest in communities).")
    boolean allowCross;

    /** The rules these options describe; rejects contradictory options with a message naming them. */
    LayoutRules rules() {
        if (rural && (min != null || max != null)) {
            throw new IllegalArgumentException("give either --rural or --min/--max, not both");
        }
        LayoutRules r;
        if (rural) {
            r = LayoutRules.rural(tolerance);
        } else {
            int lo = min == null ? LayoutRules.URBAN_MIN : min;
            int hi = max == null ? Math.max(LayoutRules.URBAN_MAX, lo) : max;
            if (lo < 1) {
                throw new IllegalArgumentException("--min " + lo + " must be at least 1");
            }
            if (hi < lo) {
                throw new IllegalArgumentException("--max " + hi + " is below --min " + lo);
            }
            r = new LayoutRules(lo, hi, false);
        }
        return r.withAllowCrossCommunity(allowCross);
    }
}
