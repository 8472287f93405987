package org.gridplan.results.report;

import java.nio.file.Path;
import org.gridplan.results.SyntheticBatch;
import org.gridplan.results.chart.Lang;

/**
 * Writes a sample report from {@link SyntheticBatch}, for the browser check and for looking at.
 *
 * <p>Usage: {@code SampleReport OUT.html [en|zh] [replications]} (defaults {@code en}, 5).
 * From the repository root:
 * {@code mvn -B -q -pl results -am test-compile && java -cp "$(cat results/target/test-classpath.txt)"}
 * … or simply run {@code results/src/test/browser/check-report.sh}, which builds and runs it.
 */
public final class SampleReport {

    private SampleReport() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: SampleReport OUT.html [en|zh] [replications]");
            System.exit(2);
        }
        Lang lang = args.length > 1 ? Lang.of(args[1]) : Lang.EN;
        int replications = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path out = Path.of(args[0]);
        new ReportWriter(ReportOptions.of(lang)).write(SyntheticBatch.withOfficials(replications, 1), out);
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
