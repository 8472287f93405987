package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzz corpus of issue 18 ("nothing a user gives is lost or misread"): every malformed input
 * in {@code src/test/resources/fuzz/cases.tsv}, run through the command line in-process, exits 2
 * with one message naming the file and the field, line or option, shows no stack trace, writes
 * nothing and leaves every input file as it was.
 *
 * <p>A case is one line of the manifest, tab-separated: the case id; its file (a file under
 * {@code fuzz/files/}, {@code gen:NAME} for one derived below from the valid base files, or
 * {@code -} for none); the command line, split at spaces; the substring the error must contain.
 * The case file is laid in the work folder as {@code <id>.<extension>}. Placeholders in the
 * command line: {@code {case}} the case file, {@code {out}} an output path that must stay absent,
 * {@code {city}}, {@code {layout}}, {@code {staffing}}, {@code {sites}}, {@code {scenario}} the
 * valid base files (a 20,000-household generated district, its default layout, a staffing plan of
 * one full-time worker per grid, its candidate sites and a scenario of them); in the expected
 * substring {@code {name}} is the case file's name. With the environment variable {@code FUZZ_DUMP}
 * set to a file, each case's first line of standard error is appended to it (to write a new case's
 * expected substring).
 */
class FuzzCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path city;
    static Path layout;
    static byte[] cityBytes;
    static byte[] layoutBytes;
    static List<String> grids = new ArrayList<>();

    /** One case of the manifest. */
    record Case(String id, String file, String args, String expect) {
        @Override
        public String toString() {
            return id;
        }
    }

    @BeforeAll
    static void baseFiles() throws IOException {
        city = dir.resolve("city.geojson");
        layout = dir.resolve("layout.geojson");
        CliRunner c = CliRunner.run("city", "generate", "--households", "20000", "--seed", "1", "--out",
                city.toString());
        assertThat(c.exitCode()).as(c.err()).isZero();
        CliRunner l = CliRunner.run("layout", "generate", "--city", city.toString(), "--out", layout.toString());
        assertThat(l.exitCode()).as(l.err()).isZero();
        cityBytes = Files.readAllBytes(city);
        layoutBytes = Files.readAllBytes(layout);
        JSON.readTree(layoutBytes).path("gridplan").path("grids").fieldNames().forEachRemaining(grids::add);
        StringBuilder staffing = new StringBuilder("id,type,grid\n");
        for (int i = 0; i < grids.size(); i++) {
            staffing.append("FT").append(i).append(",full-time,").append(grids.get(i)).append('\n');
        }
        Files.writeString(dir.resolve("staffing.csv"), staffing);
        ObjectNode sites = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = sites.putArray("features");
        for (JsonNode f : JSON.readTree(cityBytes).path("features")) {
            if ("site".equals(f.path("properties").path("kind").asText())) {
                features.add(f);
            }
        }
        assertThat(features).isNotEmpty();
        Files.write(dir.resolve("sites.geojson"), JSON.writeValueAsBytes(sites));
        Files.writeString(dir.resolve("scenario.yaml"), SCENARIO);
    }

    /** A valid scenario of the base files, which the YAML cases derive from. */
    static final String SCENARIO = """
            name: fuzz
            city: {file: city.geojson}
            layouts:
              - {name: base, file: layout.geojson}
            replications: 1
            horizonDays: 2
            warmUpDays: 1
            """;

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = FuzzCorpusTest.class.getResourceAsStream("/fuzz/cases.tsv")) {
            assertThat(in).as("fuzz/cases.tsv on the test class path").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalStateException("cases.tsv: not 4 tab-separated fields: " + line);
                }
                out.add(Arguments.of(new Case(f[0], f[1], f[2], f[3])));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_malformed_input_exits_2_with_one_message_naming_it_and_changes_nothing(Case c) throws IOException {
        Path caseFile = layCaseFile(c);
        Path out = dir.resolve("out-" + c.id());
        String name = caseFile == null ? "" : caseFile.getFileName().toString();
        String[] args = c.args().trim().split(" +");
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i].replace("{case}", caseFile == null ? "" : caseFile.toString())
                    .replace("{out}", out.toString())
                    .replace("{dir}", dir.toString())
                    .replace("{city}", city.toString())
                    .replace("{layout}", layout.toString())
                    .replace("{staffing}", dir.resolve("staffing.csv").toString())
                    .replace("{sites}", dir.resolve("sites.geojson").toString())
                    .replace("{scenario}", dir.resolve("scenario.yaml").toString());
        }
        String expect = c.expect().replace("{name}", name);
        Map<String, String> before = snapshot(dir);

        CliRunner r = CliRunner.run(args);

        if (System.getenv("FUZZ_DUMP") != null) {
            Files.writeString(Path.of(System.getenv("FUZZ_DUMP")), c.id() + "\t" + name + "\t"
                    + r.err().lines().findFirst().orElse("").replace(dir.toString(), "{dir}") + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        String all = "exit " + r.exitCode() + "\nstderr:\n" + r.err() + "\nstdout:\n" + r.out();
        assertThat(r.exitCode()).as(all).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).as(all).contains(expect)
                .doesNotContain("\tat ").doesNotContain("Exception in thread").doesNotContain("internal error");
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error:")).toList();
        if (errors.isEmpty()) {
            // A usage error of picocli: its message, then the usage.
            assertThat(r.err().lines().findFirst().orElse("")).as(all).contains(expect);
        } else {
            assertThat(errors).as(all).hasSize(1);
            assertThat(errors.get(0)).as(all).contains(expect);
        }
        assertThat(out).as("output of %s", c.id()).doesNotExist();
        assertThat(snapshot(dir)).as("the work folder (every input unchanged, nothing written)").isEqualTo(before);
        assertThat(Files.readAllBytes(city)).isEqualTo(cityBytes);
        assertThat(Files.readAllBytes(layout)).isEqualTo(layoutBytes);
    }

    /** Writes the case's file into the work folder as {@code <id>.<extension>}; null when it has none. */
    private static Path layCaseFile(Case c) throws IOException {
        if (c.file().equals("-")) {
            return null;
        }
        if (c.file().startsWith("gen:")) {
            Generated g = GENERATORS.get(c.file().substring(4));
            assertThat(g).as("generator %s of case %s", c.file(), c.id()).isNotNull();
            Path file = dir.resolve(c.id() + "." + g.extension());
            if (g.extension().isEmpty()) {
                file = dir.resolve(c.id());
                Files.createDirectories(file);
            }
            g.write().apply(file);
            return file;
        }
        String ext = c.file().substring(c.file().lastIndexOf('.') + 1);
        try (InputStream in = FuzzCorpusTest.class.getResourceAsStream("/fuzz/files/" + c.file())) {
            assertThat(in).as("fuzz/files/%s of case %s", c.file(), c.id()).isNotNull();
            Path file = dir.resolve(c.id() + "." + ext);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    /** Every file under {@code root}, relative path to SHA-256 of its bytes. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String key = root.relativize(p).toString();
                files.put(key, Files.isDirectory(p) ? "dir" : sha256(Files.readAllBytes(p)));
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- derived cases

    /** A derived case file: its extension ("" for a folder) and how it is written from the base files. */
    record Generated(String extension, Function<Path, Void> write) {
    }

    private static Generated json(Function<ObjectNode, JsonNode> change, boolean fromLayout) {
        return new Generated("geojson", file -> {
            try {
                ObjectNode root = (ObjectNode) JSON.readTree(fromLayout ? layoutBytes : cityBytes);
                Files.write(file, JSON.writeValueAsBytes(change.apply(root)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private static Generated text(String extension, Function<String, String> change, boolean fromLayout) {
        return new Generated(extension, file -> {
            String base = new String(fromLayout ? layoutBytes : cityBytes, StandardCharsets.UTF_8);
            write(file, change.apply(base).getBytes(StandardCharsets.UTF_8));
            return null;
        });
    }

    private static Generated bytes(String extension, Function<Path, byte[]> content) {
        return new Generated(extension, file -> {
            write(file, content.apply(file));
            return null;
        });
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first feature of {@code root} of this kind (building, road, site). */
    private static ObjectNode feature(JsonNode root, String kind) {
        for (JsonNode f : root.path("features")) {
            if (kind.equals(f.path("properties").path("kind").asText())) {
                return (ObjectNode) f;
            }
        }
        throw new IllegalStateException("no " + kind);
    }

    private static ArrayNode coordinates(JsonNode f) {
        return (ArrayNode) f.path("geometry").path("coordinates");
    }

    private static ObjectNode props(JsonNode f) {
        return (ObjectNode) f.path("properties");
    }

    private static JsonNode sites(Function<ObjectNode, ObjectNode> change) {
        ObjectNode root = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        try {
            for (JsonNode f : JSON.readTree(cityBytes).path("features")) {
                if ("site".equals(f.path("properties").path("kind").asText())) {
                    features.add(f.deepCopy());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return change.apply(root);
    }

    private static String staffingRows(String header, String type) {
        StringBuilder s = new StringBuilder(header).append('\n');
        for (int i = 0; i < grids.size(); i++) {
            s.append("FT").append(i).append(',').append(type).append(',').append(grids.get(i)).append('\n');
        }
        return s.toString();
    }

    private static Generated staffing(String header, Charset charset, boolean bom) {
        return bytes("csv", f -> {
            byte[] body = staffingRows(header, "full-time").getBytes(charset);
            if (!bom) {
                return body;
            }
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            return withBom;
        });
    }

    private static Generated scenario(Function<String, String> change) {
        return bytes("yaml", f -> change.apply(SCENARIO).getBytes(StandardCharsets.UTF_8));
    }

    static final Map<String, Generated> GENERATORS = new TreeMap<>();

    static {
        // City files.
        GENERATORS.put("city-coordinates-1e12", json(r -> {
            ArrayNode xy = coordinates(feature(r, "building"));
            xy.set(0, xy.get(0).asDouble() * 1e12);
            xy.set(1, xy.get(1).asDouble() * 1e12);
            return r;
        }, false));
        GENERATORS.put("city-building-50km-away", json(r -> {
            ArrayNode xy = coordinates(feature(r, "building"));
            xy.set(0, xy.get(0).asDouble() + 50_000);
            return r;
        }, false));
        GENERATORS.put("city-site-50km-away", json(r -> {
            ArrayNode xy = coordinates(feature(r, "site"));
            xy.set(1, xy.get(1).asDouble() + 50_000);
            return r;
        }, false));
        GENERATORS.put("city-road-node-1e12", json(r -> {
            ArrayNode line = coordinates(feature(r, "road"));
            ((ArrayNode) line.get(0)).set(0, 1e12);
            return r;
        }, false));
        GENERATORS.put("city-negative-households", json(r -> {
            props(feature(r, "building")).put("households", -5);
            return r;
        }, false));
        GENERATORS.put("city-fractional-households", json(r -> {
            props(feature(r, "building")).put("households", 12.5);
            return r;
        }, false));
        GENERATORS.put("city-households-text", json(r -> {
            props(feature(r, "building")).put("households", "many");
            return r;
        }, false));
        GENERATORS.put("city-households-huge", json(r -> {
            props(feature(r, "building")).put("households", 1e30);
            return r;
        }, false));
        GENERATORS.put("city-building-without-id", json(r -> {
            props(feature(r, "building")).remove("id");
            return r;
        }, false));
        GENERATORS.put("city-building-polygon", json(r -> {
            ObjectNode g = (ObjectNode) feature(r, "building").path("geometry");
            g.put("type", "Polygon");
            return r;
        }, false));
        GENERATORS.put("city-coordinate-text", json(r -> {
            coordinates(feature(r, "building")).set(0, "east");
            return r;
        }, false));
        GENERATORS.put("city-coordinate-missing", json(r -> {
            coordinates(feature(r, "building")).remove(1);
            return r;
        }, false));
        // Without roads a city is read with straight-line travel; with a detour factor of 9 it is refused.
        GENERATORS.put("city-no-roads-detour-9", json(r -> {
            ArrayNode kept = JSON.createArrayNode();
            r.path("features").forEach(f -> {
                if (!"road".equals(f.path("properties").path("kind").asText())) {
                    kept.add(f);
                }
            });
            r.set("features", kept);
            ((ObjectNode) r.path("gridplan")).put("detourFactor", 9);
            return r;
        }, false));
        GENERATORS.put("city-duplicate-building-id", json(r -> {
            ArrayNode features = (ArrayNode) r.path("features");
            ObjectNode copy = feature(r, "building").deepCopy();
            coordinates(copy).set(0, coordinates(copy).get(0).asDouble() + 10);
            features.add(copy);
            return r;
        }, false));
        GENERATORS.put("city-features-object", json(r -> r.set("features", JSON.createObjectNode()), false));
        GENERATORS.put("city-duplicate-key", text("geojson",
                s -> s.replaceFirst("\"households\":", "\"households\":1,\"households\":"), false));
        GENERATORS.put("city-truncated", text("geojson", s -> s.substring(0, s.length() / 2), false));
        GENERATORS.put("city-nan-coordinate", text("geojson",
                s -> s.replaceFirst("\"coordinates\":\\[[-0-9.eE]+", "\"coordinates\":[NaN"), false));
        GENERATORS.put("city-trailing-garbage", text("geojson", s -> s + "\n{\"extra\":1}", false));
        GENERATORS.put("city-invalid-utf8", bytes("geojson", f -> {
            byte[] b = cityBytes.clone();
            int at = new String(b, StandardCharsets.ISO_8859_1).indexOf("\"community\":\"") + 13;
            b[at] = (byte) 0xC3;
            b[at + 1] = (byte) 0x28;
            return b;
        }));
        // Layout files.
        GENERATORS.put("layout-missing-grid", json(r -> {
            props(feature(r, "building")).remove("grid");
            return r;
        }, true));
        GENERATORS.put("layout-other-households", json(r -> {
            ObjectNode p = props(feature(r, "building"));
            p.put("households", p.get("households").asInt() + 1);
            return r;
        }, true));
        GENERATORS.put("layout-building-moved", json(r -> {
            ArrayNode xy = coordinates(feature(r, "building"));
            xy.set(0, xy.get(0).asDouble() + 50_000);
            return r;
        }, true));
        GENERATORS.put("layout-unknown-building", json(r -> {
            props(feature(r, "building")).put("id", "NOPE-1");
            return r;
        }, true));
        GENERATORS.put("layout-grid-list", json(r -> {
            props(feature(r, "building")).putArray("grid").add("C01-G01");
            return r;
        }, true));
        GENERATORS.put("layout-buildings-left-out", json(r -> {
            ArrayNode features = (ArrayNode) r.path("features");
            for (int i = features.size() - 1; i >= 0; i--) {
                if ("building".equals(features.get(i).path("properties").path("kind").asText())) {
                    features.remove(i);
                    break;
                }
            }
            return r;
        }, true));
        GENERATORS.put("layout-duplicate-key", text("geojson",
                s -> s.replaceFirst("\"grid\":", "\"grid\":\"X\",\"grid\":"), true));
        GENERATORS.put("layout-truncated", text("geojson", s -> s.substring(0, s.length() * 2 / 3), true));
        GENERATORS.put("layout-coordinates-1e12", json(r -> {
            ArrayNode xy = coordinates(feature(r, "building"));
            xy.set(0, xy.get(0).asDouble() * 1e12);
            return r;
        }, true));
        GENERATORS.put("layout-gridplan-text", json(r -> r.put("gridplan", "layout"), true));
        GENERATORS.put("layout-grids-list", json(r -> {
            ((ObjectNode) r.path("gridplan")).putArray("grids").add("C01-G01");
            return r;
        }, true));
        GENERATORS.put("city-gridplan-list", json(r -> {
            r.putArray("gridplan");
            return r;
        }, false));
        // Sites files.
        GENERATORS.put("sites-polygon", json(r -> sites(s -> {
            ((ObjectNode) s.path("features").get(0).path("geometry")).put("type", "Polygon");
            return s;
        }), false));
        GENERATORS.put("sites-50km-away", json(r -> sites(s -> {
            ArrayNode xy = coordinates(s.path("features").get(0));
            xy.set(0, xy.get(0).asDouble() + 50_000);
            return s;
        }), false));
        GENERATORS.put("sites-duplicate-id", json(r -> sites(s -> {
            ((ArrayNode) s.path("features")).add(s.path("features").get(0).deepCopy());
            return s;
        }), false));
        GENERATORS.put("sites-no-id", json(r -> sites(s -> {
            props(s.path("features").get(0)).remove("id");
            return s;
        }), false));
        GENERATORS.put("sites-coordinates-1e12", json(r -> sites(s -> {
            ArrayNode xy = coordinates(s.path("features").get(0));
            xy.set(0, 1e12);
            return s;
        }), false));
        // Staffing CSV files.
        GENERATORS.put("staffing-bom-wrong-column", staffing("id,kind,grid", StandardCharsets.UTF_8, true));
        GENERATORS.put("staffing-gbk-wrong-column", staffing("编号,type,grid", Charset.forName("GBK"), false));
        GENERATORS.put("staffing-gbk-unknown-type", bytes("csv",
                f -> staffingRows("id,type,grid", "专职").getBytes(Charset.forName("GBK"))));
        GENERATORS.put("staffing-unknown-grid", bytes("csv",
                f -> (staffingRows("id,type,grid", "full-time") + "X1,full-time,NO-SUCH-GRID\n")
                        .getBytes(StandardCharsets.UTF_8)));
        GENERATORS.put("staffing-duplicate-id", bytes("csv",
                f -> (staffingRows("id,type,grid", "full-time") + "FT0,full-time," + grids.get(1) + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
        GENERATORS.put("staffing-bad-shift", bytes("csv",
                f -> staffingRows("id,type,grid,shift", "full-time").replaceAll("\n(?!$)", ",25:00-26:00 mon\n")
                        .replace("shift,25:00-26:00 mon\n", "shift\n").getBytes(StandardCharsets.UTF_8)));
        GENERATORS.put("staffing-unknown-base", bytes("csv",
                f -> ("id,type,grid,base\nFT0,full-time," + grids.get(0) + ",B999999\n")
                        .getBytes(StandardCharsets.UTF_8)));
        GENERATORS.put("staffing-crlf-missing-grid", bytes("csv",
                f -> ("id,type,grid\r\nFT0,full-time,\r\n").getBytes(StandardCharsets.UTF_8)));
        // Scenario files.
        GENERATORS.put("scenario-replications-null", scenario(s -> s.replace("replications: 1", "replications: ~")));
        GENERATORS.put("scenario-horizon-1e-300", scenario(s -> s.replace("horizonDays: 2", "horizonDays: 1e-300")
                .replace("warmUpDays: 1", "warmUpDays: 0")));
        GENERATORS.put("scenario-horizon-text", scenario(s -> s.replace("horizonDays: 2", "horizonDays: two")));
        GENERATORS.put("scenario-replications-negative", scenario(s -> s.replace("replications: 1",
                "replications: -3")));
        GENERATORS.put("scenario-replications-fraction", scenario(s -> s.replace("replications: 1",
                "replications: 1.5")));
        GENERATORS.put("scenario-replications-list", scenario(s -> s.replace("replications: 1",
                "replications: [1, 2]")));
        GENERATORS.put("scenario-unknown-field", scenario(s -> s + "replicatoins: 3\n"));
        GENERATORS.put("scenario-duplicate-key", scenario(s -> s + "replications: 2\n"));
        GENERATORS.put("scenario-city-missing-file", scenario(s -> s.replace("city.geojson", "no-such-city.geojson")));
        GENERATORS.put("scenario-layout-missing-file", scenario(s -> s.replace("layout.geojson",
                "no-such-layout.geojson")));
        GENERATORS.put("scenario-no-layouts", scenario(s -> s.replace("  - {name: base, file: layout.geojson}\n", "")
                .replace("layouts:\n", "layouts: []\n")));
        GENERATORS.put("scenario-duplicate-layout-name", scenario(s -> s.replace("  - {name: base, file: "
                + "layout.geojson}\n", "  - {name: base, file: layout.geojson}\n  - {name: base, file: "
                + "layout.geojson}\n")));
        GENERATORS.put("scenario-negative-staffing", scenario(s -> s + "staffing:\n  fullTimePerGrid: -1\n"));
        GENERATORS.put("scenario-staffing-string", scenario(s -> s + "staffing:\n  partTimePerCommunity: lots\n"));
        GENERATORS.put("scenario-demand-scale-negative", scenario(s -> s + "demand:\n  scale: -1\n"));
        GENERATORS.put("scenario-seed-huge", scenario(s -> s + "seed: 0x10000000000000000\n"));
        GENERATORS.put("scenario-travel-mode", scenario(s -> s + "travel:\n  mode: teleport\n"));
        GENERATORS.put("scenario-warmup-negative", scenario(s -> s.replace("warmUpDays: 1", "warmUpDays: -1")));
        GENERATORS.put("scenario-warmup-past-horizon", scenario(s -> s.replace("warmUpDays: 1", "warmUpDays: 5")));
        GENERATORS.put("scenario-tab-indent", scenario(s -> s.replace("  - {name", "\t- {name")));
        GENERATORS.put("scenario-bad-layout-staffing", bytes("yaml", f -> {
            String csv = f.getFileName().toString().replace(".yaml", "-staffing.csv");
            write(f.resolveSibling(csv), staffingRows("id,type,grid", "janitor").getBytes(StandardCharsets.UTF_8));
            return SCENARIO.replace("file: layout.geojson}", "file: layout.geojson, staffing: " + csv + "}")
                    .getBytes(StandardCharsets.UTF_8);
        }));
        GENERATORS.put("scenario-layout-staffing-missing", scenario(s -> s.replace("file: layout.geojson}",
                "file: layout.geojson, staffing: no-such-staffing.csv}")));
        GENERATORS.put("scenario-city-not-geojson", scenario(s -> s.replace("city.geojson", "scenario.yaml")));
        GENERATORS.put("scenario-layout-is-city",
                scenario(s -> s.replace("file: layout.geojson", "file: city.geojson")));
        GENERATORS.put("scenario-sweep-unknown", scenario(s -> s + "sweep:\n  parameters:\n    nothing: [1, 2]\n"));
        GENERATORS.put("scenario-surge-bad",
                scenario(s -> s + "surges:\n  - {startDay: 1, durationDays: -1, rateMultiplier: 3}\n"));
        GENERATORS.put("scenario-fulltime-shift-bad", scenario(s -> s + "staffing:\n  fullTimeShift: 08:00-08:00 "
                + "mon\n"));
        GENERATORS.put("scenario-anchor-bomb", scenario(s -> s + "description: &a [x, x]\n"));
        GENERATORS.put("scenario-invalid-utf8", bytes("yaml", f -> {
            byte[] b = SCENARIO.replace("name: fuzz", "name: fuzzX").getBytes(StandardCharsets.UTF_8);
            b[10] = (byte) 0xFF;
            return b;
        }));
        GENERATORS.put("json-deep-nesting", bytes("geojson",
                f -> ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8)));
        GENERATORS.put("json-huge-number", text("geojson",
                s -> s.replaceFirst("\"coordinates\":\\[[-0-9.eE]+", "\"coordinates\":[1e400"), false));
        GENERATORS.put("binary", bytes("bin", f -> {
            byte[] b = new byte[4096];
            new java.util.Random(18).nextBytes(b);
            return b;
        }));
        GENERATORS.put("yaml-deep-nesting", bytes("yaml",
                f -> ("a: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n").getBytes(StandardCharsets.UTF_8)));
        // Batch folders (report, export).
        GENERATORS.put("batch-empty", new Generated("", f -> null));
        GENERATORS.put("batch-garbage-database", new Generated("", f -> {
            write(f.resolve(RunCommand.DATABASE), "not a database\n".repeat(100).getBytes(StandardCharsets.UTF_8));
            return null;
        }));
    }
}
