package org.gridplan.sim.engine;

import java.util.Arrays;

/**
 * The incidents of a run as parallel primitive arrays, grown by doubling: a run of a 500,000-household
 * district holds about 100,000 of them without an object each. Times are minutes (NaN until they
 * happen); {@code state} and {@code outcome} hold the engine's codes.
 */
final class IncidentTable {
    // States.
    static final byte LATENT = 0;
    static final byte WAITING = 1;
    static final byte ASSIGNED = 2;
    static final byte ON_SITE = 3;
    static final byte ESCALATED = 4;
    static final byte CLOSED = 5;
    /** Lost (its grid's queue was full) or abandoned: out of the books, neither open nor closed. */
    static final byte GONE = 6;
    /** Reported, in triage at the command center. */
    static final byte TRIAGE = 7;

    // Outcomes.
    static final byte WORKED = 0;
    static final byte LINKED = 1;
    static final byte LOST = 2;
    static final byte ABANDONED = 3;

    int size;
    int[] building;
    int[] grid;
    int[] category;
    int[] worker;
    int[] latentNext;
    byte[] state;
    boolean[] onSpot;
    boolean[] foundOnPatrol;
    double[] occurred;
    double[] known;
    double[] assigned;
    double[] arrived;
    double[] handled;
    double[] closed;
    double[] service;
    double[] handoff;
    double[] handling;
    double[] reply;
    double[] metres;
    double[] triage;
    double[] respDue;
    double[] closDue;
    double[] patience;
    double[] linkDelay;
    byte[] outcome;

    IncidentTable(int capacity) {
        allocate(Math.max(16, capacity));
    }

    private void allocate(int cap) {
        building = grow(building, cap);
        grid = grow(grid, cap);
        category = grow(category, cap);
        worker = grow(worker, cap);
        latentNext = grow(latentNext, cap);
        state = state == null ? new byte[cap] : Arrays.copyOf(state, cap);
        onSpot = onSpot == null ? new boolean[cap] : Arrays.copyOf(onSpot, cap);
        foundOnPatrol = foundOnPatrol == null ? new boolean[cap] : Arrays.copyOf(foundOnPatrol, cap);
        occurred = grow(occurred, cap);
        known = grow(known, cap);
        assigned = grow(assigned, cap);
        arrived = grow(arrived, cap);
        handled = grow(handled, cap);
        closed = grow(closed, cap);
        service = grow(service, cap);
        handoff = grow(handoff, cap);
        handling = grow(handling, cap);
        reply = grow(reply, cap);
        metres = grow(metres, cap);
        triage = grow(triage, cap);
        respDue = grow(respDue, cap);
        closDue = grow(closDue, cap);
        patience = grow(patience, cap);
        linkDelay = grow(linkDelay, cap);
        outcome = outcome == null ? new byte[cap] : Arrays.copyOf(outcome, cap);
    }

    private static int[] grow(int[] a, int cap) {
        return a == null ? new int[cap] : Arrays.copyOf(a, cap);
    }

    private static double[] grow(double[] a, int cap) {
        return a == null ? new double[cap] : Arrays.copyOf(a, cap);
    }

    int add() {
        if (size == building.length) {
            allocate(size * 2);
        }
        int i = size++;
        worker[i] = -1;
        latentNext[i] = -1;
        known[i] = Double.NaN;
        assigned[i] = Double.NaN;
        arrived[i] = Double.NaN;
        handled[i] = Double.NaN;
        closed[i] = Double.NaN;
        handoff[i] = 0;
        handling[i] = 0;
        reply[i] = 0;
        triage[i] = 0;
        respDue[i] = Double.NaN;
        closDue[i] = Double.NaN;
        patience[i] = Double.POSITIVE_INFINITY;
        linkDelay[i] = 0;
        outcome[i] = WORKED;
        return i;
    }
}
