package org.gridplan.sim.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes and reads {@link RunResult} as JSON (Jackson; NaN as the string {@code "NaN"}) and the
 * incident log as CSV.
 */
public final class RunResultJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunResultJson() {
    }

    /** The result as indented JSON. */
    public static String toJson(RunResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a result written by {@link #toJson}. */
    public static RunResult fromJson(String json) {
        try {
            return MAPPER.readValue(json, RunResult.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV header of {@link #writeIncidentCsv}. */
    public static final String CSV_HEADER = "number,category,grid,building,discovery,found_on_patrol,worker,occurred,"
            + "known,assigned,arrived,handled,escalation,work_order,level_done,closed,travel_metres";

    /**
     * Writes the incident log as CSV with {@link #CSV_HEADER}; times in minutes, steps that did not
     * happen left empty. Ids are written as given (grid and building ids contain no commas in
     * gridplan's files; a comma or quote is quoted).
     */
    public static void writeIncidentCsv(List<IncidentRecord> incidents, Writer out) {
        try {
            out.write(CSV_HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(160);
            for (IncidentRecord r : incidents) {
                line.setLength(0);
                line.append(r.number()).append(',').append(quote(r.category())).append(',').append(quote(r.grid()))
                        .append(',').append(quote(r.building())).append(',').append(r.discovery()).append(',')
                        .append(r.foundOnPatrol()).append(',').append(quote(r.worker()));
                for (double v : new double[] {r.occurred(), r.known(), r.assigned(), r.arrived(), r.handled()}) {
                    line.append(',').append(num(v));
                }
                line.append(',').append(r.escalation() == null ? "" : r.escalation().name());
                for (double v : new double[] {r.workOrder(), r.levelDone(), r.closed(), r.travelMetres()}) {
                    line.append(',').append(num(v));
                }
                line.append('\n');
                out.append(line);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
