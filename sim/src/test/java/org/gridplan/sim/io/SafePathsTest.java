package org.gridplan.sim.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafePathsTest {

    @TempDir
    Path dir;

    @Test
    void one_file_by_dots_links_and_files_not_yet_written() throws IOException {
        Path city = Files.writeString(dir.resolve("city.geojson"), "{}");
        Files.createDirectories(dir.resolve("out"));
        assertThat(SafePaths.sameFile(city, dir.resolve("out/../city.geojson"))).isTrue();
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("out"));
        // Neither exists: compared through the real path of their parent folder.
        assertThat(SafePaths.sameFile(link.resolve("new.csv"), dir.resolve("out/new.csv"))).isTrue();
        assertThat(SafePaths.sameFile(link.resolve("new.csv"), dir.resolve("out/other.csv"))).isFalse();
        Path hard = Files.createLink(dir.resolve("hard.geojson"), city);
        assertThat(SafePaths.sameFile(hard, city)).isTrue();
    }

    @Test
    void inside_resolves_dots_and_links_before_comparing() throws IOException {
        Path batch = Files.createDirectories(dir.resolve("batch"));
        assertThat(SafePaths.inside(batch, batch.resolve("layouts/1-a.geojson"))).isTrue();
        assertThat(SafePaths.inside(batch, batch.resolve("../../etc/passwd"))).isFalse();
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(batch.resolve("sneaky"), outside);
        assertThat(SafePaths.inside(batch, batch.resolve("sneaky/x.geojson"))).isFalse();
    }
}
