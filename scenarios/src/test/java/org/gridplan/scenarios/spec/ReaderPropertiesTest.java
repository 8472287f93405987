package org.gridplan.scenarios.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.io.InputException;
import org.gridplan.sim.io.StaffingCsv;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;

/**
 * Properties of the readers (issue 18): whatever text or bytes a user gives the scenario, staffing
 * CSV and GeoJSON readers, they read it or refuse it with the project's {@link InputException} and
 * a message naming the file, never another exception (no NullPointerException, ClassCastException,
 * IndexOutOfBoundsException, ...); and what gridplan writes it reads back as it was.
 *
 * <p>Every property runs on a fixed seed, so the build is reproducible; change the seed (or remove
 * it locally) to explore further.
 */
class ReaderPropertiesTest {

    private static Path dir;
    private static City city;
    private static GridLayout layout;
    private static byte[] cityBytes;
    private static byte[] layoutBytes;
    private static byte[] staffingBytes;

    @BeforeContainer
    static void baseFiles() throws IOException {
        dir = Files.createTempDirectory("reader-properties");
        city = row("row", 8, new double[8], new int[] {100, 100, 100, 100, 100, 100, 100, 100}, "S1", "C1");
        Map<String, String> gridOf = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            gridOf.put("B" + i, i < 4 ? "G1" : "G2");
        }
        layout = new GridLayout("halves", gridOf, Map.of("G1", "C1", "G2", "C1"));
        GeoJson.writeCity(city, dir.resolve("city.geojson"));
        GeoJson.writeLayout(city, layout, dir.resolve("layout.geojson"));
        cityBytes = Files.readAllBytes(dir.resolve("city.geojson"));
        layoutBytes = Files.readAllBytes(dir.resolve("layout.geojson"));
        staffingBytes = "id,type,grid,base,shift\nW1,full-time,G1,B0,weekday-day\nW2,part-time,G2,,\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    @AfterContainer
    static void removeFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A row of {@code n} buildings 100 m apart along one street, each {@code dy[i]} from it. */
    private static City row(String name, int n, double[] dy, int[] households, String street, String community) {
        double[] xs = new double[n];
        double[] ys = new double[n];
        List<Road> roads = new ArrayList<>();
        List<Building> buildings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xs[i] = i * 100;
            if (i > 0) {
                roads.add(new Road(i - 1, i, 100, RoadClass.LOCAL));
            }
            buildings.add(new Building("B" + i, i * 100, dy[i], households[i], 1 + households[i] / 50, street,
                    community));
        }
        return new City(name, buildings, new RoadNetwork(xs, ys, roads), List.of());
    }

    private static Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code read}; it may succeed, or fail only with an InputException whose message names the file. */
    private static void readsOrRefuses(Path file, Runnable read) {
        Throwable t = catchThrowable(read::run);
        if (t != null) {
            assertThat(t).as("%s", t).isInstanceOf(InputException.class);
            assertThat(t.getMessage()).as("%s", t).isNotBlank().contains(file.getFileName().toString());
        }
    }

    // ---------------------------------------------------------------- inputs

    /** Bytes of a valid file with a few bytes replaced, inserted or deleted, or cut short. */
    private static Arbitrary<byte[]> mutated(byte[] valid) {
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, valid.length - 1), Arbitraries.integers().between(0, 255))
                .as((kind, at, value) -> new int[] {kind, at, value});
        return edit.list().ofMinSize(1).ofMaxSize(8).map(edits -> {
            List<Byte> b = new ArrayList<>();
            for (byte x : valid) {
                b.add(x);
            }
            for (int[] e : edits) {
                int at = Math.min(e[1], Math.max(0, b.size() - 1));
                switch (e[0]) {
                    case 0 -> {
                        if (!b.isEmpty()) {
                            b.set(at, (byte) e[2]);
                        }
                    }
                    case 1 -> b.add(at, (byte) e[2]);
                    case 2 -> {
                        if (!b.isEmpty()) {
                            b.remove(at);
                        }
                    }
                    default -> b.subList(at, b.size()).clear();
                }
            }
            byte[] out = new byte[b.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = b.get(i);
            }
            return out;
        });
    }

    /** Text made of the characters a file's syntax turns on, and any others. */
    private static Arbitrary<String> syntaxSoup(String alphabet) {
        return Arbitraries.oneOf(Arbitraries.strings().withChars(alphabet).ofMaxLength(300),
                Arbitraries.strings().all().ofMaxLength(200));
    }

    @Provide
    Arbitrary<byte[]> scenarios() {
        byte[] valid = (ScenarioReaderTest.MINIMAL + "replications: 3\nhorizonDays: 10\nwarmUpDays: 1\nstaffing:\n"
                + "  fullTimePerGrid: 1\n  fullTimeShift: 08:00-20:00 mon-sun\nsweep:\n  parameters:\n"
                + "    staffing.partTimePerCommunity: [1, 2]\n").getBytes(StandardCharsets.UTF_8);
        return Arbitraries.oneOf(mutated(valid),
                syntaxSoup(":-[]{}, \n\t&*!|>'\"#%@`~.0123456789eE_xabcnull")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }

    @Provide
    Arbitrary<byte[]> staffingFiles() {
        return Arbitraries.oneOf(mutated(staffingBytes),
                syntaxSoup(",\"\n\r ;\tidtypegrdbashf-W12G").map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }

    @Provide
    Arbitrary<byte[]> cityFiles() {
        return Arbitraries.oneOf(mutated(cityBytes), Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                syntaxSoup("{}[]:,\" \n0123456789.-eE").map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<byte[]> layoutFiles() {
        return mutated(layoutBytes);
    }

    // ---------------------------------------------------------------- never anything but InputException

    @Property(tries = 200, seed = "20261207")
    void the_scenario_reader_reads_or_refuses_with_an_input_exception(@ForAll("scenarios") byte[] bytes) {
        Path file = write("s.yaml", bytes);
        readsOrRefuses(file, () -> new ScenarioReader().read(file));
    }

    @Property(tries = 200, seed = "20261207")
    void the_staffing_reader_reads_or_refuses_with_an_input_exception(@ForAll("staffingFiles") byte[] bytes) {
        Path file = write("staffing.csv", bytes);
        readsOrRefuses(file, () -> StaffingCsv.read(file, city, layout));
    }

    @Property(tries = 200, seed = "20261207")
    void the_city_reader_reads_or_refuses_with_an_input_exception(@ForAll("cityFiles") byte[] bytes) {
        Path file = write("city.geojson", bytes);
        readsOrRefuses(file, () -> GeoJson.readCity(file));
        readsOrRefuses(file, () -> GeoJson.readSites(file, city));
    }

    @Property(tries = 200, seed = "20261207")
    void the_layout_reader_reads_or_refuses_with_an_input_exception(@ForAll("layoutFiles") byte[] bytes) {
        Path file = write("layout.geojson", bytes);
        readsOrRefuses(file, () -> GeoJson.readLayout(file, city));
        readsOrRefuses(file, () -> GeoJson.readLayout(file, null));
    }

    // ---------------------------------------------------------------- round trips

    @Provide
    Arbitrary<List<WorkerSpec>> workers() {
        Arbitrary<String> ids = Arbitraries.strings().withChars("abcXYZ019-_.,\"'网格 ").ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.isBlank() && s.strip().equals(s));
        Arbitrary<ShiftPattern> shifts = Arbitraries.of(ShiftPattern.WEEKDAY_DAY, ShiftPattern.PART_TIME,
                ShiftPattern.ALWAYS, ShiftPattern.parse("08:00-20:00 mon-sun"), ShiftPattern.parse("20:00-08:00 daily"),
                ShiftPattern.parse("09:00-12:00 sat,sun"));
        Arbitrary<WorkerSpec> worker = Combinators.combine(ids, Arbitraries.of(WorkerType.class),
                Arbitraries.of("G1", "G2"), Arbitraries.integers().between(0, 7), shifts,
                Arbitraries.of(WorkerSpec.Duty.class))
                .as((id, type, grid, base, shift, duty) -> {
                    WorkerType t = duty == WorkerSpec.Duty.NONE ? type : WorkerType.PROFESSIONAL;
                    ShiftPattern s = duty == WorkerSpec.Duty.OUT_OF_HOURS ? ShiftPattern.WEEKDAY_DAY : shift;
                    return new WorkerSpec(id, t, grid, "B" + base, s, duty);
                });
        return worker.list().ofMinSize(1).ofMaxSize(20).uniqueElements(WorkerSpec::id);
    }

    @Property(tries = 200, seed = "20261207")
    void a_staffing_plan_written_reads_back_equal(@ForAll("workers") List<WorkerSpec> workers) {
        Path file = dir.resolve("plan.csv");
        StaffingCsv.write(Staffing.of(workers), file);
        assertThat(StaffingCsv.read(file, city, layout).workers()).isEqualTo(workers);
    }

    @Provide
    Arbitrary<City> cities() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcXYZ019-_ 网格\"\\").ofMinLength(1).ofMaxLength(10)
                .filter(s -> !s.isBlank());
        Arbitrary<String> codes = Arbitraries.strings().withChars("SC0123456789网").ofMinLength(1).ofMaxLength(6);
        return Arbitraries.integers().between(2, 12).flatMap(n -> Combinators.combine(names,
                Arbitraries.doubles().between(-500, 500).array(double[].class).ofSize(n),
                Arbitraries.integers().between(1, 300).array(int[].class).ofSize(n), codes, codes)
                .as((name, dy, households, street, community) -> row(name, n, dy, households, street, community)));
    }

    @Property(tries = 200, seed = "20261207")
    void a_city_written_reads_back_equal(@ForAll("cities") City c) {
        Path file = dir.resolve("round.geojson");
        GeoJson.writeCity(c, file);
        City back = GeoJson.readCity(file);
        assertThat(back.name()).isEqualTo(c.name());
        assertThat(back.buildings()).isEqualTo(c.buildings());
        assertThat(back.roads().nodeCount()).isEqualTo(c.roads().nodeCount());
        assertThat(back.roads().roads()).hasSameSizeAs(c.roads().roads());
    }
}
