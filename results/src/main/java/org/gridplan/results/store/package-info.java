/**
 * The results store: one DuckDB database file per batch with a table of runs and tables of
 * district, grid and worker KPIs, response-time histograms and backlog series (and optionally
 * every incident), written one run per transaction so a batch killed at any moment can be resumed,
 * and exported to CSV or Parquet; and {@link org.gridplan.results.store.BatchReportLoader}, which
 * reads a batch folder (the database and the city and layout GeoJSON beside it) back into the
 * data of its comparison report. {@link org.gridplan.results.store.ResultsStore} is the entry
 * point; behind it the schema, its version and the numbered migration steps of older databases
 * ({@code StoreSchema}), the writer of runs ({@code RunWriter}) and the export
 * ({@code StoreExport}), with the KPI tables declared once in {@code KpiTables}.
 */
package org.gridplan.results.store;
