package org.gridplan.sim.agent;

import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A grid worker as a MASON agent: a private state machine (off shift, idle, patrolling,
 * travelling, handling, returning) driven by one-shot events it schedules through its
 * {@link WorkerContext}; nothing ticks per minute.
 *
 * <p>Rules: a worker on duty with nothing to do takes the oldest waiting incident it may serve,
 * else patrols (full-time workers, while patrol allows), else goes back to base. A worker who is
 * idle, patrolling or returning can be sent to an incident at once; it sets off from the building
 * it last stood at (a worker called away mid-trip is taken to leave from that building, a small
 * overestimate of the distance). A worker whose shift ends during an incident finishes it, then
 * goes off duty. Off duty, a worker is at its base.
 */
public final class GridWorker {

    private static final int ARRIVE_INCIDENT = 0;
    private static final int HANDLED = 1;
    private static final int ARRIVE_PATROL = 2;
    private static final int VISIT_DONE = 3;
    private static final int ARRIVE_BASE = 4;
    private static final int PATROL_AGAIN = 5;

    private final int index;
    private final String id;
    private final WorkerType type;
    private final WorkerRole role;
    private final int grid;
    private final int base;
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

    private long served;
    private double busyMinutes;
    private double dutyMinutes;
    private double travelMetres;
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
        return position;
    }

    public WorkerState state() {
        return state;
    }

    /** Whether the worker is on duty (it may still be finishing an incident after its shift). */
    public boolean onDuty() {
        return onDuty;
    }

    /** Whether the worker is on duty and free to be sent to an incident now. */
    public boolean available() {
        return onDuty && (state == WorkerState.IDLE || state == WorkerState.PATROLLING || state == WorkerState.RETURNING);
    }

    /** Patrol visits made on the current day (for the daily cap). */
    public int visitsToday(long day) {
        return day == visitDay ? visitsToday : 0;
    }

    /** Sends an available worker to an incident. */
    public void assign(int incidentNumber) {
        if (!available()) {
            throw new IllegalStateException("worker " + id + " is not available (" + state + ")");
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
        }
    }

    /** Duty ends: a free worker leaves at once, a busy one after its incident. */
    public void endShift() {
        double now = ctx.now();
        addDuty(dutyFrom, now);
        boolean free = available();
        onDuty = false;
        if (free) {
            stopMoving();
            state = WorkerState.OFF_SHIFT;
            position = base;
        }
    }

    /** Adds the open duty interval up to {@code end}; call once when the run stops. */
    public void closeBooks(double end) {
        if (onDuty) {
            addDuty(dutyFrom, end);
            dutyFrom = end;
        }
        if (state == WorkerState.TRAVELLING || state == WorkerState.HANDLING) {
            busyMinutes += clipped(busyFrom, end);
            busyFrom = end;
        }
    }

    /** The worker's state and counters now. */
    public WorkerSnapshot snapshot() {
        return new WorkerSnapshot(index, id, type, role, grid, state, position, served, busyMinutes, dutyMinutes,
                travelMetres, patrolVisits);
    }

    private void startMove(int target, double metres, int kind) {
        double now = ctx.now();
        moveStart = now;
        moveMetres = metres;
        moveTarget = target;
        moveEnd = now + ctx.minutesFor(metres);
        ctx.scheduleAt(moveEnd, new Event(kind, ++token));
    }

    /** Cancels a patrol leg, visit or return trip, counting the share of the trip made. */
    private void stopMoving() {
        token++;
        if ((state == WorkerState.PATROLLING || state == WorkerState.RETURNING) && moveEnd > ctx.now()
                && moveEnd > moveStart) {
            double share = (ctx.now() - moveStart) / (moveEnd - moveStart);
            addTravel(moveMetres * share);
            moveEnd = ctx.now();
        }
    }

    private void arriveIncident() {
        addTravel(moveMetres);
        position = ctx.buildingOf(incident);
        served += ctx.now() >= measureFrom ? 1 : 0;
        ctx.arrived(this, incident, moveMetres);
        state = WorkerState.HANDLING;
        ctx.scheduleAt(ctx.now() + ctx.serviceMinutes(incident), new Event(HANDLED, ++token));
    }

    private void handled() {
        busyMinutes += clipped(busyFrom, ctx.now());
        int done = incident;
        incident = -1;
        ctx.handled(this, done);
        becomeFree();
    }

    private void becomeFree() {
        if (!onDuty) {
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
        addTravel(moveMetres);
        moveMetres = 0;
        position = moveTarget;
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
            ctx.scheduleAt(now + ctx.patrolVisitMinutes(), new Event(VISIT_DONE, ++token));
        }
    }

    private void arriveBase() {
        addTravel(moveMetres);
        moveMetres = 0;
        position = base;
        idleAtBase();
    }

    private void addTravel(double metres) {
        if (ctx.now() >= measureFrom) {
            travelMetres += metres;
        }
    }

    private void addDuty(double from, double to) {
        dutyMinutes += clipped(from, to);
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
                case VISIT_DONE -> becomeFree();
                case ARRIVE_BASE -> arriveBase();
                case PATROL_AGAIN -> {
                    if (state == WorkerState.IDLE) {
                        becomeFree();
                    }
                }
                default -> throw new IllegalStateException("unknown event " + kind);
            }
        }
    }
}
