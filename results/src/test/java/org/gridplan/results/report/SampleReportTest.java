package org.gridplan.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridplan.results.SyntheticBatch;
import org.gridplan.results.chart.Lang;
import org.gridplan.results.stats.ComparisonData;
import org.junit.jupiter.api.Test;

/**
 * Writes the sample reports the browser check opens ({@code src/test/browser/check-report.sh}):
 * {@code target/sample-report/report-en.html}, {@code report-zh.html} and {@code report-1rep.html},
 * and the Chinese charts as PNG and SVG files in {@code charts-zh/} to look at.
 */
class SampleReportTest {

    static final Path DIR = Path.of("target", "sample-report");

    @Test
    void writes_sample_reports_for_the_browser_check() throws IOException {
        // With the officials' indicators, so the pages show their table rows and verdict sentences.
        ComparisonData five = SyntheticBatch.withOfficials(5, 1);
        new ReportWriter(ReportOptions.of(Lang.EN)).write(five, DIR.resolve("report-en.html"));
        new ReportWriter(ReportOptions.of(Lang.ZH)).write(five, DIR.resolve("report-zh.html"));
        new ReportWriter(ReportOptions.of(Lang.EN)).write(SyntheticBatch.withOfficials(1, 1),
                DIR.resolve("report-1rep.html"));
        new ReportWriter(ReportOptions.of(Lang.ZH)).writeCharts(five, DIR.resolve("charts-zh"));
        assertThat(DIR.resolve("charts-zh/map-2.png")).exists();
        for (String f : new String[] {"report-en.html", "report-zh.html", "report-1rep.html"}) {
            assertThat(Files.size(DIR.resolve(f))).as(f).isGreaterThan(50_000);
        }
    }
}
