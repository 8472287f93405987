package org.gridplan.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules for module {@code spark}, which scenarios' ArchitectureTest cannot see: Spark only
 * here, and the engine works through the other modules' seams (the run simulation, the results
 * store's run files), never DuckDB, OptaPlanner, MASON or picocli of its own.
 */
@AnalyzeClasses(packages = "org.gridplan", importOptions = ImportOption.DoNotIncludeTests.class)
class SparkArchitectureTest {

    @ArchTest
    static final ArchRule spark_only_in_the_spark_module = noClasses()
            .that().resideOutsideOfPackage("org.gridplan.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..",
                    "org.gridplan.spark..");

    @ArchTest
    static final ArchRule the_engine_uses_the_seams_not_the_libraries_behind_them = noClasses()
            .that().resideInAPackage("org.gridplan.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("org.duckdb..", "org.optaplanner..", "picocli..",
                    "sim..", "ec..", "org.gridplan.optimizer..", "org.gridplan.sim..");
}
