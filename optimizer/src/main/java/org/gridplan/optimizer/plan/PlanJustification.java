package org.gridplan.optimizer.plan;

import java.util.Objects;

/**
 * One sentence explaining a plan, in English and in Simplified Chinese, written from the same
 * figures when the plan is made.
 *
 * @param english the sentence in English
 * @param chinese the sentence in Simplified Chinese
 */
public record PlanJustification(String english, String chinese) {

    /** Validates: both sentences present. */
    public PlanJustification {
        Objects.requireNonNull(english, "english");
        Objects.requireNonNull(chinese, "chinese");
    }
}
