/**
 * The results store: one DuckDB database file per batch with a table of runs and tables of
 * district, grid and worker KPIs (and optionally every incident), written one run per
 * transaction so a batch killed at any moment can be resumed, and exported to CSV or Parquet.
 */
package org.gridplan.results.store;
