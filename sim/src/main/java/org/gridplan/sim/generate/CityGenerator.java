package org.gridplan.sim.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.BuildingAdjacency;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.LayoutRules;
import org.gridplan.sim.model.Site;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;

/**
 * A generator of synthetic urban districts: a street lattice with arterials, streets (街道) and
 * communities (社区) as compact rectangles of blocks, residential buildings in the blocks and
 * candidate branch sites, for a given number of households.
 *
 * <p>The city is a pure function of the {@link Spec}: the same spec (seed included) gives an
 * identical city, building for building and road for road. Randomness comes from a
 * {@link SplittableRandom} seeded with {@link Spec#seed()}, split into one stream for the
 * lattice, one for the missing links, one for the buildings and one for the sites, so changing
 * e.g. the number of sites leaves the buildings as they were.
 *
 * <p>What is generated, in order:
 * <ol>
 *   <li><b>Extent.</b> A 4:3 (east–west : north–south) rectangle whose area is the households
 *       divided by {@link Spec#householdsPerKm2()}; its width and height over the mean block
 *       width (150 m), rounded, give the number of block columns and rows.</li>
 *   <li><b>Lattice.</b> Block columns and rows whose widths are drawn uniformly from
 *       {@value #MIN_BLOCK_METRES}–{@value #MAX_BLOCK_METRES} m, with junctions jittered by up to
 *       ±{@value #NODE_JITTER_METRES} m on each axis. Every link between neighbouring junctions
 *       is a road whose length is the straight distance in metres.</li>
 *   <li><b>Arterials.</b> {@link Spec#arterials()} lattice lines, alternately east–west and
 *       north–south, spread evenly over the interior; their junctions are not jittered across
 *       the line, so each arterial is straight and runs the full length of the district. Their
 *       links are {@link RoadClass#ARTERIAL}, all others {@link RoadClass#LOCAL}.</li>
 *   <li><b>Missing links.</b> A share {@link Spec#missingLinkShare()} of the local links is
 *       removed at random (dead ends, gated compounds); removed links that are needed to keep
 *       the network connected are put back, in the order they were removed.</li>
 *   <li><b>Streets and communities.</b> The block rectangle is cut into {@link Spec#streets()}
 *       rectangles by recursive guillotine cuts across the longer side, in proportion to the
 *       number of parts on each side; each street's communities are cut the same way from the
 *       street (communities per street in proportion to its blocks). Streets are numbered
 *       {@code S01, S02, …} and communities {@code C01, C02, …} (zero-padded to at least two
 *       digits), south-west first, communities numbered street by street.</li>
 *   <li><b>Households.</b> Each community gets households in proportion to its blocks (largest
 *       remainder, so the district total is exactly {@link Spec#households()}). Its buildings
 *       are drawn from the {@link BuildingType} mix until the remainder would drop to 60 or
 *       fewer households, which become one last low- or mid-rise building; draws that would
 *       overshoot or leave fewer than 6 households are redrawn. The total is therefore exact
 *       and every building lies in the range of its type.</li>
 *   <li><b>Buildings.</b> A community's buildings are dealt to its blocks in serpentine order,
 *       each block taking buildings until the community's cumulative households reach the
 *       block's cumulative share (every block gets at least one building). Inside a block the
 *       buildings sit on a jittered sub-grid inset by 10% of the block from its roads, so
 *       positions are distinct. Ids are {@code B000001, B000002, …} in that order.</li>
 *   <li><b>Sites.</b> {@link Spec#sites()} candidate branch sites at distinct road junctions
 *       (block corners), one drawn at random in each of a near-square grid of strata over the
 *       district (surplus strata dropped at random; a stratum without a free junction takes the
 *       free one nearest its centre), ids {@code P001, P002, …}.</li>
 *   <li><b>Contiguity.</b> Every community must be contiguous on
 *       {@link City#adjacency()}. Should the buildings of a community fall apart (a part cut
 *       off by the Delaunay triangulation at the edge of its rectangle), the smaller parts join
 *       the neighbouring community they share most adjacencies with, taking its street.</li>
 *   <li><b>Placeability.</b> Every building must be able to join a contiguous group of
 *       {@value LayoutRules#URBAN_MIN}–{@value LayoutRules#URBAN_MAX} households inside its
 *       community (the urban grid standard), or no layout could exist. Random mixing
 *       occasionally breaks this, typically a 280-household tower at the edge of its community
 *       whose only neighbours there are two other towers; such a building swaps households and
 *       units with the nearest low- or mid-rise building of its community for which both
 *       positions and their neighbours stay placeable. Positions, ids and community totals do
 *       not change.</li>
 * </ol>
 *
 * <p>A 500,000-household district has about 7,800 buildings and 2,300 road junctions; it is
 * generated in a fraction of a second and holds no per-building object besides its
 * {@link Building}.
 */
public final class CityGenerator {

    /** Fewest households a generated district may have. */
    public static final int MIN_HOUSEHOLDS = 20_000;
    /** Most households a generated district may have. */
    public static final int MAX_HOUSEHOLDS = 500_000;
    /**
     * Default households per community, 6,400: Meilan district has 49 communities and 784 grids,
     * which at 400 households a grid is 313,600 households, 6,400 a community.
     */
    public static final int HOUSEHOLDS_PER_COMMUNITY = 6_400;
    /** Default communities per street, 49 / 9 ≈ 5.4: Meilan district has 9 streets and 49 communities. */
    public static final double COMMUNITIES_PER_STREET = 49.0 / 9.0;
    /**
     * Default gross density, 10,000 households per km²: about 28,000 residents per km² at 2.8
     * persons per household, the density of an inner-city district.
     */
    public static final double DEFAULT_HOUSEHOLDS_PER_KM2 = 10_000;
    /** Default share of local lattice links removed: 8%. */
    public static final double DEFAULT_MISSING_LINK_SHARE = 0.08;
    /**
     * Default households per candidate branch site, 3,333 (150 sites for 500,000 households):
     * about one candidate per eight grids of 400 households, two or three per community.
     */
    public static final int HOUSEHOLDS_PER_SITE = 3_333;
    /** Default arterials: two, plus one per 100,000 households (seven for 500,000). */
    public static final int HOUSEHOLDS_PER_EXTRA_ARTERIAL = 100_000;
    /** Narrowest block column or row, in metres. */
    public static final double MIN_BLOCK_METRES = 120;
    /** Widest block column or row, in metres. */
    public static final double MAX_BLOCK_METRES = 180;
    /** Largest displacement of a junction from its lattice position on each axis, in metres. */
    public static final double NODE_JITTER_METRES = 12;
    /** Width of the district over its height. */
    public static final double ASPECT_RATIO = 4.0 / 3.0;

    private static final double BLOCK_INSET = 0.1;
    private static final double SLOT_JITTER = 0.25;
    private static final int LAST_BUILDING_MAX = 60;
    private static final int ID_DIGITS = 6;

    /**
     * The building types of the mix, with their household ranges (inclusive), shares of
     * buildings, and the floors used to derive units.
     *
     * <p>Units per building are {@code ceil(households / (2 × floors))}: two households per
     * floor per unit (stairwell), the common plan of Chinese residential blocks. The ranges do
     * not overlap, so a building's type can be read back from its households.
     */
    public enum BuildingType {
        /** Old low-rise walk-up (老旧小区), 6–24 households, 6 floors, 35% of buildings. */
        LOW_RISE(6, 24, 6, 0.35),
        /** Mid-rise (小高层), 25–60 households, 11 floors, 45% of buildings. */
        MID_RISE(25, 60, 11, 0.45),
        /** High-rise tower, 100–300 households, 30 floors, 20% of buildings. */
        HIGH_RISE(100, 300, 30, 0.20);

        private final int minHouseholds;
        private final int maxHouseholds;
        private final int floors;
        private final double share;

        BuildingType(int minHouseholds, int maxHouseholds, int floors, double share) {
            this.minHouseholds = minHouseholds;
            this.maxHouseholds = maxHouseholds;
            this.floors = floors;
            this.share = share;
        }

        /** Fewest households of a building of this type. */
        public int minHouseholds() {
            return minHouseholds;
        }

        /** Most households of a building of this type. */
        public int maxHouseholds() {
            return maxHouseholds;
        }

        /** Floors assumed when deriving units. */
        public int floors() {
            return floors;
        }

        /** Share of generated buildings drawn as this type, between 0 and 1. */
        public double share() {
            return share;
        }

        /** Units (stairwells) of a building of this type: two households per floor per unit. */
        public int units(int households) {
            return Math.max(1, (households + 2 * floors - 1) / (2 * floors));
        }

        /** The type whose household range holds {@code households}; empty between the ranges. */
        public static Optional<BuildingType> of(int households) {
            for (BuildingType t : values()) {
                if (households >= t.minHouseholds && households <= t.maxHouseholds) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * What to generate. Build one with {@link #of(int, long)} (all defaults derived from the
     * households) or {@link #builder(int)}; vary it with the {@code withX} methods.
     *
     * @param households        target households, exactly met, {@value #MIN_HOUSEHOLDS} to
     *                          {@value #MAX_HOUSEHOLDS}
     * @param seed              master seed of all random draws
     * @param streets           number of streets (街道), at least 1; default
     *                          {@code max(1, round(communities / }{@link #COMMUNITIES_PER_STREET}{@code ))}
     * @param communities       number of communities (社区), at least {@code streets}; default
     *                          {@code max(1, round(households / }{@value #HOUSEHOLDS_PER_COMMUNITY}{@code ))}
     * @param missingLinkShare  share of local lattice links removed, 0 to 0.5; default
     *                          {@value #DEFAULT_MISSING_LINK_SHARE}
     * @param arterials         number of straight arterial roads, at least 0; default
     *                          {@code 2 + households / }{@value #HOUSEHOLDS_PER_EXTRA_ARTERIAL}
     * @param sites             number of candidate branch sites, at least 0; default
     *                          {@code max(1, round(households / }{@value #HOUSEHOLDS_PER_SITE}{@code ))}
     * @param householdsPerKm2  gross density that sizes the district, 1,000 to 50,000; default
     *                          {@value #DEFAULT_HOUSEHOLDS_PER_KM2}
     * @param name              the city's name; default {@code generated-<households>-s<seed>}
     */
    public record Spec(int households, long seed, int streets, int communities, double missingLinkShare,
                       int arterials, int sites, double householdsPerKm2, String name) {

        /** Validates every field, naming the one out of range. */
        public Spec {
            if (households < MIN_HOUSEHOLDS || households > MAX_HOUSEHOLDS) {
                throw new IllegalArgumentException("target households " + households + " outside "
                        + MIN_HOUSEHOLDS + ".." + MAX_HOUSEHOLDS);
            }
            if (streets < 1) {
                throw new IllegalArgumentException("streets " + streets + " < 1");
            }
            if (communities < streets) {
                throw new IllegalArgumentException("communities " + communities + " < streets " + streets
                        + " (every street needs a community)");
            }
            if (!(missingLinkShare >= 0 && missingLinkShare <= 0.5)) {
                throw new IllegalArgumentException("missing link share " + missingLinkShare + " outside 0..0.5");
            }
            if (arterials < 0) {
                throw new IllegalArgumentException("arterials " + arterials + " < 0");
            }
            if (sites < 0) {
                throw new IllegalArgumentException("sites " + sites + " < 0");
            }
            if (!(householdsPerKm2 >= 1_000 && householdsPerKm2 <= 50_000)) {
                throw new IllegalArgumentException("density " + householdsPerKm2
                        + " households/km² outside 1,000..50,000");
            }
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("city name is blank");
            }
        }

        /** A spec with every default derived from {@code households}. */
        public static Spec of(int households, long seed) {
            return builder(households).seed(seed).build();
        }

        /** A builder whose unset fields take the defaults derived from {@code households}. */
        public static Builder builder(int households) {
            return new Builder(households);
        }

        /** This spec with another seed (the name is kept). */
        public Spec withSeed(long newSeed) {
            return new Spec(households, newSeed, streets, communities, missingLinkShare, arterials, sites,
                    householdsPerKm2, name);
        }

        /** This spec with another name. */
        public Spec withName(String newName) {
            return new Spec(households, seed, streets, communities, missingLinkShare, arterials, sites,
                    householdsPerKm2, newName);
        }

        /** This spec with other numbers of streets and communities. */
        public Spec withStreetsAndCommunities(int newStreets, int newCommunities) {
            return new Spec(households, seed, newStreets, newCommunities, missingLinkShare, arterials, sites,
                    householdsPerKm2, name);
        }

        /** This spec with another share of missing local links. */
        public Spec withMissingLinkShare(double share) {
            return new Spec(households, seed, streets, communities, share, arterials, sites, householdsPerKm2, name);
        }

        /** This spec with another number of arterials. */
        public Spec withArterials(int newArterials) {
            return new Spec(households, seed, streets, communities, missingLinkShare, newArterials, sites,
                    householdsPerKm2, name);
        }

        /** This spec with another number of candidate sites. */
        public Spec withSites(int newSites) {
            return new Spec(households, seed, streets, communities, missingLinkShare, arterials, newSites,
                    householdsPerKm2, name);
        }

        /** This spec with another gross density, in households per km². */
        public Spec withHouseholdsPerKm2(double density) {
            return new Spec(households, seed, streets, communities, missingLinkShare, arterials, sites, density, name);
        }

        /** A builder of {@link Spec}; fields left unset take their defaults when {@link #build()} runs. */
        public static final class Builder {
            private final int households;
            private long seed;
            private Integer streets;
            private Integer communities;
            private double missingLinkShare = DEFAULT_MISSING_LINK_SHARE;
            private Integer arterials;
            private Integer sites;
            private double householdsPerKm2 = DEFAULT_HOUSEHOLDS_PER_KM2;
            private String name;

            private Builder(int households) {
                this.households = households;
            }

            /** The master seed; default 0. */
            public Builder seed(long value) {
                this.seed = value;
                return this;
            }

            /** Number of streets. */
            public Builder streets(int value) {
                this.streets = value;
                return this;
            }

            /** Number of communities. */
            public Builder communities(int value) {
                this.communities = value;
                return this;
            }

            /** Share of local links removed, 0 to 0.5. */
            public Builder missingLinkShare(double value) {
                this.missingLinkShare = value;
                return this;
            }

            /** Number of arterials. */
            public Builder arterials(int value) {
                this.arterials = value;
                return this;
            }

            /** Number of candidate branch sites. */
            public Builder sites(int value) {
                this.sites = value;
                return this;
            }

            /** Gross density in households per km². */
            public Builder householdsPerKm2(double value) {
                this.householdsPerKm2 = value;
                return this;
            }

            /** The city's name. */
            public Builder name(String value) {
                this.name = value;
                return this;
            }

            /**
             * The spec, deriving unset counts from the households (see {@link Spec}).
             *
             * @throws IllegalArgumentException naming a field out of range
             */
            public Spec build() {
                int c = communities != null ? communities
                        : (int) Math.max(1, Math.round(households / (double) HOUSEHOLDS_PER_COMMUNITY));
                int s = streets != null ? streets : (int) Math.max(1, Math.round(c / COMMUNITIES_PER_STREET));
                if (streets == null) {
                    s = Math.min(s, c);
                }
                int a = arterials != null ? arterials : 2 + households / HOUSEHOLDS_PER_EXTRA_ARTERIAL;
                int p = sites != null ? sites : (int) Math.max(1, Math.round(households / (double) HOUSEHOLDS_PER_SITE));
                String n = name != null ? name : "generated-" + households + "-s" + seed;
                return new Spec(households, seed, s, c, missingLinkShare, a, p, householdsPerKm2, n);
            }
        }
    }

    private final Spec spec;

    /** A generator for the given spec. */
    public CityGenerator(Spec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** The spec this generator follows. */
    public Spec spec() {
        return spec;
    }

    /**
     * Generates the district.
     *
     * @throws IllegalArgumentException when the lattice is too small for the requested
     *                                  arterials, communities or sites (the message gives both numbers)
     */
    public City generate() {
        SplittableRandom master = new SplittableRandom(spec.seed());
        SplittableRandom latticeRandom = master.split();
        SplittableRandom linkRandom = master.split();
        SplittableRandom buildingRandom = master.split();
        SplittableRandom siteRandom = master.split();

        Lattice lattice = lattice(latticeRandom);
        RoadNetwork roads = new RoadNetwork(lattice.xs, lattice.ys, roads(lattice, linkRandom));

        List<Rect> communityRects = new ArrayList<>();
        List<String> streetOfCommunity = new ArrayList<>();
        divide(lattice, communityRects, streetOfCommunity);
        int digits = Math.max(2, Integer.toString(communityRects.size()).length());
        double[] blockWeights = new double[communityRects.size()];
        for (int c = 0; c < blockWeights.length; c++) {
            blockWeights[c] = communityRects.get(c).blocks();
        }
        int[] quota = apportion(blockWeights, spec.households(), 0);

        List<Building> buildings = new ArrayList<>(spec.households() / 50);
        IntList households = new IntList();
        for (int c = 0; c < communityRects.size(); c++) {
            String community = "C" + pad(c + 1, digits);
            households.clear();
            drawHouseholds(quota[c], buildingRandom, households);
            placeBuildings(lattice, communityRects.get(c), households, streetOfCommunity.get(c), community,
                    buildingRandom, buildings);
        }
        List<Site> sites = sites(lattice, siteRandom);
        return finish(new City(spec.name(), buildings, roads, sites));
    }

    // ---------------------------------------------------------------- lattice and roads

    /** Junction positions of the block lattice; node (i, j) has index {@code j * (cols + 1) + i}. */
    private static final class Lattice {
        final int cols;
        final int rows;
        final double[] xs;
        final double[] ys;
        final boolean[] arterialRow;
        final boolean[] arterialCol;
        final double width;
        final double height;

        Lattice(int cols, int rows, double[] xs, double[] ys, boolean[] arterialRow, boolean[] arterialCol,
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

        int node(int i, int j) {
            return j * (cols + 1) + i;
        }

        int nodeCount() {
            return (cols + 1) * (rows + 1);
        }
    }

    private Lattice lattice(SplittableRandom random) {
        double areaM2 = spec.households() / spec.householdsPerKm2() * 1e6;
        double width = Math.sqrt(areaM2 * ASPECT_RATIO);
        double height = areaM2 / width;
        double mean = (MIN_BLOCK_METRES + MAX_BLOCK_METRES) / 2;
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
                double jx = random.nextDouble(-NODE_JITTER_METRES, NODE_JITTER_METRES);
                double jy = random.nextDouble(-NODE_JITTER_METRES, NODE_JITTER_METRES);
                int k = j * (cols + 1) + i;
                xs[k] = colX[i] + (arterialCol[i] ? 0 : jx);
                ys[k] = rowY[j] + (arterialRow[j] ? 0 : jy);
            }
        }
        return new Lattice(cols, rows, xs, ys, arterialRow, arterialCol, colX[cols], rowY[rows]);
    }

    /** Cumulative positions of {@code count} spacings drawn from the block width range. */
    private static double[] spacings(int count, SplittableRandom random) {
        double[] out = new double[count + 1];
        for (int i = 0; i < count; i++) {
            out[i + 1] = out[i] + random.nextDouble(MIN_BLOCK_METRES, MAX_BLOCK_METRES);
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

    private List<Road> roads(Lattice lattice, SplittableRandom random) {
        int cols = lattice.cols;
        int rows = lattice.rows;
        int edgeCount = rows * (cols + 1) + cols * (rows + 1);
        int[] from = new int[edgeCount];
        int[] to = new int[edgeCount];
        boolean[] arterial = new boolean[edgeCount];
        int e = 0;
        for (int j = 0; j <= rows; j++) {
            for (int i = 0; i < cols; i++) {
                from[e] = lattice.node(i, j);
                to[e] = lattice.node(i + 1, j);
                arterial[e++] = lattice.arterialRow[j];
            }
        }
        for (int i = 0; i <= cols; i++) {
            for (int j = 0; j < rows; j++) {
                from[e] = lattice.node(i, j);
                to[e] = lattice.node(i, j + 1);
                arterial[e++] = lattice.arterialCol[i];
            }
        }
        int[] local = new int[edgeCount];
        int localCount = 0;
        for (int k = 0; k < edgeCount; k++) {
            if (!arterial[k]) {
                local[localCount++] = k;
            }
        }
        int remove = (int) Math.round(spec.missingLinkShare() * localCount);
        for (int t = 0; t < remove; t++) {
            int pick = t + random.nextInt(localCount - t);
            int tmp = local[t];
            local[t] = local[pick];
            local[pick] = tmp;
        }
        boolean[] removed = new boolean[edgeCount];
        for (int t = 0; t < remove; t++) {
            removed[local[t]] = true;
        }
        UnionFind sets = new UnionFind(lattice.nodeCount());
        for (int k = 0; k < edgeCount; k++) {
            if (!removed[k]) {
                sets.union(from[k], to[k]);
            }
        }
        for (int t = 0; t < remove; t++) {
            int k = local[t];
            if (sets.union(from[k], to[k])) {
                removed[k] = false;
            }
        }
        List<Road> out = new ArrayList<>(edgeCount - remove);
        for (int k = 0; k < edgeCount; k++) {
            if (!removed[k]) {
                double metres = Math.hypot(lattice.xs[from[k]] - lattice.xs[to[k]], lattice.ys[from[k]] - lattice.ys[to[k]]);
                out.add(new Road(from[k], to[k], metres, arterial[k] ? RoadClass.ARTERIAL : RoadClass.LOCAL));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- streets and communities

    /** A rectangle of blocks, {@code [x0, x1) × [y0, y1)} in block columns and rows. */
    private record Rect(int x0, int y0, int x1, int y1) {
        int width() {
            return x1 - x0;
        }

        int height() {
            return y1 - y0;
        }

        int blocks() {
            return width() * height();
        }
    }

    private void divide(Lattice lattice, List<Rect> communityRects, List<String> streetOfCommunity) {
        Rect all = new Rect(0, 0, lattice.cols, lattice.rows);
        if (spec.communities() > all.blocks()) {
            throw new IllegalArgumentException(spec.communities() + " communities need as many blocks, but the "
                    + lattice.cols + " x " + lattice.rows + " lattice has " + all.blocks());
        }
        List<Rect> streets = new ArrayList<>();
        guillotine(all, spec.streets(), streets);
        streets.sort(SOUTH_WEST_FIRST);
        double[] weights = new double[streets.size()];
        for (int s = 0; s < weights.length; s++) {
            weights[s] = streets.get(s).blocks();
        }
        int[] perStreet = apportion(weights, spec.communities(), 1);
        int digits = Math.max(2, Integer.toString(streets.size()).length());
        for (int s = 0; s < streets.size(); s++) {
            List<Rect> parts = new ArrayList<>();
            guillotine(streets.get(s), perStreet[s], parts);
            parts.sort(SOUTH_WEST_FIRST);
            for (Rect r : parts) {
                communityRects.add(r);
                streetOfCommunity.add("S" + pad(s + 1, digits));
            }
        }
    }

    private static final Comparator<Rect> SOUTH_WEST_FIRST = Comparator.comparingInt(Rect::y0).thenComparingInt(Rect::x0);

    /** Cuts {@code r} into {@code n} rectangles across its longer side, in proportion to the parts on each side. */
    private static void guillotine(Rect r, int n, List<Rect> out) {
        if (n > r.blocks()) {
            throw new IllegalArgumentException("cannot cut " + r.blocks() + " blocks into " + n + " parts");
        }
        if (n == 1) {
            out.add(r);
            return;
        }
        int n1 = n / 2;
        int n2 = n - n1;
        boolean acrossX = r.width() >= r.height();
        for (int attempt = 0; attempt < 2; attempt++, acrossX = !acrossX) {
            int length = acrossX ? r.width() : r.height();
            int breadth = acrossX ? r.height() : r.width();
            int min = ceilDiv(n1, breadth);
            int max = length - ceilDiv(n2, breadth);
            if (min > max) {
                continue;
            }
            int cut = Math.max(min, Math.min(max, (int) Math.round(length * (double) n1 / n)));
            if (acrossX) {
                guillotine(new Rect(r.x0(), r.y0(), r.x0() + cut, r.y1()), n1, out);
                guillotine(new Rect(r.x0() + cut, r.y0(), r.x1(), r.y1()), n2, out);
            } else {
                guillotine(new Rect(r.x0(), r.y0(), r.x1(), r.y0() + cut), n1, out);
                guillotine(new Rect(r.x0(), r.y0() + cut, r.x1(), r.y1()), n2, out);
            }
            return;
        }
        throw new IllegalArgumentException("cannot cut " + r.width() + " x " + r.height() + " blocks into " + n + " rectangles");
    }

    // ---------------------------------------------------------------- households and buildings

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

    private void placeBuildings(Lattice lattice, Rect rect, IntList households, String street, String community,
                                SplittableRandom random, List<Building> out) {
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
            boolean[] used = chooseSlots(across * down, m, random);
            double span = 1 - 2 * BLOCK_INSET;
            for (int slot = 0; slot < used.length; slot++) {
                if (!used[slot]) {
                    continue;
                }
                double u = BLOCK_INSET + span * (slot % across + 0.5
                        + random.nextDouble(-SLOT_JITTER, SLOT_JITTER)) / across;
                double v = BLOCK_INSET + span * (slot / across + 0.5
                        + random.nextDouble(-SLOT_JITTER, SLOT_JITTER)) / down;
                double x = (1 - u) * (1 - v) * lattice.xs[p00] + u * (1 - v) * lattice.xs[p10]
                        + u * v * lattice.xs[p11] + (1 - u) * v * lattice.xs[p01];
                double y = (1 - u) * (1 - v) * lattice.ys[p00] + u * (1 - v) * lattice.ys[p10]
                        + u * v * lattice.ys[p11] + (1 - u) * v * lattice.ys[p01];
                int h = households.get(k++);
                BuildingType type = BuildingType.of(h).orElseThrow();
                String id = "B" + pad(out.size() + 1, ID_DIGITS);
                out.add(new Building(id, x, y, h, type.units(h), street, community));
            }
        }
    }

    /** Which {@code m} of {@code slots} sub-grid slots hold a building, the empty ones drawn at random. */
    private static boolean[] chooseSlots(int slots, int m, SplittableRandom random) {
        boolean[] used = new boolean[slots];
        Arrays.fill(used, true);
        for (int empty = slots - m; empty > 0; ) {
            int s = random.nextInt(slots);
            if (used[s]) {
                used[s] = false;
                empty--;
            }
        }
        return used;
    }

    // ---------------------------------------------------------------- sites

    private List<Site> sites(Lattice lattice, SplittableRandom random) {
        int p = spec.sites();
        int nodes = lattice.nodeCount();
        if (p > nodes) {
            throw new IllegalArgumentException(p + " sites need as many junctions, but the lattice has " + nodes);
        }
        List<Site> out = new ArrayList<>(p);
        if (p == 0) {
            return out;
        }
        int gx = (int) Math.max(1, Math.min(p, Math.round(Math.sqrt(p * lattice.width / lattice.height))));
        int gy = ceilDiv(p, gx);
        boolean[] chosen = chooseSlots(gx * gy, p, random);
        // Nodes of each stratum, in node order.
        int strata = gx * gy;
        int[] start = new int[strata + 1];
        int[] stratumOf = new int[nodes];
        for (int v = 0; v < nodes; v++) {
            int cx = Math.max(0, Math.min(gx - 1, (int) (lattice.xs[v] / lattice.width * gx)));
            int cy = Math.max(0, Math.min(gy - 1, (int) (lattice.ys[v] / lattice.height * gy)));
            stratumOf[v] = cy * gx + cx;
            start[stratumOf[v] + 1]++;
        }
        for (int s = 0; s < strata; s++) {
            start[s + 1] += start[s];
        }
        int[] members = new int[nodes];
        int[] fill = Arrays.copyOf(start, strata);
        for (int v = 0; v < nodes; v++) {
            members[fill[stratumOf[v]]++] = v;
        }
        boolean[] taken = new boolean[nodes];
        int digits = Math.max(3, Integer.toString(p).length());
        for (int s = 0; s < strata; s++) {
            if (!chosen[s]) {
                continue;
            }
            int free = 0;
            for (int t = start[s]; t < start[s + 1]; t++) {
                free += taken[members[t]] ? 0 : 1;
            }
            int v = -1;
            if (free > 0) {
                int pick = random.nextInt(free);
                for (int t = start[s]; t < start[s + 1] && v < 0; t++) {
                    if (!taken[members[t]] && pick-- == 0) {
                        v = members[t];
                    }
                }
            } else {
                // No free junction in the stratum (strata smaller than blocks): the nearest free one.
                double cx = (s % gx + 0.5) * lattice.width / gx;
                double cy = (s / gx + 0.5) * lattice.height / gy;
                double best = Double.POSITIVE_INFINITY;
                for (int w = 0; w < nodes; w++) {
                    double d = Math.hypot(lattice.xs[w] - cx, lattice.ys[w] - cy);
                    if (!taken[w] && d < best) {
                        best = d;
                        v = w;
                    }
                }
            }
            taken[v] = true;
            out.add(new Site("P" + pad(out.size() + 1, digits), lattice.xs[v], lattice.ys[v]));
        }
        return out;
    }

    // ---------------------------------------------------------------- contiguity and placeability

    /**
     * Makes every community contiguous and every building placeable (see the class comment),
     * returning {@code city} itself when nothing had to change. Adjacency depends on positions
     * only, so it is computed once and stays valid while buildings change community or swap
     * households.
     */
    private static City finish(City city) {
        BuildingAdjacency adjacency = city.adjacency();
        List<Building> buildings = city.buildings();
        int n = buildings.size();
        String[] community = new String[n];
        int[] households = new int[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            Building b = buildings.get(i);
            community[i] = b.community();
            households[i] = b.households();
            xs[i] = b.x();
            ys[i] = b.y();
        }
        boolean joined = joinCutOffParts(adjacency, community);
        boolean swapped = new Placeability(adjacency, community, households, xs, ys).ensure();
        if (!joined && !swapped) {
            return city;
        }
        Map<String, String> streetOf = city.streetOfCommunity();
        List<Building> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Building b = buildings.get(i);
            if (community[i].equals(b.community()) && households[i] == b.households()) {
                out.add(b);
            } else {
                int h = households[i];
                out.add(new Building(b.id(), b.x(), b.y(), h, BuildingType.of(h).orElseThrow().units(h),
                        streetOf.get(community[i]), community[i]));
            }
        }
        return new City(city.name(), out, city.roads(), city.sites());
    }

    /**
     * Moves parts of communities that are cut off on the adjacency graph into the neighbouring
     * community they share most adjacencies with (ties to the smaller id), until every community
     * is contiguous; returns whether anything moved.
     */
    private static boolean joinCutOffParts(BuildingAdjacency adjacency, String[] community) {
        boolean changedAny = false;
        for (int round = 0; round < 8; round++) {
            Map<String, List<Integer>> byCommunity = new TreeMap<>();
            for (int i = 0; i < community.length; i++) {
                byCommunity.computeIfAbsent(community[i], c -> new ArrayList<>()).add(i);
            }
            boolean changed = false;
            for (Map.Entry<String, List<Integer>> e : byCommunity.entrySet()) {
                List<int[]> parts = adjacency.components(e.getValue().stream().mapToInt(Integer::intValue).toArray());
                for (int p = 1; p < parts.size(); p++) {
                    Map<String, Integer> shared = new TreeMap<>();
                    for (int i : parts.get(p)) {
                        for (int k = 0; k < adjacency.degree(i); k++) {
                            String other = community[adjacency.neighbour(i, k)];
                            if (!other.equals(e.getKey())) {
                                shared.merge(other, 1, Integer::sum);
                            }
                        }
                    }
                    String target = null;
                    int most = 0;
                    for (Map.Entry<String, Integer> s : shared.entrySet()) {
                        if (s.getValue() > most) {
                            most = s.getValue();
                            target = s.getKey();
                        }
                    }
                    if (target != null) {
                        for (int i : parts.get(p)) {
                            community[i] = target;
                        }
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
            changedAny = true;
        }
        return changedAny;
    }

    /**
     * Whether each building can be part of a contiguous group of {@link LayoutRules#URBAN_MIN}
     * to {@link LayoutRules#URBAN_MAX} households inside its community, and swaps of households
     * that make it so.
     */
    private static final class Placeability {
        /** Groups a search may extend before it gives the building the benefit of the doubt. */
        private static final int SEARCH_BUDGET = 20_000;
        /** Swap partners tried per unplaceable building, nearest first. */
        private static final int PARTNERS = 64;

        private final BuildingAdjacency adjacency;
        private final String[] community;
        private final int[] households;
        private final double[] xs;
        private final double[] ys;
        private final int min = LayoutRules.URBAN_MIN;
        private final int max = LayoutRules.URBAN_MAX;
        private final boolean[] seen;
        private int budget;

        Placeability(BuildingAdjacency adjacency, String[] community, int[] households, double[] xs, double[] ys) {
            this.adjacency = adjacency;
            this.community = community;
            this.households = households;
            this.xs = xs;
            this.ys = ys;
            this.seen = new boolean[households.length];
        }

        /**
         * Swaps households until every building is placeable where a swap can do it (a few
         * passes, since a swap can in rare cases spoil a building two steps away); returns
         * whether any swap was made.
         */
        boolean ensure() {
            boolean swappedAny = false;
            for (int pass = 0; pass < 3; pass++) {
                boolean swapped = false;
                for (int v = 0; v < households.length; v++) {
                    if (!placeable(v) && swapWithPartner(v)) {
                        swapped = true;
                    }
                }
                if (!swapped) {
                    break;
                }
                swappedAny = true;
            }
            return swappedAny;
        }

        /**
         * Swaps {@code v}'s households with those of the nearest low- or mid-rise building of its
         * community (ties to the lower index) for which the swap leaves both positions and their
         * neighbours placeable; returns false, leaving everything as it was, when none does.
         */
        private boolean swapWithPartner(int v) {
            List<Integer> candidates = new ArrayList<>();
            for (int q = 0; q < households.length; q++) {
                if (q != v && community[q].equals(community[v])
                        && households[q] <= BuildingType.MID_RISE.maxHouseholds()) {
                    candidates.add(q);
                }
            }
            candidates.sort(Comparator.comparingDouble((Integer q) -> Math.hypot(xs[q] - xs[v], ys[q] - ys[v]))
                    .thenComparingInt(q -> q));
            for (int t = 0; t < Math.min(PARTNERS, candidates.size()); t++) {
                int q = candidates.get(t);
                swap(v, q);
                if (placeableAround(v) && placeableAround(q)) {
                    return true;
                }
                swap(v, q);
            }
            return false;
        }

        private void swap(int a, int b) {
            int t = households[a];
            households[a] = households[b];
            households[b] = t;
        }

        /** Whether {@code v} and its neighbours in the same community are placeable. */
        private boolean placeableAround(int v) {
            if (!placeable(v)) {
                return false;
            }
            for (int k = 0; k < adjacency.degree(v); k++) {
                int u = adjacency.neighbour(v, k);
                if (community[u].equals(community[v]) && !placeable(u)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether some connected group of buildings of {@code v}'s community containing
         * {@code v} has {@code min..max} households. Each connected group is enumerated at most
         * once (extension sets with exclusion), lightest extension first, pruned above
         * {@code max}; when the budget runs out the answer is yes.
         */
        boolean placeable(int v) {
            if (households[v] >= min) {
                return households[v] <= max;
            }
            if (greedyGroup(v)) {
                return true;
            }
            budget = SEARCH_BUDGET;
            seen[v] = true;
            List<Integer> extension = neighboursNotSeen(v);
            boolean found = extend(households[v], extension);
            seen[v] = false;
            for (int u : extension) {
                seen[u] = false;
            }
            return found || budget <= 0;
        }

        /**
         * Whether growing from {@code v} by the heaviest adjacent building that still fits under
         * {@code max} reaches {@code min}: the quick answer for almost every building.
         */
        private boolean greedyGroup(int v) {
            List<Integer> group = new ArrayList<>();
            List<Integer> frontier = new ArrayList<>();
            group.add(v);
            seen[v] = true;
            frontier.addAll(neighboursNotSeen(v));
            long sum = households[v];
            boolean found = false;
            while (true) {
                int best = -1;
                for (int t = 0; t < frontier.size(); t++) {
                    int u = frontier.get(t);
                    if (sum + households[u] <= max && (best < 0 || households[u] > households[frontier.get(best)])) {
                        best = t;
                    }
                }
                if (best < 0) {
                    break;
                }
                int u = frontier.remove(best);
                group.add(u);
                sum += households[u];
                if (sum >= min) {
                    found = true;
                    break;
                }
                frontier.addAll(neighboursNotSeen(u));
            }
            for (int u : group) {
                seen[u] = false;
            }
            for (int u : frontier) {
                seen[u] = false;
            }
            return found;
        }

        /** Neighbours of {@code u} in its community not yet seen, now marked seen. */
        private List<Integer> neighboursNotSeen(int u) {
            List<Integer> out = new ArrayList<>();
            for (int k = 0; k < adjacency.degree(u); k++) {
                int w = adjacency.neighbour(u, k);
                if (!seen[w] && community[w].equals(community[u])) {
                    seen[w] = true;
                    out.add(w);
                }
            }
            return out;
        }

        private boolean extend(long sum, List<Integer> extension) {
            List<Integer> rest = new ArrayList<>(extension);
            rest.sort(Comparator.comparingInt((Integer u) -> households[u]).thenComparingInt(u -> u));
            while (!rest.isEmpty()) {
                if (--budget <= 0) {
                    return false;
                }
                int u = rest.remove(0);
                long s = sum + households[u];
                if (s > max) {
                    continue;
                }
                if (s >= min) {
                    return true;
                }
                List<Integer> added = neighboursNotSeen(u);
                List<Integer> next = new ArrayList<>(rest);
                next.addAll(added);
                boolean found = extend(s, next);
                for (int w : added) {
                    seen[w] = false;
                }
                if (found) {
                    return true;
                }
            }
            return false;
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Splits {@code total} into integers proportional to {@code weights}, each at least
     * {@code min}: largest-remainder method, ties to the lower index.
     */
    static int[] apportion(double[] weights, int total, int min) {
        int n = weights.length;
        int[] out = new int[n];
        Arrays.fill(out, min);
        int rest = total - n * min;
        if (rest < 0) {
            throw new IllegalArgumentException("cannot give " + n + " parts at least " + min + " of " + total);
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] fraction = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = rest * weights[i] / sum;
            int whole = (int) Math.floor(exact);
            out[i] += whole;
            given += whole;
            fraction[i] = exact - whole;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> fraction[a] != fraction[b] ? Double.compare(fraction[b], fraction[a])
                : Integer.compare(a, b));
        for (int t = 0; t < rest - given; t++) {
            out[order[t % n]]++;
        }
        return out;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static String pad(int value, int digits) {
        String s = Integer.toString(value);
        return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
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

    /** Disjoint sets with path halving and union by size. */
    private static final class UnionFind {
        private final int[] parent;
        private final int[] size;

        UnionFind(int n) {
            parent = new int[n];
            size = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                size[i] = 1;
            }
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        /** Joins the sets of {@code a} and {@code b}; false when they were already one. */
        boolean union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return false;
            }
            if (size[ra] < size[rb]) {
                int t = ra;
                ra = rb;
                rb = t;
            }
            parent[rb] = ra;
            size[ra] += size[rb];
            return true;
        }
    }
}
