package org.gridplan.scenarios.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridplan.optimizer.plan.ShiftChoice;
import org.gridplan.scenarios.limits.Limits;
import org.gridplan.scenarios.spec.YamlNode.ListNode;
import org.gridplan.scenarios.spec.YamlNode.MapNode;
import org.gridplan.scenarios.spec.YamlNode.Scalar;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.demand.TimeDistribution;
import org.gridplan.sim.demand.TimeLimit;
import org.gridplan.sim.demand.TimeProfile;
import org.gridplan.sim.engine.FieldModel;
import org.gridplan.sim.engine.LinkageConfig;
import org.gridplan.sim.engine.PatrolConfig;
import org.gridplan.sim.engine.QueuePolicy;
import org.gridplan.sim.engine.RoutineConfig;
import org.gridplan.sim.engine.RoutineConfig.Admin;
import org.gridplan.sim.engine.RoutineConfig.AssignedTasks;
import org.gridplan.sim.engine.RoutineConfig.IncidentPolicy;
import org.gridplan.sim.engine.RoutineConfig.InfoCollection;
import org.gridplan.sim.engine.RoutineConfig.StreetPatrol;
import org.gridplan.sim.engine.TriageConfig;

/**
 * Readers of the field-model values of a scenario — distributions, time limits, time profiles,
 * the duty roster, the triage / linkage / queue fields of {@code dispatch}, {@code routine} and
 * {@code timeLimits} — in the style of {@link Fields}: every problem is recorded with its line and
 * field path and the default is returned, so reading goes on and all problems are found at once.
 */
final class FieldSections {

    private FieldSections() {
    }

    /** The longest time limit, in minutes of its clock: 3,650 days. */
    static final double MAX_LIMIT_MINUTES = Limits.MAX_DAYS * 1440.0;

    /** A minute-valued maximum of a day, a week and a year. */
    static final double DAY = 1440;
    static final double WEEK = 7 * DAY;
    static final double YEAR = 365 * DAY;

    /** Most values of an empirical distribution. */
    static final int MAX_EMPIRICAL_VALUES = 100_000;

    private static final String DISTRIBUTION_EXAMPLE = "{distribution: lognormal, mean: 20, sd: 10}";
    private static final String LIMIT_SYNTAX = "give '<n> working hours', '<n> working days', '<n> minutes', "
            + "'<n> hours', '<n> days' or none";
    private static final Pattern LIMIT = Pattern.compile(
            "(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(working\\s+hours?|working\\s+days?|minutes?|hours?|days?)");

    private static final Map<String, String> KINDS = new LinkedHashMap<>();
    private static final Map<String, DutyRoster.Scope> SCOPES = new LinkedHashMap<>();
    private static final Map<String, DutyRoster.Source> SOURCES = new LinkedHashMap<>();
    private static final Map<String, DutyRoster.Location> LOCATIONS = new LinkedHashMap<>();
    private static final Map<String, IncidentPolicy> POLICIES = new LinkedHashMap<>();
    private static final Map<String, TimeProfile> PROFILES = new LinkedHashMap<>();

    static {
        for (String k : List.of("exponential", "deterministic", "lognormal", "gamma", "empirical")) {
            KINDS.put(k, k);
        }
        for (DutyRoster.Scope s : DutyRoster.Scope.values()) {
            SCOPES.put(key(s), s);
        }
        for (DutyRoster.Source s : DutyRoster.Source.values()) {
            SOURCES.put(key(s), s);
        }
        for (DutyRoster.Location l : DutyRoster.Location.values()) {
            LOCATIONS.put(key(l), l);
        }
        POLICIES.put("interrupt", IncidentPolicy.INTERRUPT);
        POLICIES.put("finish-task", IncidentPolicy.FINISH_TASK);
        PROFILES.put("flat", TimeProfile.flat());
        PROFILES.put("daytime", TimeProfile.daytime());
        PROFILES.put("around-the-clock", TimeProfile.aroundTheClock());
    }

    /** An enum constant as a scenario writes it: {@code COMMUNITY_OFFICE} is {@code community-office}. */
    static String key(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ---------------------------------------------------------------- distributions

    /**
     * The distribution at {@code key}, if present: {@code {distribution: exponential, mean: M}},
     * {@code deterministic, mean}, {@code lognormal, mean, sd}, {@code gamma, mean, sd} or
     * {@code empirical, values: [..]}, in minutes.
     *
     * @param max       the largest mean, standard deviation or value allowed, minutes
     * @param zeroMean  whether a mean of zero is allowed (a delay that may be none)
     */
    static Optional<TimeDistribution> distribution(Fields f, String key, double max, boolean zeroMean) {
        Optional<YamlNode> n = f.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        return distributionOf(n.get(), f.pathOf(key), f.problems(), max, zeroMean);
    }

    static Optional<TimeDistribution> distributionOf(YamlNode node, String at, Problems problems, double max,
            boolean zeroMean) {
        if (!(node instanceof MapNode m)) {
            problems.add(node.line(), at, "expected a distribution such as " + DISTRIBUTION_EXAMPLE + ", got "
                    + node.describe());
            return Optional.empty();
        }
        Fields d = new Fields(m, at, problems);
        if (!d.has("distribution")) {
            problems.add(d.line(), d.pathOf("distribution"), "missing (required): one of "
                    + String.join(", ", KINDS.keySet()));
            return Optional.empty();
        }
        String kind = d.choice("distribution", null, KINDS);
        if (kind == null) {
            return Optional.empty();
        }
        TimeDistribution out = null;
        int before = problems.messages().size();
        switch (kind) {
            case "exponential" -> {
                OptionalDouble mean = required(d, "mean", 0, true, max, "the mean in minutes");
                d.finish();
                if (mean.isPresent()) {
                    out = TimeDistribution.exponential(mean.getAsDouble());
                }
            }
            case "deterministic" -> {
                OptionalDouble mean = required(d, "mean", 0, !zeroMean, max, "the minutes every draw takes");
                d.finish();
                if (mean.isPresent()) {
                    out = TimeDistribution.deterministic(mean.getAsDouble());
                }
            }
            case "lognormal", "gamma" -> {
                OptionalDouble mean = required(d, "mean", 0, true, max, "the mean in minutes");
                OptionalDouble sd = required(d, "sd", 0, true, max, "the standard deviation in minutes");
                d.finish();
                if (mean.isPresent() && sd.isPresent()) {
                    out = kind.equals("gamma") ? TimeDistribution.gamma(mean.getAsDouble(), sd.getAsDouble())
                            : TimeDistribution.lognormal(mean.getAsDouble(), sd.getAsDouble());
                }
            }
            default -> out = empirical(d, max, zeroMean);
        }
        return problems.messages().size() > before ? Optional.empty() : Optional.ofNullable(out);
    }

    private static TimeDistribution empirical(Fields d, double max, boolean zeroMean) {
        Problems problems = d.problems();
        if (!d.has("values")) {
            problems.add(d.line(), d.pathOf("values"), "missing (required): a list of minutes, each draw one of "
                    + "them");
            d.finish();
            return null;
        }
        Optional<ListNode> list = d.list("values");
        d.finish();
        if (list.isEmpty()) {
            return null;
        }
        List<YamlNode> items = list.get().items();
        if (items.isEmpty()) {
            problems.add(list.get().line(), d.pathOf("values"), "is empty; an empirical distribution needs at "
                    + "least one value");
            return null;
        }
        if (items.size() > MAX_EMPIRICAL_VALUES) {
            problems.add(list.get().line(), d.pathOf("values"), "has " + items.size() + " values, more than the "
                    + "maximum " + MAX_EMPIRICAL_VALUES);
            return null;
        }
        List<Double> values = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            OptionalDouble v = d.checkNumber(items.get(i), d.pathOf("values") + "[" + i + "]", 0, false, max);
            if (v.isPresent()) {
                values.add(v.getAsDouble());
            } else {
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        if (!zeroMean && values.stream().allMatch(v -> v == 0)) {
            problems.add(list.get().line(), d.pathOf("values"), "are all 0; the mean must be positive");
            return null;
        }
        return TimeDistribution.empirical(values);
    }

    private static OptionalDouble required(Fields d, String key, double min, boolean minOpen, double max,
            String what) {
        if (!d.has(key)) {
            d.problems().add(d.line(), d.pathOf(key), "missing (required): " + what);
            return OptionalDouble.empty();
        }
        return d.optionalNumber(key, min, minOpen, max);
    }

    /**
     * The value at {@code key} as {@code none} (an empty optional) or a distribution (a present
     * one); null when the key is absent or its value is bad (reported), so the caller keeps its
     * default.
     */
    private static Optional<TimeDistribution> noneOrDistribution(Fields f, String key, double max, boolean zeroMean) {
        Optional<YamlNode> n = f.get(key);
        if (n.isEmpty()) {
            return null;
        }
        if (n.get() instanceof Scalar s) {
            if (s.kind() == Scalar.Kind.STRING && s.text().trim().equalsIgnoreCase("none")) {
                return Optional.empty();
            }
            f.problems().add(s.line(), f.pathOf(key), "expected none or a distribution such as "
                    + DISTRIBUTION_EXAMPLE + ", got " + s.describe());
            return null;
        }
        Optional<TimeDistribution> d = distributionOf(n.get(), f.pathOf(key), f.problems(), max, zeroMean);
        return d.isPresent() ? d : null;
    }

    // ---------------------------------------------------------------- time limits and profiles

    /** The time limit at {@code key}, if present: {@code 4 working hours}, {@code 30 minutes}, {@code none}, ... */
    static Optional<TimeLimit> limit(Fields f, String key) {
        Optional<YamlNode> n = f.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (!(n.get() instanceof Scalar s)) {
            f.problems().add(n.get().line(), f.pathOf(key), "expected a time limit such as '4 working hours', got "
                    + n.get().describe());
            return Optional.empty();
        }
        String text = s.text().trim().toLowerCase(Locale.ROOT);
        if (s.kind() == Scalar.Kind.STRING && text.equals("none")) {
            return Optional.of(TimeLimit.NONE);
        }
        Matcher m = LIMIT.matcher(text);
        if (s.kind() != Scalar.Kind.STRING || !m.matches()) {
            f.problems().add(s.line(), f.pathOf(key), "'" + s.text() + "' is not a time limit: " + LIMIT_SYNTAX);
            return Optional.empty();
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2).replaceAll("\\s+", " ");
        if (!(v > 0)) {
            f.problems().add(s.line(), f.pathOf(key), "'" + s.text() + "' must be a positive time (or none for no "
                    + "limit)");
            return Optional.empty();
        }
        TimeLimit limit;
        if (unit.startsWith("working hour")) {
            limit = TimeLimit.workingHours(v);
        } else if (unit.startsWith("working day")) {
            limit = TimeLimit.workingDays(v);
        } else if (unit.startsWith("minute")) {
            limit = TimeLimit.calendarMinutes(v);
        } else if (unit.startsWith("hour")) {
            limit = TimeLimit.calendarHours(v);
        } else {
            limit = TimeLimit.calendarMinutes(v * 1440);
        }
        if (limit.minutes() > MAX_LIMIT_MINUTES) {
            f.problems().add(s.line(), f.pathOf(key),
                    "'" + s.text() + "' is longer than the maximum of " + Fields.fmt(Limits.MAX_DAYS)
                    + " days");
            return Optional.empty();
        }
        return Optional.of(limit);
    }

    /**
     * The time profile at {@code key}, if present: {@code flat}, {@code daytime},
     * {@code around-the-clock}, or {@code {hourOfDay: [24 weights], dayOfWeek: [7 weights]}} (a
     * list left out is flat).
     */
    static Optional<TimeProfile> profile(Fields f, String key) {
        Optional<YamlNode> n = f.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof Scalar) {
            return Fields.choiceOf(n.get(), f.pathOf(key), PROFILES, f.problems());
        }
        if (!(n.get() instanceof MapNode m)) {
            f.problems().add(n.get().line(), f.pathOf(key), "expected flat, daytime, around-the-clock or "
                    + "{hourOfDay: [24 weights], dayOfWeek: [7 weights]}, got " + n.get().describe());
            return Optional.empty();
        }
        Fields p = new Fields(m, f.pathOf(key), f.problems());
        List<Double> hours = weights(p, "hourOfDay", 24, "hour 0 = 00:00-01:00 first");
        List<Double> days = weights(p, "dayOfWeek", 7, "Monday first");
        p.finish();
        if (hours == null || days == null) {
            return Optional.empty();
        }
        return Optional.of(new TimeProfile(hours, days));
    }

    /** {@code n} relative weights at {@code key}, flat when absent; null when bad (reported). */
    private static List<Double> weights(Fields p, String key, int n, String order) {
        if (!p.has(key)) {
            return java.util.Collections.nCopies(n, 1.0);
        }
        Optional<ListNode> l = p.list(key);
        if (l.isEmpty()) {
            return null;
        }
        List<YamlNode> items = l.get().items();
        if (items.size() != n) {
            p.problems().add(l.get().line(), p.pathOf(key), "has " + items.size() + " weights, expected " + n + " ("
                    + order + ")");
            return null;
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OptionalDouble v = p.checkNumber(items.get(i), p.pathOf(key) + "[" + i + "]", 0, false, 1e6);
            if (v.isEmpty()) {
                return null;
            }
            out.add(v.getAsDouble());
        }
        if (out.stream().allMatch(v -> v == 0)) {
            p.problems().add(l.get().line(), p.pathOf(key), "weights are all 0; at least one must be positive");
            return null;
        }
        return out;
    }

    /** A named shift or a window such as {@code 08:00-20:00 mon-sun} ({@link ShiftPattern#parse}). */
    static ShiftPattern shift(Fields s, String key, ShiftPattern def) {
        Optional<String> text = s.text(key);
        if (text.isEmpty()) {
            return def;
        }
        try {
            return ShiftPattern.parse(text.get());
        } catch (IllegalArgumentException e) {
            s.problems().add(s.lineOf(key), s.pathOf(key), e.getMessage());
            return def;
        }
    }

    // ---------------------------------------------------------------- staffing.stagger

    /**
     * {@code staffing.stagger}: {@code none} (the default), {@code default} (the optimiser's default
     * candidates for {@code fullTime}, {@link ShiftChoice#defaults}) or a list of shifts, each of
     * {@code fullTime}'s weekly hours.
     */
    static List<ShiftPattern> stagger(Fields s, ShiftPattern fullTime) {
        String key = "stagger";
        Optional<YamlNode> n = s.get(key);
        if (n.isEmpty()) {
            return List.of();
        }
        if (n.get() instanceof Scalar sc) {
            String t = sc.text().trim().toLowerCase(Locale.ROOT);
            if (t.equals("none")) {
                return List.of();
            }
            if (t.equals("default")) {
                List<ShiftPattern> defaults = ShiftChoice.defaults(fullTime);
                if (defaults.isEmpty()) {
                    s.problems().add(sc.line(), s.pathOf(key), "default has no candidates for fullTimeShift "
                            + fullTime.name() + " (they are built for a shift of five days ending by midnight); give a"
                            + " list of shifts of its weekly hours");
                }
                return defaults;
            }
            s.problems().add(sc.line(), s.pathOf(key), "'" + sc.text() + "' is not none, default or a list of shifts"
                    + " such as ['09:00-16:30 mon-sat', '12:30-21:30 mon-fri']");
            return List.of();
        }
        if (!(n.get() instanceof ListNode list)) {
            s.problems().add(n.get().line(), s.pathOf(key), "expected none, default or a list of shifts, got "
                    + n.get().describe());
            return List.of();
        }
        if (list.items().isEmpty()) {
            s.problems().add(n.get().line(), s.pathOf(key), "an empty list gives no candidate shift; give none,"
                    + " default, or at least one shift such as '09:00-16:30 mon-sat'");
            return List.of();
        }
        List<ShiftPattern> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String at = s.pathOf(key) + "[" + i + "]";
            if (!(item instanceof Scalar sc) || sc.text().isBlank()) {
                s.problems().add(item.line(), at, "expected a shift such as '09:00-16:30 mon-sat', got "
                        + item.describe());
                continue;
            }
            ShiftPattern p;
            try {
                p = ShiftPattern.parse(sc.text());
            } catch (IllegalArgumentException e) {
                s.problems().add(item.line(), at, e.getMessage());
                continue;
            }
            if (p.weeklyMinutes() != fullTime.weeklyMinutes()) {
                s.problems().add(item.line(), at, String.format(Locale.ROOT, "'%s' keeps %s hours a week and"
                        + " fullTimeShift %s keeps %s; a staggered shift moves hours, it does not add or remove them",
                        sc.text().trim(), Fields.fmt(p.weeklyMinutes() / 60.0), fullTime.name(),
                        Fields.fmt(fullTime.weeklyMinutes() / 60.0)));
                continue;
            }
            out.add(p);
        }
        return out;
    }

    // ---------------------------------------------------------------- staffing.duty

    /** {@code staffing.duty}: the out-of-hours duty roster; {@link DutyRoster#defaults()} when absent. */
    static DutyRoster duty(Fields staffing) {
        DutyRoster d = DutyRoster.defaults();
        Optional<Fields> df = staffing.object("duty");
        if (df.isEmpty()) {
            return d;
        }
        Fields f = df.get();
        DutyRoster.Scope scope = f.choice("scope", d.scope(), SCOPES);
        int onDuty = f.integer("onDuty", d.onDuty(), 1, 1000);
        DutyRoster.Source source = f.choice("source", d.source(), SOURCES);
        DutyRoster.Location location = f.choice("location", d.location(), LOCATIONS);
        Optional<ShiftPattern> hours = d.hours();
        Optional<String> text = f.text("hours");
        if (text.isPresent() && !text.get().trim().equalsIgnoreCase("out-of-hours")) {
            try {
                hours = Optional.of(ShiftPattern.parse(text.get()));
            } catch (IllegalArgumentException e) {
                f.problems().add(f.lineOf("hours"), f.pathOf("hours"), e.getMessage() + "; or out-of-hours (every "
                        + "hour outside the full-time shift)");
            }
        }
        f.finish();
        if (scope == DutyRoster.Scope.NONE) {
            return DutyRoster.NONE;
        }
        return new DutyRoster(scope, onDuty, source, location, hours);
    }

    // ---------------------------------------------------------------- dispatch: triage, linkage, queue

    /** The field parts of one document, each at its default until read. */
    static final class FieldParts {
        TriageConfig triage = TriageConfig.defaults();
        LinkageConfig linkage = LinkageConfig.defaults();
        QueuePolicy queue = QueuePolicy.unlimited();
        RoutineConfig routine = RoutineConfig.defaults();
        PatrolConfig patrol = PatrolConfig.defaults();
        ShiftPattern workingHours = FieldModel.defaults().workingHours();
        boolean routineBackup = FieldModel.defaults().routineBackup();

        FieldModel field() {
            return new FieldModel(triage, linkage, queue, routine, workingHours, routineBackup);
        }
    }

    /**
     * {@code dispatch.routineBackup}, {@code triage}, {@code linkage}, {@code queueLimit} and
     * {@code patience}.
     */
    static void dispatch(Fields d, FieldParts parts) {
        parts.routineBackup = d.bool("routineBackup", parts.routineBackup);
        Optional<TimeDistribution> triage = noneOrDistribution(d, "triage", DAY, true);
        if (triage != null) {
            parts.triage = triage.isEmpty() ? TriageConfig.off() : new TriageConfig(triage.get());
        }
        d.object("linkage").ifPresent(l -> {
            LinkageConfig def = LinkageConfig.defaults();
            boolean enabled = l.bool("enabled", def.enabled());
            double after = l.number("afterMinutes", def.afterMinutes(), 0, false, DAY);
            TimeDistribution response = distribution(l, "response", DAY, true).orElse(def.response());
            l.finish();
            parts.linkage = new LinkageConfig(enabled, after, response);
        });
        Optional<YamlNode> limit = d.get("queueLimit");
        if (limit.isPresent()) {
            if (limit.get() instanceof Scalar s && s.kind() == Scalar.Kind.STRING
                    && s.text().trim().equalsIgnoreCase("none")) {
                parts.queue = new QueuePolicy(java.util.OptionalInt.empty(), parts.queue.patience());
            } else if (limit.get() instanceof Scalar s && s.kind() == Scalar.Kind.INTEGER) {
                d.optionalInteger("queueLimit", 0, 100_000).ifPresent(v -> parts.queue = parts.queue.withLimit(v));
            } else {
                d.problems().add(limit.get().line(), d.pathOf("queueLimit"), "expected none or a whole number of "
                        + "waiting cases (0 or more), got " + limit.get().describe());
            }
        }
        Optional<TimeDistribution> patience = noneOrDistribution(d, "patience", YEAR, false);
        if (patience != null) {
            parts.queue = new QueuePolicy(parts.queue.limit(), patience);
        }
    }

    // ---------------------------------------------------------------- routine and timeLimits

    /** {@code routine}: household visits ({@link PatrolConfig}) and the other routine work. */
    static void routine(Fields root, FieldParts parts) {
        Optional<Fields> rf = root.object("routine");
        if (rf.isEmpty()) {
            return;
        }
        Fields r = rf.get();
        boolean all = r.bool("enabled", true);
        IncidentPolicy policy = r.choice("incidents", all ? RoutineConfig.defaults().routineIncidents()
                : RoutineConfig.off().routineIncidents(), POLICIES);

        PatrolConfig pd = PatrolConfig.defaults();
        PatrolConfig patrol = new PatrolConfig(all, pd.visit(), pd.maxVisitsPerDay(), pd.cycleDays());
        Optional<Fields> vf = r.object("visits");
        if (vf.isPresent()) {
            Fields v = vf.get();
            boolean enabled = v.bool("enabled", all);
            double cycle = v.number("cycleDays", pd.cycleDays(), 0, false, Limits.MAX_DAYS);
            TimeDistribution minutes = distribution(v, "minutes", DAY, false).orElse(pd.visit());
            int max = v.integer("maxPerDay", pd.maxVisitsPerDay(), 1, 1000);
            v.finish();
            patrol = new PatrolConfig(enabled, minutes, max, cycle);
        }

        StreetPatrol sd = StreetPatrol.defaults();
        StreetPatrol street = sd.withEnabled(all);
        Optional<Fields> sf = r.object("patrol");
        if (sf.isPresent()) {
            Fields s = sf.get();
            street = new StreetPatrol(s.bool("enabled", all), s.number("roundsPerDay", sd.roundsPerDay(), 0, true, 24),
                    s.number("metresPerMinute", sd.metresPerMinute(), 0, true, 1000),
                    s.number("legMinutes", sd.legMinutes(), 0, true, DAY));
            s.finish();
        }

        InfoCollection id = InfoCollection.defaults();
        InfoCollection info = id.withEnabled(all);
        Optional<Fields> inf = r.object("info");
        if (inf.isPresent()) {
            Fields i = inf.get();
            boolean enabled = i.bool("enabled", all);
            double changes = i.number("changesPerHouseholdYear", id.changesPerHouseholdYear(), 0, false, 100);
            TimeDistribution minutes = distribution(i, "minutes", DAY, false).orElse(id.task());
            i.finish();
            info = new InfoCollection(enabled, changes, minutes);
        }

        Admin ad = Admin.defaults();
        Admin admin = ad.withEnabled(all);
        Optional<Fields> af = r.object("admin");
        if (af.isPresent()) {
            Fields a = af.get();
            admin = new Admin(a.bool("enabled", all), a.number("hoursPerWeek", ad.hoursPerWeek(), 0, false, 168),
                    a.number("blockMinutes", ad.blockMinutes(), 0, true, DAY));
            a.finish();
        }

        AssignedTasks td = AssignedTasks.defaults();
        AssignedTasks tasks = td.withEnabled(all);
        Optional<Fields> tf = r.object("tasks");
        if (tf.isPresent()) {
            Fields t = tf.get();
            boolean enabled = t.bool("enabled", all);
            double perWeek = t.number("perWeek", td.perWeek(), 0, false, 1000);
            TimeDistribution minutes = distribution(t, "minutes", WEEK, false).orElse(td.task());
            TimeLimit deadline = limit(t, "deadline").orElse(td.deadline());
            t.finish();
            tasks = new AssignedTasks(enabled, perWeek, minutes, deadline);
        }
        r.finish();
        parts.patrol = patrol;
        parts.routine = new RoutineConfig(policy, street, info, admin, tasks);
    }

    /** {@code timeLimits.workingHours}: the clock of working-hours limits. */
    static void timeLimits(Fields root, FieldParts parts) {
        root.object("timeLimits").ifPresent(t -> {
            parts.workingHours = shift(t, "workingHours", parts.workingHours);
            t.finish();
        });
    }
}
