package org.gridplan.scenarios.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.chart.LayoutMap;
import org.gridplan.sim.io.InputException;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.Violation;

/** The map the layout commands draw beside a layout ({@link LayoutMap}). */
final class LayoutMaps {

    private LayoutMaps() {
    }

    /** The default map of a layout file: its name with {@code .svg} for {@code .geojson} (else appended). */
    static Path beside(Path layout) {
        String n = layout.getFileName().toString();
        String stem = n.toLowerCase(Locale.ROOT).endsWith(".geojson") ? n.substring(0, n.length() - 8) : n;
        return layout.resolveSibling(stem + ".svg");
    }

    /**
     * Refuses a map file that cannot be one: a folder, or a name ending neither in {@code .svg}
     * nor {@code .png}. Nothing is written.
     */
    static void checkTarget(String label, Path map) {
        if (map == null) {
            return;
        }
        if (Files.isDirectory(map)) {
            throw new InputException(label + " " + map + " is a folder: give a file name ending in .svg or .png; "
                    + "nothing written");
        }
        String n = map.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".svg") && !n.endsWith(".png")) {
            throw new InputException(label + " " + map + ": a map is an .svg or a .png file; nothing written");
        }
    }

    /**
     * Draws the map of {@code layout} into {@code file}, atomically: the grids named by
     * {@code violations} are outlined with their sentences, the buildings in no grid marked.
     */
    static void write(City city, GridLayout layout, List<Violation> violations, Path file) {
        Map<String, List<String>> byGrid = new LinkedHashMap<>();
        Set<String> strays = new TreeSet<>();
        Set<String> grids = Set.copyOf(layout.grids());
        for (Violation v : violations) {
            if (v.rule() == Violation.Rule.UNASSIGNED_BUILDING) {
                strays.add(v.subject());
            } else if (grids.contains(v.subject())) {
                byGrid.computeIfAbsent(v.subject(), g -> new ArrayList<>()).add(v.message());
            }
        }
        new LayoutMap(city, layout, byGrid, strays).write(file, Lang.EN);
    }
}
