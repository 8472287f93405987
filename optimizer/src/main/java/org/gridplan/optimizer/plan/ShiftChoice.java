package org.gridplan.optimizer.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.gridplan.optimizer.mapping.DistrictProblems;
import org.gridplan.optimizer.mapping.FieldDistrict;
import org.gridplan.optimizer.response.FieldResponseModel;
import org.gridplan.optimizer.response.FieldResponseModel.Crew;
import org.gridplan.optimizer.response.FieldResponseModel.Outcome;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.agent.Staffing;
import org.gridplan.sim.agent.WorkerSpec;
import org.gridplan.sim.agent.WorkerType;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;

/**
 * Staggered shifts (错时上班) in the field regime: in every grid whose crew has both a full-time
 * worker and professionals, the professionals' shift is chosen among candidate shifts of the same
 * weekly hours — other days (a Saturday instead of a Monday) or other hours (into the evening) —
 * so that routine cases reported while the full-time worker is off shift are taken by whoever is on
 * shift rather than waiting for the next morning or the next week. Per grid, the candidate the
 * field-regime model expects the fewest response minutes of, among those that keep the grid's
 * on-time share within 0.01 points of the professionals' own shift's; ties to the earlier
 * candidate, and the own shift when none gains. Grids are independent in the model (a grid's
 * routine cases go to its own workers), so the choice per grid is the district's best.
 *
 * <p>A grid's professionals keep one shift together; the full-time workers keep theirs (their
 * routine work, patrol and the out-of-hours duty are planned on it). Part-time and duty workers are
 * not moved.
 */
public final class ShiftChoice {

    /**
     * The on-time share of a grid a staggered shift may lose, as a share of its judged cases: 0.01
     * percentage points, below what a year's runs resolve (the model's own rounding of routine days).
     */
    static final double ON_TIME_TOLERANCE = 1e-4;

    private ShiftChoice() {
    }

    /**
     * The decision.
     *
     * @param shiftOfWorker the new shift of every worker moved, by worker id (in id order)
     * @param gridsMoved    the grids whose professionals moved, with their new shift's name
     * @param gridsWeighed  grids with a full-time worker and professionals, whose shifts were weighed
     * @param gridsWithCandidates of those, the grids where some candidate keeps the professionals'
     *                      weekly hours
     * @param before        the model's forecast with every worker on its own shift
     * @param after         the forecast with the chosen shifts
     */
    public record Decision(Map<String, ShiftPattern> shiftOfWorker, Map<String, String> gridsMoved, int gridsWeighed,
            int gridsWithCandidates, Plan.Forecast before, Plan.Forecast after) {

        /** Validates and copies. */
        public Decision {
            shiftOfWorker = java.util.Collections.unmodifiableMap(new TreeMap<>(shiftOfWorker));
            gridsMoved = java.util.Collections.unmodifiableMap(new TreeMap<>(gridsMoved));
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        /** The staffing {@code s} with the chosen shifts. */
        public Staffing apply(Staffing s) {
            if (shiftOfWorker.isEmpty()) {
                return s;
            }
            List<WorkerSpec> out = new ArrayList<>();
            for (WorkerSpec w : s.workers()) {
                ShiftPattern p = shiftOfWorker.get(w.id());
                out.add(p == null ? w : w.withShift(p));
            }
            return new Staffing(out, s.pools(), s.duty());
        }

        /** The sentence explaining it, in English and Chinese. */
        public PlanJustification justification() {
            Map<String, Integer> byShift = new TreeMap<>();
            gridsMoved.values().forEach(v -> byShift.merge(v, 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            byShift.forEach((shift, n) -> parts.add(String.format(Locale.ROOT, "%d on %s", n, shift)));
            if (gridsMoved.isEmpty() && gridsWithCandidates == 0) {
                return new PlanJustification(String.format(Locale.ROOT, "Staggered shifts: no candidate shift keeps the"
                        + " weekly hours of the professionals of the %d grids with a full-time worker and"
                        + " professionals; all keep their own.", gridsWeighed), String.format(Locale.ROOT, "错时上班："
                        + "在 %d 个既有专职又有专业网格员的网格中，没有候选班次与专业网格员的每周工时相同，均保持原班次。",
                        gridsWeighed));
            }
            if (gridsMoved.isEmpty()) {
                return new PlanJustification(String.format(Locale.ROOT, "Staggered shifts: in none of the %d grids with"
                        + " a full-time worker and professionals does the field-regime model expect another shift of"
                        + " the professionals to cut the response without losing cases on time; all keep their"
                        + " own.", gridsWeighed), String.format(Locale.ROOT, "错时上班：在 %d 个既有专职又有专业网格员的网格中，"
                        + "现场运行模型预计专业网格员换班都不能在不减少按时案件的情况下缩短响应时间，均保持原班次。", gridsWeighed));
            }
            String list = String.join("; ", parts);
            return new PlanJustification(String.format(Locale.ROOT, "Staggered shifts: in %d of the %d grids with a"
                    + " full-time worker and professionals the professionals move to other days or hours of the same"
                    + " weekly length (%s), so that routine cases reported while the full-time worker is off are"
                    + " taken on the spot; the field-regime model expects the mean response to go from %.0f to %.0f"
                    + " min and the on-time share from %.2f%% to %.2f%%.", gridsMoved.size(), gridsWeighed, list,
                    before.meanResponseMinutes(), after.meanResponseMinutes(), 100 * before.onTimeShare(),
                    100 * after.onTimeShare()),
                    String.format(Locale.ROOT, "错时上班：在 %d 个既有专职又有专业网格员的网格中，有 %d 个网格的专业网格员改到每周工时相同的"
                    + "其他日子或时段（%s），使专职网格员下班时居民报告的日常事件能当场受理；现场运行模型预计平均响应时间由 %.0f 分钟降至"
                    + " %.0f 分钟，按时率由 %.2f%% 变为 %.2f%%。", gridsWeighed, gridsMoved.size(), list,
                    before.meanResponseMinutes(), after.meanResponseMinutes(), 100 * before.onTimeShare(),
                    100 * after.onTimeShare()));
        }
    }

    /**
     * The default candidates for workers on {@code shift}, each of its weekly hours: for a shift of
     * five days (Monday to Friday), the same hours over six days (Monday to Saturday, shorter
     * days), starting at {@code shift}'s start, half an hour and an hour later, or ending at its end;
     * the same days of hours on Tuesday to Saturday and on Wednesday to Sunday; and the same days
     * two and four hours later. An assumption of this project: the field practice of staggered and
     * weekend hours in community services (错时上下班、节假日轮班) has no published figure here, so
     * staggering is off unless a planner asks for it.
     */
    public static List<ShiftPattern> defaults(ShiftPattern shift) {
        int start = shift.startMinute();
        int end = shift.endMinute();
        List<ShiftPattern> out = new ArrayList<>();
        String days = days(shift);
        int weekly = shift.weeklyMinutes();
        if (end > start && days.equals("mon-fri") && weekly % 6 == 0) {
            int length = weekly / 6;
            for (int s : new int[] {start, start + 30, start + 60, end - length}) {
                if (s + length <= 1440) {
                    out.add(ShiftPattern.parse(window(s, s + length) + " mon-sat"));
                }
            }
        }
        if (end > start) {
            out.add(ShiftPattern.parse(window(start, end) + " tue-sat"));
            out.add(ShiftPattern.parse(window(start, end) + " wed-sun"));
            for (int later : new int[] {120, 240}) {
                if (end + later <= 1440) {
                    out.add(ShiftPattern.parse(window(start + later, end + later) + " " + days));
                }
            }
        }
        out.removeIf(p -> p.weeklyMinutes() != weekly || sameHours(p, shift));
        List<ShiftPattern> distinct = new ArrayList<>();
        for (ShiftPattern p : out) {
            if (distinct.stream().noneMatch(q -> sameHours(p, q))) {
                distinct.add(p);
            }
        }
        return distinct;
    }

    /**
     * Chooses the professionals' shifts for {@code staffing} of {@code layout} among
     * {@code candidates}; a candidate of other weekly hours than a grid's professionals' own shift
     * is not weighed for that grid (a rota moves hours, it does not add them).
     *
     * @param settings the runs' settings (field model, patrol, demand, travel)
     * @param seed     seed of the model's routine-day samples
     */
    static Decision choose(City city, GridLayout layout, Staffing staffing, SimulationConfig settings, long seed,
            List<ShiftPattern> candidates, DistrictProblems problems) {
        FieldDistrict district = FieldDistrict.of(city, layout, staffing, settings, seed, problems);
        FieldResponseModel model = district.model();
        List<FieldResponseModel.Grid> grids = district.grids();
        Map<String, List<WorkerSpec>> professionals = new LinkedHashMap<>();
        for (WorkerSpec w : staffing.workers()) {
            if (w.type() == WorkerType.PROFESSIONAL && w.duty() == WorkerSpec.Duty.NONE) {
                professionals.computeIfAbsent(w.grid(), k -> new ArrayList<>()).add(w);
            }
        }
        Map<String, ShiftPattern> shiftOfWorker = new LinkedHashMap<>();
        Map<String, String> gridsMoved = new LinkedHashMap<>();
        int weighed = 0;
        int withCandidates = 0;
        for (int g = 0; g < grids.size(); g++) {
            Crew crew = district.crews().get(g);
            List<WorkerSpec> pros = professionals.getOrDefault(grids.get(g).id(), List.of());
            if (crew.routineWorkers() == 0 || crew.otherWorkers() == 0 || pros.isEmpty()
                    || !(crew.otherShift() instanceof ShiftPattern own)) {
                continue;
            }
            weighed++;
            if (candidates.stream().anyMatch(c -> !sameHours(c, own) && c.weeklyMinutes() == own.weeklyMinutes())) {
                withCandidates++;
            }
            Outcome base = model.grid(grids.get(g), crew);
            double bestMinutes = base.totalResponseMinutes();
            double keepOnTime = base.onTimeCases();
            ShiftPattern best = null;
            for (ShiftPattern c : candidates) {
                if (sameHours(c, own) || c.weeklyMinutes() != own.weeklyMinutes()) {
                    continue;
                }
                Outcome o = model.grid(grids.get(g), crew.withOtherShift(c));
                // Gains count above rounding: a candidate must cut at least a minute a year, and keep the
                // grid's on-time share within ON_TIME_TOLERANCE.
                if (o.totalResponseMinutes() < bestMinutes - 1
                        && o.onTimeCases() >= keepOnTime - ON_TIME_TOLERANCE * base.judgedCases()) {
                    bestMinutes = o.totalResponseMinutes();
                    best = c;
                }
            }
            if (best != null) {
                // The professionals on the crew's other shift move; one on other hours keeps its own (a
                // rota moves hours, it does not add them).
                for (WorkerSpec w : pros) {
                    if (sameHours(w.shift(), own)) {
                        shiftOfWorker.put(w.id(), best);
                    }
                }
                gridsMoved.put(grids.get(g).id(), best.name());
            }
        }
        Plan.Forecast before = RosterChoice.forecast(district);
        Decision undecided = new Decision(shiftOfWorker, gridsMoved, weighed, withCandidates, before, before);
        Plan.Forecast after = shiftOfWorker.isEmpty() ? before : RosterChoice.forecast(FieldDistrict.of(city, layout,
                undecided.apply(staffing), settings, seed, problems));
        return new Decision(shiftOfWorker, gridsMoved, weighed, withCandidates, before, after);
    }

    /** Whether two shifts keep the same hours on the same days, whatever their names. */
    static boolean sameHours(ShiftPattern a, ShiftPattern b) {
        return a.startMinute() == b.startMinute() && a.endMinute() == b.endMinute() && a.days().equals(b.days());
    }

    private static String window(int start, int end) {
        int e = end % 1440;
        return String.format(Locale.ROOT, "%02d:%02d-%02d:%02d", start / 60, start % 60, e / 60, e % 60);
    }

    /** The days of {@code s} as {@link ShiftPattern#parse} reads them: a range such as mon-fri, else a list. */
    private static String days(ShiftPattern s) {
        List<String> names = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
        List<Integer> d = s.days().stream().map(x -> x.getValue() - 1).sorted().toList();
        if (d.size() == 7) {
            return "daily";
        }
        if (d.get(d.size() - 1) - d.get(0) == d.size() - 1) {
            return d.size() == 1 ? names.get(d.get(0)) : names.get(d.get(0)) + "-" + names.get(d.get(d.size() - 1));
        }
        List<String> out = new ArrayList<>();
        d.forEach(x -> out.add(names.get(x)));
        return String.join(",", out);
    }
}
