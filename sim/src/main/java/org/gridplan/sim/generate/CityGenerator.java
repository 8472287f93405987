package org.gridplan.sim.generate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gridplan.sim.model.Building;
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
 * <p>The steps are stages of their own, run in this order by {@link #generate()}:
 * {@code StreetLattice} (extent, lattice, arterials), {@code LatticeRoads} (roads and missing
 * links), {@code BlockCuts} (streets and communities), {@code BuildingPlacement} (households and
 * buildings), {@code SiteSelection} (sites) and {@code ConnectivityRepair} with
 * {@code Placeability} (contiguity and placeability). This class holds what callers see: the
 * {@link Spec}, the {@link BuildingType} mix and the constants the stages follow.
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
            if (communities < 1) {
                throw new IllegalArgumentException("communities " + communities + " < 1");
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
                int p = sites != null ? sites : (int) Math.max(1,
                        Math.round(households / (double) HOUSEHOLDS_PER_SITE));
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

        StreetLattice lattice = StreetLattice.draw(spec, latticeRandom);
        List<Road> links = new LatticeRoads(lattice).roads(spec.missingLinkShare(), linkRandom);
        RoadNetwork roads = new RoadNetwork(lattice.xs(), lattice.ys(), links);
        BlockCuts cuts = BlockCuts.cut(lattice, spec.streets(), spec.communities());
        List<Building> buildings = new BuildingPlacement(lattice, cuts, spec.households()).place(buildingRandom);
        List<Site> sites = new SiteSelection(lattice, spec.sites()).select(siteRandom);
        return ConnectivityRepair.repair(new City(spec.name(), buildings, roads, sites));
    }
}
