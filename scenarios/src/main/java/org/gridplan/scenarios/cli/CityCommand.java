package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.gridplan.scenarios.limits.Limits;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridplan city}: generate synthetic districts, or import a real one. */
@Command(name = "city",
        description = "Generate synthetic districts (buildings, roads, candidate branch sites) as GeoJSON, or import"
                + " a real one from a buildings CSV and a road file.",
        mixinStandardHelpOptions = true,
        subcommands = {CityCommand.Generate.class, CityImportCommand.class, CityLonLatCommand.class})
final class CityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage, and the usage exit code. */
    @Override
    public Integer call() {
        return Main.usage(spec);
    }

    /** {@code gridplan city generate}. */
    @Command(name = "generate",
            description = "Generate a synthetic district, deterministic by seed: an irregular street lattice with "
                    + "missing links and arterials, streets and communities as compact regions, buildings of three "
                    + "kinds (old low-rise 6-24 households, mid-rise 25-60, high-rise 100-300) and candidate branch "
                    + "sites. Unset options take defaults derived from --households.",
            mixinStandardHelpOptions = true,
            sortOptions = false)
    static final class Generate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--households", required = true, paramLabel = "N",
                description = "Households in the district, 20,000 to 500,000 (hit exactly).")
        int households;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
                description = "Random seed; the same seed gives a byte-identical file (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "CITY.geojson", description = "Where to write the city.")
        Path out;

        @Option(names = "--name", description = "City name (default: generated-<households>-s<seed>).")
        String name;

        @Option(names = "--streets", paramLabel = "N",
                description = "Streets (街道) (default: communities / 5.4, the Meilan ratio of 49 communities to 9 "
                        + "streets).")
        Integer streets;

        @Option(names = "--communities", paramLabel = "N",
                description = "Communities (社区) (default: one per " + CityGenerator.HOUSEHOLDS_PER_COMMUNITY
                        + " households).")
        Integer communities;

        @Option(names = "--sites", paramLabel = "N",
                description = "Candidate branch sites (default: one per " + CityGenerator.HOUSEHOLDS_PER_SITE
                        + " households).")
        Integer sites;

        @Option(names = "--arterials", paramLabel = "N",
                description = "Straight arterial roads (default: 2 plus one per 100,000 households).")
        Integer arterials;

        @Option(names = "--missing-links", paramLabel = "SHARE",
                description = "Share of local lattice links removed, 0 to 0.5 (default: 0.08); the network stays "
                        + "connected.")
        Double missingLinks;

        @Option(names = "--density", paramLabel = "HOUSEHOLDS_PER_KM2",
                description = "Gross density that sizes the district, 1,000 to 50,000 (default: 10,000).")
        Double density;

        @Override
        public Integer call() {
            new FileRoles().output("--out", out).check();
            Limits.whole("--households", households, CityGenerator.MIN_HOUSEHOLDS, CityGenerator.MAX_HOUSEHOLDS);
            CityGenerator.Spec.Builder b = CityGenerator.Spec.builder(households).seed(seed);
            if (name != null) {
                b.name(name);
            }
            // The scenario's city.generate fields have the same bounds (Limits).
            if (streets != null) {
                b.streets((int) Limits.whole("--streets", streets, 1, Limits.MAX_STREETS));
            }
            if (communities != null) {
                b.communities((int) Limits.whole("--communities", communities, 1, Limits.MAX_COMMUNITIES));
            }
            if (sites != null) {
                b.sites((int) Limits.whole("--sites", sites, 0, Limits.MAX_SITES));
            }
            if (arterials != null) {
                b.arterials((int) Limits.whole("--arterials", arterials, 0, Limits.MAX_ARTERIALS));
            }
            if (missingLinks != null) {
                b.missingLinkShare(Limits.number("--missing-links", missingLinks, 0, false, 0.5));
            }
            if (density != null) {
                b.householdsPerKm2(Limits.number("--density", density, 1_000, false, 50_000));
            }
            CityGenerator.Spec citySpec = b.build();
            long start = System.nanoTime();
            City city = new CityGenerator(citySpec).generate();
            GeoJson.writeCity(city, out);
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter w = spec.commandLine().getOut();
            long streetCount = city.streetOfCommunity().values().stream().distinct().count();
            w.printf("city %s: %,d households in %,d buildings (%s), %d street%s, %d communities,%n"
                            + "  %,d road nodes, %,d road segments, %d candidate sites -> %s (%.1f s)%n",
                    city.name(), city.households(), city.buildings().size(), mix(city),
                    streetCount, streetCount == 1 ? "" : "s", city.streetOfCommunity().size(),
                    city.roads().nodeCount(), city.roads().roads().size(), city.sites().size(), out, seconds);
            w.flush();
            return 0;
        }

        private static String mix(City city) {
            Map<String, Integer> counts = new TreeMap<>();
            for (Building b : city.buildings()) {
                String kind = CityGenerator.BuildingType.of(b.households()).map(t -> t.name().toLowerCase()
                        .replace('_', '-')).orElse("other");
                counts.merge(kind, 1, Integer::sum);
            }
            StringBuilder s = new StringBuilder();
            counts.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(String.format("%,d %s", v, k)));
            return s.toString();
        }
    }
}
