package org.gridplan.results.report;

import java.util.Locale;
import org.gridplan.results.chart.Lang;

/** The capacity report's words in English and Chinese; patterns take {@link String#format} arguments. */
enum CapacityText {
    TITLE("Capacity plan: %s", "人员配置测算：%s"),
    SUBTITLE("District %s · target: %s%% of cases on time and %s%% of urgent cases, each with %s%% confidence",
            "%s · 目标：按时响应率 %s%%、紧急事件按时响应率 %s%%，置信度均为 %s%%"),
    ANSWER("Answer", "结论"),

    MET("%s needs %s to reach %s%% of cases on time with %s%% confidence (simulated %s%%, lower bound %s%%%s).",
            "%s 需要%s，才能在 %4$s%% 置信度下达到按时响应率 %3$s%%（仿真 %5$s%%，置信下限 %6$s%%%7$s）。"),
    SHORT("; %s fall short at %s%%", "；专业力量 %s 人时置信下限为 %s%%，未达标"),
    SHORT_ONE("; %s falls short at %s%%", "；专业力量 %s 人时置信下限为 %s%%，未达标"),
    SHORT_URGENT("; %s fall short on urgent cases at %s%%", "；专业力量 %s 人时紧急事件按时响应率置信下限为 %s%%，未达标"),
    SHORT_URGENT_ONE("; %s falls short on urgent cases at %s%%",
            "；专业力量 %s 人时紧急事件按时响应率置信下限为 %s%%，未达标"),
    NOT_MET("%s does not reach %s%% of cases on time with %s%% confidence within %d professionals added: the best "
            + "simulated plan, %s, reaches %s%% (lower bound %s%%).",
            "%s 在增加专业力量不超过 %4$d 人的范围内，无法在 %3$s%% 置信度下达到按时响应率 %2$s%%：仿真最好的方案（%5$s）"
            + "按时响应率 %6$s%%（置信下限 %7$s%%）。"),
    NOT_MET_URGENT("%s does not reach %s%% of urgent cases on time with %s%% confidence within %d professionals "
            + "added: the best simulated plan, %s, reaches %s%% of cases on time (lower bound %s%%) but %s%% of "
            + "urgent cases (lower bound %s%%).",
            "%s 在增加专业力量不超过 %4$d 人的范围内，无法在 %3$s%% 置信度下达到紧急事件按时响应率 %2$s%%：仿真最好的方案（%5$s）"
            + "按时响应率 %6$s%%（置信下限 %7$s%%），紧急事件按时响应率仅 %8$s%%（置信下限 %9$s%%）。"),
    NOT_SIMULATED("%s: no point was simulated.", "%s：未进行仿真。"),

    FULL_TIME("%d full-time workers", "专职网格员 %d 人"),
    FULL_TIME_ONE("%d full-time worker", "专职网格员 %d 人"),
    PART_TIME("%d part-time workers", "兼职网格员 %d 人"),
    PART_TIME_ONE("%d part-time worker", "兼职网格员 %d 人"),
    PROFESSIONALS("%d professionals", "专业力量 %d 人"),
    PROFESSIONALS_ONE("%d professional", "专业力量 %d 人"),
    PROFESSIONALS_NONE("no professionals", "专业力量 0 人"),
    BRANCH_POOL("%d branch-pool workers", "片区机动人员 %d 人"),
    BRANCH_POOL_ONE("%d branch-pool worker", "片区机动人员 %d 人"),
    ON_DUTY("%d on duty at night", "夜间值班 %d 人"),
    ON_DUTY_NONE("no one on duty at night", "夜间无人值班"),
    PROFESSIONALS_COUNT("%d professionals", "%d"),
    PROFESSIONALS_COUNT_ONE("%d professional", "%d"),
    LIST_SEP(", ", "、"),
    LIST_AND(" and ", "，"),

    ROSTER("Out-of-hours duty: %s, the cheapest roster the model expects to reach %s%% of urgent cases on time "
            + "(or, if none does, the one it expects to do best).",
            "值班安排：%s——模型估算能使紧急事件按时响应率达到 %s%% 的最省值班方式（若均达不到，则取估算最好的一种）。"),
    ROSTER_TABLE("Duty rosters tried", "比较的值班方式"),
    ROSTER_NAME("duty roster", "值班方式"),
    ROSTER_URGENT("urgent cases on time, model (%)", "紧急事件按时响应率，模型估算（%）"),
    ROSTER_CHOSEN("chosen", "选用"),
    CAPTION("Blue line: the model's expected share of cases on time as professionals are added one at a time, each "
            + "to the grid where the model expects the most extra cases on time. Dots: the simulated share (mean of "
            + "the runs) with its %s%% confidence interval; dashes: the one-sided lower bound, which must reach the "
            + "dashed target line. The ring marks the answer: the fewest professionals the simulation confirms.",
            "蓝线：模型估算的按时响应率，专业力量逐人增加，每人配到模型估算增益最大的网格。圆点：仿真结果（各次模拟的均值），误差线为 %s%% "
            + "置信区间；短横线：单侧置信下限，须达到虚线所示目标。圆圈标出结论：仿真确认达标所需的最少专业力量。"),
    POINTS_TABLE("Points simulated", "仿真检验的方案"),
    COL_ADDED("professionals added", "增加的专业力量（人）"),
    COL_WORKERS("workers (full-time / part-time / professionals / on duty at night)",
            "人员（专职 / 兼职 / 专业力量 / 夜间值班）"),
    COL_MODEL("on time, model (%)", "按时响应率，模型估算（%）"),
    COL_SIM("on time, simulated (%%), %s%% CI", "按时响应率，仿真（%%），%s%%置信区间"),
    COL_LOW("lower bound (%)", "置信下限（%）"),
    COL_URGENT("urgent on time, simulated (%) [lower bound]", "紧急事件按时响应率，仿真（%）[置信下限]"),
    COL_MEAN("mean response (min)", "平均响应用时（分钟）"),
    COL_MEETS("target met", "是否达标"),
    YES("yes", "是"),
    NO("no", "否"),
    METHOD("How to read this report", "阅读说明"),
    METHOD_TEXT("For each layout the question is: starting from the scenario's full-time and part-time workers, how "
            + "many professionals (workers without routine work, each serving one grid on weekdays) and which "
            + "out-of-hours duty roster are needed for the share of cases reached within their response limit, and "
            + "the share of urgent cases, to reach the targets with the stated confidence? The field-regime response "
            + "model ranks the duty rosters and draws the curve; the simulation (one-year runs under common random "
            + "numbers, the scenario's settings and seed) checks the point the model expects to meet the target, then "
            + "the points below it until one falls short, so the answer is the fewest the simulation confirms. A "
            + "point meets the target when the one-sided lower confidence bound (Student t over the runs) of each "
            + "simulated share reaches its target. On duty at night counts the workers on duty at once outside "
            + "working hours (nights and weekends); drawn from the full-time workers in rotation, they are not extra "
            + "heads. The figures of the curve are also in %s.",
            "对每个方案回答：在情景现有专职、兼职网格员基础上，需要多少专业力量（不承担常规工作、工作日服务一个网格的人员）以及怎样的非工作时间值班安排，"
            + "才能使按时响应率和紧急事件按时响应率在给定置信度下达到目标？由现场运行响应模型比较值班方式并画出曲线；仿真（一年期模拟，共同随机数，"
            + "情景的设置和复现编号）先检验模型估算达标的点，再逐个检验其下方的点直到不达标，因此结论是仿真确认达标的最少人数。"
            + "某点各项仿真指标的单侧置信下限（按各次模拟的 t 分布计算）均达到目标即为达标。夜间值班人数为非工作时间（夜间和周末）同时在岗值班的人数；"
            + "由专职网格员轮流担任时不额外增加人员。曲线数据另见 %s。");

    private final String en;
    private final String zh;

    CapacityText(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    /** The text in {@code lang}, formatted with {@code args} (none: the pattern as it is). */
    String in(Lang lang, Object... args) {
        String pattern = lang == Lang.ZH ? zh : en;
        return args.length == 0 ? pattern.replace("%%", "%") : String.format(Locale.ROOT, pattern, args);
    }
}
