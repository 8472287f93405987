package org.gridplan.sim.engine;

import static org.gridplan.sim.engine.IncidentTable.CLOSED;
import static org.gridplan.sim.engine.IncidentTable.WAITING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridplan.sim.agent.GridWorker;
import org.gridplan.sim.agent.RoutineJob;
import org.gridplan.sim.agent.WorkerRole;
import org.gridplan.sim.agent.WorkerSnapshot;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.demand.IncidentCategory;
import org.gridplan.sim.model.City;

/**
 * Turns the state of a run at its horizon into the {@link RunResult}: the incident KPIs of the
 * district and of every grid over the incidents that occurred after warm-up (through
 * {@link IncidentKpiCounter}), every worker's KPIs and hours (duty nights of a rota credited to
 * the grid worker whose turn it was, the posts themselves not listed), visit coverage, batch means
 * of the response time and, when asked, the incident log. It first checks that the run's books
 * balance: every incident generated is closed, open or gone, and the cases counted as waiting are
 * exactly those in the grid queues. Built once per simulation from its static parts; the run
 * state is handed to it.
 */
final class RunCollector {

    private static final double MONTH_MINUTES = 365.0 / 12 * 1440;
    private static final String[] OUTCOMES = {"", "linked", "lost", "abandoned"};

    private final City city;
    private final String layoutName;
    private final SimulationConfig config;
    private final DistrictIndex district;
    private final Roster roster;
    private final List<IncidentCategory> categories;
    private final boolean[] catUrgent;
    private final double horizon;
    private final double warmUp;

    RunCollector(City city, String layoutName, SimulationConfig config, DistrictIndex district, Roster roster,
            boolean[] catUrgent) {
        this.city = city;
        this.layoutName = layoutName;
        this.config = config;
        this.district = district;
        this.roster = roster;
        this.categories = config.demand().categories();
        this.catUrgent = catUrgent;
        this.horizon = config.horizonMinutes();
        this.warmUp = config.warmUpMinutes();
    }

    /**
     * Checks that every incident is accounted for: closed ones by state and by time alike, the
     * waiting ones in the queues, and generated = closed + open + lost or abandoned.
     *
     * @throws IllegalStateException naming the numbers when they do not add up
     */
    void checkConservation(IncidentTable inc, GridQueues queues, int open, int closedCount, int goneCount) {
        int closedSeen = 0;
        for (int i = 0; i < inc.size; i++) {
            boolean closed = inc.state[i] == CLOSED;
            if (closed != !Double.isNaN(inc.closed[i])) {
                throw new IllegalStateException("incident " + i + " has state " + inc.state[i] + " but closed time "
                        + inc.closed[i]);
            }
            closedSeen += closed ? 1 : 0;
        }
        int waiting = 0;
        for (int i = 0; i < inc.size; i++) {
            waiting += inc.state[i] == WAITING ? 1 : 0;
        }
        queues.checkCount(waiting);
        if (closedSeen != closedCount || closedCount + open + goneCount != inc.size) {
            throw new IllegalStateException("incidents not conserved: generated " + inc.size + ", closed " + closedCount
                    + " (" + closedSeen + " by state), open " + open + ", lost or abandoned " + goneCount);
        }
    }

    /** The result of a run whose workers' books are closed at the horizon. */
    RunResult collect(IncidentTable inc, GridWorker[] workers, RoutineBook routine, DutyTurns duty, long events,
            BacklogSeries backlog) {
        int n = inc.size;
        int first = 0;
        while (first < n && inc.occurred[first] < warmUp) {
            first++;
        }
        // Counted incidents grouped by grid (counting sort, stable in occurrence order).
        int nGrids = district.gridCount();
        int[] start = new int[nGrids + 1];
        for (int i = first; i < n; i++) {
            start[inc.grid[i] + 1]++;
        }
        for (int g = 0; g < nGrids; g++) {
            start[g + 1] += start[g];
        }
        int[] order = new int[n - first];
        int[] fill = Arrays.copyOf(start, nGrids);
        for (int i = first; i < n; i++) {
            order[fill[inc.grid[i]]++] = i;
        }
        IncidentKpiCounter counter = new IncidentKpiCounter(inc, categories, catUrgent, horizon);
        double[] scratchA = new double[order.length];
        double[] scratchB = new double[order.length];
        List<GridKpis> grids = new ArrayList<>(nGrids);
        for (int g = 0; g < nGrids; g++) {
            grids.add(new GridKpis(district.gridIds[g], district.gridCommunity[g], district.gridHouseholds[g],
                    counter.kpis(order, start[g], start[g + 1], scratchA, scratchB), routine.coverage(g, horizon)));
        }
        double covered = 0;
        double coveredOf = 0;
        for (int g = 0; g < nGrids; g++) {
            double c = routine.coverage(g, horizon);
            if (!Double.isNaN(c)) {
                covered += c * district.gridHouseholds[g];
                coveredOf += district.gridHouseholds[g];
            }
        }
        double visitCoverage = coveredOf > 0 ? covered / coveredOf : Double.NaN;
        int[] all = new int[n - first];
        for (int i = first; i < n; i++) {
            all[i - first] = i;
        }
        IncidentKpis kpis = counter.kpis(all, 0, all.length, scratchA, scratchB);
        Breakdown breakdown = counter.breakdown(all, 0, all.length, config.field().workingHours(), scratchA);

        double months = (horizon - warmUp) / MONTH_MINUTES;
        List<WorkerKpis> workerKpis = new ArrayList<>(workers.length);
        int fullTime = 0;
        int meeting = 0;
        for (GridWorker w : workers) {
            if (duty.rotates(w.index())) {
                // A duty turn of grid workers: its hours are theirs (credited below), not another head.
                continue;
            }
            WorkerSnapshot s = w.snapshot();
            double perMonth = s.patrolVisits() / months;
            boolean hasTarget = s.type() == WorkerType.FULL_TIME && s.role() == WorkerRole.PRIMARY;
            boolean meets = !hasTarget || perMonth >= WorkerKpis.VISIT_TARGET_PER_MONTH;
            if (hasTarget) {
                fullTime++;
                meeting += meets ? 1 : 0;
            }
            workerKpis.add(new WorkerKpis(s.id(), s.type(), s.role(), district.gridIds[s.grid()], s.served(),
                    s.busyMinutes(), s.dutyMinutes(),
                            s.dutyMinutes() > 0 ? s.busyMinutes() / s.dutyMinutes() : Double.NaN,
                    s.travelMetres(), s.patrolVisits(), perMonth, meets, hours(w, routine, duty)));
        }

        List<Double> batches = new ArrayList<>();
        int k = config.batchCount();
        if (k > 0) {
            int reached = 0;
            for (int i = first; i < n; i++) {
                if (!Double.isNaN(inc.arrived[i])) {
                    scratchA[reached++] = inc.arrived[i] - inc.known[i];
                }
            }
            int per = reached / k;
            if (per > 0) {
                for (int b = 0; b < k; b++) {
                    double s = 0;
                    for (int j = b * per; j < (b + 1) * per; j++) {
                        s += scratchA[j];
                    }
                    batches.add(s / per);
                }
            }
        }

        List<IncidentRecord> log = new ArrayList<>();
        if (config.collectIncidentLog()) {
            for (int i = first; i < n; i++) {
                log.add(record(inc, i));
            }
        }
        return new RunResult(city.name(), layoutName, config.seed(), config.horizonDays(), config.warmUpDays(), n,
                events, kpis, grids, workerKpis, fullTime == 0 ? Double.NaN : (double) meeting / fullTime, backlog,
                batches, log, visitCoverage, breakdown);
    }

    /** Where worker {@code w}'s time went, duty turns of a rota credited to it. */
    private static WorkHours hours(GridWorker w, RoutineBook routine, DutyTurns duty) {
        int i = w.index();
        double visits = w.routineMinutes(RoutineJob.VISIT);
        double patrol = w.routineMinutes(RoutineJob.PATROL);
        double info = w.routineMinutes(RoutineJob.INFO);
        double admin = w.routineMinutes(RoutineJob.ADMIN);
        double tasks = w.routineMinutes(RoutineJob.TASK);
        double own = w.overtimeMinutes();
        double dutyMinutes = w.snapshot().dutyMinutes();
        double onShiftWork = visits + patrol + info + admin + tasks + w.incidentMinutes() + w.travelMinutes() - own;
        boolean dutyTeam = w.role() == WorkerRole.DUTY;
        return new WorkHours(visits, patrol, info, admin, tasks, w.incidentMinutes(), w.travelMinutes(),
                Math.max(0, dutyMinutes - onShiftWork), own + duty.overtime(i), (dutyTeam ? dutyMinutes : 0)
                + duty.onCall(i), routine.tasksDone(i), routine.tasksLate(i), duty.overtime(i));
    }

    private IncidentRecord record(IncidentTable inc, int i) {
        IncidentCategory cat = categories.get(inc.category[i]);
        boolean escalated = !inc.onSpot[i] && !Double.isNaN(inc.handled[i]);
        double workOrder = escalated ? inc.handled[i] + inc.handoff[i] : Double.NaN;
        double levelDone = escalated ? workOrder + inc.handling[i] : Double.NaN;
        int w = inc.worker[i];
        boolean reached = !Double.isNaN(inc.arrived[i]);
        return new IncidentRecord(i, cat.name(), district.gridIds[inc.grid[i]],
                city.buildings().get(inc.building[i]).id(),
                cat.discovery(), inc.foundOnPatrol[i], w >= 0 && reached ? roster.def(w).id() : "", inc.occurred[i],
                inc.known[i], inc.assigned[i], inc.arrived[i], inc.handled[i], escalated ? cat.escalation() : null,
                workOrder, levelDone, inc.closed[i], reached ? inc.metres[i] : Double.NaN, catUrgent[inc.category[i]],
                OUTCOMES[inc.outcome[i]], inc.respDue[i], inc.closDue[i]);
    }
}
