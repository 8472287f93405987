package org.gridplan.sim.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Compares paths by the files they name, not by their text: {@code out/../city.geojson}, a
 * symbolic link to it and its absolute path are one file. A path that does not exist yet is
 * resolved through the real path of its nearest existing parent, so an output about to be created
 * can be compared with an input.
 */
public final class SafePaths {

    private SafePaths() {
    }

    /**
     * The absolute, normalised form of {@code path} with the symbolic links of its existing part
     * resolved: the real path of the longest existing ancestor, then the names that do not exist
     * yet.
     */
    public static Path real(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path base;
        try {
            base = existing == null ? abs.getRoot() : existing.toRealPath();
        } catch (IOException e) {
            // A dangling link or an unreadable folder: its normalised absolute form is the best name we have.
            base = existing;
        }
        for (Path name : missing) {
            base = base.resolve(name.toString());
        }
        return base;
    }

    /** Whether {@code a} and {@code b} name the same file (also through hard links, when both exist). */
    public static boolean sameFile(Path a, Path b) {
        if (real(a).equals(real(b))) {
            return true;
        }
        if (Files.exists(a) && Files.exists(b)) {
            try {
                return Files.isSameFile(a, b);
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /** Whether {@code path} lies inside folder {@code dir} (or is it), after resolving both. */
    public static boolean inside(Path dir, Path path) {
        return real(path).startsWith(real(dir));
    }
}
