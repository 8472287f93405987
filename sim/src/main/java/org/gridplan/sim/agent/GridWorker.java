package org.gridplan.sim.agent;

import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A grid worker as a MASON agent: a private state machine (off shift, idle, patrolling,
 * travelling, handling, returning, routine work) driven by one-shot events it schedules through
 * its {@link WorkerContext}; nothing ticks per minute.
 *
 * <p>Rules: a worker on duty with nothing to do takes the oldest waiting incident it may serve,
 * else patrols (full-time workers without a visit cycle, while patrol allows), else takes its next
 * piece of routine work ({@link WorkerContext#nextRoutine}), else goes back to base. A worker who
 * is idle, patrolling or returning can be sent to an incident at once; one on its way to routine
 * work too; one at work on routine work can be sent to an urgent case, and to a routine case when
 * the work allows ({@link WorkerContext#routineInterruptible}). It sets off from the building it
 * last stood at (a worker called away mid-trip is taken to leave from that building, a small
 * overestimate of the distance). A worker whose shift ends during an incident or non-interruptible
 * routine work finishes it (overtime), then goes off duty. Off duty, a worker is at its base.
 */
public final class GridWorker {

    private static final int ARRIVE_INCIDENT = 0;
    private static final int HANDLED = 1;
    private static final int ARRIVE_PATROL = 2;
    private static final int VISIT_DONE = 3;
    private static final int ARRIVE_BASE = 4;
    private static final int PATROL_AGAIN = 5;
    private static final int ARRIVE_JOB = 6;
    private static final int JOB_DONE = 7;

    private final int index;
    private final String id;
    private final WorkerType type;
    private final WorkerRole role;
    private final int grid;
    private int base;
    private final WorkerContext ctx;
    private final double measureFrom;

    private WorkerState state = WorkerState.OFF_SHIFT;
    private boolean onDuty;
    private int position;
    private int incident = -1;
    private int token;
    private double busyFrom;
    private double dutyFrom;
    private double moveStart;
    private double moveEnd;
    private double moveMetres;
    private int moveTarget;
    private RoutineJob job;
    private boolean jobWorking;
    /**
     * Whether the job in hand is direct: anything but a household visit. Its arrival changes nothing
     * but the books, so the trip and the work are one event (settled lazily); a patrol leg reveals
     * what it found when it ends.
     */
    private boolean direct;
    private double jobArrive;
    private double jobStart;
    private double overtimeFrom = Double.NaN;
    private double handlingFrom = Double.NaN;
    /** Start of a visit of the idle-time patrol in progress (no visit cycle), else NaN. */
    private double visitFrom = Double.NaN;

    private long served;
    private double busyMinutes;
    private double dutyMinutes;
    private double travelMetres;
    private double travelMinutes;
    private double incidentMinutes;
    private double overtimeMinutes;
    private final double[] routineMinutes = new double[RoutineJob.KINDS];
    private long patrolVisits;
    private int visitsToday;
    private long visitDay = -1;

    /**
     * Creates a worker, off duty at its base.
     *
     * @param index       index in the simulation's worker list
     * @param base        building index of its base
     * @param measureFrom start of the measured window (end of warm-up), minutes
     */
    public GridWorker(int index, String id, WorkerType type, WorkerRole role, int grid, int base, WorkerContext ctx,
            double measureFrom) {
        this.index = index;
        this.id = id;
        this.type = type;
        this.role = role;
        this.grid = grid;
        this.base = base;
        this.ctx = ctx;
        this.measureFrom = measureFrom;
        this.position = base;
    }

    public int index() {
        return index;
    }

    public String id() {
        return id;
    }

    public WorkerType type() {
        return type;
    }

    public WorkerRole role() {
        return role;
    }

    /** Grid index (home grid for part-time and pool workers). */
    public int grid() {
        return grid;
    }

    /** Building index of the base. */
    public int base() {
        return base;
    }

    /** Building index where the worker is or last stood. */
    public int position() {
        settle();
        return position;
    }

    public WorkerState state() {
        return state;
    }

    /** Whether the worker is on duty (it may still be finishing an incident after its shift). */
    public boolean onDuty() {
        return onDuty;
    }

    /** Whether the worker is on duty and free to be sent to a routine incident now. */
    public boolean available() {
        return availableFor(false);
    }

    /** Whether the worker is on duty and may be sent now to an urgent or a routine incident. */
    public boolean availableFor(boolean urgent) {
        if (!onDuty) {
            return false;
        }
        settle();
        return switch (state) {
            case IDLE, PATROLLING, RETURNING -> true;
            case ROUTINE -> urgent || !jobWorking || ctx.routineInterruptible(job);
            default -> false;
        };
    }

    /** Patrol visits made on the current day (for the daily cap). */
    public int visitsToday(long day) {
        return day == visitDay ? visitsToday : 0;
    }

    /** Counts a household visit made now by this worker against its daily cap and its visit count. */
    public void countVisit() {
        double now = ctx.now();
        long day = (long) Math.floor(now / 1440);
        if (day != visitDay) {
            visitDay = day;
            visitsToday = 0;
        }
        visitsToday++;
        if (now >= measureFrom) {
            patrolVisits++;
        }
    }

    /** Moves the base of a worker who is off duty (a duty rota waiting at the home of whoever is on duty). */
    public void rebase(int building) {
        if (state != WorkerState.OFF_SHIFT) {
            throw new IllegalStateException("worker " + id + " cannot move base while " + state);
        }
        base = building;
        position = building;
    }

    /** A worker idle at base looks again for work (new routine work has come up). */
    public void wake() {
        if (onDuty && state == WorkerState.IDLE) {
            becomeFree();
        }
    }

    /** Sends an available worker to an incident. */
    public void assign(int incidentNumber) {
        if (!onDuty || !(state == WorkerState.IDLE || state == WorkerState.PATROLLING
                || state == WorkerState.RETURNING || state == WorkerState.ROUTINE)) {
            throw new IllegalStateException("worker " + id + " is not available (" + state + ")");
        }
        settle();
        if (state == WorkerState.ROUTINE) {
            giveUpJob();
        }
        stopMoving();
        double now = ctx.now();
        incident = incidentNumber;
        busyFrom = now;
        int target = ctx.buildingOf(incidentNumber);
        double m = ctx.metres(position, target);
        if (m == 0) {
            moveMetres = 0;
            moveStart = now;
            arriveIncident();
        } else {
            state = WorkerState.TRAVELLING;
            startMove(target, m, ARRIVE_INCIDENT);
        }
    }

    /** Duty starts: an off-duty worker appears at its base and looks for work. */
    public void startShift() {
        onDuty = true;
        dutyFrom = ctx.now();
        if (state == WorkerState.OFF_SHIFT) {
            position = base;
            state = WorkerState.IDLE;
            becomeFree();
        } else if (!Double.isNaN(overtimeFrom)) {
            // Still finishing the last shift's work: the overtime ends where the new shift begins.
            addOvertime(overtimeFrom, ctx.now());
            overtimeFrom = Double.NaN;
        }
    }

    /**
     * Duty ends: a free worker leaves at once, one at an incident or at routine work a routine case
     * may not interrupt finishes it first.
     */
    public void endShift() {
        settle();
        double now = ctx.now();
        addDuty(dutyFrom, now);
        boolean free = available();
        onDuty = false;
        if (free) {
            if (state == WorkerState.ROUTINE) {
                giveUpJob();
            }
            stopMoving();
            state = WorkerState.OFF_SHIFT;
            position = base;
        } else {
            overtimeFrom = now;
        }
    }

    /** Adds the open duty interval up to {@code end}; call once when the run stops. */
    public void closeBooks(double end) {
        settle();
        if (onDuty) {
            addDuty(dutyFrom, end);
            dutyFrom = end;
        }
        if (state == WorkerState.TRAVELLING || state == WorkerState.HANDLING) {
            busyMinutes += clipped(busyFrom, end);
            busyFrom = end;
        }
        if (state == WorkerState.HANDLING && !Double.isNaN(handlingFrom)) {
            incidentMinutes += clipped(handlingFrom, end);
            handlingFrom = end;
        }
        if (!Double.isNaN(visitFrom)) {
            routineMinutes[RoutineJob.VISIT] += clipped(visitFrom, end);
            visitFrom = end;
        }
        if (state == WorkerState.ROUTINE && jobWorking) {
            routineMinutes[job.kind()] += clipped(jobStart, end);
            jobStart = end;
        }
        if (moveEnd > end && moveEnd > moveStart && end > moveStart) {
            travelMinutes += clipped(moveStart, end);
            moveStart = end;
        }
        if (!Double.isNaN(overtimeFrom)) {
            addOvertime(overtimeFrom, end);
            overtimeFrom = end;
        }
    }

    /** The worker's state and counters now. */
    public WorkerSnapshot snapshot() {
        return new WorkerSnapshot(index, id, type, role, grid, state, position, served, busyMinutes, dutyMinutes,
                travelMetres, patrolVisits);
    }

    /** Minutes of routine work of {@code kind} ({@link RoutineJob}) in the measured window. */
    public double routineMinutes(int kind) {
        return routineMinutes[kind];
    }

    /** Minutes travelling in the measured window. */
    public double travelMinutes() {
        return travelMinutes;
    }

    /** Minutes on site at incidents in the measured window. */
    public double incidentMinutes() {
        return incidentMinutes;
    }

    /** Minutes worked after the shift ended, in the measured window. */
    public double overtimeMinutes() {
        return overtimeMinutes;
    }

    private void startMove(int target, double metres, int kind) {
        double now = ctx.now();
        moveStart = now;
        moveMetres = metres;
        moveTarget = target;
        moveEnd = now + ctx.minutesFor(metres);
        ctx.scheduleAt(moveEnd, new Event(kind, ++token));
    }

    /** Cancels a patrol leg, visit, return or routine trip, counting the share of the trip made. */
    private void stopMoving() {
        token++;
        endVisit();
        if ((state == WorkerState.PATROLLING || state == WorkerState.RETURNING || state == WorkerState.ROUTINE)
                && moveEnd > ctx.now() && moveEnd > moveStart) {
            double share = (ctx.now() - moveStart) / (moveEnd - moveStart);
            addTravel(moveMetres * share, moveStart, ctx.now());
            moveEnd = ctx.now();
        }
    }

    /** Gives the routine job in hand back to the engine with the minutes worked at it. */
    private void giveUpJob() {
        settle();
        double worked = 0;
        if (jobWorking) {
            worked = ctx.now() - jobStart;
            routineMinutes[job.kind()] += clipped(jobStart, ctx.now());
        }
        RoutineJob j = job;
        job = null;
        jobWorking = false;
        ctx.routineInterrupted(this, j, worked);
    }

    private void arriveIncident() {
        addTravel(moveMetres, moveStart, ctx.now());
        position = ctx.buildingOf(incident);
        served += ctx.now() >= measureFrom ? 1 : 0;
        ctx.arrived(this, incident, moveMetres);
        state = WorkerState.HANDLING;
        handlingFrom = ctx.now();
        ctx.scheduleAt(ctx.now() + ctx.serviceMinutes(incident), new Event(HANDLED, ++token));
    }

    private void handled() {
        busyMinutes += clipped(busyFrom, ctx.now());
        incidentMinutes += clipped(handlingFrom, ctx.now());
        handlingFrom = Double.NaN;
        int done = incident;
        incident = -1;
        ctx.handled(this, done);
        becomeFree();
    }

    private void becomeFree() {
        if (!onDuty) {
            if (!Double.isNaN(overtimeFrom)) {
                addOvertime(overtimeFrom, ctx.now());
                overtimeFrom = Double.NaN;
            }
            state = WorkerState.OFF_SHIFT;
            position = base;
            return;
        }
        state = WorkerState.IDLE;
        int next = ctx.takeQueued(this);
        if (next >= 0) {
            assign(next);
            return;
        }
        if (ctx.mayPatrol(this)) {
            int target = ctx.nextPatrolBuilding(this);
            state = WorkerState.PATROLLING;
            double m = ctx.metres(position, target);
            if (m == 0) {
                moveMetres = 0;
                moveTarget = target;
                moveStart = ctx.now();
                moveEnd = moveStart;
                arrivePatrol();
            } else {
                startMove(target, m, ARRIVE_PATROL);
            }
            return;
        }
        RoutineJob routine = ctx.nextRoutine(this);
        if (routine != null) {
            startJob(routine);
            return;
        }
        if (position != base) {
            double m = ctx.metres(position, base);
            if (m > 0) {
                state = WorkerState.RETURNING;
                startMove(base, m, ARRIVE_BASE);
                return;
            }
            position = base;
        }
        idleAtBase();
    }

    private void startJob(RoutineJob routine) {
        state = WorkerState.ROUTINE;
        job = routine;
        jobWorking = false;
        double m = ctx.metres(position, routine.building());
        direct = routine.kind() != RoutineJob.VISIT;
        if (direct) {
            double now = ctx.now();
            moveStart = now;
            moveMetres = m;
            moveTarget = routine.building();
            moveEnd = now + ctx.minutesFor(m);
            jobArrive = moveEnd;
            ctx.scheduleAt(jobArrive + routine.minutes(), new Event(JOB_DONE, ++token));
            settle();
            return;
        }
        if (m == 0) {
            moveMetres = 0;
            moveTarget = routine.building();
            moveStart = ctx.now();
            moveEnd = moveStart;
            arriveJob();
        } else {
            startMove(routine.building(), m, ARRIVE_JOB);
        }
    }

    private void arriveJob() {
        addTravel(moveMetres, moveStart, ctx.now());
        moveMetres = 0;
        position = moveTarget;
        double now = ctx.now();
        moveStart = now;
        moveEnd = now;
        int found = ctx.routineArrived(this, job);
        if (found >= 0) {
            RoutineJob j = job;
            job = null;
            ctx.routineInterrupted(this, j, 0);
            incident = found;
            busyFrom = now;
            state = WorkerState.TRAVELLING;
            arriveIncident();
            return;
        }
        jobWorking = true;
        jobStart = now;
        ctx.scheduleAt(now + job.minutes(), new Event(JOB_DONE, ++token));
    }

    /** A direct job's worker has arrived by now: books the trip and starts the work. */
    private void settle() {
        if (state == WorkerState.ROUTINE && direct && !jobWorking && ctx.now() >= jobArrive) {
            addTravel(moveMetres, moveStart, jobArrive);
            moveMetres = 0;
            position = moveTarget;
            moveStart = jobArrive;
            moveEnd = jobArrive;
            jobWorking = true;
            jobStart = jobArrive;
        }
    }

    private void jobDone() {
        settle();
        routineMinutes[job.kind()] += clipped(jobStart, ctx.now());
        RoutineJob j = job;
        job = null;
        jobWorking = false;
        ctx.routineDone(this, j);
        if (j.kind() == RoutineJob.PATROL) {
            // What the patrol leg found on its way is handled at once.
            int found = ctx.routineArrived(this, j);
            if (found >= 0) {
                incident = found;
                busyFrom = ctx.now();
                state = WorkerState.TRAVELLING;
                moveStart = ctx.now();
                moveMetres = 0;
                arriveIncident();
                return;
            }
        }
        becomeFree();
    }

    /**
     * Waits at base. A worker stopped only by the daily patrol cap wakes when the next day's visits
     * are allowed, if it is on duty then (a round-the-clock worker would otherwise idle forever, as
     * no shift start would call it back); any job sent meanwhile replaces the wake-up.
     */
    private void idleAtBase() {
        state = WorkerState.IDLE;
        double resume = ctx.patrolResumes(this);
        if (resume < Double.POSITIVE_INFINITY) {
            ctx.scheduleAt(resume, new Event(PATROL_AGAIN, ++token));
        }
    }

    private void arrivePatrol() {
        addTravel(moveMetres, moveStart, ctx.now());
        moveMetres = 0;
        position = moveTarget;
        double now = ctx.now();
        countVisit();
        int found = ctx.visited(this, position);
        if (found >= 0) {
            incident = found;
            busyFrom = now;
            state = WorkerState.TRAVELLING;
            moveStart = now;
            arriveIncident();
        } else {
            moveStart = now;
            moveEnd = now;
            visitFrom = now;
            ctx.scheduleAt(now + ctx.patrolVisitMinutes(), new Event(VISIT_DONE, ++token));
        }
    }

    /** Counts the time of an idle-time patrol visit that ends now (done or called away). */
    private void endVisit() {
        if (!Double.isNaN(visitFrom)) {
            routineMinutes[RoutineJob.VISIT] += clipped(visitFrom, ctx.now());
            visitFrom = Double.NaN;
        }
    }

    private void arriveBase() {
        addTravel(moveMetres, moveStart, ctx.now());
        moveMetres = 0;
        position = base;
        idleAtBase();
    }

    private void addTravel(double metres, double from, double to) {
        if (ctx.now() >= measureFrom) {
            travelMetres += metres;
        }
        travelMinutes += clipped(from, to);
    }

    private void addDuty(double from, double to) {
        dutyMinutes += clipped(from, to);
    }

    private void addOvertime(double from, double to) {
        overtimeMinutes += clipped(from, to);
    }

    private double clipped(double from, double to) {
        return Math.max(0, to - Math.max(from, measureFrom));
    }

    /** A one-shot event of this worker; stale once the worker has moved on (token changed). */
    private final class Event implements Steppable {
        private static final long serialVersionUID = 1L;
        private final int kind;
        private final int eventToken;

        Event(int kind, int eventToken) {
            this.kind = kind;
            this.eventToken = eventToken;
        }

        @Override
        public void step(SimState simState) {
            if (eventToken != token) {
                return;
            }
            switch (kind) {
                case ARRIVE_INCIDENT -> arriveIncident();
                case HANDLED -> handled();
                case ARRIVE_PATROL -> arrivePatrol();
                case VISIT_DONE -> {
                    endVisit();
                    becomeFree();
                }
                case ARRIVE_BASE -> arriveBase();
                case PATROL_AGAIN -> {
                    if (state == WorkerState.IDLE) {
                        becomeFree();
                    }
                }
                case ARRIVE_JOB -> arriveJob();
                case JOB_DONE -> jobDone();
                default -> throw new IllegalStateException("unknown event " + kind);
            }
        }
    }
}
