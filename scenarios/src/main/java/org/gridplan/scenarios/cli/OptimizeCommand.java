package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.gridplan.optimizer.plan.DutyRules;
import org.gridplan.optimizer.plan.Plan;
import org.gridplan.optimizer.plan.PlanJustification;
import org.gridplan.optimizer.plan.PlanRequest;
import org.gridplan.optimizer.plan.PlanWorker;
import org.gridplan.optimizer.plan.Planner;
import org.gridplan.optimizer.plan.ShiftChoice;
import org.gridplan.optimizer.plan.SitingRules;
import org.gridplan.optimizer.plan.SolveBudget;
import org.gridplan.results.stats.MeanInterval;
import org.gridplan.scenarios.batch.Seeds;
import org.gridplan.scenarios.limits.Limits;
import org.gridplan.scenarios.plan.PlanFiles;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.engine.GridSimulation;
import org.gridplan.sim.engine.RunResult;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.engine.TravelModel;
import org.gridplan.sim.io.GeoJson;
import org.gridplan.sim.io.InputException;
import org.gridplan.sim.io.StaffingCsv;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.model.Site;
import org.gridplan.sim.road.TravelMode;
import org.gridplan.sim.road.TravelTimes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridplan optimize}: sites branches, assigns grids to them and workers to grids, writes the
 * plan and prints its analytic KPIs against the baseline; optionally simulates both.
 */
@Command(name = "optimize",
        description = {"Optimise a district's plan on an analytic response model: open at most p branches at "
                + "candidate sites and assign every grid to one (capacitated p-median with 5- and 15-minute "
                + "service circles and load balance), and assign the workers to grids (every grid with demand "
                + "gets a full-time worker; minimise the expected response of the --model, by default the "
                + "field-regime model of the simulated runs; balance utilisation; prefer workers living near "
                + "their grid).",
            "",
            "Baseline: nearest-site siting (every grid to its nearest candidate site, at most p of them open) "
                + "and one full-time worker per grid (the nearest free one; further workers to the grid "
                + "nearest their home, or spread evenly over the grids when they have no home).",
            "",
            "Writes to --out: plan.json (branches, grid -> branch, worker -> grid, KPIs, justifications), "
                + "plan.geojson (branches and grids as points), staffing.csv (the optimised workers, for "
                + "'gridplan simulate --staffing') and baseline-staffing.csv. Nothing is written when the "
                + "input is bad or no plan can meet a hard constraint. Progress goes to standard error.",
            ""},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:plan written", "2:bad input, or a hard constraint no plan can meet (the message names "
                + "it and the shortfall); nothing written"})
final class OptimizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--city", required = true, paramLabel = "CITY.geojson",
            description = "The city, with its candidate branch sites (Points with kind: site).")
    Path city;

    @Option(names = "--layout", required = true, paramLabel = "LAYOUT.geojson", description = "The grid layout.")
    Path layout;

    @Option(names = "--sites", paramLabel = "SITES.geojson",
            description = "Candidate sites to use instead of the city's: a GeoJSON FeatureCollection of Points "
                    + "with an 'id' (and kind: site, or no kind). Default: the city's sites.")
    Path sites;

    @Option(names = "--workers", required = true, paramLabel = "COUNTS|STAFFING.csv",
            description = {"The workers to place, either counts, e.g. 'fulltime=1800' or "
                    + "'fulltime=1800,parttime=200,professional=50' (workers without a home, each based at "
                    + "its grid's base building), or a staffing CSV as 'gridplan simulate' reads it (id, type, "
                    + "grid, base, shift): its workers keep type and shift, their 'base' building is their "
                    + "home, and the 'grid' column is ignored: the optimiser chooses the grid."})
    String workers;

    @Option(names = "--homes", paramLabel = "SEED",
            description = "With --workers as counts: the workers live in buildings drawn in proportion to households "
                    + "with this seed (cadres are assigned by place of residence), and each is based at home instead "
                    + "of at its grid's base building. Default: no homes.")
    Long homes;

    @Option(names = "--branches", paramLabel = "P",
            description = "p, the most branches to open. Default: one per community (a party-mass service "
                    + "station per community), at most the number of sites.")
    Integer branches;

    @Option(names = "--capacity", paramLabel = "HOUSEHOLDS",
            description = "Households one branch can serve. Default: no capacity.")
    Long capacity;

    @Option(names = "--community-shares-branch",
            description = "Require all grids of a community to use the same branch (a hard rule). Default: "
                    + "each grid may go to any open branch.")
    boolean communitySharesBranch;

    @Option(names = "--time", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Time limit of each solve, siting then staffing (default ${DEFAULT-VALUE}; e.g. 500ms, "
                    + "10s, 2m). A move-evaluation budget that grows with the problem normally ends a solve "
                    + "first, so the plan is the same on every machine; when the time limit ends it, the "
                    + "output says so.")
    Duration time;

    @Option(names = "--unimproved", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Also stop a solve once its best plan has not improved for this long (e.g. 10s). Off by "
                    + "default: it makes the plan depend on the machine's speed.")
    Duration unimproved;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Solver seed; with --simulate also the master seed of the replications, whose run "
                    + "seeds follow the batch rule of 'gridplan run' (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "plan", paramLabel = "DIR",
            description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--simulate", defaultValue = "0", paramLabel = "N",
            description = "Also simulate N replications of the baseline and of the optimised plan under common "
                    + "random numbers (the same seeds) and print both with 95%% intervals: mean and p90 response "
                    + "and the on-time share; and the model's gain beside the simulated paired gain, with a warning "
                    + "when the model's lies outside the simulated interval (default ${DEFAULT-VALUE}: no "
                    + "simulation).")
    int simulate;

    @Option(names = "--days", defaultValue = "365", paramLabel = "DAYS",
            description = "With --simulate: simulated days per replication, 7 of them warm-up (default "
                    + "${DEFAULT-VALUE}).")
    double days;

    @Option(names = "--travel", defaultValue = "ebike", paramLabel = "MODE",
            description = "Travel mode for the model and the simulation: walk (72 m/min) or ebike (250 m/min) "
                    + "(default ${DEFAULT-VALUE}).")
    String travel;

    @Option(names = "--demand-scale", defaultValue = "1.0", paramLabel = "FACTOR",
            description = "Multiplies every incident rate of the default catalog (default ${DEFAULT-VALUE}).")
    double demandScale;

    @Option(names = "--model", defaultValue = "field", paramLabel = "MODEL",
            description = {"The response model the worker solve minimises: field (default) — the field-regime "
                    + "model of the runs 'gridplan simulate' makes with the field defaults: the wait for the next "
                    + "shift, the out-of-hours duty roster, routine work, patrol discovery, the Erlang C wait and "
                    + "travel, on-time shares on each limit's clock; or queueing — travel plus the Erlang C wait "
                    + "of workers always on shift (the model of a bare queueing system)."})
    String model;

    @Option(names = "--duty", paramLabel = "SCOPE", defaultValue = "community",
            description = "The out-of-hours duty roster of both plans, as in 'gridplan simulate': community (one "
                    + "full-time grid worker per community on duty out of hours, in rotation, at the community "
                    + "office) or none; or choose: the baseline keeps community, and the plan takes the roster with "
                    + "the fewest workers on duty at night that the field model expects to reach --urgent-target "
                    + "(candidates: none; per community a grid worker at the office, on call at home or at the "
                    + "community's central building by road, or a duty team at the office or the central building; "
                    + "among equally cheap ones the better urgent share, then the shorter mean response) (default: "
                    + "${DEFAULT-VALUE}).")
    String duty;

    @Option(names = "--urgent-target", defaultValue = "95", paramLabel = "PERCENT",
            description = "With --duty choose: the least share of urgent cases reached within their limit "
                    + "(default: ${DEFAULT-VALUE}).")
    double urgentTarget;

    @Option(names = "--stagger", arity = "0..1", fallbackValue = "default", paramLabel = "SHIFTS",
            description = {"Stagger shifts (错时上班): in every grid with a full-time worker and professionals, the plan "
                    + "moves the professionals to the candidate shift of the same weekly hours that the field model "
                    + "expects the fewest response minutes of while keeping the grid's on-time share (within 0.01 "
                    + "points), so that routine cases reported while the full-time worker is off are taken by "
                    + "whoever is on shift. Without SHIFTS the candidates for the weekday office hours are the 45 "
                    + "weekly hours over six days (08:30-16:00, 09:00-16:30, 09:30-17:00 or 10:00-17:30 mon-sat), "
                    + "08:30-17:30 tue-sat or wed-sun, and 10:30-19:30 or 12:30-21:30 mon-fri (for professionals of "
                    + "a staffing file, the same built on their own shift); or give them separated by ';', e.g. "
                    + "'09:00-16:30 mon-sat;12:30-21:30 mon-fri'; none is off. An assumption that the field allows "
                    + "it; needs --model field. The baseline keeps every worker's shift. Default: off."})
    String stagger;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (simulate < 0) {
            throw new IllegalArgumentException("--simulate: " + simulate
                    + " is negative; give 0 (no simulation) or more");
        }
        if (branches != null && branches < 1) {
            throw new IllegalArgumentException("--branches: " + branches + " opens no branch; give 1 or more");
        }
        if (capacity != null && capacity < 0) {
            throw new IllegalArgumentException("--capacity: " + capacity + " is negative");
        }
        if (!(days > 7)) {
            throw new IllegalArgumentException("--days: " + days + " leaves nothing after the 7 warm-up days; give more"
                    + " than 7");
        }
        if (!(demandScale > 0)) {
            throw new IllegalArgumentException("--demand-scale: " + demandScale + " must be positive");
        }
        Limits.number("--days", days, 0, true, Limits.MAX_DAYS);
        Limits.number("--demand-scale", demandScale, 0, true, Limits.MAX_DEMAND_SCALE);
        Limits.whole("--simulate", simulate, 0, Limits.MAX_REPLICATIONS);
        boolean workerFile = !workers.contains("=");
        new FileRoles().input("--city", city).input("--layout", layout).input("--sites", sites)
                .input("--workers", workerFile ? Path.of(workers) : null)
                .output("--out", out.resolve("plan.json")).output("--out", out.resolve("plan.geojson"))
                .output("--out", out.resolve("staffing.csv")).output("--out", out.resolve("baseline-staffing.csv"))
                .check();
        TravelMode mode = Main.option("--travel", () -> TravelMode.fromKey(travel));
        boolean field = switch (model.trim().toLowerCase(Locale.ROOT)) {
            case "field" -> true;
            case "queueing" -> false;
            default -> throw new IllegalArgumentException("--model: '" + model + "' is not one of: field, queueing");
        };
        String dutyKey = duty.trim().toLowerCase(Locale.ROOT);
        DutyRoster roster = switch (dutyKey) {
            case "none" -> DutyRoster.NONE;
            case "community", "choose" -> DutyRoster.defaults();
            default -> throw new IllegalArgumentException("--duty: '" + duty + "' is not one of: none, community,"
                    + " choose");
        };
        boolean chooseRoster = dutyKey.equals("choose");
        if (chooseRoster && !field) {
            throw new IllegalArgumentException("--duty choose needs --model field: the queueing model has no"
                    + " out-of-hours term to choose a roster by");
        }
        if (!(urgentTarget > 0 && urgentTarget <= 100)) {
            throw new IllegalArgumentException("--urgent-target: " + urgentTarget
                    + " must be a percentage in (0, 100]");
        }
        DutyRules dutyRules = chooseRoster ? DutyRules.DEFAULT.withRoster(roster).choosingRoster(urgentTarget / 100)
                : DutyRules.DEFAULT.withRoster(roster);
        boolean staggering = stagger != null && !stagger.trim().equalsIgnoreCase("none");
        if (staggering && !field) {
            throw new IllegalArgumentException("--stagger needs --model field: the queueing model has no shifts"
                    + " to stagger");
        }
        City c = CityNotes.say(GeoJson.readCity(city), spec.commandLine().getErr());
        GridLayout l = GeoJson.readLayout(layout, c);
        requireEveryBuildingInAGrid(c, l);
        List<Site> candidates = sites == null ? c.sites() : GeoJson.readSites(sites, c);
        DemandCatalog demand = DemandCatalog.defaults().withScale(demandScale);
        if (simulate > 0) {
            Limits.checkRun("--demand-scale " + Limits.plain(demandScale) + " and --days " + Limits.plain(days),
                    c.households(), demand.totalRatePerHouseholdYear(), days);
        }
        SitingRules rules = SitingRules.DEFAULT.withCommunitySharesBranch(communitySharesBranch);
        if (branches != null) {
            rules = rules.withMaxBranches(branches);
        }
        if (capacity != null) {
            rules = rules.withBranchCapacity(capacity);
        }
        SolveBudget budget = SolveBudget.ofTime(time);
        if (unimproved != null) {
            budget = budget.withUnimprovedLimit(unimproved);
        }
        List<PlanWorker> planWorkers = workers(c, l);
        if (staggering) {
            // The professionals' own shifts: those of the staffing file, else the full-time shift.
            java.util.Set<ShiftPattern> own = new java.util.LinkedHashSet<>();
            for (PlanWorker w : planWorkers) {
                if (w.type() == WorkerType.PROFESSIONAL) {
                    own.add(w.shift().orElse(dutyRules.fullTimeShift()));
                }
            }
            if (own.isEmpty()) {
                err.println("optimize: note: --stagger moves professionals' shifts, and --workers gives none;"
                        + " nothing is staggered");
                own.add(dutyRules.fullTimeShift());
            }
            dutyRules = dutyRules.staggering(staggerShifts(stagger, List.copyOf(own)));
        }
        Limits.checkSolver("--workers " + workers, planWorkers.size(), l.gridCount(), candidates.size());
        PlanRequest.Builder builder = PlanRequest.builder(c, l).sites(candidates).workers(planWorkers).demand(demand)
                .travel(mode).duty(dutyRules).siting(rules).seed(seed).budget(budget);
        if (field) {
            builder.field(PlanRequest.FieldRegime.of(runSettings(demand, TravelModel.road(mode), seed)));
        }
        PlanRequest request = builder.build();
        err.printf(Locale.ROOT, "optimize: city %s, layout %s%n", c.name(), l.name());
        long partTime = planWorkers.stream().filter(w -> w.type() == WorkerType.PART_TIME).count();
        if (partTime == 0) {
            // Said, so that figures beside simulate's (whose default staffing has them) are read as they are.
            err.println("optimize: staffing assumed: only the workers of --workers, no part-time workers"
                    + " (gridplan simulate's default has 2 per community; give parttime=N to plan with them)");
        }
        err.flush();
        Planner planner = new Planner();
        Plan plan = planner.plan(request, line -> {
            err.println(line);
            err.flush();
        });
        List<String> broken = plan.violations();
        if (!broken.isEmpty()) {
            throw new IllegalArgumentException("no plan meets the hard constraints (" + broken.size() + " violated "
                    + "after the search): " + String.join("; ", broken.subList(0, Math.min(5, broken.size())))
                    + (broken.size() > 5 ? "; and " + (broken.size() - 5) + " more" : "")
                    + ". Raise --capacity or --branches, or give more workers; nothing written");
        }
        printKpis(stdout, plan);
        Staffing baseline = plan.baselineStaffing();
        Staffing optimised = plan.toStaffing();
        if (simulate > 0) {
            simulate(stdout, err, request, planner.travelTimes(c), plan);
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("city", c.name());
        inputs.put("layout", l.name());
        inputs.put("workers", workers);
        if (homes != null) {
            inputs.put("homesSeed", homes);
        }
        inputs.put("seed", seed);
        inputs.put("travel", mode.key());
        inputs.put("demandScale", demandScale);
        inputs.put("model", field ? "field" : "queueing");
        inputs.put("duty", chooseRoster ? "choose" : roster.label());
        inputs.put("roster", plan.roster().label());
        if (staggering) {
            inputs.put("stagger", dutyRules.staggerShifts().stream().map(ShiftPattern::name).toList());
        }
        // Every output is written only now that the whole command has succeeded, each atomically.
        PlanFiles.writeJson(PlanFiles.json(plan, inputs, candidates), out.resolve("plan.json"));
        PlanFiles.writeGeoJson(plan, candidates, out.resolve("plan.geojson"));
        StaffingCsv.write(optimised, out.resolve("staffing.csv"));
        StaffingCsv.write(baseline, out.resolve("baseline-staffing.csv"));
        for (String note : plan.notes()) {
            stdout.println("note: " + note);
        }
        stdout.printf(Locale.ROOT, "plan written to %s (plan.json, plan.geojson, staffing.csv, "
                + "baseline-staffing.csv)%n",
                out);
        stdout.flush();
        return 0;
    }

    /**
     * The candidate shifts of {@code --stagger}: the defaults for each of the professionals' own
     * shifts {@code own}, or a list separated by ';', each of the weekly hours of one of them.
     */
    static List<ShiftPattern> staggerShifts(String text, List<ShiftPattern> own) {
        if (text.trim().equalsIgnoreCase("default")) {
            List<ShiftPattern> out = new ArrayList<>();
            for (ShiftPattern s : own) {
                ShiftChoice.defaults(s).stream().filter(p -> !out.contains(p)).forEach(out::add);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("--stagger: the default candidates are for a shift of five days"
                        + " (six shorter days, other days, later hours ending by midnight), and the professionals'"
                        + " shift " + own.stream().map(ShiftPattern::name).toList() + " has none; give the"
                        + " candidates, e.g. --stagger '10:00-17:00 tue-sun'");
            }
            return out;
        }
        List<ShiftPattern> out = new ArrayList<>();
        for (String part : text.split(";", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("--stagger: '" + text + "' has an empty shift; separate shifts by"
                        + " ';', e.g. '08:30-17:30 tue-sat;12:30-21:30 mon-fri'");
            }
            ShiftPattern p;
            try {
                p = ShiftPattern.parse(part);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--stagger: " + e.getMessage());
            }
            if (own.stream().noneMatch(s -> s.weeklyMinutes() == p.weeklyMinutes())) {
                List<String> hours = own.stream().map(s -> String.format(Locale.ROOT, "%s keeps %.1f", s.name(),
                        s.weeklyMinutes() / 60.0)).toList();
                throw new IllegalArgumentException(String.format(Locale.ROOT, "--stagger: shift '%s' keeps %.1f hours"
                        + " a week and no professional's shift does (%s); a staggered shift moves hours, it does"
                        + " not add or remove them", part.trim(), p.weeklyMinutes() / 60.0,
                        String.join(", ", hours)));
            }
            out.add(p);
        }
        return out;
    }

    /**
     * The workers of {@code --workers}: counts, or a staffing CSV whose workers keep their type and
     * shift and live in their {@code base} building.
     */
    private List<PlanWorker> workers(City c, GridLayout l) {
        if (workers.contains("=")) {
            return homes == null ? counts(workers) : PlanWorker.livingIn(c, counts(workers), homes);
        }
        if (homes != null) {
            throw new IllegalArgumentException("--homes draws homes for workers given as counts; the staffing CSV "
                    + workers + " gives each worker's home in its 'base' column already");
        }
        Path file = Path.of(workers);
        if (!Files.exists(file)) {
            throw new InputException(file, "file not found (--workers takes counts such as 'fulltime=1800' or a"
                    + " staffing CSV)");
        }
        Staffing staffing = StaffingCsv.read(file, c, l);
        List<PlanWorker> out = new ArrayList<>();
        for (WorkerSpec w : staffing.workers()) {
            out.add(new PlanWorker(w.id(), w.type(), Optional.of(w.baseBuilding()), Optional.of(w.shift())));
        }
        return out;
    }

    /** Workers from {@code fulltime=N,parttime=N,professional=N}; ids FT-0001, PT-0001, PRO-0001. */
    static List<PlanWorker> counts(String text) {
        Map<WorkerType, Integer> n = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=", 2);
            String key = kv[0].trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            WorkerType type = switch (key) {
                case "fulltime" -> WorkerType.FULL_TIME;
                case "parttime" -> WorkerType.PART_TIME;
                case "professional" -> WorkerType.PROFESSIONAL;
                default -> throw new IllegalArgumentException("--workers: unknown worker type '" + kv[0].trim()
                        + "' (fulltime, parttime, professional)");
            };
            int count;
            try {
                count = Integer.parseInt(kv.length < 2 ? "" : kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--workers: '" + part.trim() + "' needs a whole number, e.g."
                        + " fulltime=1800");
            }
            if (count < 0 || n.put(type, count) != null) {
                throw new IllegalArgumentException("--workers: '" + part.trim() + "' is negative or repeats a type");
            }
        }
        // Bounded before a worker is made: fulltime=2000000000 would exhaust the heap.
        Limits.checkWorkers("--workers " + text.trim(), n.values().stream().mapToLong(Integer::longValue).sum());
        List<PlanWorker> out = new ArrayList<>();
        n.forEach((type, count) -> {
            String prefix = switch (type) {
                case FULL_TIME -> "FT-";
                case PART_TIME -> "PT-";
                default -> "PRO-";
            };
            for (int i = 1; i <= count; i++) {
                out.add(PlanWorker.of(String.format(Locale.ROOT, "%s%04d", prefix, i), type));
            }
        });
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--workers: no workers");
        }
        return out;
    }

    private static void printKpis(PrintWriter out, Plan plan) {
        Plan.Kpis b = plan.baselineKpis();
        Plan.Kpis o = plan.optimisedKpis();
        out.printf(Locale.ROOT, "%d branches open (p = %d), %,d grids, %,d workers%n",
                plan.openBranches().size(), plan.maxBranches(), plan.grids().size(), plan.request().workers().size());
        out.printf(Locale.ROOT, "out-of-hours duty: baseline %s, optimised %s%n",
                plan.request().duty().roster().label(),
                plan.roster().label());
        out.printf(Locale.ROOT, "%-40s %12s %12s %9s%n", "analytic KPI", "baseline", "optimised", "change");
        row(out, "expected mean response (min)", b.expectedResponseMinutes(), o.expectedResponseMinutes(), "%.2f",
                true);
        if (plan.baselineForecast().isPresent() && plan.optimisedForecast().isPresent()) {
            Plan.Forecast fb = plan.baselineForecast().get();
            Plan.Forecast fo = plan.optimisedForecast().get();
            row(out, "field model: mean response (min)", fb.meanResponseMinutes(), fo.meanResponseMinutes(), "%.1f",
                    true);
            row(out, "field model: on time", 100 * fb.onTimeShare(), 100 * fo.onTimeShare(), "%.2f%%", false);
            row(out, "field model: urgent on time", 100 * fb.urgentOnTimeShare(), 100 * fo.urgentOnTimeShare(),
                    "%.2f%%", false);
        }
        row(out, "households within 5 min of branch", 100 * b.within5Share(), 100 * o.within5Share(), "%.1f%%", false);
        row(out, "households within 15 min of branch", 100 * b.within15Share(), 100 * o.within15Share(), "%.1f%%",
                false);
        row(out, "branch load: max deviation from even", 100 * b.branchLoadSpread(), 100 * o.branchLoadSpread(),
                "%.1f%%", false);
        row(out, "worker utilisation: max", 100 * b.maxUtilisation(), 100 * o.maxUtilisation(), "%.2f%%", false);
        row(out, "worker utilisation: coeff. of variation", b.utilisationSpread(), o.utilisationSpread(), "%.3f",
                false);
        if (plan.shiftDecision().isPresent() && !plan.shiftDecision().get().gridsMoved().isEmpty()) {
            out.println("(the expected mean response row, and the worker plan's sentences below, are the worker"
                    + " solve's, before the staggered shifts; the field model rows include them)");
        }
        out.printf(Locale.ROOT, "feasible: baseline %s, optimised yes%n", yes(plan));
        Plan.Timings t = plan.timings();
        out.printf(Locale.ROOT, "first feasible plan: siting %.2f s, staffing %.2f s (problem built in %.2f s)%n",
                t.sitingFeasibleSeconds(), t.staffingFeasibleSeconds(), t.setupSeconds());
        out.println("why:");
        for (PlanJustification j : plan.justifications()) {
            out.println("  " + j.english());
        }
        out.flush();
    }

    private static String yes(Plan plan) {
        List<String> v = plan.baselineViolations();
        return v.isEmpty() ? "yes" : "no (" + v.size() + " hard violations, e.g. " + v.get(0) + ")";
    }

    /** A layout drawn for another city leaves buildings without a grid; say so before solving. */
    private void requireEveryBuildingInAGrid(City c, GridLayout l) {
        List<String> missing = c.buildings().stream().map(b -> b.id())
                .filter(id -> !l.gridOfBuilding().containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %,d of the %,d buildings of %s are in "
                    + "no grid of layout %s (first: %s); was the layout drawn for another city? `gridplan layout "
                    + "validate` lists every problem", layout, missing.size(), c.buildings().size(), city, l.name(),
                    missing.get(0)));
        }
    }

    private static void row(PrintWriter out, String name, double base, double opt, String format, boolean relative) {
        String change = relative && base != 0 ? String.format(Locale.ROOT, "%+.1f%%", 100 * (opt / base - 1))
                : String.format(Locale.ROOT, "%+.2f", opt - base);
        out.printf(Locale.ROOT, "%-40s %12s %12s %9s%n", name, String.format(Locale.ROOT, format, base),
                String.format(Locale.ROOT, format, opt), change);
    }

    /**
     * The run settings of {@code --simulate} and of the field model: the field defaults, the given
     * demand and travel, {@code --days} with 7 warm-up days.
     */
    private SimulationConfig runSettings(DemandCatalog demand, TravelModel travelModel, long runSeed) {
        return SimulationConfig.builder().horizonDays(days).warmUpDays(7).seed(runSeed).demand(demand)
                .travel(travelModel).build();
    }

    /**
     * Simulates both plans on the request's city, layout, demand and travel, replication r of each
     * with the batch's run seed of {@code --seed} and r, and sets the model's gains beside the
     * simulated ones (paired under common random numbers), warning when the model's lies outside
     * the simulated interval.
     */
    private void simulate(PrintWriter out, PrintWriter err, PlanRequest request, TravelTimes travelTimes, Plan plan) {
        double[][] mean = new double[2][simulate];
        double[][] p90 = new double[2][simulate];
        double[][] onTime = new double[2][simulate];
        double[][] urgent = new double[2][simulate];
        double[] diff = new double[simulate];
        double[] onTimeDiff = new double[simulate];
        double[] urgentDiff = new double[simulate];
        Staffing[] plans = {plan.baselineStaffing(), plan.toStaffing()};
        long[] seeds = new long[simulate];
        for (int r = 0; r < simulate; r++) {
            // The batch's rule (gridplan run): replication r of master seed N runs with Seeds.runSeed(N, r).
            seeds[r] = Seeds.runSeed(seed, r);
            SimulationConfig config = runSettings(request.demand(), request.travel(), seeds[r]);
            for (int k = 0; k < 2; k++) {
                RunResult result = new GridSimulation(request.city(), request.layout(), plans[k], config, travelTimes)
                        .runToEnd();
                mean[k][r] = result.district().response().mean();
                p90[k][r] = result.district().response().p90();
                onTime[k][r] = 100 * result.district().limits().onTimeResponseShare();
                double u = result.district().limits().urgentOnTimeResponseShare();
                // A run without a judged urgent case misses none.
                urgent[k][r] = 100 * (Double.isNaN(u) ? 1 : u);
            }
            diff[r] = mean[1][r] - mean[0][r];
            onTimeDiff[r] = onTime[1][r] - onTime[0][r];
            urgentDiff[r] = urgent[1][r] - urgent[0][r];
            err.printf(Locale.ROOT, "simulate: replication %d of %d (seed %d): mean response %.2f -> %.2f min, on time"
                    + " %.2f%% -> %.2f%%%n", r + 1, simulate, seeds[r], mean[0][r], mean[1][r], onTime[0][r],
                    onTime[1][r]);
            err.flush();
        }
        out.printf(Locale.ROOT, "simulated, %d replications of %.0f days (7 warm-up), run seeds of master seed"
                + " %d as in 'gridplan run' (%s), the same seeds for both plans:%n", simulate, days, seed,
                seedList(seeds));
        out.printf(Locale.ROOT, "%-12s %24s %24s %24s %24s%n", "plan", "mean (min), 95% CI", "p90 (min), 95% CI",
                "on time (%), 95% CI", "urgent on time (%)");
        String[] names = {"baseline", "optimised"};
        for (int k = 0; k < 2; k++) {
            out.printf(Locale.ROOT, "%-12s %24s %24s %24s %24s%n", names[k], interval(MeanInterval.of(mean[k])),
                    interval(MeanInterval.of(p90[k])), interval(MeanInterval.of(onTime[k])),
                    interval(MeanInterval.of(urgent[k])));
        }
        out.println("gain of the optimised plan, the model's beside the simulated (paired, 95% CI):");
        out.printf(Locale.ROOT, "%-24s %12s %28s  %s%n", "KPI", "model", "simulated", "verdict");
        List<String> warnings = new ArrayList<>();
        OptionalDouble meanModel = forecastGain(plan, Plan.Forecast::meanResponseMinutes);
        gainRow(out, warnings, "mean response (min)", meanModel.isPresent() ? meanModel
                : OptionalDouble.of(plan.optimisedKpis().expectedResponseMinutes()
                        - plan.baselineKpis().expectedResponseMinutes()), MeanInterval.of(diff), true);
        gainRow(out, warnings, "on time (points)", forecastGain(plan, f -> 100 * f.onTimeShare()),
                MeanInterval.of(onTimeDiff), false);
        gainRow(out, warnings, "urgent on time (points)", forecastGain(plan, f -> 100 * f.urgentOnTimeShare()),
                MeanInterval.of(urgentDiff), false);
        for (String w : warnings) {
            out.println("warning: " + w);
        }
        out.flush();
    }

    /** The field model's change of {@code kpi} from baseline to plan; empty without a field forecast. */
    private static OptionalDouble forecastGain(Plan plan, ToDoubleFunction<Plan.Forecast> kpi) {
        if (plan.baselineForecast().isEmpty() || plan.optimisedForecast().isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(kpi.applyAsDouble(plan.optimisedForecast().get())
                - kpi.applyAsDouble(plan.baselineForecast().get()));
    }

    /**
     * One row of the gain table: the model's change, the simulated paired change with its
     * interval and verdict; a warning when the model's change lies outside the interval.
     */
    static void gainRow(PrintWriter out, List<String> warnings, String kpi, OptionalDouble model,
            MeanInterval simulated, boolean lowerIsBetter) {
        String verdict;
        if (simulated.lower().isEmpty()) {
            verdict = "no interval from one run";
        } else if (simulated.upper().getAsDouble() < 0) {
            verdict = lowerIsBetter ? "significant gain" : "significant loss";
        } else if (simulated.lower().getAsDouble() > 0) {
            verdict = lowerIsBetter ? "significant loss" : "significant gain";
        } else {
            verdict = "not distinguishable from 0";
        }
        // A change below the last digit shown prints as +0.00, not -0.00.
        String m = model.isPresent() ? String.format(Locale.ROOT, "%+.2f", Math.abs(model.getAsDouble()) < 0.005 ? 0
                : model.getAsDouble()) : "-";
        out.printf(Locale.ROOT, "%-24s %12s %28s  %s%n", kpi, m, signedInterval(simulated), verdict);
        if (model.isPresent() && simulated.lower().isPresent()) {
            double lo = simulated.lower().getAsDouble();
            double hi = simulated.upper().getAsDouble();
            double x = model.getAsDouble();
            // Outside by more than rounding: a model change of -1e-12 against an interval [0, 0] agrees.
            if (x < lo - 1e-9 || x > hi + 1e-9) {
                warnings.add(String.format(Locale.ROOT, "%s: the model's change %+.2f lies outside the simulated 95%%"
                        + " interval [%+.2f, %+.2f]; the model and the simulation disagree on this plan, trust the "
                        + "simulation", kpi, x, lo, hi));
            }
        }
    }

    private static String signedInterval(MeanInterval m) {
        return m.halfWidth().isPresent()
                ? String.format(Locale.ROOT, "%+.2f ± %.2f", m.mean(), m.halfWidth().getAsDouble())
                : String.format(Locale.ROOT, "%+.2f (one run)", m.mean());
    }

    /** The run seeds, the first five and how many more. */
    static String seedList(long[] seeds) {
        List<String> shown = new ArrayList<>();
        for (int r = 0; r < Math.min(5, seeds.length); r++) {
            shown.add(Long.toString(seeds[r]));
        }
        return String.join(", ", shown) + (seeds.length > 5 ? " and " + (seeds.length - 5) + " more" : "");
    }

    static String interval(MeanInterval m) {
        return m.halfWidth().isPresent()
                ? String.format(Locale.ROOT, "%.2f ± %.2f", m.mean(), m.halfWidth().getAsDouble())
                : String.format(Locale.ROOT, "%.2f (one run)", m.mean());
    }
}
