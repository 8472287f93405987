package org.gridplan.results.store;

import java.util.Locale;

/** A file format the store exports tables to with DuckDB's {@code COPY}. */
public enum ExportFormat {
    /** Comma-separated values with a header row; one file per table, {@code <table>.csv}. */
    CSV,
    /** Apache Parquet (columnar, typed); one file per table, {@code <table>.parquet}. */
    PARQUET;

    /** The lower-case name used in files and on the command line, also the file extension. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code csv} or {@code parquet}, case-insensitively. */
    public static ExportFormat fromKey(String key) {
        for (ExportFormat f : values()) {
            if (f.key().equalsIgnoreCase(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown export format '" + key + "' (expected csv or parquet)");
    }
}
