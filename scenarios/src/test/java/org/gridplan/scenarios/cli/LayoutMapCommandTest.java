package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The maps of {@code gridplan layout generate} and {@code layout validate}. */
class LayoutMapCommandTest {

    /** The outline of a grid that breaks a rule (LayoutMap.BROKEN). */
    private static final String BROKEN = "stroke:rgb(192,0,0)";

    @TempDir
    Path dir;
    Path cityFile;
    City city;

    /** Two rows of 8 buildings of 100 households, 60 m apart, along two streets and an arterial; community C1. */
    @BeforeEach
    void writeCity() {
        double[] xs = new double[16];
        double[] ys = new double[16];
        List<Road> roads = new ArrayList<>();
        List<Building> buildings = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            for (int i = 0; i < 8; i++) {
                int k = r * 8 + i;
                xs[k] = i * 60;
                ys[k] = r * 60 + 30;
                if (i > 0) {
                    roads.add(new Road(k - 1, k, 60, RoadClass.LOCAL));
                }
                buildings.add(new Building("B" + k, i * 60, r * 60, 100, 8, "S1", "C1"));
            }
        }
        roads.add(new Road(0, 8, 60, RoadClass.ARTERIAL));
        city = new City("rows", buildings, new RoadNetwork(xs, ys, roads), List.of());
        cityFile = dir.resolve("city.geojson");
        GeoJson.writeCity(city, cityFile);
    }

    /** Grid id → hover title of every grid drawn in an SVG map. */
    static Map<String, String> grids(String svg) {
        Matcher m = Pattern.compile("<g jfreesvg:ref='grid:([^']+)'><title>([^<]*)</title>").matcher(svg);
        Map<String, String> out = new LinkedHashMap<>();
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    @Test
    void generate_draws_the_map_beside_the_layout() throws IOException {
        Path layout = dir.resolve("grid-400.geojson");
        CliRunner r = CliRunner.run("layout", "generate", "--city", cityFile.toString(), "--target", "400",
                "--out", layout.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path map = dir.resolve("grid-400.svg");
        assertThat(r.out()).contains("map -> " + map);
        String svg = Files.readString(map);
        GridLayout l = GeoJson.readLayout(layout, city);
        // A path per grid, hovering gives its households; the roads; nothing marked.
        assertThat(grids(svg).keySet()).containsExactlyInAnyOrderElementsOf(l.grids());
        Map<String, Integer> households = l.householdsByGrid(city);
        grids(svg).forEach((g, title) -> assertThat(title).contains(households.get(g) + " households"));
        assertThat(svg).contains("stroke:rgb(140,140,140)").contains("stroke:rgb(110,110,110)")
                .doesNotContain(BROKEN);
    }

    @Test
    void generate_map_goes_where_asked_or_nowhere() {
        Path layout = dir.resolve("l.geojson");
        Path png = dir.resolve("maps").resolve("l.png");
        CliRunner r = CliRunner.run("layout", "generate", "--city", cityFile.toString(), "--out", layout.toString(),
                "--map", png.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(png).isNotEmptyFile();
        assertThat(dir.resolve("l.svg")).doesNotExist();

        Path other = dir.resolve("m.geojson");
        CliRunner none = CliRunner.run("layout", "generate", "--city", cityFile.toString(), "--out", other.toString(),
                "--no-map");
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(dir.resolve("m.svg")).doesNotExist();
        assertThat(none.out()).doesNotContain("map ->");
    }

    @Test
    void a_map_that_would_replace_an_input_or_is_no_image_is_refused_and_nothing_written() throws IOException {
        Path layout = dir.resolve("l.geojson");
        CliRunner intoCity = CliRunner.run("layout", "generate", "--city", cityFile.toString(), "--out",
                layout.toString(), "--map", cityFile.toString());
        assertThat(intoCity.exitCode()).isEqualTo(2);
        assertThat(intoCity.err()).contains("--map").contains("is the input --city");
        assertThat(layout).doesNotExist();

        CliRunner noImage = CliRunner.run("layout", "generate", "--city", cityFile.toString(), "--out",
                layout.toString(), "--map", dir.resolve("l.txt").toString());
        assertThat(noImage.exitCode()).isEqualTo(2);
        assertThat(noImage.err()).contains("a map is an .svg or a .png file; nothing written");
        assertThat(layout).doesNotExist();

        // The default map beside the layout is named after it: a city called so is not replaced.
        Path clash = dir.resolve("c.geojson");
        Files.copy(cityFile, dir.resolve("c.svg"));
        CliRunner same = CliRunner.run("layout", "generate", "--city", dir.resolve("c.svg").toString(), "--out",
                clash.toString());
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).contains("the map (default of --map)").contains("is the input --city");
        assertThat(clash).doesNotExist();

        CliRunner both = CliRunner.run("layout", "generate", "--city", cityFile.toString(), "--out",
                layout.toString(), "--map", dir.resolve("x.svg").toString(), "--no-map");
        assertThat(both.exitCode()).isEqualTo(2);

        Path good = dir.resolve("good.geojson");
        CliRunner.run("layout", "generate", "--city", cityFile.toString(), "--out", good.toString(), "--no-map");
        CliRunner onLayout = CliRunner.run("layout", "validate", "--city", cityFile.toString(), good.toString(),
                "--map", good.toString());
        assertThat(onLayout.exitCode()).isEqualTo(2);
        assertThat(onLayout.err()).contains("is the input LAYOUT");
    }

    @Test
    void validate_marks_the_grids_that_break_a_rule() throws IOException {
        // G1: the west half of both rows, 800 households (> max 500); G2: the east half of the north
        // row and G3 of the south row, 400 each.
        Map<String, String> gridOf = new LinkedHashMap<>();
        for (Building b : city.buildings()) {
            int k = Integer.parseInt(b.id().substring(1));
            gridOf.put(b.id(), k % 8 < 4 ? "G1" : k < 8 ? "G3" : "G2");
        }
        Path layout = dir.resolve("bad.geojson");
        GeoJson.writeLayout(city, new GridLayout("bad", gridOf, Map.of("G1", "C1", "G2", "C1", "G3", "C1")), layout);
        Path map = dir.resolve("bad-map.svg");
        CliRunner r = CliRunner.run("layout", "validate", "--city", cityFile.toString(), layout.toString(),
                "--map", map.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("grid G1: 800 households > max 500").contains("map -> " + map);
        String svg = Files.readString(map);
        Map<String, String> titles = grids(svg);
        assertThat(titles).containsOnlyKeys("G1", "G2", "G3");
        assertThat(titles.get("G1")).contains("grid G1: 800 households &gt; max 500");
        assertThat(titles.get("G2")).doesNotContain("max");
        assertThat(svg).contains(BROKEN).contains(">! 800</text>").contains(">400</text>")
                .contains("bad: 3 grids, 1 break the rules");

        // A valid layout's map marks nothing; validate writes no map unless asked.
        gridOf.replaceAll((b, g) -> g.equals("G1") ? (Integer.parseInt(b.substring(1)) < 8 ? "G4" : "G1") : g);
        Path good = dir.resolve("good.geojson");
        GeoJson.writeLayout(city, new GridLayout("good", gridOf,
                Map.of("G1", "C1", "G2", "C1", "G3", "C1", "G4", "C1")), good);
        CliRunner ok = CliRunner.run("layout", "validate", "--city", cityFile.toString(), good.toString(),
                "--map", map.toString());
        assertThat(ok.exitCode()).as(ok.out()).isZero();
        assertThat(Files.readString(map)).doesNotContain(BROKEN);
        CliRunner plain = CliRunner.run("layout", "validate", "--city", cityFile.toString(), good.toString());
        assertThat(plain.exitCode()).isZero();
        assertThat(dir.resolve("good.svg")).doesNotExist();
    }
}
