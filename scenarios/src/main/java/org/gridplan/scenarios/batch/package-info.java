/**
 * Running scenarios in bulk: the inputs of a scenario (city and layouts), the staffing planner
 * hook, seed derivation for common random numbers, the parallel batch runner with its single
 * results writer and progress display, and benchmark phase measurement.
 */
package org.gridplan.scenarios.batch;
