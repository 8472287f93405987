package org.gridplan.optimizer.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.model.City;

/**
 * A worker the plan places in a grid.
 *
 * @param id    unique among the request's workers
 * @param type  full-time, part-time or professional; every grid with demand needs a full-time one
 * @param home  id of the building the worker lives in, if known: travel to a grid is from there,
 *              and the simulator's worker starts there; without one the worker is based at its
 *              grid's base building
 * @param shift the worker's own shift, if it has one; otherwise the request's
 *              {@link DutyRules} give the shift of its type
 */
public record PlanWorker(String id, WorkerType type, Optional<String> home, Optional<ShiftPattern> shift) {

    /** Validates: a non-blank id. */
    public PlanWorker {
        Objects.requireNonNull(id, "worker id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("worker id is blank");
        }
        Objects.requireNonNull(type, "worker " + id + ": type");
        Objects.requireNonNull(home, "worker " + id + ": home");
        Objects.requireNonNull(shift, "worker " + id + ": shift");
    }

    /** A worker without a known home or a shift of its own. */
    public static PlanWorker of(String id, WorkerType type) {
        return new PlanWorker(id, type, Optional.empty(), Optional.empty());
    }

    /**
     * {@code n} full-time workers {@code FT-0001}, ... each living in a building drawn in proportion
     * to households (cadres are assigned by place of residence, so they live among the households
     * they serve), seeded.
     */
    public static List<PlanWorker> residents(City city, int n, long seed) {
        List<PlanWorker> workers = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            workers.add(of(String.format(Locale.ROOT, "FT-%04d", k), WorkerType.FULL_TIME));
        }
        return livingIn(city, workers, seed);
    }

    /**
     * {@code workers}, in order, each living in a building of {@code city} drawn in proportion to
     * households, seeded (the draws of {@link #residents}); their type and shift kept.
     */
    public static List<PlanWorker> livingIn(City city, List<PlanWorker> workers, long seed) {
        long[] cumulative = new long[city.buildings().size()];
        long total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += city.buildings().get(i).households();
            cumulative[i] = total;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("city " + city.name() + " has no households for workers to live among");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<PlanWorker> out = new ArrayList<>();
        for (PlanWorker w : workers) {
            long draw = random.nextLong(total);
            int i = Arrays.binarySearch(cumulative, draw + 1);
            out.add(new PlanWorker(w.id(), w.type(), Optional.of(city.buildings().get(i >= 0 ? i : -i - 1).id()),
                    w.shift()));
        }
        return out;
    }
}
