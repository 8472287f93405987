package org.gridplan.results.chart;

import java.util.Locale;
import org.gridplan.results.stats.Kpi;
import org.gridplan.results.stats.Unit;

/** The labels of the charts in English and Chinese; patterns take {@link String#format} arguments. */
public enum ChartText {
    CDF_TITLE("Response time: share of incidents reached within t", "响应时间累计分布"),
    CDF_X("response time (minutes)", "响应时间（分钟）"),
    CDF_X_LOG("response time (minutes, log scale)", "响应时间（分钟，对数刻度）"),
    BARS_MINUTES_LOG("minutes (log scale)", "分钟（对数刻度）"),
    MARK_15("15 min", "15分钟"),
    MARK_HOUR("1 h", "1小时"),
    MARK_DAY("1 day", "1天"),
    CDF_Y("incidents reached (%)", "已到达事件占比（%）"),
    BOX_TITLE("Response time by layout", "各方案响应时间分布"),
    BOX_SUBTITLE("box: quartiles; line: median; whiskers: 5th–95th percentile",
            "箱体：四分位数；横线：中位数；须线：第5–95百分位"),
    BOX_CATEGORY("all incidents", "全部事件"),
    BARS_TITLE_MINUTES("Response times, mean of replications with 95% CI", "响应时间（各次重复的均值及95%置信区间）"),
    BARS_TITLE_HOURS("Closure time, mean of replications with 95% CI", "办结时间（均值及95%置信区间）"),
    BARS_TITLE_PERCENT("Service shares and utilisation, mean with 95% CI", "服务达标率与人员利用率（均值及95%置信区间）"),
    BARS_TITLE_COUNT("Case counts, mean with 95% CI", "事件数（均值及95%置信区间）"),
    BARS_TITLE_HOURS_PER_WEEK("Working hours per week, mean with 95% CI", "每周工作小时（均值及95%置信区间）"),
    BARS_NO_CI("intervals unavailable (1 replication)", "置信区间不可用（仅1次重复）"),
    UTIL_TITLE("Worker utilisation", "网格员利用率分布"),
    UTIL_X("utilisation (busy ÷ duty time)", "利用率（忙碌时间 ÷ 在岗时间）"),
    UTIL_Y("workers (%)", "人员占比（%）"),
    BACKLOG_TITLE("Open incidents over time", "未办结事件数随时间变化"),
    BACKLOG_X_HOURS("time (hours)", "时间（小时）"),
    BACKLOG_X_DAYS("time (days)", "时间（天）"),
    BACKLOG_Y("open incidents", "未办结事件（件）"),
    BACKLOG_SUBTITLE("mean of %d replications", "%d 次重复的均值"),
    BACKLOG_SUBTITLE_ONE("one replication", "单次模拟"),
    TRADEOFF_TITLE("Staffing level vs. p90 response (band: 95% CI)", "人员配置与90%事件响应用时（阴影：95%置信区间）"),
    TRADEOFF_TITLE_SWEEP("p90 response at each sweep point (band: 95% CI)", "各参数取值下的90%事件响应用时（阴影：95%置信区间）"),
    TRADEOFF_X_POINTS("sweep point (the values varied together)", "参数取值（同时变化的各项）"),
    BACKLOG_SURGE("surge", "突发期"),
    TRADEOFF_Y("p90 response (minutes)", "90%事件响应用时（分钟）"),
    CAPACITY_TITLE("%s: cases on time against professionals added", "%s：按时响应率与增加的专业力量"),
    CAPACITY_SUBTITLE("on top of %d full-time and %d part-time workers; duty: %s; simulated: %s one-year runs a point",
            "在专职网格员 %d 人、兼职网格员 %d 人基础上；值班：%s；每个仿真点 %s 次一年期模拟"),
    CAPACITY_SUBTITLE_NONE("duty: %s; no point simulated", "值班：%s；未进行仿真"),
    CAPACITY_X("professionals added to the scenario's workers (workers)", "在现有人员基础上增加的专业力量（人）"),
    CAPACITY_Y("cases reached within their response limit (%)", "按时响应率（%）"),
    CAPACITY_TARGET("target %s%%", "目标 %s%%"),
    CAPACITY_MODEL("model's expectation", "模型估算"),
    CAPACITY_SIM_MEETS("simulated, meets the target (bar: %s%% confidence interval)",
            "仿真，达标（误差线：%s%%置信区间）"),
    CAPACITY_SIM_SHORT("simulated, short of the target (bar: %s%% confidence interval)",
            "仿真，未达标（误差线：%s%%置信区间）"),
    CAPACITY_LOWER("lower bound tested against the target (%s%% one-sided)", "与目标比较的置信下限（单侧%s%%）"),
    CAPACITY_ANSWER("answer: %d professionals added", "结论：增加专业力量 %d 人"),
    CAPACITY_ANSWER_ONE("answer: %d professional added", "结论：增加专业力量 %d 人"),
    CAPACITY_NO_ANSWER("answer: target not met within the bound", "结论：在测算范围内未达标"),
    MAP_TITLE("%s: %s by grid", "%s：各网格%s"),
    MAP_X("east (km)", "东（公里）"),
    MAP_Y("north (km)", "北（公里）"),
    MAP_OPEN_BRANCHES("open branches", "开设的党群服务站"),
    MAP_OTHER_SITES("other candidate sites", "其他候选站点"),
    MAP_CANDIDATES("candidate branch sites", "候选服务站点"),
    MAP_NO_DATA("no data", "无数据"),
    MAP_LOCAL_ROADS("roads", "道路"),
    MAP_ARTERIALS("arterial roads", "主干道"),
    MAP_COMMUNITY_BOUNDARY("community boundary", "社区边界"),
    LAYOUT_MAP_TITLE("%s: %,d grids, %,d households", "%s：%,d 个网格，%,d 户"),
    LAYOUT_MAP_BROKEN_TITLE("%s: %,d grids, %,d break the rules", "%s：%,d 个网格，%,d 个不符合规则"),
    LAYOUT_MAP_NOTE("numbers: households per grid; neighbouring grids in different colours",
            "数字为网格户数；相邻网格颜色不同"),
    LAYOUT_MAP_BROKEN("breaks a rule", "不符合规则"),
    LAYOUT_MAP_UNASSIGNED("building in no grid", "未分配网格的楼栋"),
    LAYOUT_MAP_HOVER("%s, community %s: %,d households, %,d buildings", "%s（%s 社区）：%,d 户，%,d 栋楼"),
    MAP_HOVER("%s, community %s: %s households, %s full-time workers, %s %s",
            "%s（%s 社区）：%s 户，专职网格员 %s 人，%s为 %s"),
    MAP_HOVER_ONE("%s, community %s: %s households, %s full-time worker, %s %s",
            "%s（%s 社区）：%s 户，专职网格员 %s 人，%s为 %s"),
    MAP_HOVER_NO_WORKERS("%s, community %s: %s households, %s %s", "%s（%s 社区）：%s 户，%s为 %s"),
    MAP_SCALE("%s, fixed classes (the same in every report); numbered: the worst grids, 1 the worst",
            "%s，固定分级（各报告相同）；编号为最差的网格，1为最差"),
    KPI_MEAN_RESPONSE("mean response", "平均响应用时"),
    KPI_P50_RESPONSE("p50 response", "50%事件响应用时"),
    KPI_P90_RESPONSE("p90 response", "90%事件响应用时"),
    KPI_P95_RESPONSE("p95 response", "95%事件响应用时"),
    KPI_MEAN_CLOSURE("mean closure", "平均办结时间"),
    KPI_UTILISATION("utilisation", "人员利用率"),
    KPI_ON_SPOT_SHARE("resolved on the spot", "就地解决率"),
    KPI_WITHIN_5_SHARE("reached within 5 min", "5分钟到达率"),
    KPI_WITHIN_15_SHARE("reached within 15 min", "15分钟到达率"),
    KPI_ON_TIME_RESPONSE("on-time response", "按时响应率"),
    KPI_URGENT_ON_TIME_RESPONSE("urgent on-time response", "紧急事件按时响应率"),
    KPI_ON_TIME_CLOSURE("on-time closure", "按期办结率"),
    KPI_OVERDUE_OPEN("overdue open cases", "超期未办结"),
    KPI_VISIT_COVERAGE("household visit coverage", "入户走访覆盖率"),
    KPI_ROUTINE_HOURS_WEEK("routine work hours per week", "每周常规工作小时"),
    KPI_OVERTIME_HOURS_WEEK("overtime hours per week", "每周加班小时"),
    KPI_WORKLOAD("share of the shift worked", "工作饱和度"),
    KPI_FULL_TIME_WORKERS("full-time grid workers", "专职网格员人数"),
    UNIT_MINUTES("minutes", "分钟"),
    UNIT_HOURS("hours", "小时"),
    UNIT_PERCENT("%", "%"),
    UNIT_COUNT("cases", "件"),
    UNIT_PEOPLE("workers", "人"),
    UNIT_HOURS_PER_WEEK("hours", "小时"),
    UNIT_MINUTES_SHORT("min", "分钟"),
    UNIT_HOURS_SHORT("h", "小时");

    private final String en;
    private final String zh;

    ChartText(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    /** The text in {@code lang}, formatted with {@code args}. */
    public String in(Lang lang, Object... args) {
        String pattern = lang == Lang.ZH ? zh : en;
        return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
    }

    /** The name of {@code kpi}, e.g. "p90 response". */
    public static String kpi(Kpi kpi, Lang lang) {
        return valueOf("KPI_" + kpi.name()).in(lang);
    }

    /** The unit's name for axis labels, e.g. "minutes". */
    public static String unit(Unit unit, Lang lang) {
        return valueOf("UNIT_" + unit.name()).in(lang);
    }

    /** The unit's symbol after a number, e.g. "min", "h", "%". */
    public static String unitSymbol(Unit unit, Lang lang) {
        return switch (unit) {
            case MINUTES -> UNIT_MINUTES_SHORT.in(lang);
            case HOURS -> UNIT_HOURS_SHORT.in(lang);
            case PERCENT -> UNIT_PERCENT.in(lang);
            case COUNT -> UNIT_COUNT.in(lang);
            case HOURS_PER_WEEK -> UNIT_HOURS_SHORT.in(lang);
            case PEOPLE -> UNIT_PEOPLE.in(lang);
        };
    }

    /** The KPI's name with its unit, for an axis or a legend: "p90 response (minutes)". */
    public static String kpiWithUnit(Kpi kpi, Lang lang) {
        return lang == Lang.ZH ? kpi(kpi, lang) + "（" + unit(kpi.unit(), lang) + "）"
                : kpi(kpi, lang) + " (" + unit(kpi.unit(), lang) + ")";
    }
}
