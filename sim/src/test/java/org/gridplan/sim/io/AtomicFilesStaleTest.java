package org.gridplan.sim.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesStaleTest {

    @TempDir
    Path dir;

    @Test
    void removes_the_temporary_files_a_killed_write_leaves_and_nothing_else() throws IOException {
        // The name a write in progress really uses, seen from inside the write.
        List<String> during = new ArrayList<>();
        AtomicFiles.write(dir.resolve("city.geojson"), out -> {
            try (var files = Files.list(dir)) {
                files.forEach(f -> during.add(f.getFileName().toString()));
            }
            out.write('x');
        });
        assertThat(during).hasSize(1);
        Files.writeString(dir.resolve(during.get(0)), "half a city");
        Files.writeString(dir.resolve("notes.tmp"), "a user's file");
        Files.writeString(dir.resolve(".hidden"), "a user's file");

        assertThat(AtomicFiles.removeStaleTemporaries(dir)).isEqualTo(1);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("city.geojson",
                    "notes.tmp", ".hidden");
        }
        assertThat(AtomicFiles.removeStaleTemporaries(dir.resolve("missing"))).isZero();
    }
}
