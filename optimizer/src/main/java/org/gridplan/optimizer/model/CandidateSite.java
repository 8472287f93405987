package org.gridplan.optimizer.model;

import java.util.Objects;

/**
 * A place where a branch (party-mass service station) may be opened.
 *
 * @param id unique among the problem's candidate sites
 */
public record CandidateSite(String id) {

    /** Validates: non-blank id. */
    public CandidateSite {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("candidate site id must not be blank");
        }
    }
}
