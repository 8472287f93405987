package org.gridplan.scenarios.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridplan.scenarios.spec.ScenarioReaderTest.MINIMAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gridplan.optimizer.plan.ShiftChoice;
import org.gridplan.sim.agent.DutyRoster;
import org.gridplan.sim.agent.ShiftPattern;
import org.gridplan.sim.demand.DemandCatalog;
import org.gridplan.sim.demand.DiscoveryMode;
import org.gridplan.sim.demand.EscalationLevel;
import org.gridplan.sim.demand.IncidentCategory;
import org.gridplan.sim.demand.TimeDistribution;
import org.gridplan.sim.demand.TimeLimit;
import org.gridplan.sim.demand.TimeProfile;
import org.gridplan.sim.demand.Urgency;
import org.gridplan.sim.engine.FieldModel;
import org.gridplan.sim.engine.LinkageConfig;
import org.gridplan.sim.engine.PatrolConfig;
import org.gridplan.sim.engine.RoutineConfig;
import org.gridplan.sim.engine.RoutineConfig.IncidentPolicy;
import org.gridplan.sim.engine.SimulationConfig;
import org.gridplan.sim.engine.TriageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The field-model fields of a scenario: duty, categories, dispatch, routine and timeLimits. */
class ScenarioReaderFieldModelTest {

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, yaml);
        return p;
    }

    private Scenario read(String yaml) throws IOException {
        return new ScenarioReader().read(write("s.yaml", yaml));
    }

    private RunSettings settings(String yaml) throws IOException {
        return read(MINIMAL + yaml).points().get(0).settings();
    }

    private List<String> problems(String yaml) throws IOException {
        Path p = write("bad.yaml", MINIMAL + yaml);
        try {
            new ScenarioReader().read(p);
        } catch (ScenarioException e) {
            return e.problems();
        }
        throw new AssertionError("no problems reported");
    }

    private static IncidentCategory category(RunSettings r, String name) {
        return r.demand().catalog().categories().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void without_the_new_fields_every_part_takes_the_sim_defaults() throws IOException {
        RunSettings r = settings("");
        SimulationConfig config = r.config(1, false);
        assertThat(config.field()).isEqualTo(FieldModel.defaults());
        assertThat(config.patrol()).isEqualTo(PatrolConfig.defaults());
        assertThat(config.demand()).isEqualTo(DemandCatalog.defaults());
        assertThat(r.staffing().duty()).isEqualTo(DutyRoster.defaults());
        // Empty sections are the defaults too.
        RunSettings empty = settings("routine: {}\ntimeLimits: {}\ndispatch: {}\nstaffing: {duty: {}}\n");
        assertThat(empty.config(1, false).field()).isEqualTo(FieldModel.defaults());
        assertThat(empty.config(1, false).patrol()).isEqualTo(PatrolConfig.defaults());
        assertThat(empty.staffing().duty()).isEqualTo(DutyRoster.defaults());
    }

    @Test
    void reads_every_field_model_field() throws IOException {
        RunSettings r = settings("""
                staffing:
                  branchPoolPerCommunity: 1
                  duty: {scope: branch, onDuty: 2, source: duty-team, location: home, hours: "20:00-08:00 daily"}
                demand:
                  categories:
                    disputes:
                      urgency: urgent
                      responseLimit: 30 minutes
                      closureLimit: 2.5 working days
                      profile: around-the-clock
                      service: {distribution: gamma, mean: 40, sd: 20}
                    repairs:
                      serviceMinutes: 50
                      discovery: patrol
                      latentDays: 10
                      profile: {hourOfDay: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]}
                    sanitation: {discovery: report, closureLimit: none}
                dispatch:
                  triage: {distribution: deterministic, mean: 2}
                  linkage: {afterMinutes: 45, response: {distribution: exponential, mean: 12}}
                  queueLimit: 3
                  patience: {distribution: empirical, values: [30, 60, 90]}
                routine:
                  incidents: interrupt
                  visits: {cycleDays: 0, minutes: {distribution: deterministic, mean: 25}, maxPerDay: 6}
                  patrol: {roundsPerDay: 2, metresPerMinute: 30, legMinutes: 20}
                  info: {enabled: false, changesPerHouseholdYear: 0.2}
                  admin: {hoursPerWeek: 4, blockMinutes: 30}
                  tasks: {perWeek: 1, minutes: {distribution: lognormal, mean: 90, sd: 20}, deadline: 2 days}
                timeLimits:
                  workingHours: 09:00-18:00 mon-sat
                """);
        assertThat(r.staffing().duty()).isEqualTo(new DutyRoster(DutyRoster.Scope.BRANCH, 2,
                DutyRoster.Source.DUTY_TEAM, DutyRoster.Location.HOME,
                Optional.of(ShiftPattern.parse("20:00-08:00 daily"))));

        IncidentCategory disputes = category(r, "disputes");
        assertThat(disputes.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(disputes.responseLimit()).isEqualTo(TimeLimit.calendarMinutes(30));
        assertThat(disputes.closureLimit()).isEqualTo(TimeLimit.workingDays(2.5));
        assertThat(disputes.profile()).isEqualTo(TimeProfile.aroundTheClock());
        assertThat(disputes.service()).isEqualTo(TimeDistribution.gamma(40, 20));
        assertThat(disputes.onSpotProbability()).isEqualTo(0.60);

        IncidentCategory repairs = category(r, "repairs");
        assertThat(repairs.service()).isEqualTo(TimeDistribution.lognormal(50, 30));
        assertThat(repairs.discovery()).isEqualTo(DiscoveryMode.PATROL);
        assertThat(repairs.latentPeriod()).isEqualTo(TimeDistribution.exponential(10 * 1440.0));
        assertThat(repairs.profile().hourOfDay()).containsOnly(0.0, 1.0);
        assertThat(repairs.profile().dayOfWeek()).containsOnly(1.0);
        IncidentCategory sanitation = category(r, "sanitation");
        assertThat(sanitation.discovery()).isEqualTo(DiscoveryMode.RESIDENT_REPORT);
        assertThat(sanitation.closureLimit().isNone()).isTrue();
        assertThat(sanitation.responseLimit()).isEqualTo(TimeLimit.workingHours(2));

        SimulationConfig config = r.config(1, false);
        FieldModel field = config.field();
        assertThat(field.triage()).isEqualTo(new TriageConfig(TimeDistribution.deterministic(2)));
        assertThat(field.linkage()).isEqualTo(new LinkageConfig(true, 45, TimeDistribution.exponential(12)));
        assertThat(field.queue().limit()).hasValue(3);
        assertThat(field.queue().patience()).hasValue(TimeDistribution.empirical(List.of(30.0, 60.0, 90.0)));
        RoutineConfig routine = field.routine();
        assertThat(routine.routineIncidents()).isEqualTo(IncidentPolicy.INTERRUPT);
        assertThat(routine.patrol()).isEqualTo(new RoutineConfig.StreetPatrol(true, 2, 30, 20));
        assertThat(routine.info().enabled()).isFalse();
        assertThat(routine.info().changesPerHouseholdYear()).isEqualTo(0.2);
        assertThat(routine.admin()).isEqualTo(new RoutineConfig.Admin(true, 4, 30));
        assertThat(routine.tasks()).isEqualTo(new RoutineConfig.AssignedTasks(true, 1,
                TimeDistribution.lognormal(90, 20), TimeLimit.calendarMinutes(2 * 1440)));
        assertThat(config.patrol()).isEqualTo(new PatrolConfig(true, TimeDistribution.deterministic(25), 6, 0));
        assertThat(field.workingHours()).isEqualTo(ShiftPattern.parse("09:00-18:00 mon-sat"));
    }

    @Test
    void an_empty_catalog_holds_only_the_categories_the_file_defines_with_the_documented_defaults()
            throws IOException {
        RunSettings r = settings("""
                demand:
                  catalog: empty
                  categories:
                    calls: {rate: 2, service: {distribution: exponential, mean: 30}}
                """);
        assertThat(r.demand().catalog().categories()).singleElement().isEqualTo(
                IncidentCategory.reported("calls", 2, TimeDistribution.exponential(30)));
        IncidentCategory c = r.demand().catalog().categories().get(0);
        assertThat(c.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(c.profile()).isEqualTo(TimeProfile.flat());
        assertThat(c.onSpotProbability()).isEqualTo(1.0);
        assertThat(c.escalation()).isEqualTo(EscalationLevel.COMMUNITY);
        assertThat(c.responseLimit().isNone()).isTrue();
        assertThat(c.closureLimit().isNone()).isTrue();
    }

    @Test
    void a_new_category_joins_the_default_catalog_after_its_categories() throws IOException {
        RunSettings r = settings("""
                demand:
                  categories:
                    noise: {rate: 0.01, service: {distribution: lognormal, mean: 20, sd: 10}, discovery: patrol,
                            latentDays: 3, urgency: urgent, onSpot: 0.5, escalation: street}
                """);
        List<IncidentCategory> cats = r.demand().catalog().categories();
        assertThat(cats).hasSize(9);
        assertThat(cats.subList(0, 8)).isEqualTo(DemandCatalog.defaults().categories());
        IncidentCategory noise = cats.get(8);
        assertThat(noise.name()).isEqualTo("noise");
        assertThat(noise.latentPeriod()).isEqualTo(TimeDistribution.exponential(3 * 1440.0));
        assertThat(noise.urgent()).isTrue();
        assertThat(noise.escalation()).isEqualTo(EscalationLevel.STREET);
    }

    @Test
    void the_mmc_example_produces_the_degenerate_queueing_model() {
        Scenario s = new ScenarioReader().read(Path.of("examples", "mmc-validation.yaml"));
        assertThat(s.layouts()).hasSize(1);
        assertThat(s.points()).hasSize(1);
        RunSettings r = s.points().get(0).settings();
        SimulationConfig config = r.config(5, false);
        assertThat(config.field()).isEqualTo(FieldModel.off());
        assertThat(config.patrol().enabled()).isFalse();
        assertThat(config.dispatch().fallbacks()).isEmpty();
        assertThat(config.travel().isNone()).isTrue();
        assertThat(config.surges()).isEmpty();
        assertThat(config.demand().categories()).singleElement().satisfies(c -> {
            assertThat(c.profile()).isEqualTo(TimeProfile.flat());
            assertThat(c.service()).isInstanceOf(TimeDistribution.Exponential.class);
            assertThat(c.discovery()).isEqualTo(DiscoveryMode.RESIDENT_REPORT);
            assertThat(c.onSpotProbability()).isEqualTo(1.0);
            assertThat(c.urgency()).isEqualTo(Urgency.ROUTINE);
        });
        assertThat(r.staffing().duty().active()).isFalse();
        assertThat(r.staffing().fullTimeShift()).isEqualTo(ShiftPattern.ALWAYS);
        assertThat(r.staffing().partTimePerCommunity()).isZero();
        assertThat(r.staffing().professionalsPerGrid()).isZero();
        assertThat(r.staffing().branchPoolPerCommunity()).isZero();
    }

    @Test
    void a_loss_system_and_deterministic_service_are_set_from_the_file() throws IOException {
        RunSettings r = settings("""
                demand:
                  catalog: empty
                  categories:
                    calls: {rate: 1, service: {distribution: deterministic, mean: 45}}
                dispatch: {queueLimit: 0}
                """);
        assertThat(r.config(1, false).field().queue().limit()).hasValue(0);
        assertThat(r.demand().categories().get(0).service()).isEqualTo(TimeDistribution.deterministic(45));
    }

    @Test
    void routine_enabled_false_switches_every_part_off_and_a_part_may_be_switched_back_on() throws IOException {
        SimulationConfig off = settings("routine: {enabled: false}\n").config(1, false);
        assertThat(off.field().routine()).isEqualTo(RoutineConfig.off());
        assertThat(off.field().routine().any()).isFalse();
        assertThat(off.patrol().enabled()).isFalse();
        SimulationConfig visitsOnly = settings("routine: {enabled: false, visits: {enabled: true}}\n").config(1, false);
        assertThat(visitsOnly.field().routine().any()).isFalse();
        assertThat(visitsOnly.patrol()).isEqualTo(PatrolConfig.defaults());
    }

    @Test
    void a_duty_roster_may_wait_at_the_central_building() throws IOException {
        assertThat(settings("staffing:\n  duty: {source: duty-team, location: central}\n").staffing().duty())
                .isEqualTo(new DutyRoster(DutyRoster.Scope.COMMUNITY, 1, DutyRoster.Source.DUTY_TEAM,
                        DutyRoster.Location.CENTRAL, Optional.empty()));
        assertThat(problems("staffing:\n  duty: {location: centre}\n")).containsExactly("bad.yaml:8"
                + " staffing.duty.location: 'centre' is not one of: branch, community-office, home, central");
    }

    @Test
    void staffing_stagger_takes_none_the_default_candidates_or_a_list_of_the_full_time_weekly_hours()
            throws IOException {
        ScenarioReader optimiser = new ScenarioReader(new Scenario.Optimise(false, true));
        String workers = "optimise: {workers: true}\n";
        assertThat(settings("").staffing().stagger()).isEmpty();
        RunSettings none = optimiser.read(write("n.yaml", MINIMAL + workers + "staffing: {stagger: none}\n"))
                .points().get(0).settings();
        assertThat(none.staffing().stagger()).isEmpty();
        RunSettings def = optimiser.read(write("d.yaml", MINIMAL + workers + "staffing: {stagger: default}\n"))
                .points().get(0).settings();
        assertThat(def.staffing().stagger()).isEqualTo(ShiftChoice.defaults(ShiftPattern.WEEKDAY_DAY));
        RunSettings list = optimiser.read(write("l.yaml", MINIMAL + workers + """
                staffing:
                  fullTimeShift: "08:00-16:00 mon-fri"
                  stagger: ["08:00-16:00 tue-sat", "09:00-15:40 mon-sat"]
                """)).points().get(0).settings();
        assertThat(list.staffing().stagger()).containsExactly(ShiftPattern.parse("08:00-16:00 tue-sat"),
                ShiftPattern.parse("09:00-15:40 mon-sat"));
        // A sweep of it: one point keeps the shifts, the other staggers them.
        Scenario swept = optimiser.read(write("s.yaml", MINIMAL + workers
                + "sweep:\n  parameters:\n    staffing.stagger: [none, default]\n"));
        assertThat(swept.points()).extracting(p -> p.settings().staffing().stagger().size()).containsExactly(0, 8);
        // Bad values are named at their line; staggering needs the worker optimiser.
        Path bad = write("bad.yaml", MINIMAL + workers + """
                staffing:
                  stagger: ["08:30-17:30 tue-sat", "09:00-16:00 mon-sat", "9-5 weekdays"]
                """);
        assertThatThrownBy(() -> optimiser.read(bad)).isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).problems()).containsExactly(
                        "bad.yaml:9 staffing.stagger[1]: '09:00-16:00 mon-sat' keeps 42 hours a week and"
                                + " fullTimeShift weekday-day keeps 45; a staggered shift moves hours, it does not add"
                                + " or remove them",
                        "bad.yaml:9 staffing.stagger[2]: '9-5 weekdays' is not a shift: give "
                                + ShiftPattern.SYNTAX));
        assertThat(problems("staffing: {stagger: always}\n")).containsExactly("bad.yaml:7 staffing.stagger: 'always'"
                + " is not none, default or a list of shifts such as ['09:00-16:30 mon-sat', '12:30-21:30 mon-fri']");
        assertThat(problems("staffing: {fullTimeShift: '16:00-23:00 mon-sat', stagger: default}\n"))
                .containsExactly("bad.yaml:7 staffing.stagger: default has no candidates for fullTimeShift 16:00-23:00"
                        + " mon-sat (they are built for a shift of five days ending by midnight); give a list of shifts"
                        + " of its weekly hours");
        assertThat(problems("staffing: {stagger: []}\n")).containsExactly("bad.yaml:7 staffing.stagger: an empty list"
                + " gives no candidate shift; give none, default, or at least one shift such as '09:00-16:30 mon-sat'");
        assertThat(problems("staffing: {stagger: default}\n")).containsExactly("bad.yaml:7 staffing.stagger:"
                + " staggered shifts are chosen by the worker-assignment optimizer: set optimise.workers: true, or give"
                + " stagger: none");
    }

    @Test
    void reports_bad_field_model_values_all_at_once_with_file_line_and_path() throws IOException {
        assertThat(problems("""
                staffing:
                  duty: {scope: street}
                demand:
                  categories:
                    disputes:
                      urgency: high
                      responseLimit: 4 workhours
                    repairs:
                      service: {distribution: empirical}
                dispatch:
                  queueLimit: -1
                routine:
                  admin: {hoursPerWeek: 200}
                """)).containsExactly(
                "bad.yaml:8 staffing.duty.scope: 'street' is not one of: none, community, branch",
                "bad.yaml:12 demand.categories.disputes.urgency: 'high' is not one of: urgent, routine",
                "bad.yaml:13 demand.categories.disputes.responseLimit: '4 workhours' is not a time limit: give "
                        + "'<n> working hours', '<n> working days', '<n> minutes', '<n> hours', '<n> days' or none",
                "bad.yaml:15 demand.categories.repairs.service.values: missing (required): a list of minutes, each "
                        + "draw one of them",
                "bad.yaml:17 dispatch.queueLimit: -1 is below the minimum 0",
                "bad.yaml:19 routine.admin.hoursPerWeek: 200 is above the maximum 168");
    }

    @Test
    void rejects_bad_distributions_naming_the_allowed_keys() throws IOException {
        assertThat(problems("dispatch: {triage: {distribution: exponential, mean: 5, sd: 2}}\n")).containsExactly(
                "bad.yaml:7 dispatch.triage.sd: unknown key (expected one of: distribution, mean)");
        assertThat(problems("dispatch: {patience: {distribution: weibull, mean: 5}}\n")).containsExactly(
                "bad.yaml:7 dispatch.patience.distribution: 'weibull' is not one of: exponential, deterministic, "
                        + "lognormal, gamma, empirical");
        assertThat(problems("dispatch: {patience: forever}\n")).containsExactly(
                "bad.yaml:7 dispatch.patience: expected none or a distribution such as {distribution: lognormal, "
                        + "mean: 20, sd: 10}, got text 'forever'");
        assertThat(problems("routine: {visits: {minutes: {distribution: lognormal, mean: 20}}}\n")).containsExactly(
                "bad.yaml:7 routine.visits.minutes.sd: missing (required): the standard deviation in minutes");
        assertThat(problems("""
                demand:
                  categories:
                    disputes: {service: {distribution: empirical, values: []}}
                """)).containsExactly("bad.yaml:9 demand.categories.disputes.service.values: is empty; an empirical "
                + "distribution needs at least one value");
        assertThat(problems("""
                demand:
                  categories:
                    disputes: {service: {distribution: empirical, values: [0, 0]}}
                """)).containsExactly(
                "bad.yaml:9 demand.categories.disputes.service.values: are all 0; the mean must be positive");
        assertThat(problems("dispatch: {queueLimit: many}\n")).containsExactly(
                "bad.yaml:7 dispatch.queueLimit: expected none or a whole number of waiting cases (0 or more), got "
                        + "text 'many'");
    }

    @Test
    void rejects_inconsistent_categories() throws IOException {
        assertThat(problems("""
                demand:
                  categories:
                    dispute: {rate: 0.01}
                """)).containsExactly("bad.yaml:9 demand.categories.dispute.service: missing (required): 'dispute' "
                + "is not a category of the default catalog (disputes, safety-hazards, key-persons, emergencies, "
                + "elderly-care, sanitation, repairs, admin-services), so it defines a new one, which needs its "
                + "service distribution, e.g. {distribution: exponential, mean: 30}");
        assertThat(problems("""
                demand:
                  categories:
                    disputes: {serviceMinutes: 30, service: {distribution: exponential, mean: 30}}
                """)).containsExactly("bad.yaml:9 demand.categories.disputes.serviceMinutes: give either service (a "
                + "distribution) or serviceMinutes (a new mean for the default distribution), not both");
        assertThat(problems("""
                demand:
                  categories:
                    disputes: {discovery: patrol}
                    repairs: {latentDays: 5}
                """)).containsExactly(
                "bad.yaml:9 demand.categories.disputes.latentDays: missing (required): discovery: patrol needs "
                        + "latentDays, the mean days until the resident reports it if no patrol finds it first",
                "bad.yaml:10 demand.categories.repairs.latentDays: applies only with discovery: patrol (this "
                        + "category is reported by the resident)");
        assertThat(problems("demand: {catalog: empty}\n")).containsExactly("bad.yaml:7 demand.categories: is empty: "
                + "catalog empty starts with no categories, so define at least one here (rate and service)");
        assertThat(problems("""
                demand:
                  categories:
                    disputes: {profile: {dayOfWeek: [1, 1, 1, 1, 1]}}
                """)).containsExactly("bad.yaml:9 demand.categories.disputes.profile.dayOfWeek: has 5 weights, "
                + "expected 7 (Monday first)");
        assertThat(problems("staffing: {duty: {scope: branch}}\n")).containsExactly("bad.yaml:7 staffing.duty.scope: "
                + "branch keeps one roster per branch pool, but there are no branch pools "
                + "(staffing.branchPoolPerCommunity is 0); give community or none, or add pools");
        assertThat(problems("staffing: {duty: {hours: nights}}\n")).singleElement().asString()
                .startsWith("bad.yaml:7 staffing.duty.hours: 'nights' is not a shift: give weekday-day")
                .endsWith("; or out-of-hours (every hour outside the full-time shift)");
        assertThat(problems("timeLimits: {workingHours: office}\n")).singleElement().asString()
                .startsWith("bad.yaml:7 timeLimits.workingHours: 'office' is not a shift");
        assertThat(problems("routine: {tasks: {deadline: 0 days}, visits: {bogus: 1}}\n")).containsExactly(
                "bad.yaml:7 routine.visits.bogus: unknown key (expected one of: enabled, cycleDays, minutes, "
                        + "maxPerDay)",
                "bad.yaml:7 routine.tasks.deadline: '0 days' must be a positive time (or none for no limit)");
    }

    @Test
    void the_new_sections_are_sweepable_and_a_bad_swept_value_is_reported_at_its_line() throws IOException {
        Scenario s = read(MINIMAL + """
                sweep:
                  mode: zip
                  parameters:
                    routine.admin.hoursPerWeek: [4, 12]
                    dispatch.queueLimit: [none, 0]
                    staffing.duty.scope: [none, community]
                    timeLimits.workingHours: [weekday-day, always]
                    demand.categories.disputes.responseLimit: [none, 2 working hours]
                """);
        assertThat(s.points()).hasSize(2);
        RunSettings a = s.points().get(0).settings();
        RunSettings b = s.points().get(1).settings();
        assertThat(a.field().routine().admin().hoursPerWeek()).isEqualTo(4);
        assertThat(b.field().routine().admin().hoursPerWeek()).isEqualTo(12);
        assertThat(a.field().queue().limit()).isEmpty();
        assertThat(b.field().queue().limit()).hasValue(0);
        assertThat(a.staffing().duty()).isEqualTo(DutyRoster.NONE);
        assertThat(b.staffing().duty()).isEqualTo(DutyRoster.defaults());
        assertThat(b.field().workingHours()).isEqualTo(ShiftPattern.ALWAYS);
        assertThat(category(a, "disputes").responseLimit().isNone()).isTrue();
        assertThat(category(b, "disputes").responseLimit()).isEqualTo(TimeLimit.workingHours(2));
        assertThat(s.points().get(1).valuesJson()).contains("\"routine.admin.hoursPerWeek\":12");

        assertThat(problems("""
                sweep:
                  parameters:
                    routine.admin.hoursPerWeek: [8, 200]
                """)).containsExactly("bad.yaml:9 routine.admin.hoursPerWeek: 200 is above the maximum 168");
    }

    @Test
    void a_changed_field_model_value_changes_the_scenario_hash() throws IOException {
        String a = read(MINIMAL + "routine: {admin: {hoursPerWeek: 8}}\n").hash();
        String b = read(MINIMAL + "routine: {admin: {hoursPerWeek: 9}}\n").hash();
        assertThat(a).isNotEqualTo(b);
    }
}
