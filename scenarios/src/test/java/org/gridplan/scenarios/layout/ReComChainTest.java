package org.gridplan.scenarios.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridplan.sim.generate.CityGenerator;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.LayoutRules;
import org.gridplan.sim.model.LayoutValidator;
import org.gridplan.sim.road.Road;
import org.gridplan.sim.road.RoadClass;
import org.gridplan.sim.road.RoadNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ReCom chain: every step keeps every rule, the same seed gives the same chain, failures are bounded and named. */
class ReComChainTest {

    static City city;
    static GridLayout start;
    static final LayoutRules RULES = LayoutRules.urban();

    @BeforeAll
    static void district() {
        LayoutGenerator.Result r = new LayoutGenerator(LayoutGenerator.Spec.of(400))
                .generate(new CityGenerator(CityGenerator.Spec.of(20_000, 2)).generate());
        city = r.city();
        start = r.layout();
    }

    @Test
    void every_step_keeps_every_rule_and_moves_buildings() {
        ReComChain chain = new ReComChain(city, start, RULES, 1, ReComChain.Options.defaults());
        int grids = chain.gridCount();
        int changed = 0;
        GridLayout before = chain.layout("x");
        for (int s = 1; s <= 150; s++) {
            ReComChain.Step step = chain.step();
            assertThat(step.step()).isEqualTo(s);
            assertThat(step.move()).isEqualTo(ReComChain.Move.RECOMBINE);
            GridLayout now = chain.layout("x");
            assertThat(LayoutValidator.validate(city, now, RULES)).as("step %d", s).isEmpty();
            assertThat(now.communityOfGrid()).isEqualTo(start.communityOfGrid());
            assertThat(step.statistics().grids()).isEqualTo(grids);
            assertThat(step.statistics()).isEqualTo(LayoutStatistics.of(city, now));
            changed += now.gridOfBuilding().equals(before.gridOfBuilding()) ? 0 : 1;
            before = now;
        }
        assertThat(changed).isGreaterThan(75);
        assertThat(chain.uniqueLayouts()).isGreaterThan(75).isLessThanOrEqualTo(151);
    }

    @Test
    void the_same_seed_gives_the_same_chain_and_another_seed_another() {
        List<GridLayout> a = run(5, ReComChain.Options.defaults());
        List<GridLayout> b = run(5, ReComChain.Options.defaults());
        List<GridLayout> c = run(6, ReComChain.Options.defaults());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).gridOfBuilding()).isEqualTo(b.get(i).gridOfBuilding());
        }
        assertThat(a.get(a.size() - 1).gridOfBuilding()).isNotEqualTo(c.get(c.size() - 1).gridOfBuilding());
    }

    private static List<GridLayout> run(long seed, ReComChain.Options options) {
        ReComChain chain = new ReComChain(city, start, RULES, seed, options);
        List<GridLayout> out = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            chain.step();
            out.add(chain.layout("x"));
        }
        return out;
    }

    @Test
    void kruskal_trees_and_merge_and_split_moves_keep_the_rules_and_change_the_grid_count() {
        // Bounds wide enough that two grids fit one (merge) and one holds two (split).
        LayoutRules wide = new LayoutRules(200, 900, false);
        ReComChain chain = new ReComChain(city, start, wide, 3, ReComChain.Options.defaults()
                .withTree(ReComChain.Tree.KRUSKAL).withResize(0.5));
        int grids = chain.gridCount();
        boolean resized = false;
        for (int s = 0; s < 200; s++) {
            ReComChain.Step step = chain.step();
            GridLayout now = chain.layout("x");
            assertThat(LayoutValidator.validate(city, now, wide)).as("step %d (%s)", s, step.move()).isEmpty();
            resized |= chain.gridCount() != grids;
            assertThat(step.statistics().grids()).isEqualTo(chain.gridCount()).isEqualTo(now.gridCount());
        }
        assertThat(resized).isTrue();
    }

    @Test
    void a_start_that_breaks_the_rules_is_refused_naming_the_violation() {
        assertThatThrownBy(() -> new ReComChain(city, start, new LayoutRules(300, 310, false), 1,
                ReComChain.Options.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("breaks the rules, so no chain can start from it").hasMessageContaining("grid");
    }

    /** 40 buildings of 20 households in two columns of communities C1 (x < 200) and C2. */
    private static City strip() {
        List<Building> b = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int col = i % 8;
            int row = i / 8;
            double jitter = ((i * 37) % 11) / 10.0;
            b.add(new Building(String.format("B%02d", i), col * 50 + jitter, row * 50 + jitter / 2, 20, 1, "S1",
                    col < 4 ? "C1" : "C2"));
        }
        RoadNetwork roads = new RoadNetwork(new double[] {0, 400}, new double[] {0, 0},
                List.of(new Road(0, 1, 400, RoadClass.LOCAL)));
        return new City("strip", b, roads, List.of());
    }

    private static GridLayout halves(City c, boolean byCommunity) {
        Map<String, String> gridOf = new LinkedHashMap<>();
        for (Building x : c.buildings()) {
            boolean left = byCommunity ? x.community().equals("C1") : x.y() < 100;
            gridOf.put(x.id(), left ? "G1" : "G2");
        }
        return GridLayout.fromAssignment("halves", c, gridOf);
    }

    @Test
    void grids_that_cannot_pair_within_a_community_fail_at_once_with_a_message() {
        City c = strip();
        GridLayout l = halves(c, true);
        ReComChain chain = new ReComChain(c, l, RULES, 1, ReComChain.Options.defaults());
        assertThatThrownBy(chain::step).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no two adjacent grids in one community");
        // Allowed to cross communities, they recombine.
        ReComChain crossing = new ReComChain(c, l, RULES.withAllowCrossCommunity(true), 1,
                ReComChain.Options.defaults());
        for (int s = 0; s < 20; s++) {
            crossing.step();
            assertThat(LayoutValidator.validate(c, crossing.layout("x"), RULES.withAllowCrossCommunity(true)))
                    .isEmpty();
        }
    }

    @Test
    void a_pair_with_no_balanced_cut_fails_after_the_bounded_attempts_naming_the_grids() {
        // Exactly 400 households a grid: only trees with an edge splitting 20 buildings from 20 can be
        // cut. With one tree a step, some seeds draw none, and the step fails instead of searching on.
        City c = strip();
        LayoutRules exact = new LayoutRules(400, 400, true);
        GridLayout l = halves(c, true);
        int failed = 0;
        for (long seed = 1; seed <= 40; seed++) {
            ReComChain chain = new ReComChain(c, l, exact, seed, new ReComChain.Options(ReComChain.Tree.WILSON, 1, 1,
                    0));
            try {
                chain.step();
                assertThat(LayoutValidator.validate(c, chain.layout("x"), exact)).isEmpty();
            } catch (IllegalStateException e) {
                failed++;
                assertThat(e).hasMessageContaining("ReCom step 1: no spanning tree of the pairs G1+G2")
                        .hasMessageContaining("400 to 400 households after 1 spanning trees");
            }
        }
        assertThat(failed).isPositive();
    }
}
