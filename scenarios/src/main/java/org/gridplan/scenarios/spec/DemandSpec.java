package org.gridplan.scenarios.spec;

import java.util.ArrayList;
import java.util.List;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.IncidentCategory;
import org.gridplan.sim.demand.TimeDistribution;

/**
 * The demand of a scenario: its incident categories and an overall scale. By default the
 * categories are those of {@link DemandCatalog#defaults()} (0.2 incidents per household a year,
 * Zhanjiang ETDZ) with the scenario's changes applied; a scenario may instead start from an empty
 * catalog and define every category itself ({@code demand.catalog: empty}), and may add categories
 * of its own to either.
 *
 * @param scale      multiplier on every rate, 0 to 100; default 1
 * @param categories the categories in catalog order (the default catalog's first, then new ones
 *                   in file order); not empty
 */
public record DemandSpec(double scale, List<IncidentCategory> categories) {

    public DemandSpec {
        categories = List.copyOf(categories);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("demand.categories is empty");
        }
    }

    /** The default catalog at scale 1. */
    public static DemandSpec defaults() {
        return new DemandSpec(1.0, DemandCatalog.defaults().categories());
    }

    /** The catalog: the categories at {@link #scale}. */
    public DemandCatalog catalog() {
        return new DemandCatalog(categories, scale);
    }

    /**
     * {@code d} with another mean, keeping its shape and coefficient of variation (what
     * {@code serviceMinutes} changes): log-normal and gamma keep sd / mean, an empirical list is
     * scaled value by value, exponential and deterministic take the new mean.
     */
    static TimeDistribution rescale(TimeDistribution d, double mean) {
        if (d instanceof TimeDistribution.LogNormal l) {
            return TimeDistribution.lognormal(mean, l.sd() * mean / l.mean());
        }
        if (d instanceof TimeDistribution.Gamma g) {
            return TimeDistribution.gamma(mean, g.sd() * mean / g.mean());
        }
        if (d instanceof TimeDistribution.Empirical e) {
            double f = mean / e.mean();
            List<Double> values = new ArrayList<>();
            for (double v : e.values()) {
                values.add(v * f);
            }
            return TimeDistribution.empirical(values);
        }
        if (d instanceof TimeDistribution.Exponential) {
            return TimeDistribution.exponential(mean);
        }
        return TimeDistribution.deterministic(mean);
    }

    /** Names of the default catalog's categories. */
    public static List<String> categoryNames() {
        return DemandCatalog.defaults().categories().stream().map(IncidentCategory::name).toList();
    }
}
