package org.gridplan.scenarios.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridplan.optimizer.model.SitingPlan;
import org.gridplan.optimizer.model.StaffingPlan;
import org.gridplan.optimizer.plan.Plan;
import org.gridplan.optimizer.plan.PlanJustification;
import org.gridplan.sim.io.AtomicFiles;
import org.gridplan.sim.model.Building;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.Site;

/**
 * Reads candidate sites and writes a district plan: {@code plan.json} (branches, grid → branch,
 * worker → grid, KPIs, justifications) and {@code plan.geojson} (branches and grids as points, in
 * the city's coordinates, to open in a GIS).
 */
public final class PlanFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanFiles() {
    }

    /** The plan as the {@code plan.json} tree. */
    public static Map<String, Object> json(Plan plan, Map<String, Object> inputs, List<Site> sites) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kind", "gridplan-plan");
        root.putAll(inputs);
        SitingPlan s = plan.sitingPlan();
        Map<String, Object> branches = new LinkedHashMap<>();
        branches.put("p", plan.maxBranches());
        plan.request().siting().branchCapacity().ifPresent(c -> branches.put("capacity", c));
        branches.put("open", s.openSites());
        branches.put("householdsPerBranch", new TreeMap<>(s.householdsPerSite()));
        branches.put("gridBranch", new TreeMap<>(s.siteOfDemand()));
        root.put("branches", branches);
        StaffingPlan w = plan.staffingPlan();
        root.put("workerGrid", new TreeMap<>(w.gridOfWorker()));
        Map<String, Object> kpis = new LinkedHashMap<>();
        kpis.put("baseline", kpis(plan.baselineKpis(), plan.sitingBaseline().score(), plan.staffingBaseline().score()));
        kpis.put("optimised", kpis(plan.optimisedKpis(), s.score(), w.score()));
        root.put("kpis", kpis);
        if (plan.baselineForecast().isPresent() && plan.optimisedForecast().isPresent()) {
            Map<String, Object> forecast = new LinkedHashMap<>();
            forecast.put("baseline", forecast(plan.baselineForecast().get()));
            forecast.put("optimised", forecast(plan.optimisedForecast().get()));
            root.put("fieldForecast", forecast);
        }
        root.put("baselineBranches", plan.sitingBaseline().openSites());
        root.put("justifications", plan.justifications().stream().map(PlanJustification::english).toList());
        root.put("justificationsZh", plan.justifications().stream().map(PlanJustification::chinese).toList());
        root.put("notes", plan.notes());
        return root;
    }

    private static Map<String, Object> kpis(Plan.Kpis k, String sitingScore, String staffingScore) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("expectedResponseMinutes", round(k.expectedResponseMinutes()));
        out.put("within5MinutesOfBranch", round(k.within5Share()));
        out.put("within15MinutesOfBranch", round(k.within15Share()));
        out.put("branchLoadSpread", round(k.branchLoadSpread()));
        out.put("maxUtilisation", round(k.maxUtilisation()));
        out.put("utilisationCv", round(k.utilisationSpread()));
        out.put("sitingScore", sitingScore);
        out.put("staffingScore", staffingScore);
        return out;
    }

    private static Map<String, Object> forecast(Plan.Forecast f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("casesPerYear", round(f.casesPerYear()));
        out.put("meanResponseMinutes", round(f.meanResponseMinutes()));
        out.put("onTimeShare", round(f.onTimeShare()));
        out.put("urgentOnTimeShare", round(f.urgentOnTimeShare()));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** Writes {@code plan.json} atomically. */
    public static void writeJson(Map<String, Object> tree, Path file) {
        AtomicFiles.write(file, out -> out.write(JSON.writeValueAsBytes(tree)));
    }

    /**
     * Writes {@code plan.geojson} atomically: one {@code Point} per open branch ({@code kind:
     * "branch"}, its households and grids) and one per grid at its base building ({@code kind:
     * "grid"}, its branch, workers and expected response), one feature per line.
     */
    public static void writeGeoJson(Plan plan, List<Site> sites, Path file) {
        City city = plan.request().city();
        Map<String, Site> siteById = new LinkedHashMap<>();
        sites.forEach(site -> siteById.put(site.id(), site));
        Map<String, List<String>> workersOfGrid = new TreeMap<>();
        new TreeMap<>(plan.staffingPlan().gridOfWorker()).forEach((worker, grid) ->
                workersOfGrid.computeIfAbsent(grid, g -> new ArrayList<>()).add(worker));
        Map<String, Long> gridsPerBranch = new TreeMap<>();
        plan.sitingPlan().siteOfDemand().values().forEach(site -> gridsPerBranch.merge(site, 1L, Long::sum));
        StringBuilder sb = new StringBuilder(
                "{\"type\":\"FeatureCollection\",\"gridplan\":{\"kind\":\"plan\",\"city\":")
                .append(quote(city.name())).append(",\"layout\":").append(quote(plan.request().layout().name()))
                .append("},\"features\":[\n");
        List<String> lines = new ArrayList<>();
        for (String id : plan.sitingPlan().openSites()) {
            Site site = siteById.get(id);
            lines.add(feature(site.x(), site.y(), Map.of("kind", "branch", "id", id, "households",
                    plan.sitingPlan().householdsPerSite().get(id), "grids", gridsPerBranch.getOrDefault(id, 0L))));
        }
        for (Plan.Grid g : plan.grids()) {
            String grid = g.id();
            Building base = city.buildings().get(city.indexOf(g.baseBuilding()).orElseThrow());
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("kind", "grid");
            props.put("grid", grid);
            props.put("households", g.households());
            props.put("branch", plan.sitingPlan().siteOfDemand().get(grid));
            props.put("workers", workersOfGrid.getOrDefault(grid, List.of()));
            Double response = plan.staffingPlan().responseMinutesByGrid().get(grid);
            if (response != null) {
                props.put("expectedResponseMinutes", round(response));
            }
            lines.add(feature(base.x(), base.y(), props));
        }
        sb.append(String.join(",\n", lines)).append("\n]}\n");
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    private static String feature(double x, double y, Map<String, Object> props) {
        try {
            return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":["
                    + JSON.writeValueAsString(x) + "," + JSON.writeValueAsString(y) + "]},\"properties\":"
                    + new ObjectMapper().writeValueAsString(new TreeMap<>(props)) + "}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
