/**
 * Translation between the immutable models ({@code optimizer.model}) and the mutable planning
 * solutions ({@code optimizer.domain}), after the vaccination-scheduling quickstart; and
 * {@link org.gridplan.optimizer.mapping.DistrictProblems}, which builds both problems of a
 * simulator city and layout (road travel times, incident loads).
 */
package org.gridplan.optimizer.mapping;
