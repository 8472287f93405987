/**
 * Statistics over replications: means with Student-t confidence intervals.
 */
package org.gridplan.results.stats;
