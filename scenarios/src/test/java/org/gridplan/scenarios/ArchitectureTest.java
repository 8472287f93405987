package org.gridplan.scenarios;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The house rules of README's "Project layout" and STYLE.md as tests, over the main classes of
 * every module (this module's test classpath holds them all): no package cycles, each library in
 * the one package that owns it, and module dependencies pointing one way.
 */
@AnalyzeClasses(packages = "org.gridplan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Every package is a slice: sim.model, sim.road, optimizer.solver, scenarios.cli, ... */
    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("org.gridplan.(**)").should().beFreeOfCycles();

    /** {@code sim ← optimizer}, {@code sim ← results}, and {@code scenarios} on top of all three. */
    @ArchTest
    static final ArchRule modules_depend_one_way = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("sim").definedBy("org.gridplan.sim..")
            .layer("optimizer").definedBy("org.gridplan.optimizer..")
            .layer("results").definedBy("org.gridplan.results..")
            .layer("scenarios").definedBy("org.gridplan.scenarios..")
            .whereLayer("scenarios").mayNotBeAccessedByAnyLayer()
            .whereLayer("optimizer").mayOnlyBeAccessedByLayers("scenarios")
            .whereLayer("results").mayOnlyBeAccessedByLayers("scenarios")
            .whereLayer("sim").mayOnlyBeAccessedByLayers("optimizer", "results", "scenarios");

    @ArchTest
    static final ArchRule optaplanner_only_in_optimizer = noClasses()
            .that().resideOutsideOfPackage("org.gridplan.optimizer..")
            .should().dependOnClassesThat().resideInAPackage("org.optaplanner..");

    /**
     * The other modules plan through the optimizer's façade ({@code optimizer.plan}) and read its
     * plain models; the solvers and the planning classes, where OptaPlanner lives, and the analytic
     * models and their mapping from a district ({@code optimizer.response},
     * {@code optimizer.mapping}) stay inside it.
     */
    @ArchTest
    static final ArchRule optimizer_used_through_its_facade = noClasses()
            .that().resideOutsideOfPackage("org.gridplan.optimizer..")
            .should().dependOnClassesThat().resideInAnyPackage("org.gridplan.optimizer.solver..",
                    "org.gridplan.optimizer.domain..", "org.gridplan.optimizer.response..",
                    "org.gridplan.optimizer.mapping..");

    /**
     * Nothing of the optimizer that another module uses carries an OptaPlanner type: not the types
     * it uses (their supertypes and annotations), and not the signatures of the members it calls
     * or reads (nor the supertypes and annotations of the optimizer types in them).
     */
    @ArchTest
    static final ArchRule no_optaplanner_type_in_what_leaves_the_optimizer = classes()
            .that().resideOutsideOfPackage("org.gridplan.optimizer..")
            .should(useNoOptimizerTypeOrMemberInvolvingOptaPlanner());

    private static ArchCondition<JavaClass> useNoOptimizerTypeOrMemberInvolvingOptaPlanner() {
        return new ArchCondition<>("use no optimizer type or member whose signature involves an OptaPlanner type") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    if (inOptimizer(d.getTargetClass())) {
                        report(events, item, d.getTargetClass().getName(), Set.of(d.getTargetClass()));
                    }
                }
                for (JavaAccess<?> access : item.getAccessesFromSelf()) {
                    if (inOptimizer(access.getTargetOwner())) {
                        access.getTarget().resolveMember().ifPresent(m -> report(events, item, m.getFullName(),
                                m.getAllInvolvedRawTypes()));
                    }
                }
            }
        };
    }

    private static boolean inOptimizer(JavaClass c) {
        return c.getPackageName().startsWith("org.gridplan.optimizer");
    }

    /**
     * Reports each OptaPlanner type among {@code types}, or among the supertypes and annotations of
     * the optimizer types there.
     */
    private static void report(ConditionEvents events, JavaClass item, String used, Set<JavaClass> types) {
        Set<JavaClass> involved = new LinkedHashSet<>(types);
        for (JavaClass t : types) {
            if (inOptimizer(t)) {
                involved.addAll(t.getAllRawSuperclasses());
                involved.addAll(t.getAllRawInterfaces());
                t.getAnnotations().forEach(a -> involved.add(a.getRawType()));
            }
        }
        for (JavaClass t : involved) {
            if (t.getPackageName().startsWith("org.optaplanner")) {
                events.add(SimpleConditionEvent.violated(item, item.getName() + " uses " + used + ", which involves "
                        + t.getName()));
            }
        }
    }

    @ArchTest
    static final ArchRule jfreechart_only_in_results = noClasses()
            .that().resideOutsideOfPackage("org.gridplan.results..")
            .should().dependOnClassesThat().resideInAPackage("org.jfree..");

    @ArchTest
    static final ArchRule picocli_only_in_cli = noClasses()
            .that().resideOutsideOfPackage("org.gridplan.scenarios.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    /** MASON's packages are {@code sim.engine}, {@code sim.util}, ... and {@code ec.util}. */
    @ArchTest
    static final ArchRule mason_only_in_sim = noClasses()
            .that().resideOutsideOfPackage("org.gridplan.sim..")
            .should().dependOnClassesThat().resideInAnyPackage("sim..", "ec..");

    /**
     * Spark lives in module {@code spark} (package {@code org.gridplan.spark}), which is not on this
     * module's class path: no other module may use it, so the default jar runs without it.
     */
    @ArchTest
    static final ArchRule spark_only_in_the_spark_module = noClasses()
            .that().resideOutsideOfPackage("org.gridplan.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..",
                    "org.gridplan.spark..");

    @ArchTest
    static final ArchRule duckdb_only_in_results_store = noClasses()
            .that().resideOutsideOfPackage("org.gridplan.results.store..")
            .should().dependOnClassesThat().resideInAPackage("org.duckdb..");

    /**
     * The scenario model does not know how results are stored or shown: the report's language and
     * the export formats a scenario names are its own types ({@code ReportLanguage},
     * {@code ExportKind}), which the command line maps to the results module's.
     */
    @ArchTest
    static final ArchRule scenario_spec_does_not_know_results = noClasses()
            .that().resideInAPackage("org.gridplan.scenarios.spec..")
            .should().dependOnClassesThat().resideInAPackage("org.gridplan.results..");
}
