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
}
