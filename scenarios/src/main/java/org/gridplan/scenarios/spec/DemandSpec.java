package org.gridplan.scenarios.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.EscalationLevel;
import org.gridplan.sim.demand.IncidentCategory;
import org.gridplan.sim.demand.TimeDistribution;

/**
 * The demand of a scenario: the default catalog ({@link DemandCatalog#defaults()}, 0.2 incidents
 * per household a year, Zhanjiang ETDZ) with an overall scale and per-category overrides.
 *
 * @param scale     multiplier on every rate, 0 to 100; default 1
 * @param overrides category name → what to change in it; names are those of the default catalog
 */
public record DemandSpec(double scale, Map<String, CategoryOverride> overrides) {

    public DemandSpec {
        overrides = Map.copyOf(new TreeMap<>(overrides));
    }

    /** The default catalog at scale 1. */
    public static DemandSpec defaults() {
        return new DemandSpec(1.0, Map.of());
    }

    /**
     * Changes to one category; absent parts keep the default.
     *
     * @param rate           incidents per household per year, 0 to 10
     * @param onSpot         probability of resolution on the spot, 0 to 1
     * @param serviceMinutes mean time on site, minutes, positive; the distribution keeps its shape
     *                       and coefficient of variation
     * @param escalation     the level a work order goes to when not resolved on the spot
     */
    public record CategoryOverride(OptionalDouble rate, OptionalDouble onSpot, OptionalDouble serviceMinutes,
            Optional<EscalationLevel> escalation) {
    }

    /** The catalog: the defaults with the overrides applied, at {@link #scale}. */
    public DemandCatalog catalog() {
        List<IncidentCategory> out = new ArrayList<>();
        for (IncidentCategory c : DemandCatalog.defaults().categories()) {
            CategoryOverride o = overrides.get(c.name());
            if (o != null) {
                if (o.rate().isPresent()) {
                    c = c.withRate(o.rate().getAsDouble());
                }
                if (o.serviceMinutes().isPresent()) {
                    c = c.withService(rescale(c.service(), o.serviceMinutes().getAsDouble()));
                }
                if (o.onSpot().isPresent() || o.escalation().isPresent()) {
                    c = c.withOnSpot(o.onSpot().orElse(c.onSpotProbability()), o.escalation().orElse(c.escalation()));
                }
            }
            out.add(c);
        }
        return new DemandCatalog(out, scale);
    }

    private static TimeDistribution rescale(TimeDistribution d, double mean) {
        if (d instanceof TimeDistribution.LogNormal l) {
            return TimeDistribution.lognormal(mean, l.sd() * mean / l.mean());
        }
        if (d instanceof TimeDistribution.Exponential) {
            return TimeDistribution.exponential(mean);
        }
        return TimeDistribution.deterministic(mean);
    }

    /** Names of the default catalog's categories, the names overrides may use. */
    public static List<String> categoryNames() {
        return DemandCatalog.defaults().categories().stream().map(IncidentCategory::name).toList();
    }
}
