package org.gridplan.sim.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntBinaryOperator;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;

/**
 * Small hand-made cities for tests.
 *
 * <p>The main shape is a <em>strip</em>: buildings in two rows, one column per 100 m. Column
 * {@code c} holds building {@code B<c>-0} at (100 c + 10, 40) and {@code B<c>-1} at
 * (100 c + 10, 140), city indices {@code 2c} and {@code 2c + 1}. The road network under it is a
 * lattice with 100 m blocks, so building {@code B<c>-r} is attached to the node at (100 c, 100 r),
 * 41.23 m away ({@code hypot(10, 40)}). The building positions form a rectangular 2 × n lattice,
 * whose Delaunay triangulation joins only buildings of the same or neighbouring columns: a grid
 * made of columns 0 and 2 is not contiguous, one made of columns 0 and 1 is.
 */
public final class TestCities {

    /** Street of every community in the strip cities. */
    public static final String STREET = "S1";
    /** Road block length of the lattice networks, metres. */
    public static final double BLOCK = 100;
    /** Straight-line metres from each strip building to its access node. */
    public static final double STRIP_ACCESS = Math.hypot(10, 40);

    private TestCities() {
    }

    /** Id of the strip building in column {@code col}, row {@code row} (0 south, 1 north). */
    public static String id(int col, int row) {
        return "B" + col + "-" + row;
    }

    /**
     * A lattice road network of {@code cols × rows} nodes {@code spacing} metres apart, node
     * {@code r * cols + c} at ({@code c * spacing}, {@code r * spacing}), local roads between
     * orthogonal neighbours.
     */
    public static RoadNetwork lattice(int cols, int rows, double spacing) {
        double[] xs = new double[cols * rows];
        double[] ys = new double[cols * rows];
        List<Road> roads = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                xs[i] = c * spacing;
                ys[i] = r * spacing;
                if (c + 1 < cols) {
                    roads.add(new Road(i, i + 1, spacing, RoadClass.LOCAL));
                }
                if (r + 1 < rows) {
                    roads.add(new Road(i, i + cols, spacing, RoadClass.LOCAL));
                }
            }
        }
        return new RoadNetwork(xs, ys, roads);
    }

    /**
     * A strip city (see the class comment) with one column per entry of {@code communityOfColumn},
     * all communities in street {@link #STREET}.
     *
     * @param households households of the building at (column, row)
     */
    public static City strip(String[] communityOfColumn, IntBinaryOperator households) {
        int cols = communityOfColumn.length;
        List<Building> buildings = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < 2; r++) {
                buildings.add(new Building(id(c, r), BLOCK * c + 10, BLOCK * r + 40,
                        households.applyAsInt(c, r), 2, STREET, communityOfColumn[c]));
            }
        }
        return new City("strip", buildings, lattice(cols + 1, 3, BLOCK), List.of());
    }

    /** A strip of {@code columns} columns, all in one community, {@code households} per building. */
    public static City strip(int columns, String community, int households) {
        String[] communities = new String[columns];
        Arrays.fill(communities, community);
        return strip(communities, (c, r) -> households);
    }

    /**
     * Two communities of 4 columns each: columns 0–3 in {@code C1}, 4–7 in {@code C2}, 100
     * households per building (800 per community).
     */
    public static City twoCommunities() {
        return strip(new String[] {"C1", "C1", "C1", "C1", "C2", "C2", "C2", "C2"}, (c, r) -> 100);
    }

    /**
     * The valid urban layout of {@link #twoCommunities()}: grids {@code C1-G1} (columns 0–1),
     * {@code C1-G2} (2–3), {@code C2-G1} (4–5), {@code C2-G2} (6–7), 400 households each.
     */
    public static GridLayout validLayout(City twoCommunities) {
        return byColumn("valid", twoCommunities, "C1-G1", "C1-G1", "C1-G2", "C1-G2", "C2-G1", "C2-G1", "C2-G2",
                "C2-G2");
    }

    /**
     * A layout of a strip city putting both buildings of column {@code c} in
     * {@code gridOfColumn[c]} (none when null); each grid takes the community of its first
     * building.
     */
    public static GridLayout byColumn(String name, City strip, String... gridOfColumn) {
        return GridLayout.fromAssignment(name, strip, assignment(gridOfColumn));
    }

    /** Building id → grid for a strip, both buildings of column {@code c} in {@code gridOfColumn[c]}. */
    public static Map<String, String> assignment(String... gridOfColumn) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int c = 0; c < gridOfColumn.length; c++) {
            if (gridOfColumn[c] != null) {
                out.put(id(c, 0), gridOfColumn[c]);
                out.put(id(c, 1), gridOfColumn[c]);
            }
        }
        return out;
    }

    /** A city of the given buildings over a 3 × 3 lattice of 100 m blocks; for tests where roads do not matter. */
    public static City of(Building... buildings) {
        return new City("test", List.of(buildings), lattice(3, 3, BLOCK), List.of());
    }

    /** A building of 100 households and 2 units in street {@link #STREET}, community {@code C1}. */
    public static Building building(String id, double x, double y) {
        return new Building(id, x, y, 100, 2, STREET, "C1");
    }
}
