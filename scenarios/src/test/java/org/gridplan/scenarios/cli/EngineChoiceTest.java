package org.gridplan.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code gridplan run --engine} in the default jar, which has no Spark engine. */
class EngineChoiceTest {

    @Test
    void engine_spark_in_the_default_jar_says_how_to_run_the_spark_form_instead_of_a_missing_class() {
        CliRunner c = CliRunner.run("run", "missing.yaml", "--engine", "spark");
        assertThat(c.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(c.err().lines().toList()).singleElement().asString()
                .startsWith("error: --engine spark: this gridplan has no Spark engine")
                .contains("./gridplan-spark run SCENARIO.yaml --engine spark").contains("spark-submit")
                .doesNotContain("Exception");
    }

    @Test
    void options_of_the_other_engine_and_unknown_engines_are_refused_by_name() {
        assertThat(CliRunner.run("run", "missing.yaml", "--master", "local[2]").err())
                .startsWith("error: --master local[2]: only with --engine spark");
        assertThat(CliRunner.run("run", "missing.yaml", "--engine", "spark", "--threads", "2").err())
                .startsWith("error: --threads 2: only with --engine local");
        CliRunner c = CliRunner.run("run", "missing.yaml", "--engine", "flink");
        assertThat(c.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(c.err()).startsWith("error: --engine flink: unknown engine; use local (the default) or spark");
    }
}
