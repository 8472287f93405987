/**
 * Translation between the immutable branch-siting model ({@code optimizer.model}) and the mutable
 * planning solution ({@code optimizer.domain}), after the vaccination-scheduling quickstart.
 */
package org.gridplan.optimizer.mapping;
