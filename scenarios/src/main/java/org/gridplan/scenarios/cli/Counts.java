package org.gridplan.scenarios.cli;

import java.util.Locale;

/** Counts in console lines with the noun in the right number: "1 layout", "3 layouts". */
final class Counts {

    private Counts() {
    }

    /** {@code n} and {@code one} for 1, {@code many} otherwise: "1 sweep point", "9 sweep points". */
    static String of(long n, String one, String many) {
        return String.format(Locale.ROOT, "%d %s", n, n == 1 ? one : many);
    }

    /** "3 layouts × 1 sweep point × 10 replications", the size of a batch. */
    static String batch(int layouts, int points, int replications) {
        return of(layouts, "layout", "layouts") + " × " + of(points, "sweep point", "sweep points") + " × "
                + of(replications, "replication", "replications");
    }
}
