package org.gridplan.sim.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;

/**
 * Reads and writes a staffing plan as CSV, one worker a row, so a planner can keep it in a
 * spreadsheet.
 *
 * <p>Columns (header row required, in any order): {@code id}, {@code type} ({@code full-time},
 * {@code part-time} or {@code professional}), {@code grid}; optional {@code base} (the id of the
 * building the worker starts from; default the grid's building nearest its household-weighted
 * centre) and {@code shift} ({@code weekday-day} 08:30–17:30 Mon–Fri, {@code part-time}
 * 09:00–13:00 Mon–Sat, {@code always}, or a window such as {@code 08:00-20:00 mon-sun}, see
 * {@link ShiftPattern#parse}; default {@code part-time} for part-time workers and
 * {@code weekday-day} for the others). Errors name the file, the line and the column.
 *
 * <p>The file may be saved as UTF-8, with or without a byte-order mark, or as GBK/GB18030 (Excel's
 * plain "CSV" on Chinese Windows), with LF or CRLF line ends: see {@link UserText}.
 *
 * <p>A row of type {@code duty} is an out-of-hours duty worker (值班) of a duty team: it takes the
 * urgent cases of the community of its {@code grid} only, waiting at {@code base}, during its
 * {@code shift} — by default {@code out-of-hours}, every hour outside the weekday day shift
 * (08:30–17:30 Monday to Friday) — or on the shift given. Its type is {@code professional} once read
 * (a duty team member is not a grid's worker).
 */
public final class StaffingCsv {

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final String DUTY = "duty";
    private static final String OUT_OF_HOURS = "out-of-hours";

    private StaffingCsv() {
    }

    /**
     * Reads a staffing plan for a city and layout; grids and base buildings must exist.
     *
     * @throws InputException naming the file, line and column of the first problem
     */
    public static Staffing read(Path file, City city, GridLayout layout) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnReordering(true);
        Map<String, String> defaultBase = Staffing.baseBuildings(city, layout);
        List<WorkerSpec> workers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String text = UserText.read(file);
        if (text.isBlank()) {
            // Jackson's "Empty header line" comes at line -1.
            throw new InputException(file, "empty file (expected a header row id,type,grid and one row per worker)");
        }
        try (Reader in = new StringReader(text);
                MappingIterator<Map<String, String>> rows = MAPPER.readerForMapOf(String.class)
                        .with(schema).with(CsvParser.Feature.TRIM_SPACES).with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .readValues(in)) {
            List<String> header = null;
            while (rows.hasNextValue()) {
                int line = rows.getCurrentLocation().getLineNr();
                Map<String, String> row = rows.nextValue();
                if (header == null) {
                    header = ((CsvSchema) rows.getParserSchema()).getColumnNames();
                    Set<String> columns = new HashSet<>();
                    for (String column : header) {
                        // Two columns of one name would be read as one, the other's values lost.
                        if (!column.isEmpty() && !columns.add(column)) {
                            throw new InputException(file, "line 1: column '" + column + "' appears twice");
                        }
                    }
                    for (String required : List.of("id", "type", "grid")) {
                        if (!header.contains(required)) {
                            throw new InputException(file, "line 1: missing column '" + required
                                    + "' (columns: id, type, grid, base, shift)");
                        }
                    }
                }
                String where = "line " + line;
                String id = required(file, where, row, "id");
                if (!ids.add(id)) {
                    throw new InputException(file, where + ", column 'id': worker " + id + " is listed twice");
                }
                String typeName = required(file, where, row, "type");
                boolean duty = typeName.equalsIgnoreCase(DUTY);
                WorkerType type = duty ? WorkerType.PROFESSIONAL : type(file, where, typeName);
                String grid = required(file, where, row, "grid");
                if (!layout.communityOfGrid().containsKey(grid)) {
                    throw new InputException(file, where + ", column 'grid': worker " + id + " is assigned to grid "
                            + grid + ", which layout " + layout.name() + " does not have");
                }
                String base = row.getOrDefault("base", "");
                if (base == null || base.isBlank()) {
                    base = defaultBase.get(grid);
                } else if (city.indexOf(base).isEmpty()) {
                    throw new InputException(file, where + ", column 'base': building " + base + " is not in city "
                            + city.name());
                }
                String shiftName = row.getOrDefault("shift", "");
                boolean blank = shiftName == null || shiftName.isBlank();
                if (duty && (blank || shiftName.trim().equalsIgnoreCase(OUT_OF_HOURS))) {
                    workers.add(new WorkerSpec(id, type, grid, base, ShiftPattern.WEEKDAY_DAY,
                            WorkerSpec.Duty.OUT_OF_HOURS));
                    continue;
                }
                ShiftPattern shift = blank
                        ? (type == WorkerType.PART_TIME ? ShiftPattern.PART_TIME : ShiftPattern.WEEKDAY_DAY)
                        : shift(file, where, shiftName);
                workers.add(new WorkerSpec(id, type, grid, base, shift,
                        duty ? WorkerSpec.Duty.SHIFT : WorkerSpec.Duty.NONE));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InputException(file, "malformed CSV" + (at == null ? "" : " at line " + at.getLineNr())
                    + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof JsonProcessingException j) {
                throw new InputException(file, "malformed CSV at line " + j.getLocation().getLineNr() + ": "
                        + j.getOriginalMessage(), e);
            }
            throw e;
        }
        if (workers.isEmpty()) {
            throw new InputException(file, "no workers (expected a header row and one row per worker)");
        }
        return Staffing.of(workers);
    }

    /** Writes a plan's workers (pools are not part of this format), atomically. */
    public static void write(Staffing staffing, Path file) {
        AtomicFiles.write(file, out -> {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("id,type,grid,base,shift\n");
            for (WorkerSpec s : staffing.workers()) {
                boolean duty = s.duty() != WorkerSpec.Duty.NONE;
                String shift = s.duty() == WorkerSpec.Duty.OUT_OF_HOURS ? OUT_OF_HOURS : s.shift().name();
                w.write(String.join(",", field(s.id()), duty ? DUTY : typeKey(s.type()), field(s.grid()),
                        field(s.baseBuilding()), field(shift)));
                w.write('\n');
            }
            w.flush();
        });
    }

    /** A CSV field, quoted when it holds a comma or a quote (a shift such as {@code 09:00-12:00 sat,sun}). */
    private static String field(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String required(Path file, String where, Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null || v.isBlank()) {
            throw new InputException(file, where + ", column '" + column + "': missing value");
        }
        return v;
    }

    /** The file key of a worker type: {@code full-time}, {@code part-time}, {@code professional}. */
    public static String typeKey(WorkerType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static WorkerType type(Path file, String where, String key) {
        for (WorkerType t : WorkerType.values()) {
            if (typeKey(t).equalsIgnoreCase(key)) {
                return t;
            }
        }
        throw new InputException(file, where + ", column 'type': unknown worker type '" + key
                + "' (expected full-time, part-time, professional or duty)");
    }

    private static ShiftPattern shift(Path file, String where, String name) {
        try {
            return ShiftPattern.parse(name);
        } catch (IllegalArgumentException e) {
            throw new InputException(file, where + ", column 'shift': " + e.getMessage());
        }
    }
}
