package org.gridplan.spark;

import java.io.Serializable;

/**
 * A fault a test puts into the tasks: told after each file a task writes, it may throw, as a task
 * killed half way would stop. The engine's own tasks have none.
 */
interface TaskFault extends Serializable {

    /** No fault. */
    TaskFault NONE = (runId, attempt, table) -> { };

    /**
     * Called after a task wrote {@code table}'s file of run {@code runId}.
     *
     * @param attempt the task's attempt, 0 for the first
     */
    void written(int runId, int attempt, String table);
}
