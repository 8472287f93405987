package org.gridplan.results.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gridplan.results.SyntheticBatch;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutMapTest {

    /** Grid ref → hover title of every grid group of an SVG map. */
    static Map<String, String> gridTitles(String svg) {
        Matcher m = Pattern.compile("<g jfreesvg:ref='grid:([^']+)'><title>([^<]*)</title><g style='fill:")
                .matcher(svg);
        Map<String, String> titles = new TreeMap<>();
        while (m.find()) {
            titles.put(m.group(1), m.group(2));
        }
        return titles;
    }

    /** How many shapes, legend lines included, are stroked in {@code colour} (e.g. {@code rgb(140,140,140)}). */
    static int strokes(String svg, String colour) {
        Matcher m = Pattern.compile("<g style='stroke-width:[0-9.]+;stroke:" + Pattern.quote(colour) + ";")
                .matcher(svg);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String rgb(java.awt.Color c) {
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }

    @Test
    void the_svg_has_a_path_per_grid_the_roads_and_the_community_boundaries() throws Exception {
        City city = TwoClusters.city();
        GridLayout layout = TwoClusters.layout(city);
        String svg = LayoutMap.of(city, layout).svg(Lang.EN);
        // Kept for a look: target/layout-map/two-clusters.svg.
        Files.createDirectories(Path.of("target", "layout-map"));
        Files.writeString(Path.of("target", "layout-map", "two-clusters.svg"), svg);
        // Well-formed XML, a standalone document.
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> titles = gridTitles(svg);
        assertThat(titles).containsOnlyKeys("E-G01", "E-G02", "W-G01", "W-G02");
        assertThat(titles.get("W-G01")).isEqualTo("W-G01, community W: 900 households, 18 buildings");
        // Local roads, the arterial and the community boundaries, one path each, and each its legend line.
        assertThat(strokes(svg, rgb(MapLayers.LOCAL_ROAD))).isEqualTo(2);
        assertThat(strokes(svg, rgb(MapLayers.ARTERIAL_ROAD))).isEqualTo(2);
        assertThat(strokes(svg, rgb(MapLayers.COMMUNITY))).isEqualTo(2);
        // Each grid's households are written on it; nothing is marked.
        assertThat(svg).contains(">900</text>").doesNotContain(rgb(LayoutMap.BROKEN));
        assertThat(svg).contains("two: 4 grids, 3,600 households");
    }

    @Test
    void neighbouring_grids_get_different_colours() {
        City city = SyntheticBatch.city();
        for (String name : List.of("current", "grid-400", "grid-300")) {
            GridLayout layout = SyntheticBatch.layout(city, name);
            Map<String, Integer> colour = LayoutMap.colouring(city, layout);
            assertThat(colour).containsOnlyKeys(layout.grids());
            assertThat(colour.values()).allMatch(c -> c >= 0 && c < LayoutMap.FILLS.length);
            Map<String, List<Integer>> byGrid = layout.buildingsByGrid(city);
            Map<Integer, String> gridOf = new java.util.HashMap<>();
            byGrid.forEach((g, bs) -> bs.forEach(b -> gridOf.put(b, g)));
            for (int b = 0; b < city.buildings().size(); b++) {
                for (int o : city.adjacency().neighbours(b)) {
                    String g = gridOf.get(b);
                    String h = gridOf.get(o);
                    if (!g.equals(h)) {
                        assertThat(colour.get(g)).as("%s next to %s", g, h).isNotEqualTo(colour.get(h));
                    }
                }
            }
        }
    }

    @Test
    void a_grid_that_breaks_a_rule_is_outlined_and_explained(@TempDir Path dir) throws Exception {
        City city = TwoClusters.city();
        GridLayout layout = TwoClusters.layout(city);
        LayoutMap map = new LayoutMap(city, layout, Map.of("W-G02", List.of("grid W-G02: 900 households > max 500")),
                Set.of());
        Path file = dir.resolve("two.svg");
        map.write(file, Lang.EN);
        String svg = Files.readString(file);
        assertThat(gridTitles(svg).get("W-G02")).endsWith("grid W-G02: 900 households &gt; max 500");
        assertThat(gridTitles(svg).get("W-G01")).doesNotContain("max");
        // The outline and the legend's line.
        assertThat(strokes(svg, rgb(LayoutMap.BROKEN))).isEqualTo(2);
        assertThat(svg).contains(">! 900</text>").contains("two: 4 grids, 1 break the rules")
                .contains("breaks a rule");
        // A PNG when the name says so.
        Path png = dir.resolve("two.png");
        map.write(png, Lang.EN);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G');
    }
}
