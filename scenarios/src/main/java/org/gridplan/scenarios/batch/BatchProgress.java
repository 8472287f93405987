package org.gridplan.scenarios.batch;

/**
 * Receives a batch's progress. Called from the batch's writer thread only, after each run is
 * committed, so implementations need no locking.
 */
public interface BatchProgress {

    /** The batch starts: {@code total} runs, of which {@code resumed} were already stored. */
    void started(int total, int resumed);

    /** A run was committed; {@code done} runs of {@code total} are now stored (resumed ones included). */
    void committed(int done, int total);

    /** The batch ended (completed or not). */
    void finished();

    /** A progress that shows nothing. */
    static BatchProgress silent() {
        return new BatchProgress() {
            @Override
            public void started(int total, int resumed) {
            }

            @Override
            public void committed(int done, int total) {
            }

            @Override
            public void finished() {
            }
        };
    }
}
