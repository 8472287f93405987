package org.gridplan.results.stats;

import java.util.Objects;

/**
 * One sentence explaining an optimised plan, in English and in Chinese, so the report shows it in
 * the reader's language. Both are written when the plan is made, from the same figures.
 *
 * @param english the sentence in English
 * @param chinese the sentence in Simplified Chinese; null when it was not recorded (databases of
 *                batches run before the Chinese text was stored), and the English one stands in
 */
public record Justification(String english, String chinese) {

    public Justification {
        Objects.requireNonNull(english, "english");
    }

    /** The sentence in Chinese if {@code chinese} and it was recorded, else in English. */
    public String text(boolean chinese) {
        return chinese && this.chinese != null ? this.chinese : english;
    }

    /** The same sentence prefixed with {@code subject}, e.g. the layout it explains. */
    public Justification about(String subject) {
        return new Justification(subject + ": " + english, chinese == null ? null : subject + "：" + chinese);
    }
}
