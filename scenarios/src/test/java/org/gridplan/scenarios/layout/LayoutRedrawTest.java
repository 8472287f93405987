package org.gridplan.scenarios.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.LayoutRules;
import org.gridplan.sim.model.LayoutValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Redraws of an existing layout: nothing moves in a valid one, broken grids are repaired with few moves. */
class LayoutRedrawTest {

    static City city;
    static GridLayout current;
    static final LayoutRules RULES = LayoutRules.urban();

    @BeforeAll
    static void district() {
        LayoutGenerator.Result r = new LayoutGenerator(LayoutGenerator.Spec.of(400))
                .generate(new CityGenerator(CityGenerator.Spec.of(30_000, 5)).generate());
        city = r.city();
        current = r.layout();
    }

    private static LayoutRedraw.Result redraw(GridLayout l, Set<String> communities) {
        LayoutRedraw.Result r = new LayoutRedraw(city, RULES, 400).redraw(l, communities);
        assertThat(LayoutValidator.validate(city, r.layout(), RULES)).isEmpty();
        return r;
    }

    /** Buildings outside {@code community} whose grid changed. */
    private static long movedOutside(GridLayout before, GridLayout after, String community) {
        return city.buildings().stream().filter(b -> !b.community().equals(community))
                .filter(b -> !after.gridOfBuilding().get(b.id()).equals(before.gridOfBuilding().get(b.id()))).count();
    }

    @Test
    void a_valid_layout_comes_back_unchanged() {
        LayoutRedraw.Result r = redraw(current, Set.of());
        assertThat(r.buildingsMoved()).isZero();
        assertThat(r.householdsMoved()).isZero();
        assertThat(r.layout().gridOfBuilding()).isEqualTo(current.gridOfBuilding());
        assertThat(r.layout().communityOfGrid()).isEqualTo(current.communityOfGrid());
        assertThat(r.gridsAdded()).isEmpty();
        assertThat(r.gridsRemoved()).isEmpty();
        assertThat(r.repaired()).isEmpty();
    }

    @Test
    void an_oversized_grid_is_cut_and_repaired_and_other_communities_keep_their_grids() {
        // Two adjacent grids of one community merged under one id: about 800 households.
        Building first = city.buildings().get(0);
        String a = current.gridOfBuilding().get(first.id());
        String b = adjacentGrid(a);
        Map<String, String> gridOf = new LinkedHashMap<>(current.gridOfBuilding());
        gridOf.replaceAll((id, g) -> g.equals(b) ? a : g);
        GridLayout broken = new GridLayout("broken", gridOf, current.communityOfGrid());
        assertThat(LayoutValidator.validate(city, broken, RULES)).isNotEmpty();
        LayoutRedraw.Result r = redraw(broken, Set.of());
        assertThat(r.repaired()).contains(a);
        // Cut in two again: as many grids as before (the freed id taken again).
        assertThat(r.layout().gridCount()).isEqualTo(current.gridCount());
        assertThat(movedOutside(broken, r.layout(), first.community())).isZero();
        long inBoth = gridOf.values().stream().filter(a::equals).count();
        assertThat(r.buildingsMoved()).isPositive().isLessThan((int) inBoth);
        assertThat(r.redrawn()).isEmpty();
    }

    private static String adjacentGrid(String grid) {
        String community = current.communityOfGrid().get(grid);
        for (int u = 0; u < city.buildings().size(); u++) {
            if (!current.gridOfBuilding().get(city.buildings().get(u).id()).equals(grid)) {
                continue;
            }
            for (int v : city.adjacency().neighbours(u)) {
                String g = current.gridOfBuilding().get(city.buildings().get(v).id());
                if (!g.equals(grid) && current.communityOfGrid().get(g).equals(community)) {
                    return g;
                }
            }
        }
        throw new AssertionError("grid " + grid + " has no neighbour in its community");
    }

    @Test
    void a_building_cut_off_from_its_grid_or_in_no_grid_rejoins_an_adjacent_grid() {
        // One building of a grid put in a far grid of its community; another left out of every grid.
        Map<String, String> gridOf = new LinkedHashMap<>(current.gridOfBuilding());
        Building moved = city.buildings().get(0);
        String own = gridOf.get(moved.id());
        String far = farGrid(moved);
        gridOf.put(moved.id(), far);
        Building loose = city.buildings().get(city.buildings().size() - 1);
        gridOf.remove(loose.id());
        GridLayout broken = new GridLayout("broken", gridOf, current.communityOfGrid());
        assertThat(LayoutValidator.validate(city, broken, RULES)).extracting(v -> v.rule().name())
                .contains("NOT_CONTIGUOUS", "UNASSIGNED_BUILDING");
        LayoutRedraw.Result r = redraw(broken, Set.of());
        assertThat(r.repaired()).contains(far);
        // The cut-off building goes back next to its old grid; few other buildings move.
        assertThat(r.layout().gridOfBuilding().get(moved.id())).isNotEqualTo(far);
        assertThat(r.layout().gridOfBuilding()).containsKey(loose.id());
        assertThat(r.buildingsMoved()).isBetween(2, 12);
        assertThat(own).isNotNull();
    }

    private static String farGrid(Building b) {
        String own = current.gridOfBuilding().get(b.id());
        String best = null;
        double far = -1;
        for (Building x : city.buildings()) {
            String g = current.gridOfBuilding().get(x.id());
            if (!g.equals(own) && x.community().equals(b.community())) {
                double d = Math.hypot(x.x() - b.x(), x.y() - b.y());
                if (d > far) {
                    far = d;
                    best = g;
                }
            }
        }
        return best;
    }

    @Test
    void chosen_communities_are_drawn_afresh_and_the_rest_keep_their_grids() {
        String community = city.buildings().get(0).community();
        LayoutRedraw.Result r = redraw(current, Set.of(community));
        assertThat(r.redrawn()).containsExactly(community);
        assertThat(movedOutside(current, r.layout(), community)).isZero();
        // The fresh grids of the community are the generator's: the same as before for a generated layout.
        assertThat(r.layout().gridOfBuilding()).isEqualTo(current.gridOfBuilding());
        assertThatThrownBy(() -> new LayoutRedraw(city, RULES, 400).redraw(current, Set.of("nowhere")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("community nowhere");
        assertThat(List.of(r.buildingsMoved())).containsExactly(0);
    }
}
