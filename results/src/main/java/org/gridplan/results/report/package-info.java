/**
 * The comparison report for officials: one self-contained {@code report.html} (inline CSS and
 * SVG, no scripts, no external files) with the scenario summary, a verdict in plain words from
 * the paired comparison, the headline table with 95% intervals, every chart, the district maps
 * and the plan's justifications, in English or Chinese.
 */
package org.gridplan.results.report;
