package org.gridplan.sim.demand;

import static org.gridplan.sim.demand.TimeDistribution.deterministic;
import static org.gridplan.sim.demand.TimeDistribution.exponential;
import static org.gridplan.sim.demand.TimeDistribution.lognormal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The incident categories of a scenario and one overall demand scale.
 *
 * <p>A category's effective rate is {@code ratePerHouseholdYear × scale}; the scale is the one
 * knob a sweep turns to vary demand ("incident rate" in the researcher's questions).
 *
 * @param categories the categories, names unique; not empty
 * @param scale      multiplier on every rate, zero or more
 */
public record DemandCatalog(List<IncidentCategory> categories, double scale) {

    /** Minutes in the 365-day year that rates are stated per. */
    public static final double YEAR_MINUTES = 365.0 * 1440.0;

    /**
     * Total default rate, 0.2 incidents per household per year. Field fact: Zhanjiang ETDZ handled
     * about 7,300 grid events a year over 89 grids, about 82 per grid per year; at the urban
     * standard of 300–500 households per grid (Jixian county), ~400 households, that is
     * 82 / 400 ≈ 0.2 per household per year.
     */
    public static final double DEFAULT_TOTAL_RATE = 0.2;

    public DemandCatalog {
        categories = List.copyOf(categories);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("demand.categories is empty");
        }
        if (!(scale >= 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("demand.scale " + scale + " must be a finite number >= 0");
        }
        Set<String> names = new HashSet<>();
        for (IncidentCategory c : categories) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("demand.categories: duplicate category name " + c.name());
            }
        }
    }

    /** A catalog at scale 1. */
    public static DemandCatalog of(IncidentCategory... categories) {
        return new DemandCatalog(List.of(categories), 1.0);
    }

    /** This catalog with another overall scale. */
    public DemandCatalog withScale(double newScale) {
        return new DemandCatalog(categories, newScale);
    }

    /** Sum over categories of rate × scale, incidents per household per year. */
    public double totalRatePerHouseholdYear() {
        double sum = 0;
        for (IncidentCategory c : categories) {
            sum += c.ratePerHouseholdYear();
        }
        return sum * scale;
    }

    /**
     * The default catalog: the eight domains of the field reports, together 0.2 incidents per
     * household per year ({@link #DEFAULT_TOTAL_RATE}), about 80 per 400-household grid.
     *
     * <p>The split between domains, service times, on-the-spot shares and escalation levels are
     * assumptions (the reports give totals, not breakdowns), chosen so that overall about 62 % of
     * incidents are resolved on the spot by the grid worker and the rest go to the command center,
     * in line with the reports' pattern of most disputes settled at grid level (Jidong county:
     * 4,146 of 4,524 screened disputes resolved, 96 %, counting those resolved after escalation).
     * <ul>
     *   <li>{@code disputes} (neighbour and family disputes, mediation): 0.030, reported, daytime,
     *       log-normal 45 ± 30 min, 60 % on the spot, else community mediation committee.</li>
     *   <li>{@code safety-hazards} (fire exits, gas, unsafe structures): 0.030, found on patrol or
     *       reported after an exponential latent period of mean 14 days, 20 ± 10 min, 50 %, else
     *       department.</li>
     *   <li>{@code key-persons} (follow-up of key persons: community corrections, mental health,
     *       drug rehabilitation): 0.020, found on patrol, latent mean 30 days, 30 ± 15 min, 90 %,
     *       else community.</li>
     *   <li>{@code emergencies} (accidents, sudden illness, fire): 0.005, reported, around the
     *       clock, exponential mean 60 min, 30 %, else department.</li>
     *   <li>{@code elderly-care} (social security, elderly living alone, subsidies): 0.035,
     *       reported, daytime, 30 ± 20 min, 70 %, else community.</li>
     *   <li>{@code sanitation} (sanitation and urban management: refuse, illegal parking and
     *       building): 0.035, found on patrol, latent mean 7 days, 15 ± 8 min, 60 %, else
     *       street.</li>
     *   <li>{@code repairs} (public facility repairs: lifts, lighting, pipes): 0.025, reported,
     *       daytime, 25 ± 15 min, 40 %, else department.</li>
     *   <li>{@code admin-services} (certificates, applications handled for residents, 代办):
     *       0.020, reported, daytime, 20 ± 10 min, 85 %, else community.</li>
     * </ul>
     *
     * <p><b>Urgency and time limits</b> (response / closure, counted from the report or discovery).
     * Only {@code emergencies} is urgent (sent at any hour), an assumption. Limits follow the
     * published local rules of ../FIELD.md where one fits (L: read on secondary pages), else they
     * are assumptions:
     * <ul>
     *   <li>{@code disputes} 1 working hour / 5 working days (requests for help within 5 working
     *       days, L; the response an assumption: a reported case is visited within the working
     *       hour);</li>
     *   <li>{@code safety-hazards} 1 working hour when reported (assumption; found on patrol it is
     *       reached at once) / 7 working days (penalty within 7 working days, L);</li>
     *   <li>{@code key-persons} 1 working day (sign for a work order within 1 working day, L) /
     *       5 working days;</li>
     *   <li>{@code emergencies} 30 calendar minutes (assumption) / 5 working days;</li>
     *   <li>{@code elderly-care} 2 working hours (assumption) / 5 working days (requests for help,
     *       L);</li>
     *   <li>{@code sanitation} 2 working hours (road cleaning within 2 working hours, L) / 4 working
     *       days (spoil heaps within 4 working days, Jiyuan, L);</li>
     *   <li>{@code repairs} 2 working hours / 7 working days (assumptions);</li>
     *   <li>{@code admin-services} 1 working day / 2 working days (consultations answered within 2
     *       working days, L).</li>
     * </ul>
     */
    public static DemandCatalog defaults() {
        TimeProfile day = TimeProfile.daytime();
        return new DemandCatalog(List.of(
                category("disputes", 0.030, day, lognormal(45, 30), 0.60, EscalationLevel.COMMUNITY)
                        .withLimits(TimeLimit.workingHours(1), TimeLimit.workingDays(5)),
                category("safety-hazards", 0.030, day, lognormal(20, 10), 0.50, EscalationLevel.DEPARTMENT)
                        .withPatrolDiscovery(exponential(14 * 1440.0))
                        .withLimits(TimeLimit.workingHours(1), TimeLimit.workingDays(7)),
                category("key-persons", 0.020, day, lognormal(30, 15), 0.90, EscalationLevel.COMMUNITY)
                        .withPatrolDiscovery(exponential(30 * 1440.0))
                        .withLimits(TimeLimit.workingDays(1), TimeLimit.workingDays(5)),
                category("emergencies", 0.005, TimeProfile.aroundTheClock(), exponential(60), 0.30,
                        EscalationLevel.DEPARTMENT).withUrgency(Urgency.URGENT)
                        .withLimits(TimeLimit.calendarMinutes(30), TimeLimit.workingDays(5)),
                category("elderly-care", 0.035, day, lognormal(30, 20), 0.70, EscalationLevel.COMMUNITY)
                        .withLimits(TimeLimit.workingHours(2), TimeLimit.workingDays(5)),
                category("sanitation", 0.035, day, lognormal(15, 8), 0.60, EscalationLevel.STREET)
                        .withPatrolDiscovery(exponential(7 * 1440.0))
                        .withLimits(TimeLimit.workingHours(2), TimeLimit.workingDays(4)),
                category("repairs", 0.025, day, lognormal(25, 15), 0.40, EscalationLevel.DEPARTMENT)
                        .withLimits(TimeLimit.workingHours(2), TimeLimit.workingDays(7)),
                category("admin-services", 0.020, day, lognormal(20, 10), 0.85, EscalationLevel.COMMUNITY)
                        .withLimits(TimeLimit.workingDays(1), TimeLimit.workingDays(2))),
                1.0);
    }

    private static IncidentCategory category(String name, double rate, TimeProfile profile, TimeDistribution service,
            double onSpot, EscalationLevel level) {
        return new IncidentCategory(name, rate, profile, DiscoveryMode.RESIDENT_REPORT, deterministic(0), service,
                onSpot,
                level);
    }
}
