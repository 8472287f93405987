package org.gridplan.results.chart;

import java.util.Locale;

/** The language of chart and report labels: district officials read Chinese, developers English. */
public enum Lang {
    /** English. */
    EN("en"),
    /** Simplified Chinese. */
    ZH("zh-CN");

    private final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 language tag, for the HTML {@code lang} attribute. */
    public String tag() {
        return tag;
    }

    /** The language named {@code code} ({@code en} or {@code zh}, any case). */
    public static Lang of(String code) {
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "en" -> EN;
            case "zh", "zh-cn" -> ZH;
            default -> throw new IllegalArgumentException("unknown language " + code + " (expected en or zh)");
        };
    }
}
