package org.gridplan.optimizer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridplan.optimizer.plan.Justifications.Sentence;
import org.junit.jupiter.api.Test;

/**
 * Every justification sentence, including those only a plan that breaks a hard rule produces,
 * says the same thing in both languages: each shared argument appears in both, with the same
 * format, and a value put in one argument lands in that argument's place in both sentences.
 */
class JustificationsTest {

    private static final Pattern SPEC = Pattern.compile("%(\\d+)\\$([-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z])");

    /** Argument number → its format specification, e.g. 2 → ",d". */
    private static Map<Integer, String> specs(String pattern) {
        Map<Integer, String> out = new TreeMap<>();
        Matcher m = SPEC.matcher(pattern);
        while (m.find()) {
            String before = out.put(Integer.parseInt(m.group(1)), m.group(2));
            assertThat(before == null || before.equals(m.group(2))).as(pattern).isTrue();
        }
        return out;
    }

    @Test
    void both_languages_use_the_same_arguments_in_the_same_formats() {
        for (Sentence s : Sentence.values()) {
            Map<Integer, String> en = specs(s.english);
            Map<Integer, String> zh = specs(s.chinese);
            en.keySet().removeAll(s.ownArguments);
            zh.keySet().removeAll(s.ownArguments);
            assertThat(zh).as(s.name()).isEqualTo(en).isNotEmpty();
        }
    }

    @Test
    void each_argument_lands_in_its_place_in_both_sentences() {
        for (Sentence s : Sentence.values()) {
            Map<Integer, String> all = specs(s.english);
            all.putAll(specs(s.chinese));
            int n = all.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            // A distinct, recognisable value per argument: 7001, 7002, ... (as text for %s).
            List<Object> args = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String spec = all.getOrDefault(i, "s");
                char conversion = spec.charAt(spec.length() - 1);
                args.add(conversion == 'd' ? (Object) (long) (7000 + i) : conversion == 'f' ? (Object) (7000.0 + i)
                        : "ID" + i);
            }
            PlanJustification j = Justifications.say(s, args.toArray());
            for (int i = 1; i <= n; i++) {
                if (s.ownArguments.contains(i)) {
                    continue;
                }
                String shown = String.format(java.util.Locale.ROOT, "%" + all.get(i), args.get(i - 1));
                assertThat(j.english()).as(s.name() + " argument " + i).contains(shown);
                assertThat(j.chinese()).as(s.name() + " argument " + i).contains(shown);
            }
            assertThat(j.chinese()).as(s.name()).matches("(?s).*[\\u4e00-\\u9fff].*");
        }
    }
}
