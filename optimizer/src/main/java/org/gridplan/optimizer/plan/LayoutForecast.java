package org.gridplan.optimizer.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridplan.optimizer.mapping.FieldDistrict;
import org.gridplan.optimizer.response.FieldResponseModel;
import org.gridplan.optimizer.response.FieldResponseModel.Crew;
import org.gridplan.optimizer.response.FieldResponseModel.Grid;
import org.gridplan.optimizer.response.FieldResponseModel.Outcome;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.Schedule;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.engine.GridRoads;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.model.City;
import org.gridplan.sim.model.GridLayout;
import org.gridplan.sim.road.TravelMode;
import org.gridplan.sim.road.TravelTimes;

/**
 * The field-regime forecast of candidate layouts of one city under the field-standard staffing
 * (full-time workers per grid at its base building, the building nearest its household-weighted
 * centre; the community's part-time workers as the grid's backup; the out-of-hours duty roster
 * at the community office), grid by grid, so that a layout search re-rates only the grids a move
 * changes. The grids' outcomes add up to the district's; {@link #of} gives the same figures as
 * the planner's forecast of the same layout and staffing.
 */
public final class LayoutForecast {

    /**
     * A grid's expected year.
     *
     * @param known           cases known
     * @param judged          cases judged against a response limit
     * @param onTime          judged cases reached within it
     * @param responseMinutes response minutes of the known cases
     * @param urgentJudged    urgent cases judged
     * @param urgentOnTime    urgent cases on time
     */
    public record GridValue(double known, double judged, double onTime, double responseMinutes, double urgentJudged,
            double urgentOnTime) {

        /** This value plus {@code o}. */
        public GridValue plus(GridValue o) {
            return new GridValue(known + o.known, judged + o.judged, onTime + o.onTime,
                    responseMinutes + o.responseMinutes, urgentJudged + o.urgentJudged, urgentOnTime + o.urgentOnTime);
        }

        /** This value minus {@code o}. */
        public GridValue minus(GridValue o) {
            return new GridValue(known - o.known, judged - o.judged, onTime - o.onTime,
                    responseMinutes - o.responseMinutes, urgentJudged - o.urgentJudged, urgentOnTime - o.urgentOnTime);
        }

        /** Nothing. */
        public static final GridValue ZERO = new GridValue(0, 0, 0, 0, 0, 0);

        /** As a forecast of runs. */
        public Plan.Forecast forecast() {
            return new Plan.Forecast(known, known > 0 ? responseMinutes / known : Double.NaN,
                    judged > 0 ? onTime / judged : Double.NaN, urgentJudged > 0 ? urgentOnTime / urgentJudged : 1);
        }
    }

    private final City city;
    private final TravelTimes travel;
    private final double metresPerMinute;
    private final FieldResponseModel model;
    private final int fullTimePerGrid;
    private final ShiftPattern fullTimeShift;
    private final Optional<ShiftPattern> partTimeShift;
    private final DutyRoster roster;
    private final Map<String, Integer> office;
    private final boolean[] urgent;

    /**
     * Forecasts under {@code settings}.
     *
     * @param communities    each community's buildings (the offices sit at their centres)
     * @param fullTimePerGrid full-time workers of each grid, at least 1
     * @param fullTimeShift  their shift
     * @param partTimeShift  the shift of the communities' part-time workers (the grids' backup), if
     *                       they have any
     * @param roster         the out-of-hours duty roster; community-office or none
     * @param seed           seed of the model's routine-day samples
     */
    public LayoutForecast(City city, TravelTimes travel, SimulationConfig settings, long seed,
            Map<String, List<Integer>> communities, int fullTimePerGrid, ShiftPattern fullTimeShift,
            Optional<ShiftPattern> partTimeShift, DutyRoster roster) {
        this.city = Objects.requireNonNull(city, "city");
        Objects.requireNonNull(travel, "travel");
        // The mode's own distances: an e-bike keeps to one-way streets (the simulator's rule).
        this.travel = settings.travel().isNone() ? travel : travel.forMode(settings.travel().mode().orElseThrow());
        if (fullTimePerGrid < 1) {
            throw new IllegalArgumentException("layout forecast: fullTimePerGrid " + fullTimePerGrid
                    + " must be at least 1");
        }
        this.roster = Objects.requireNonNull(roster, "roster");
        if (roster.active() && roster.location() != DutyRoster.Location.COMMUNITY_OFFICE) {
            throw new IllegalArgumentException("layout forecast: the duty roster waits at " + roster.location()
                    + "; only the community office is modelled here");
        }
        this.metresPerMinute = settings.travel().isNone() ? Double.POSITIVE_INFINITY
                : settings.travel().mode().orElse(TravelMode.EBIKE).metresPerMinute();
        this.model = new FieldResponseModel(settings, seed);
        this.fullTimePerGrid = fullTimePerGrid;
        this.fullTimeShift = Objects.requireNonNull(fullTimeShift, "fullTimeShift");
        this.partTimeShift = Objects.requireNonNull(partTimeShift, "partTimeShift");
        this.office = new HashMap<>();
        communities.forEach((c, members) -> office.put(c, FieldDistrict.centreBuilding(city, members)));
        this.urgent = model.urgent();
    }

    /** Road metres of each grid of an assignment (grid number of every building), as the simulator counts them. */
    public double[] roadMetres(int[] buildingGrid, int grids) {
        return GridRoads.metres(city, buildingGrid, grids);
    }

    /**
     * The expected year of the grid of {@code members} (building indices) in {@code community}
     * with {@code roadMetres} of street to patrol.
     */
    public GridValue grid(String id, int[] members, String community, double roadMetres) {
        List<Integer> m = new ArrayList<>(members.length);
        long[] hh = new long[members.length];
        int[] sorted = members.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            m.add(sorted[i]);
            hh[i] = city.buildings().get(sorted[i]).households();
        }
        int base = FieldDistrict.centreBuilding(city, m);
        ShiftPattern shift = fullTimeShift;
        Schedule dutyHours = roster.active() ? (roster.hours().isPresent() ? roster.hours().get()
                : Schedule.outside(shift)) : null;
        double dutyTravel = roster.active() ? meanMinutesFrom(office.get(community), sorted) : Double.NaN;
        Grid grid = new Grid(id, hh, roadMetres, meanMinutesFrom(base, sorted), dutyTravel, dutyHours,
                partTimeShift.orElse(null));
        Outcome o = model.grid(grid, new Crew(fullTimePerGrid, 0, shift));
        double uj = 0;
        double uo = 0;
        for (int c = 0; c < urgent.length; c++) {
            if (urgent[c]) {
                uj += o.judged()[c];
                uo += o.onTime()[c];
            }
        }
        return new GridValue(sum(o.known()), sum(o.judged()), sum(o.onTime()), o.totalResponseMinutes(), uj, uo);
    }

    /** The district's forecast of {@code layout}. */
    public Plan.Forecast of(GridLayout layout) {
        List<String> ids = layout.grids();
        Map<String, List<Integer>> byGrid = layout.buildingsByGrid(city);
        int[] buildingGrid = new int[city.buildings().size()];
        for (int g = 0; g < ids.size(); g++) {
            for (int b : byGrid.get(ids.get(g))) {
                buildingGrid[b] = g;
            }
        }
        double[] roads = roadMetres(buildingGrid, ids.size());
        GridValue total = GridValue.ZERO;
        for (int g = 0; g < ids.size(); g++) {
            int[] members = byGrid.get(ids.get(g)).stream().mapToInt(Integer::intValue).toArray();
            if (members.length > 0) {
                total = total.plus(grid(ids.get(g), members, layout.communityOfGrid().get(ids.get(g)), roads[g]));
            }
        }
        return total.forecast();
    }

    private double meanMinutesFrom(int from, int[] members) {
        if (Double.isInfinite(metresPerMinute)) {
            return 0;
        }
        double sum = 0;
        long weight = 0;
        for (int b : members) {
            double metres = travel.buildingMetresOrInfinity(from, b);
            if (!Double.isFinite(metres)) {
                throw new IllegalArgumentException("building " + city.buildings().get(from).id() + " cannot reach"
                        + " building " + city.buildings().get(b).id() + " by road");
            }
            long h = city.buildings().get(b).households();
            sum += metres * h;
            weight += h;
        }
        return weight == 0 ? 0 : sum / weight / metresPerMinute;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
