package org.gridplan.sim.engine;

import java.util.Arrays;
import org.gridplan.sim.agent.GridWorker;
import org.gridplan.sim.agent.WorkerSnapshot;
import org.gridplan.sim.agent.WorkerState;

/**
 * The nightly turns of the duty posts drawn from grid workers ({@link Roster#rota}): which grid
 * worker each post stands for on the current night, and what the posts' nights are credited to
 * those workers — the busy minutes of a night as the grid worker's overtime, its duty minutes as
 * the grid worker's on-call hours. A post is not an extra head; its hours are the rota's. One per
 * run, over that run's workers.
 */
final class DutyTurns {

    private final Roster roster;
    private final GridWorker[] workers;
    /** Per post, the grid worker it stands for now; -1 before its first night. */
    private final int[] standsFor;
    /** Per post, its busy and duty minutes when the current night began. */
    private final double[] busyMark;
    private final double[] dutyMark;
    private final long[] night;
    /** Per grid worker, the overtime and on-call minutes credited from duty nights. */
    private final double[] overtime;
    private final double[] onCall;

    DutyTurns(Roster roster, GridWorker[] workers) {
        this.roster = roster;
        this.workers = workers;
        int nw = roster.size();
        standsFor = new int[nw];
        Arrays.fill(standsFor, -1);
        busyMark = new double[nw];
        dutyMark = new double[nw];
        night = new long[nw];
        overtime = new double[nw];
        onCall = new double[nw];
    }

    /** Whether worker {@code w} is a post of a rota of grid workers. */
    boolean rotates(int w) {
        return roster.rota(w) != null;
    }

    /**
     * Post {@code w} starts a night: what it did on the last one is credited to the grid worker
     * whose turn it was, and the next worker of the rota takes its turn, waiting at home when the
     * roster says so.
     */
    void takeTurn(int w) {
        credit(w);
        int[] rota = roster.rota(w);
        long n = night[w]++;
        int next = rota[(int) ((n * roster.rotaSlots(w) + roster.rotaSlot(w)) % rota.length)];
        standsFor[w] = next;
        if (roster.dutyAtHome() && workers[w].state() == WorkerState.OFF_SHIFT) {
            workers[w].rebase(roster.def(next).base());
        }
    }

    /** Credits the last turn of every post, at the end of the run (after the workers' books close). */
    void closeBooks() {
        for (int w = 0; w < workers.length; w++) {
            if (rotates(w)) {
                credit(w);
            }
        }
    }

    /** Overtime minutes credited to grid worker {@code w} from duty nights. */
    double overtime(int w) {
        return overtime[w];
    }

    /** On-call minutes credited to grid worker {@code w} from duty nights. */
    double onCall(int w) {
        return onCall[w];
    }

    private void credit(int w) {
        WorkerSnapshot s = workers[w].snapshot();
        if (standsFor[w] >= 0) {
            overtime[standsFor[w]] += s.busyMinutes() - busyMark[w];
            onCall[standsFor[w]] += s.dutyMinutes() - dutyMark[w];
        }
        busyMark[w] = s.busyMinutes();
        dutyMark[w] = s.dutyMinutes();
    }
}
