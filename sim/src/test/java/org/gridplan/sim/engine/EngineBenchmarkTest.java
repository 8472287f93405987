package org.gridplan.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.junit.jupiter.api.Test;

/** The benchmark entry point runs on a small district and reports its figures (no timing asserted). */
class EngineBenchmarkTest {

    @Test
    void reports_run_and_bare_loop_figures() {
        City city = EngineFixtures.lattice(8, 8, 100, 100, c -> c < 4 ? "C1" : "C2");
        GridLayout layout = EngineFixtures.layout(city, i -> "G" + (i % 8 / 2) + (i / 8 / 2));
        String report = EngineBenchmark.run(city, layout, 2, 1);
        assertThat(report).contains("incidents/s", "bare MASON loop", "ratio", "peak heap");
    }

    /**
     * Manual benchmark: a 500,000-household lattice district of 1,250 grids (not a generator, a
     * uniform test lattice). Run with {@code -Dgridplan.bench=true}.
     */
    @Test
    void large_district_benchmark_when_requested() {
        if (!Boolean.getBoolean("gridplan.bench")) {
            return;
        }
        // 100 × 100 lattice at 80 m, 50 households a building = 500,000 households; grids of 2 × 4
        // buildings (400 households) → 1,250 grids; communities of 5 × 5 grids → 50 communities.
        City city = EngineFixtures.lattice(100, 100, 80, 50, (c, r) -> "C" + (c / 10) + "-" + (r / 20));
        GridLayout layout = EngineFixtures.layout(city, i -> "G" + (i % 100 / 2) + "-" + (i / 100 / 4));
        for (int k = 0; k < 3; k++) {
            System.out.println(EngineBenchmark.run(city, layout, 2, 1 + k));
        }
    }
}
