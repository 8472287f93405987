package org.gridplan.scenarios.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridplan.scenarios.spec.Scenario;
import org.gridplan.sim.io.InputException;
import org.gridplan.sim.io.SafePaths;

/**
 * The files a command reads and the files it will write, checked before any output is opened:
 * no output may be one of the inputs, and no two outputs may be one file. Paths are compared by
 * the files they name ({@link SafePaths}: absolute, normalised, symbolic links resolved, a file not
 * yet written through its parent's real path), not by their text. Every command that writes
 * files lists them here.
 */
final class FileRoles {

    private record Role(String label, Path path) {
        String describe() {
            return label + " " + path;
        }
    }

    private final List<Role> inputs = new ArrayList<>();
    private final List<Role> outputs = new ArrayList<>();

    /** Adds an input file; {@code label} is the option or field that names it (e.g. {@code --city}). */
    FileRoles input(String label, Path path) {
        if (path != null) {
            inputs.add(new Role(label, path));
        }
        return this;
    }

    /** Adds an output file the command will write. */
    FileRoles output(String label, Path path) {
        if (path != null) {
            outputs.add(new Role(label, path));
        }
        return this;
    }

    /** Adds a scenario file and every file it names (city, layouts, layout staffing files) as inputs. */
    FileRoles scenario(String label, Path file, Scenario s) {
        input(label, file);
        if (s.city() instanceof Scenario.CityFile c) {
            input("city.file", c.file());
        }
        for (int i = 0; i < s.layouts().size(); i++) {
            Scenario.LayoutSource l = s.layouts().get(i);
            if (l instanceof Scenario.LayoutFile f) {
                input("layouts[" + i + "].file", f.file());
            }
            if (l instanceof Scenario.RedrawnLayout r) {
                input("layouts[" + i + "].redraw", r.file());
            }
            if (l instanceof Scenario.OptimisedLayout o) {
                input("layouts[" + i + "].optimise.from", o.file());
            }
            if (l instanceof Scenario.EnsembleLayout e) {
                input("layouts[" + i + "].ensemble.from", e.from());
            }
            Optional<Scenario.StaffingFile> staffing = l.staffing();
            int n = i;
            staffing.ifPresent(st -> input("layouts[" + n + "].staffing", st.file()));
        }
        return this;
    }

    /**
     * Refuses an output that is an input, or two outputs that are one file.
     *
     * @throws InputException one line naming both paths (exit code 2); nothing has been written
     */
    void check() {
        for (int i = 0; i < outputs.size(); i++) {
            Role out = outputs.get(i);
            for (Role in : inputs) {
                if (SafePaths.sameFile(out.path(), in.path())) {
                    throw new InputException(out.describe() + " is the input " + in.describe() + " (both are "
                            + SafePaths.real(in.path()) + "): writing it would replace the input; give another "
                            + "output; nothing written");
                }
            }
            for (int j = 0; j < i; j++) {
                Role other = outputs.get(j);
                if (SafePaths.sameFile(out.path(), other.path())) {
                    throw new InputException(other.describe() + " and " + out.describe() + " are one file ("
                            + SafePaths.real(out.path()) + "): one output would overwrite the other; give each "
                            + "its own file; nothing written");
                }
            }
        }
    }
}
