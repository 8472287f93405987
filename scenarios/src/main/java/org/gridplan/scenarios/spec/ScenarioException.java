package org.gridplan.scenarios.spec;

import java.util.List;
import org.gridplan.sim.io.InputException;

/**
 * A scenario file that cannot be run, with every problem found, each reading
 * {@code file:line field.path: problem} (for example
 * {@code quickstart.yaml:14 layouts[1].targetHouseholds: 900 is above the maximum grid size 500}).
 * The command line reports it with exit code 2.
 */
public final class ScenarioException extends InputException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** An exception listing {@code problems}, not empty. */
    public ScenarioException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
