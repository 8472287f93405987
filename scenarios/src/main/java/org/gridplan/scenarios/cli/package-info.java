/**
 * The {@code gridplan} command line (picocli): the only package that knows about picocli.
 */
package org.gridplan.scenarios.cli;
