package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridplan.results.store.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch killed mid-way (a real child JVM, destroyed forcibly, so no shutdown hook or commit runs)
 * and run again completes without losing, duplicating or changing a run; so does one killed three
 * times at points drawn from a fixed seed, resumed after each kill.
 */
class ResumeIT {

    @TempDir
    Path dir;

    static final String SCENARIO = """
            city:
              generate: {households: 20000, seed: 6}
            layouts:
              - {name: grid-450, targetHouseholds: 450}
              - {name: grid-350, targetHouseholds: 350}
            replications: 30
            horizonDays: 150
            warmUpDays: 3
            """;

    static final int TOTAL = 60;

    @Test
    void a_batch_killed_mid_way_resumes_to_the_same_results_as_an_uninterrupted_one() throws Exception {
        Path file = dir.resolve("resume.yaml");
        Files.writeString(file, SCENARIO);
        Path killed = dir.resolve("killed");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.gridplan.scenarios.cli.Main", "run", file.toString(), "--out", killed.toString(), "--threads", "1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Pattern progress = Pattern.compile("progress: (\\d+)/" + TOTAL + " runs");
        int seen = 0;
        List<String> log = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                log.add(line);
                Matcher m = progress.matcher(line);
                if (m.find()) {
                    seen = Integer.parseInt(m.group(1));
                    if (seen >= 6) {
                        break;
                    }
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).as("child's progress: %s", log).isGreaterThanOrEqualTo(6);

        int stored = count(killed.resolve(RunCommand.DATABASE), "SELECT count(*) FROM runs");
        assertThat(stored).as("runs stored when killed").isBetween(6, TOTAL - 1);

        CliRunner resumed = CliRunner.run("run", file.toString(), "--out", killed.toString(), "--threads", "2");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming: " + stored + " of " + TOTAL + " runs already stored");

        Path whole = dir.resolve("whole");
        CliRunner uninterrupted = CliRunner.run("run", file.toString(), "--out", whole.toString(), "--threads", "2");
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();

        assertSameBatch(killed, whole);
        // And so is the report written at the end of each.
        assertThat(Files.readString(killed.resolve("report.html")))
                .isEqualTo(Files.readString(whole.resolve("report.html")));
        // The KPI tables printed at the end agree too.
        assertThat(table(resumed.out())).isEqualTo(table(uninterrupted.out()));
    }

    /** Kills of the seeded schedule; each kill comes 3 to 12 stored runs after the (re)start. */
    static final int KILLS = 3;
    static final long SCHEDULE_SEED = 18;

    @Test
    void a_batch_killed_at_seeded_random_points_and_resumed_each_time_ends_as_an_uninterrupted_one()
            throws Exception {
        Path file = dir.resolve("resume.yaml");
        Files.writeString(file, SCENARIO);
        Path killed = dir.resolve("killed-often");
        java.util.Random schedule = new java.util.Random(SCHEDULE_SEED);
        int stored = 0;
        for (int k = 0; k < KILLS; k++) {
            int after = 3 + schedule.nextInt(10);
            long delayMillis = schedule.nextInt(250);
            Kill kill = runAndKill(file, killed, after, delayMillis);
            if (k > 0) {
                assertThat(kill.log()).as("kill %d: the child resumed what was stored", k)
                        .contains("resuming: " + stored + " of " + TOTAL + " runs already stored");
            }
            assertThat(kill.progress()).as("kill %d: child's progress: %s", k, kill.log())
                    .isGreaterThanOrEqualTo(stored + after);
            int now = count(killed.resolve(RunCommand.DATABASE), "SELECT count(*) FROM runs");
            assertThat(now).as("kill %d: runs stored (none lost by the kill)", k).isGreaterThanOrEqualTo(stored + after)
                    .isLessThan(TOTAL);
            assertThat(count(killed.resolve(RunCommand.DATABASE), "SELECT count(DISTINCT run_id) FROM runs"))
                    .as("kill %d: no run stored twice", k).isEqualTo(now);
            stored = now;
        }
        CliRunner resumed = CliRunner.run("run", file.toString(), "--out", killed.toString(), "--threads", "2");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming: " + stored + " of " + TOTAL + " runs already stored");

        Path whole = dir.resolve("whole");
        CliRunner uninterrupted = CliRunner.run("run", file.toString(), "--out", whole.toString(), "--threads", "2");
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
        assertSameBatch(killed, whole);
        assertThat(table(resumed.out())).isEqualTo(table(uninterrupted.out()));
    }

    /** What a killed child printed, and the last progress it reported. */
    record Kill(int progress, List<String> log) {
    }

    /**
     * Runs the batch in a child JVM (resuming what {@code out} holds) and kills it forcibly
     * {@code delayMillis} after it reported {@code after} more stored runs than it started with.
     */
    private static Kill runAndKill(Path file, Path out, int after, long delayMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.gridplan.scenarios.cli.Main", "run", file.toString(), "--out", out.toString(), "--threads", "1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Pattern progress = Pattern.compile("progress: (\\d+)/" + TOTAL + " runs");
        Pattern resuming = Pattern.compile("resuming: (\\d+) of " + TOTAL);
        int start = 0;
        int seen = 0;
        List<String> log = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                log.add(line);
                Matcher r = resuming.matcher(line);
                if (r.find()) {
                    start = Integer.parseInt(r.group(1));
                }
                Matcher m = progress.matcher(line);
                if (m.find()) {
                    seen = Integer.parseInt(m.group(1));
                    if (seen >= start + after) {
                        break;
                    }
                }
            }
            // A delay drawn from the schedule, so the kill also lands between commits.
            Thread.sleep(delayMillis);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return new Kill(seen, log);
    }

    /**
     * The batch in {@code resumed} holds every run exactly once, each as in the uninterrupted
     * batch {@code whole}: the same rows in every table.
     */
    private static void assertSameBatch(Path resumed, Path whole) throws SQLException, IOException {
        Path a = resumed.resolve(RunCommand.DATABASE);
        Path b = whole.resolve(RunCommand.DATABASE);
        assertThat(count(a, "SELECT count(*) FROM runs")).isEqualTo(TOTAL);
        assertThat(count(a, "SELECT count(DISTINCT run_id) FROM runs WHERE status = 'ok'")).isEqualTo(TOTAL);
        assertThat(count(a, "SELECT count(*) FROM district_kpis")).isEqualTo(TOTAL);
        for (String sql : List.of("SELECT * EXCLUDE (seconds, finished) FROM runs ORDER BY run_id",
                "SELECT * FROM district_kpis ORDER BY run_id",
                "SELECT * FROM grid_kpis ORDER BY run_id, grid",
                "SELECT * FROM worker_kpis ORDER BY run_id, worker",
                "SELECT * FROM response_histogram ORDER BY run_id, minutes",
                "SELECT * FROM backlog ORDER BY run_id, hour",
                "SELECT * FROM settings ORDER BY name",
                "SELECT * FROM layouts ORDER BY position")) {
            assertThat(rows(a, sql)).as(sql).isEqualTo(rows(b, sql));
        }
        // Every run has its distributions exactly once: none lost or doubled by the kill.
        assertThat(count(a, "SELECT count(DISTINCT run_id) FROM response_histogram")).isEqualTo(TOTAL);
        assertThat(count(a, "SELECT count(*) FROM (SELECT run_id, minutes FROM response_histogram "
                + "GROUP BY ALL HAVING count(*) > 1)")).isZero();
        assertThat(count(a, "SELECT count(DISTINCT run_id) FROM backlog")).isEqualTo(TOTAL);
    }

    private static String table(String out) {
        String t = out.substring(out.indexOf("layout "));
        // The last line names the report, which is in each batch's own folder.
        return t.substring(0, t.indexOf("report: "));
    }

    private static int count(Path db, String sql) throws SQLException {
        try (ResultsStore store = ResultsStore.open(db); Statement st = store.connection().createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> rows(Path db, String sql) throws SQLException, IOException {
        List<String> out = new ArrayList<>();
        try (Connection c = ResultsStore.openReadOnly(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
