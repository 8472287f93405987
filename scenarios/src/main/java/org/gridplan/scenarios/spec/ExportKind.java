package org.gridplan.scenarios.spec;

import java.util.Locale;

/**
 * A file format a batch exports its tables to when it completes ({@code outputs.export}): the
 * scenario's own name for it, which the command line maps to the results store's export format.
 */
public enum ExportKind {
    /** Comma-separated values, one file per table. */
    CSV,
    /** Apache Parquet, one file per table. */
    PARQUET;

    /** The name written in a scenario file, also the files' extension: {@code csv} or {@code parquet}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
