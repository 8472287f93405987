package org.gridplan.sim.generate;

import java.util.SplittableRandom;
import org.gridplan.sim.generate.CityGenerator.Spec;

/**
 * The first stage, the extent and the street lattice: how many block columns and rows the
 * district has, their widths (drawn from the block width range of {@link CityGenerator}), which
 * lattice lines are straight arterials, and the position of every junction, jittered by up to
 * ±{@value CityGenerator#NODE_JITTER_METRES} m except across an arterial. It owns the junction
 * positions, which the later stages read (roads, buildings and sites all sit on them) and never
 * change; junction {@code (i, j)}, on column line {@code i} and row line {@code j} counted from
 * the south-west, has index {@code j * (cols + 1) + i}.
 */
final class StreetLattice {

    private final int cols;
    private final int rows;
    private final double[] xs;
    private final double[] ys;
    private final boolean[] arterialRow;
    private final boolean[] arterialCol;
    private final double width;
    private final double height;

    private StreetLattice(int cols, int rows, double[] xs, double[] ys, boolean[] arterialRow, boolean[] arterialCol,
                          double width, double height) {
        this.cols = cols;
        this.rows = rows;
        this.xs = xs;
        this.ys = ys;
        this.arterialRow = arterialRow;
        this.arterialCol = arterialCol;
        this.width = width;
        this.height = height;
    }

    /**
     * Draws the lattice of {@code spec} from {@code random}.
     *
     * @throws IllegalArgumentException when the arterials do not fit the lattice
     */
    static StreetLattice draw(Spec spec, SplittableRandom random) {
        double areaM2 = spec.households() / spec.householdsPerKm2() * 1e6;
        double width = Math.sqrt(areaM2 * CityGenerator.ASPECT_RATIO);
        double height = areaM2 / width;
        double mean = (CityGenerator.MIN_BLOCK_METRES + CityGenerator.MAX_BLOCK_METRES) / 2;
        int cols = (int) Math.max(2, Math.round(width / mean));
        int rows = (int) Math.max(2, Math.round(height / mean));
        double[] colX = spacings(cols, random);
        double[] rowY = spacings(rows, random);

        int horizontal = (spec.arterials() + 1) / 2;
        int vertical = spec.arterials() / 2;
        if (horizontal > rows - 1 || vertical > cols - 1) {
            throw new IllegalArgumentException(spec.arterials() + " arterials do not fit a lattice of " + cols
                    + " x " + rows + " blocks (at most " + (rows - 1) + " east-west and " + (cols - 1)
                    + " north-south)");
        }
        boolean[] arterialRow = evenlySpread(horizontal, rows);
        boolean[] arterialCol = evenlySpread(vertical, cols);

        int n = (cols + 1) * (rows + 1);
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int j = 0; j <= rows; j++) {
            for (int i = 0; i <= cols; i++) {
                double jx = random.nextDouble(-CityGenerator.NODE_JITTER_METRES, CityGenerator.NODE_JITTER_METRES);
                double jy = random.nextDouble(-CityGenerator.NODE_JITTER_METRES, CityGenerator.NODE_JITTER_METRES);
                int k = j * (cols + 1) + i;
                xs[k] = colX[i] + (arterialCol[i] ? 0 : jx);
                ys[k] = rowY[j] + (arterialRow[j] ? 0 : jy);
            }
        }
        return new StreetLattice(cols, rows, xs, ys, arterialRow, arterialCol, colX[cols], rowY[rows]);
    }

    /** Cumulative positions of {@code count} spacings drawn from the block width range. */
    private static double[] spacings(int count, SplittableRandom random) {
        double[] out = new double[count + 1];
        for (int i = 0; i < count; i++) {
            out[i + 1] = out[i] + random.nextDouble(CityGenerator.MIN_BLOCK_METRES, CityGenerator.MAX_BLOCK_METRES);
        }
        return out;
    }

    /** Marks {@code count} interior lines of {@code 1..blocks-1}, evenly spread (distinct since the step is ≥ 1). */
    private static boolean[] evenlySpread(int count, int blocks) {
        boolean[] out = new boolean[blocks + 1];
        for (int t = 0; t < count; t++) {
            out[(int) Math.round((t + 1) * blocks / (double) (count + 1))] = true;
        }
        return out;
    }

    /** Block columns, west to east. */
    int cols() {
        return cols;
    }

    /** Block rows, south to north. */
    int rows() {
        return rows;
    }

    /** Index of junction {@code (i, j)}. */
    int node(int i, int j) {
        return j * (cols + 1) + i;
    }

    /** Number of junctions. */
    int nodeCount() {
        return (cols + 1) * (rows + 1);
    }

    /** Easting of junction {@code node} in metres. */
    double x(int node) {
        return xs[node];
    }

    /** Northing of junction {@code node} in metres. */
    double y(int node) {
        return ys[node];
    }

    /** Eastings of all junctions, by index; the lattice's own array, not to be changed. */
    double[] xs() {
        return xs;
    }

    /** Northings of all junctions, by index; the lattice's own array, not to be changed. */
    double[] ys() {
        return ys;
    }

    /** Whether the east–west line {@code j} is an arterial. */
    boolean arterialRow(int j) {
        return arterialRow[j];
    }

    /** Whether the north–south line {@code i} is an arterial. */
    boolean arterialCol(int i) {
        return arterialCol[i];
    }

    /** East–west extent of the unjittered lattice, in metres. */
    double width() {
        return width;
    }

    /** North–south extent of the unjittered lattice, in metres. */
    double height() {
        return height;
    }
}
