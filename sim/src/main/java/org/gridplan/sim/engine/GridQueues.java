package org.gridplan.sim.engine;

/**
 * The cases of a run waiting for a worker: per grid a queue of urgent cases and one of routine
 * cases, each in the order the cases joined it, and the number waiting over all of them. A free
 * worker takes the oldest head (by known time, then number) of the grids it looks at (see
 * {@link DispatchTables#urgentGrids} and {@link DispatchTables#routineGrids}). One per run.
 */
final class GridQueues {

    private final IncidentTable inc;
    private final IntQueue[] routine;
    private final IntQueue[] urgent;
    private int total;

    GridQueues(int grids, IncidentTable inc) {
        this.inc = inc;
        routine = new IntQueue[grids];
        urgent = new IntQueue[grids];
        for (int g = 0; g < grids; g++) {
            routine[g] = new IntQueue();
            urgent[g] = new IntQueue();
        }
    }

    /** Cases waiting over all grids. */
    int total() {
        return total;
    }

    /** Cases waiting in grid {@code g}, urgent and routine. */
    int waiting(int g) {
        return routine[g].size() + urgent[g].size();
    }

    /** Case {@code i} of grid {@code g} joins the end of its queue. */
    void add(int i, int g, boolean urgentCase) {
        (urgentCase ? urgent : routine)[g].add(i);
        total++;
    }

    /** Takes waiting case {@code i} of grid {@code g} out of its queue, wherever it is. */
    void remove(int i, int g, boolean urgentCase) {
        if (!(urgentCase ? urgent : routine)[g].remove(i)) {
            throw new IllegalStateException("waiting incident " + i + " is not in its grid's queue");
        }
        total--;
    }

    /** Takes the head of grid {@code g}'s queue. */
    void poll(int g, boolean urgentCase) {
        (urgentCase ? urgent : routine)[g].poll();
        total--;
    }

    /** The oldest urgent case at the head of the given grids' queues, or -1. */
    int oldestUrgent(int[] grids) {
        return oldest(urgent, grids);
    }

    /** The oldest routine case at the head of the given grids' queues, or -1. */
    int oldestRoutine(int[] grids) {
        return oldest(routine, grids);
    }

    /** The oldest head of the given grids' queues (by known time, then number), or -1. */
    private int oldest(IntQueue[] qs, int[] grids) {
        int best = -1;
        for (int g : grids) {
            IntQueue q = qs[g];
            if (!q.isEmpty()) {
                int i = q.peek();
                if (best < 0 || inc.known[i] < inc.known[best] || (inc.known[i] == inc.known[best] && i < best)) {
                    best = i;
                }
            }
        }
        return best;
    }

    /**
     * Checks that the queues hold exactly the cases counted as waiting.
     *
     * @param waitingByState cases whose state is waiting
     */
    void checkCount(int waitingByState) {
        int queued = 0;
        for (IntQueue q : routine) {
            queued += q.size();
        }
        for (IntQueue q : urgent) {
            queued += q.size();
        }
        if (waitingByState != total || queued != total) {
            throw new IllegalStateException("waiting incidents lost: " + waitingByState + " waiting, " + queued
                    + " in grid queues, " + total + " counted");
        }
    }
}
