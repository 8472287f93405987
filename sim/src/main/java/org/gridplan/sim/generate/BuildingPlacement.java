package org.gridplan.sim.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gridplan.sim.generate.BlockCuts.Rect;
import org.gridplan.sim.generate.CityGenerator.BuildingType;
import org.gridplan.sim.model.Building;

/**
 * The fourth stage, households and buildings: each community of the {@link BlockCuts} gets
 * households in proportion to its blocks (largest remainder, so the district total is exact),
 * drawn as buildings from the {@link BuildingType} mix until at most {@value #LAST_BUILDING_MAX}
 * households are left for one last low- or mid-rise building. The buildings are dealt to the
 * community's blocks in serpentine order, each block taking buildings until the cumulative
 * households reach its share (at least one building each), and sit on a jittered sub-grid of
 * their block inset by 10% of the block from its roads. It owns the buildings
 * made so far, numbered {@code B000001, B000002, …} in the order they are placed, and a scratch
 * list of one community's households.
 */
final class BuildingPlacement {

    /** Share of a block, on each side, kept free of buildings along its roads. */
    private static final double BLOCK_INSET = 0.1;
    /** Largest displacement of a building from the centre of its slot, as a share of the slot. */
    private static final double SLOT_JITTER = 0.25;
    /** Most households left over for a community's last building. */
    private static final int LAST_BUILDING_MAX = 60;
    /** Digits of the number in a building id. */
    private static final int ID_DIGITS = 6;

    private final StreetLattice lattice;
    private final BlockCuts cuts;
    private final int totalHouseholds;
    private final List<Building> buildings;
    private final IntList households = new IntList();

    /** A placement of {@code totalHouseholds} on the communities of {@code cuts}; nothing placed yet. */
    BuildingPlacement(StreetLattice lattice, BlockCuts cuts, int totalHouseholds) {
        this.lattice = lattice;
        this.cuts = cuts;
        this.totalHouseholds = totalHouseholds;
        this.buildings = new ArrayList<>(totalHouseholds / 50);
    }

    /**
     * Places the households, exactly the total asked for, drawing from {@code random}; returns
     * the buildings in id order. Called once per placement.
     *
     * @throws IllegalArgumentException when a community would get fewer households than a building holds
     */
    List<Building> place(SplittableRandom random) {
        double[] blockWeights = new double[cuts.communityCount()];
        for (int c = 0; c < blockWeights.length; c++) {
            blockWeights[c] = cuts.blocks(c).blocks();
        }
        int[] quota = GeneratorMath.apportion(blockWeights, totalHouseholds, 0);
        for (int c = 0; c < cuts.communityCount(); c++) {
            households.clear();
            drawHouseholds(quota[c], random, households);
            placeBuildings(cuts.blocks(c), cuts.street(c), cuts.communityId(c), random);
        }
        return buildings;
    }

    /** Draws building households summing exactly to {@code total} (at least 6), into {@code out}. */
    private static void drawHouseholds(int total, SplittableRandom random, IntList out) {
        int remaining = total;
        BuildingType[] types = BuildingType.values();
        while (remaining > LAST_BUILDING_MAX) {
            double u = random.nextDouble();
            BuildingType type = types[types.length - 1];
            double cumulative = 0;
            for (BuildingType t : types) {
                cumulative += t.share();
                if (u < cumulative) {
                    type = t;
                    break;
                }
            }
            int h = random.nextInt(type.minHouseholds(), type.maxHouseholds() + 1);
            int left = remaining - h;
            if (left == 0 || left >= BuildingType.LOW_RISE.minHouseholds()) {
                out.add(h);
                remaining = left;
            }
        }
        if (remaining > 0) {
            if (remaining < BuildingType.LOW_RISE.minHouseholds()) {
                throw new IllegalArgumentException("a community needs at least "
                        + BuildingType.LOW_RISE.minHouseholds() + " households, not " + total);
            }
            out.add(remaining);
        }
    }

    /** Deals the drawn households of one community to its blocks and places them as buildings. */
    private void placeBuildings(Rect rect, String street, String community, SplittableRandom random) {
        int blocks = rect.blocks();
        int n = households.size();
        long total = 0;
        for (int k = 0; k < n; k++) {
            total += households.get(k);
        }
        // Serpentine order of the community's blocks, and how many buildings each takes.
        int[] blockCol = new int[blocks];
        int[] blockRow = new int[blocks];
        int b = 0;
        for (int j = rect.y0(); j < rect.y1(); j++) {
            boolean eastward = (j - rect.y0()) % 2 == 0;
            for (int t = 0; t < rect.width(); t++) {
                blockCol[b] = eastward ? rect.x0() + t : rect.x1() - 1 - t;
                blockRow[b++] = j;
            }
        }
        int[] count = new int[blocks];
        int current = 0;
        long cumulative = 0;
        for (int k = 0; k < n; k++) {
            count[current]++;
            cumulative += households.get(k);
            boolean shareReached = cumulative * blocks >= total * (current + 1);
            boolean onePerBlockLeft = n - k - 1 <= blocks - 1 - current;
            if (current < blocks - 1 && (shareReached || onePerBlockLeft)) {
                current++;
            }
        }
        int k = 0;
        for (b = 0; b < blocks; b++) {
            int m = count[b];
            if (m == 0) {
                continue;
            }
            int i = blockCol[b];
            int j = blockRow[b];
            int p00 = lattice.node(i, j);
            int p10 = lattice.node(i + 1, j);
            int p11 = lattice.node(i + 1, j + 1);
            int p01 = lattice.node(i, j + 1);
            int across = (int) Math.ceil(Math.sqrt(m));
            int down = (m + across - 1) / across;
            boolean[] used = GeneratorMath.chooseSlots(across * down, m, random);
            double span = 1 - 2 * BLOCK_INSET;
            for (int slot = 0; slot < used.length; slot++) {
                if (!used[slot]) {
                    continue;
                }
                double u = BLOCK_INSET + span * (slot % across + 0.5
                        + random.nextDouble(-SLOT_JITTER, SLOT_JITTER)) / across;
                double v = BLOCK_INSET + span * (slot / across + 0.5
                        + random.nextDouble(-SLOT_JITTER, SLOT_JITTER)) / down;
                double x = (1 - u) * (1 - v) * lattice.x(p00) + u * (1 - v) * lattice.x(p10)
                        + u * v * lattice.x(p11) + (1 - u) * v * lattice.x(p01);
                double y = (1 - u) * (1 - v) * lattice.y(p00) + u * (1 - v) * lattice.y(p10)
                        + u * v * lattice.y(p11) + (1 - u) * v * lattice.y(p01);
                int h = households.get(k++);
                BuildingType type = BuildingType.of(h).orElseThrow();
                String id = "B" + GeneratorMath.pad(buildings.size() + 1, ID_DIGITS);
                buildings.add(new Building(id, x, y, h, type.units(h), street, community));
            }
        }
    }

    /** A growable list of primitive ints. */
    private static final class IntList {
        private int[] items = new int[256];
        private int size;

        void add(int value) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }

        int get(int index) {
            return items[index];
        }

        int size() {
            return size;
        }

        void clear() {
            size = 0;
        }
    }
}
