/**
 * Running work in bulk and measuring it: benchmark phases with wall time and peak heap.
 */
package org.gridplan.scenarios.batch;
