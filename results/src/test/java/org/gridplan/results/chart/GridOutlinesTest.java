package org.gridplan.results.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

class GridOutlinesTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private static Point at(double x, double y) {
        return FACTORY.createPoint(new Coordinate(x, y));
    }

    @Test
    void the_radius_is_one_and_a_half_median_nearest_neighbour_distances() {
        City city = TwoClusters.city();
        assertThat(GridOutlines.radius(city)).isCloseTo(GridOutlines.SPACING_FACTOR * TwoClusters.SPACING,
                within(1e-6));
        assertThat(GridOutlines.outlines(city, TwoClusters.layout(city)).radius())
                .isCloseTo(GridOutlines.radius(city), within(1e-6));
    }

    @Test
    void cells_stay_in_the_built_up_area_and_leave_the_gap_between_clusters_empty() {
        City city = TwoClusters.city();
        GridLayout layout = TwoClusters.layout(city);
        GridOutlines.Outlines o = GridOutlines.outlines(city, layout);
        assertThat(o.grids()).containsOnlyKeys("E-G01", "E-G02", "W-G01", "W-G02");
        assertThat(o.communities()).containsOnlyKeys("E", "W");
        double r = o.radius();
        // The middle of the 1 km of empty land, and a point just beyond the radius of the west
        // cluster's east edge: in no grid and no community.
        double westEdge = (TwoClusters.SIDE - 1) * TwoClusters.SPACING;
        for (Point p : new Point[] {at((westEdge + TwoClusters.EAST) / 2, 100), at(westEdge + r + 5, 100),
            at(100, -r - 5), at(100, (TwoClusters.SIDE - 1) * TwoClusters.SPACING + r + 5)}) {
            for (Map.Entry<String, Geometry> e : o.grids().entrySet()) {
                assertThat(e.getValue().covers(p)).as("%s covers %s", e.getKey(), p).isFalse();
            }
            for (Geometry c : o.communities().values()) {
                assertThat(c.covers(p)).isFalse();
            }
        }
        // Every building lies in its own grid and community; a point between rows of a cluster is covered.
        Map<String, java.util.List<Integer>> byGrid = layout.buildingsByGrid(city);
        byGrid.forEach((grid, members) -> {
            for (int i : members) {
                Building b = city.buildings().get(i);
                assertThat(o.grids().get(grid).covers(at(b.x(), b.y()))).isTrue();
                assertThat(o.communities().get(b.community()).covers(at(b.x(), b.y()))).isTrue();
            }
        });
        assertThat(o.grids().get("W-G01").covers(at(60, 60))).isTrue();
        // A community is one piece, its grids meet along a shared border and do not overlap.
        assertThat(o.communities().get("W").getNumGeometries()).isEqualTo(1);
        Geometry shared = o.grids().get("W-G01").intersection(o.grids().get("W-G02"));
        assertThat(shared.getDimension()).isEqualTo(1);
        assertThat(shared.getLength()).isGreaterThan((TwoClusters.SIDE - 1) * TwoClusters.SPACING);
        // The grids of a community make up its outline.
        assertThat(o.grids().get("W-G01").union(o.grids().get("W-G02")).getArea())
                .isCloseTo(o.communities().get("W").getArea(), within(1.0));
        // Nothing reaches further than the radius from a building (the built-up area).
        Geometry area = GridOutlines.builtUpArea(city);
        for (Geometry g : o.grids().values()) {
            assertThat(area.buffer(0.01).covers(g)).isTrue();
        }
    }
}
