package org.gridplan.scenarios.spec;

/**
 * The language of the report a batch writes at the end ({@code outputs.reportLanguage}): the
 * scenario's own name for it, which the command line maps to the report's language.
 */
public enum ReportLanguage {
    /** English. */
    EN("en"),
    /** Simplified Chinese. */
    ZH("zh");

    private final String key;

    ReportLanguage(String key) {
        this.key = key;
    }

    /** The name written in a scenario file, {@code en} or {@code zh}. */
    public String key() {
        return key;
    }
}
