package org.gridplan.scenarios.cli;

import java.util.Locale;
import org.gridplan.scenarios.limits.Limits;
import org.gridplan.scenarios.spec.RunSettings;
import org.gridplan.scenarios.spec.Scenario;

/** The size checks of {@link Limits} applied to a scenario's runs, naming the scenario's fields. */
final class RunBounds {

    private RunBounds() {
    }

    /**
     * Refuses a scenario whose runs (any sweep point) on a district of {@code households} would
     * expect more incidents than {@link Limits#MAX_INCIDENTS_PER_RUN}.
     *
     * @throws org.gridplan.sim.io.InputException naming the scenario, the point and its fields
     */
    static void scenario(Scenario s, long households) {
        for (int i = 0; i < s.points().size(); i++) {
            RunSettings r = s.points().get(i).settings();
            String what = String.format(Locale.ROOT, "scenario %s%s: demand.scale %s and horizonDays %s",
                    s.file().getFileName(), s.points().size() > 1 ? ", sweep point " + i : "",
                    Limits.plain(r.demand().scale()), Limits.plain(r.horizonDays()));
            Limits.checkRun(what, households, r.demand().catalog().totalRatePerHouseholdYear(), r.horizonDays());
        }
    }
}
