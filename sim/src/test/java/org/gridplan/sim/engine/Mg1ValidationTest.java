package org.gridplan.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.stream.Stream;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.TimeDistribution;
import org.gridplan.sim.model.City;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One worker with deterministic and with log-normal service (mean 10 minutes) against the
 * Pollaczek–Khinchine mean wait, at utilisation 0.8. One long run per case, 30 batch means; the
 * simulated mean must lie within 4 standard errors of the formula, and 4 SE within 15 % of it.
 */
class Mg1ValidationTest {

    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of("deterministic 10", TimeDistribution.deterministic(10), 200_000),
                Arguments.of("lognormal 10 ± 5", TimeDistribution.lognormal(10, 5), 250_000),
                Arguments.of("lognormal 10 ± 15", TimeDistribution.lognormal(10, 15), 500_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void mean_wait_matches_pollaczek_khinchine(String label, TimeDistribution service, int customers) {
        double rho = 0.8;
        double lambda = rho / service.mean();
        int households = 1000;
        City city = EngineFixtures.oneBuilding(households);
        DemandCatalog demand = DemandCatalog.of(EngineFixtures.poisson("calls", lambda, households, service));
        double days = customers / lambda / 1440;
        SimulationConfig config = EngineFixtures.queueing(demand, days, days * 0.02, 77).build();

        RunResult result = GridSimulation.run(city, EngineFixtures.oneGrid(city),
                EngineFixtures.staffing(EngineFixtures.always("G1", "B0", 1)), config);

        double expected = Queueing.mg1MeanWait(lambda, service.mean(), service.secondMoment());
        double[] ms = EngineFixtures.meanAndStandardError(result.responseBatchMeans());
        System.out.printf("M/G/1 %s: simulated %.4f ± %.4f (SE), P-K %.4f, n=%d%n", label, ms[0], ms[1], expected,
                result.district().reached());
        assertThat(4 * ms[1]).isLessThan(0.15 * expected);
        assertThat(ms[0]).isCloseTo(expected, offset(4 * ms[1]));
    }
}
