package org.gridplan.scenarios.limits;

import java.util.Locale;
import org.gridplan.sim.io.InputException;

/**
 * The one place that bounds the work a request asks for, before it starts. Scenario fields and
 * command-line options share these caps (the scenario reader reads them from here), and
 * {@link #checkRun} and {@link #checkSolver} estimate a run's size from the request and refuse it
 * past a limit with an {@link InputException} (exit code 2) naming the options or fields, the
 * estimate and the limit. README's "Limits" documents every value.
 */
public final class Limits {

    /** Most simulated days: {@code horizonDays}, {@code --days}, and every other field in days. */
    public static final double MAX_DAYS = 3650;
    /** Fewest days a run measures after its warm-up ({@code horizonDays − warmUpDays}). */
    public static final double MIN_MEASURED_DAYS = 1;
    /** Largest multiplier of every incident rate: {@code demand.scale}, {@code --demand-scale}. */
    public static final double MAX_DEMAND_SCALE = 100;
    /** Most full-time workers per grid: {@code staffing.fullTimePerGrid}. */
    public static final int MAX_FULL_TIME_PER_GRID = 10;
    /** Most part-time workers per community: {@code staffing.partTimePerCommunity}, {@code --part-time}. */
    public static final int MAX_PART_TIME_PER_COMMUNITY = 200;
    /** Most workers of one plan: {@code optimize --workers}, a staffing plan, {@code --max-professionals}. */
    public static final int MAX_WORKERS = 100_000;
    /** Most replications: {@code replications}, {@code --replications}, {@code optimize --simulate}. */
    public static final int MAX_REPLICATIONS = 100_000;
    /** Most simulation threads: {@code run --threads}, {@code bench batch --threads}. */
    public static final int MAX_THREADS = 256;
    /** Most repetitions of a benchmark in one JVM: {@code bench engine --repeat}. */
    public static final int MAX_REPEAT = 1_000;
    /**
     * Most incidents one run may expect: households × incidents a household-year (the catalog's
     * rates × its scale) × days ÷ 365. The default demand gives 100,000 a year in a 500,000-household
     * district, so the limit is a hundred such years.
     */
    public static final long MAX_INCIDENTS_PER_RUN = 10_000_000;
    /**
     * Most pairs the optimiser weighs: workers × grids (staffing) plus grids × sites (siting). A
     * 500,000-household district with 1,800 workers and 150 sites has 2.4 million.
     */
    public static final long MAX_SOLVER_PAIRS = 25_000_000;
    /**
     * Most steps of a layout ensemble ({@code layout ensemble --steps}): the chain keeps every
     * step's statistics in memory, about 100 bytes a step.
     */
    public static final int MAX_ENSEMBLE_STEPS = 1_000_000;
    /** Most layouts an ensemble writes ({@code layout ensemble --sample}), one GeoJSON file each. */
    public static final int MAX_ENSEMBLE_SAMPLE = 1_000;
    /** Most streets of a generated city. */
    public static final int MAX_STREETS = 1_000;
    /** Most communities of a generated city. */
    public static final int MAX_COMMUNITIES = 10_000;
    /** Most candidate sites of a generated city. */
    public static final int MAX_SITES = 10_000;
    /** Most arterial roads of a generated city. */
    public static final int MAX_ARTERIALS = 100;

    private Limits() {
    }

    /**
     * {@code value} of option or field {@code name} if it lies in {@code [min, max]}.
     *
     * @throws InputException naming the option, the value and the bound it breaks
     */
    public static long whole(String name, long value, long min, long max) {
        if (value < min) {
            throw new InputException(String.format(Locale.ROOT, "%s %d: below the minimum %,d", name, value, min));
        }
        if (value > max) {
            throw new InputException(String.format(Locale.ROOT, "%s %d: above the limit of %,d", name, value, max));
        }
        return value;
    }

    /**
     * {@code value} of option or field {@code name} if it is finite and in the range;
     * {@code minOpen}: the minimum itself is not allowed.
     *
     * @throws InputException naming the option, the value and the bound it breaks
     */
    public static double number(String name, double value, double min, boolean minOpen, double max) {
        if (!Double.isFinite(value)) {
            throw new InputException(name + " " + value + ": not a finite number");
        }
        if (minOpen ? !(value > min) : !(value >= min)) {
            throw new InputException(name + " " + plain(value) + (minOpen ? ": must be above " : ": below the minimum ")
                    + fmt(min));
        }
        if (value > max) {
            throw new InputException(name + " " + plain(value) + ": above the limit of " + fmt(max));
        }
        return value;
    }

    /**
     * Checks a horizon and its warm-up: the horizon at most {@link #MAX_DAYS}, the warm-up not
     * negative, and at least {@link #MIN_MEASURED_DAYS} measured after it.
     *
     * @throws InputException naming the option or field at fault
     */
    public static void days(String daysName, double days, String warmUpName, double warmUp) {
        number(daysName, days, 0, true, MAX_DAYS);
        number(warmUpName, warmUp, 0, false, MAX_DAYS);
        String problem = measuredDaysProblem(days, warmUp, warmUpName);
        if (problem != null) {
            throw new InputException(daysName + " " + problem);
        }
    }

    /**
     * Why {@code days} with {@code warmUp} measure too little, or null: "1e-300 leaves 1e-300 days
     * after the warm-up of 0 days; give at least 1 day more than the warm-up".
     */
    public static String measuredDaysProblem(double days, double warmUp, String warmUpName) {
        if (days - warmUp >= MIN_MEASURED_DAYS) {
            return null;
        }
        return plain(days) + " leaves " + (days > warmUp ? plain(days - warmUp) + " days" : "nothing")
                + " after the warm-up of " + plain(warmUp) + " days (" + warmUpName + "); give at least "
                + plain(warmUp + MIN_MEASURED_DAYS) + ", " + plain(MIN_MEASURED_DAYS) + " day more than the warm-up";
    }

    /** The incidents one run expects: households × rate a household-year × days ÷ 365. */
    public static double expectedIncidents(long households, double incidentsPerHouseholdYear, double days) {
        return households * incidentsPerHouseholdYear * days / 365.0;
    }

    /**
     * Refuses a run that would expect more than {@link #MAX_INCIDENTS_PER_RUN} incidents.
     *
     * @param what                      the options or fields that set its size, e.g.
     *                                  {@code "--demand-scale 100 and --days 3650"}
     * @param households                the district's households
     * @param incidentsPerHouseholdYear the catalog's rates times its scale
     * @param days                      the horizon
     * @throws InputException naming {@code what}, the estimate and the limit
     */
    public static void checkRun(String what, long households, double incidentsPerHouseholdYear, double days) {
        double incidents = expectedIncidents(households, incidentsPerHouseholdYear, days);
        if (incidents > MAX_INCIDENTS_PER_RUN) {
            throw new InputException(String.format(Locale.ROOT, "%s: a run would expect about %,.0f incidents "
                    + "(%,d households × %s a household-year × %s days ÷ 365), above the limit of %,d a run; lower "
                    + "them", what, incidents, households, fmt(incidentsPerHouseholdYear), fmt(days),
                    MAX_INCIDENTS_PER_RUN));
        }
    }

    /**
     * Refuses a plan of more than {@link #MAX_WORKERS} workers.
     *
     * @param what the option or field that sets the count
     */
    public static void checkWorkers(String what, long workers) {
        if (workers > MAX_WORKERS) {
            throw new InputException(String.format(Locale.ROOT, "%s: %,d workers, above the limit of %,d workers a "
                    + "plan", what, workers, MAX_WORKERS));
        }
    }

    /**
     * Refuses an optimisation of more than {@link #MAX_SOLVER_PAIRS} pairs: workers × grids plus
     * grids × sites.
     *
     * @param what the options that set its size
     */
    public static void checkSolver(String what, long workers, long grids, long sites) {
        long pairs = workers * grids + grids * sites;
        if (pairs > MAX_SOLVER_PAIRS) {
            throw new InputException(String.format(Locale.ROOT, "%s: the optimiser would weigh %,d pairs (%,d "
                    + "workers × %,d grids + %,d grids × %,d sites), above the limit of %,d", what, pairs, workers,
                    grids, grids, sites, MAX_SOLVER_PAIRS));
        }
    }

    /** A number as a user writes it: whole numbers without a fraction or separators, others as Java prints them. */
    public static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A number for a message: whole numbers with thousands separators, others as Java prints them. */
    public static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return Double.toString(v);
    }
}
