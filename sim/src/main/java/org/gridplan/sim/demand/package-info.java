/**
 * What households ask of their grid: incident categories with their rates, time-of-day and
 * weekday profiles, how they become known, how long they take, and where they escalate; the
 * default catalog is calibrated to the field reports.
 */
package org.gridplan.sim.demand;
