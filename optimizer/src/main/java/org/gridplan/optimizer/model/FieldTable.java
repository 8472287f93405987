package org.gridplan.optimizer.model;

import java.util.Arrays;

/**
 * A grid's expected response in the field regime by crew: for {@code r} full-time (routine)
 * workers and {@code o} workers without routine work, the total response minutes of the grid's
 * cases a year (travel left out: the solver adds each worker's own) and the cases known a year.
 * Crews larger than the table are read at its last row or column (a third worker changes little).
 *
 * @param minutes minutes[r][o], r and o from 0; at least 1 × 1, rectangular
 * @param knownPerYear cases known a year
 * @param travelledPerYear cases a year the grid's own workers travel to (the weight of their travel)
 */
public record FieldTable(double[][] minutes, double knownPerYear, double travelledPerYear) {

    /** Validates and copies. */
    public FieldTable {
        if (minutes.length == 0 || minutes[0].length == 0) {
            throw new IllegalArgumentException("a field table needs at least one entry");
        }
        double[][] copy = new double[minutes.length][];
        for (int r = 0; r < minutes.length; r++) {
            if (minutes[r].length != minutes[0].length) {
                throw new IllegalArgumentException("a field table must be rectangular");
            }
            copy[r] = minutes[r].clone();
        }
        minutes = copy;
    }

    /** Total response minutes a year (travel left out) with {@code routine} and {@code other} workers. */
    public double minutes(int routine, int other) {
        double[] row = minutes[Math.min(routine, minutes.length - 1)];
        return row[Math.min(other, row.length - 1)];
    }

    @Override
    public double[][] minutes() {
        return Arrays.stream(minutes).map(double[]::clone).toArray(double[][]::new);
    }
}
