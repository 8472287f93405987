/**
 * Charts of a layout comparison (JFreeChart), rendered to SVG (JFreeSVG, text kept as text) and
 * PNG: response-time CDFs and box plots, KPI bars with 95% error bars, worker utilisation
 * histogram, backlog over time, the staffing trade-off curve, and district maps with grids
 * coloured by a KPI. Every chart takes its layout colours from one {@link
 * org.gridplan.results.chart.LayoutPalette}, and its labels from {@link
 * org.gridplan.results.chart.ChartText} in English or Chinese.
 */
package org.gridplan.results.chart;
