package org.gridplan.results.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.union.UnaryUnionOp;

class GridOutlinesTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private static Point at(double x, double y) {
        return FACTORY.createPoint(new Coordinate(x, y));
    }

    @Test
    void the_spacing_is_the_median_nearest_neighbour_distance() {
        City city = TwoClusters.city();
        assertThat(GridOutlines.spacing(city)).isCloseTo(TwoClusters.SPACING, within(1e-6));
        assertThat(GridOutlines.outlines(city, TwoClusters.layout(city)).spacing())
                .isCloseTo(TwoClusters.SPACING, within(1e-6));
    }

    @Test
    void cells_stay_in_the_built_up_area_and_leave_the_gap_between_clusters_empty() {
        City city = TwoClusters.city();
        GridLayout layout = TwoClusters.layout(city);
        GridOutlines.Outlines o = GridOutlines.outlines(city, layout);
        assertThat(o.grids()).containsOnlyKeys("E-G01", "E-G02", "W-G01", "W-G02");
        assertThat(o.communities()).containsOnlyKeys("E", "W");
        double edge = GridOutlines.EDGE_FACTOR * o.spacing();
        double side = (TwoClusters.SIDE - 1) * TwoClusters.SPACING;
        // The middle of the 1 km of empty land, and points just beyond the edge of the west
        // cluster (east, south, north): in no grid and no community.
        for (Point p : new Point[] {at((side + TwoClusters.EAST) / 2, 100), at(side + edge + 5, 100),
            at(100, -edge - 5), at(100, side + edge + 5)}) {
            for (Map.Entry<String, Geometry> e : o.grids().entrySet()) {
                assertThat(e.getValue().covers(p)).as("%s covers %s", e.getKey(), p).isFalse();
            }
            for (Geometry c : o.communities().values()) {
                assertThat(c.covers(p)).isFalse();
            }
        }
        // Every building lies in its own grid and community; a point between rows of a cluster is covered.
        layout.buildingsByGrid(city).forEach((grid, members) -> {
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
        assertThat(shared.getLength()).isGreaterThan(side);
        // The grids of a community make up its outline.
        assertThat(o.grids().get("W-G01").union(o.grids().get("W-G02")).getArea())
                .isCloseTo(o.communities().get("W").getArea(), within(1.0));
        // Nothing reaches further than the join radius from a building.
        List<Geometry> discs = new ArrayList<>();
        for (Building b : city.buildings()) {
            discs.add(at(b.x(), b.y()).buffer(GridOutlines.JOIN_FACTOR * o.spacing() + 0.5));
        }
        Geometry reach = UnaryUnionOp.union(discs);
        for (Geometry g : o.grids().values()) {
            assertThat(reach.covers(g)).isTrue();
        }
        assertThat(reach.covers(GridOutlines.builtUpArea(city))).isTrue();
    }

    @Test
    void a_street_between_two_blocks_is_filled() {
        // The blocks 100 m apart, less than twice the join radius (2 × 80 m).
        double side = (TwoClusters.SIDE - 1) * TwoClusters.SPACING;
        City city = TwoClusters.city(side + 100);
        GridOutlines.Outlines o = GridOutlines.outlines(city, TwoClusters.layout(city));
        Point street = at(side + 40, 100);
        assertThat(o.communities().get("W").union(o.communities().get("E")).covers(street)).isTrue();
        assertThat(o.communities().get("W").union(o.communities().get("E")).getNumGeometries()).isEqualTo(1);
        assertThat(o.grids().values().stream().filter(g -> g.covers(street))).hasSize(1);
    }
}
