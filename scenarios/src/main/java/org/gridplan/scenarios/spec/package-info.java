/**
 * Scenario files: the YAML a researcher writes ({@link org.gridplan.scenarios.spec.ScenarioReader}),
 * checked field by field with errors that name the file, line and field path, and the immutable
 * {@link org.gridplan.scenarios.spec.Scenario} it becomes, with its sweep expanded into points.
 * The reference of every field is {@code docs/scenario-reference.md}.
 */
package org.gridplan.scenarios.spec;
