/**
 * District plans: branch siting and worker assignment of one city and layout, solved against
 * their baselines on the analytic response model, with KPIs, justifications and file output.
 */
package org.gridplan.scenarios.plan;
