package org.gridplan.optimizer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A benchmark, not a test (surefire does not pick it up): runs published instances one after the
 * other in one JVM, as {@code gridplan bench pmed / cpmp} would, and prints one line each.
 *
 * <p>Run from the module: {@code java -cp <test classpath> org.gridplan.optimizer.bench.BenchSuite
 * SECONDS EVALUATIONS|default FILE...}; a file under a {@code pmed} folder is read as OR-Library
 * p-median, any other by {@link CpmpFormat#detect}.
 */
public final class BenchSuite {

    private BenchSuite() {
    }

    /** Entry point: {@code seconds evaluations|default file...}. */
    public static void main(String[] args) throws Exception {
        Duration time = Duration.ofSeconds(Long.parseLong(args[0]));
        OptionalLong evaluations = "default".equals(args[1]) ? OptionalLong.empty()
                : OptionalLong.of(Long.parseLong(args[1]));
        boolean stop = !Boolean.getBoolean("bench.noStop");
        long seed = Long.getLong("bench.seed", 1L);
        List<Path> files = new ArrayList<>();
        for (int k = 2; k < args.length; k++) {
            Path p = Path.of(args[k]);
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".md")).sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        for (Path f : files) {
            boolean pmed = f.getParent() != null && f.getParent().getFileName().toString().equals("pmed");
            BenchInstance in = pmed ? PmedReader.read(f) : CpmpFormat.readDetected(f);
            System.out.println(BenchRunner.run(in, time, evaluations, seed, stop).line());
        }
    }
}
