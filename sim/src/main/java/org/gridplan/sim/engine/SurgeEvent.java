package org.gridplan.sim.engine;

/**
 * A surge (平急转换, e.g. a typhoon): for a window, every incident rate is multiplied and an
 * emergency pool of extra workers is on duty, backing up every grid after the dispatch policy's
 * fallbacks. Field fact: Zhanjiang ETDZ mobilises a 521-person emergency team in typhoons.
 *
 * @param startDay         start of the window, days from the start of the run, zero or more
 * @param durationDays     length of the window in days, positive
 * @param rateMultiplier   multiplier on all rates in the window, at least 1 (overlapping surges
 *                         multiply); the extra demand arrives as a separate stream, so the
 *                         incidents of the same run without the surge are kept unchanged and
 *                         surge sizes can be compared under common random numbers
 * @param emergencyWorkers extra workers on duty for the window, zero or more; based at grid bases
 *                         spread evenly over the grids
 */
public record SurgeEvent(double startDay, double durationDays, double rateMultiplier, int emergencyWorkers) {

    public SurgeEvent {
        if (!(startDay >= 0) || !Double.isFinite(startDay)) {
            throw new ConfigException("surge.startDay", startDay + " must be >= 0");
        }
        if (!(durationDays > 0) || !Double.isFinite(durationDays)) {
            throw new ConfigException("surge.durationDays", durationDays + " must be positive");
        }
        if (!(rateMultiplier >= 1) || !Double.isFinite(rateMultiplier)) {
            throw new ConfigException("surge.rateMultiplier", rateMultiplier
                    + " must be at least 1 (a surge adds demand; scale demand down with demand.scale)");
        }
        if (emergencyWorkers < 0) {
            throw new ConfigException("surge.emergencyWorkers", emergencyWorkers + " < 0");
        }
    }

    /** Start of the window in minutes. */
    public double startMinute() {
        return startDay * 1440;
    }

    /** End of the window in minutes. */
    public double endMinute() {
        return (startDay + durationDays) * 1440;
    }
}
