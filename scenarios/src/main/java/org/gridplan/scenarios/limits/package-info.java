/**
 * How much work a request may ask for: the caps that scenario fields and command-line options
 * share, and the estimate of a run's size (incidents, workers, solver pairs) that is checked
 * before any work starts. README's "Limits" lists them.
 */
package org.gridplan.scenarios.limits;
