/**
 * The road network and travel on it: nodes and segments in metres, shortest-path trees cached
 * per source node, and travel times for walking and e-bike speeds.
 */
package org.gridplan.sim.road;
