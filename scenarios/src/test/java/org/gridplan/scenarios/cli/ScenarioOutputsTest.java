package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridplan.results.chart.Lang;
import org.gridplan.results.store.ExportFormat;
import org.gridplan.scenarios.spec.ExportKind;
import org.gridplan.scenarios.spec.ReportLanguage;
import org.junit.jupiter.api.Test;

/**
 * The scenario's names for the export formats and the report's language map to the results
 * module's types one to one, by the same names the scenario file and the command line use.
 */
class ScenarioOutputsTest {

    @Test
    void every_export_kind_is_the_store_format_of_its_name() {
        for (ExportKind k : ExportKind.values()) {
            assertThat(RunCommand.exportFormat(k)).as(k.key()).isEqualTo(ExportFormat.fromKey(k.key()));
        }
        assertThat(ExportKind.values()).hasSameSizeAs(ExportFormat.values());
    }

    @Test
    void every_report_language_is_the_report_language_of_its_name() {
        for (ReportLanguage l : ReportLanguage.values()) {
            assertThat(RunCommand.lang(l)).as(l.key()).isEqualTo(Lang.of(l.key()));
        }
        assertThat(ReportLanguage.values()).hasSameSizeAs(Lang.values());
    }
}
