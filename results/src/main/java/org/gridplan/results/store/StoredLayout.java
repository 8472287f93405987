package org.gridplan.results.store;

import java.util.Objects;

/**
 * A layout of a stored batch, as the {@code layouts} table records it.
 *
 * @param name  the layout's name in results
 * @param grids number of grids
 * @param file  its GeoJSON layout file, relative to the batch folder
 */
public record StoredLayout(String name, int grids, String file) {

    public StoredLayout {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
    }
}
