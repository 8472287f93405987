package org.gridplan.results.report;

import java.util.Objects;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.stats.Kpi;

/**
 * How a report is written.
 *
 * @param lang       language of every label
 * @param verdictKpi the KPI the verdict sentences and the ranking speak about
 * @param mapKpi     the KPI the district maps are coloured by
 */
public record ReportOptions(Lang lang, Kpi verdictKpi, Kpi mapKpi) {

    public ReportOptions {
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(verdictKpi, "verdictKpi");
        Objects.requireNonNull(mapKpi, "mapKpi");
    }

    /** A report in {@code lang} judging and mapping p90 response time. */
    public static ReportOptions of(Lang lang) {
        return new ReportOptions(lang, Kpi.P90_RESPONSE, Kpi.P90_RESPONSE);
    }
}
