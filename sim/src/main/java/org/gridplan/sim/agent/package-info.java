/**
 * Grid workers: who they are (type, grid, base, shift), how a district is staffed, and the
 * workers as MASON agents with a private state machine driven through a narrow context.
 */
package org.gridplan.sim.agent;
