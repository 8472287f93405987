package org.gridplan.results.report;

import java.util.Locale;
import org.gridplan.results.chart.Lang;

/** The report's words in English and Chinese; patterns take {@link String#format} arguments. */
enum ReportText {
    TITLE("Layout comparison: %s", "网格划分方案比选：%s"),
    SUBTITLE("District %s · %s households · %d layouts compared under common random numbers",
            "%s · %s 户 · %d 个方案在相同随机事件流下比较"),
    SUBTITLE_ONE("District %s · %s households · one layout", "%s · %s 户 · 1 个方案"),
    SUMMARY("Scenario", "情景概况"),
    SCENARIO("scenario", "情景"),
    CITY("district", "城区"),
    HOUSEHOLDS("households", "户数"),
    LAYOUTS("layouts (grids)", "方案（网格数）"),
    BASELINE("baseline", "现行方案"),
    REPLICATIONS("replications per layout", "每方案重复次数"),
    SEED("master seed", "复现编号"),
    SWEEP("sweep", "参数扫描"),
    SWEEP_NONE("none", "无"),
    REFERENCE("table, distributions and maps at", "表格、分布图和地图对应"),
    VERDICT("Verdict", "结论"),
    GLANCE("At a glance", "一页摘要"),
    GLANCE_NOTE("Each layout's cost and its officials' indicators%s, simulated, mean over %d replications; a cell "
            + "says better or worse than %s only where the paired 95%% confidence interval excludes 0. The rest of "
            + "the report explains these numbers.",
            "各方案的人员成本和主要考核指标%s，仿真结果，为 %d 次重复的平均值；仅在配对95%%置信区间不含0时标注优于或劣于 %s。报告其余部分解释这些数字。"),
    GLANCE_NOTE_ONE("Each layout's cost and its officials' indicators%s, simulated, one replication, so nothing is "
            + "called better or worse than %s. The rest of the report explains these numbers.",
            "各方案的人员成本和主要考核指标%s，仿真结果，仅 1 次重复，故不标注优于或劣于 %s。报告其余部分解释这些数字。"),
    GLANCE_AT(" at %s", "（%s）"),
    SWEEP_TABLE("Every sweep point", "各参数取值一览"),
    SWEEP_TABLE_NOTE("Every point of the sweep (%s): what its plan costs in workers of each kind, and what it "
            + "gives, simulated, mean over the replications with the 95%% confidence interval.",
            "扫描的每个取值（%s）：各类人员配置（成本）及其效果，仿真结果，为各次重复的平均值及95%%置信区间。"),
    SWEEP_TABLE_STEPS("The last column is what the step from the point before buys, paired by replication.",
            "最后一列为相对上一取值的改善（按重复配对）。"),
    RETURNS_WORKERS(" (%s full-time workers)", "（专职网格员 %s 人）"),
    SWEEP_SLICE("These are the points at %s; 'gridplan report --point N' reports the slice of another point "
            + "(numbered as in the table of 'gridplan run').",
            "以上为%s时的各取值；其他组合的结果可在生成报告时指定参数取值编号查看（编号同批量运行时输出的表）。"),
    SWEEP_STEP_GAIN("gain in %s over the point before (%s)", "%s较上一取值的改善（%s）"),
    RETURNS_AT("%1$s: diminishing returns from %2$s: going on to %3$s improves %6$s by only %4$s %5$s%7$s, against "
            + "%8$s %5$s for the step before.",
            "%1$s：自%2$s起收益递减：再到%3$s，%6$s仅改善 %4$s %5$s%7$s，上一步为 %8$s %5$s。"),
    RETURNS_FIRST("%1$s: diminishing returns from the first point, %2$s: going on to %3$s improves %6$s by only %4$s "
            + "%5$s%7$s.", "%1$s：自第一个取值（%2$s）起即收益递减：再到%3$s，%6$s仅改善 %4$s %5$s%7$s。"),
    RETURNS_NONE("%1$s: no diminishing returns within the sweep: every step up to %3$s improves %2$s clearly.",
            "%1$s：扫描范围内未见收益递减：直到%3$s，每一步都明显改善%2$s。"),
    RETURNS_CI(" (95%% CI %s to %s)", "（95%%置信区间 %s 至 %s）"),
    SURGE("The surge window", "突发期（平急转换）"),
    SURGE_NOTE("The surge runs from day %s to day %s of the run (%s days). The figures here are of the surge "
            + "window and the week after it, not averages over the whole run, which dilute a storm of a few days. "
            + "Simulated, mean over the replications; recovery is counted from the end of the surge until the open "
            + "cases are back to their level before it (a day's open cases within 10%% of the same day of the week in "
            + "the week before the surge).",
            "突发期为第 %s 天至第 %s 天（共 %s 天）。本节为突发期及其后一周的指标，而不是全程平均值——全程平均会冲淡几天的台风。"
            + "仿真结果，为各次重复的平均值；恢复时间自突发期结束起算，至未办结事件回到突发前水平（一天的未办结事件不超过突发前一周同一天的110%%）为止。"),
    SURGE_SENTENCE("%s: at %s the open cases peak at %s (%s before the surge); waiting for a worker when "
            + "the surge ends: %s; %s.",
            "%s：%s 未办结事件最多 %s 件（突发前 %s 件）；突发期结束时仍有 %s 件事件等待网格员到场；%s。"),
    SURGE_AT("In the surge at %s", "突发期（%s）"),
    SURGE_RECOVERED("the backlog is back to its level before the surge %s h after it ends",
            "突发期结束后 %s 小时恢复到突发前水平"),
    SURGE_RECOVERED_SOME("the backlog is back to its level before the surge %s h after it ends, in %d of %d runs",
            "%3$d 次重复中有 %2$d 次在突发期结束后 %1$s 小时恢复到突发前水平"),
    SURGE_NOT_RECOVERED("the backlog is not back to its level before the surge by the end of the run",
            "至仿真结束未恢复到突发前水平"),
    SURGE_POINT("sweep point", "参数取值"),
    SURGE_LAYOUT("layout", "方案"),
    SURGE_BEFORE("open cases before the surge", "突发前未办结事件（件）"),
    SURGE_PEAK("peak open cases", "未办结事件峰值（件）"),
    SURGE_WAITING("cases waiting for a worker when the surge ends", "突发期结束时待到场事件（件）"),
    SURGE_RECOVERY("recovery after the surge (h)", "突发后恢复时间（小时）"),
    SURGE_NOT_BACK("not recovered", "未恢复"),
    SURGE_SOME_RUNS("in %d of %d runs", "%2$d 次重复中的 %1$d 次"),
    SURGE_SINGLE("In the surge", "突发期"),
    EXPLAIN("What drives the response time", "响应用时的构成"),
    EXPLAIN_OOH("%s: most (%s%%) of the mean response of %s minutes is cases reported out of hours waiting for the "
            + "next shift: %s min out of hours against %s in working hours (%s%% of cases are reported out of hours).",
            "%s：平均响应用时 %3$s 分钟中的大部分（%2$s%%）来自非工作时间上报、等待下一班次处置的事件：非工作时间平均 %4$s 分钟，"
            + "工作时间仅 %5$s 分钟（%6$s%% 的事件在非工作时间上报）。"),
    EXPLAIN_WH("%s: the mean response of %s minutes is set by cases reported in working hours (%s min); cases reported "
            + "out of hours (%s%% of cases) take %s min.",
            "%s：平均响应用时 %2$s 分钟主要由工作时间上报的事件决定（%3$s 分钟）；非工作时间上报的事件（占 %4$s%%）平均 %5$s 分钟。"),
    EXPLAIN_URGENT("Urgent cases (%s) are answered in %s min on average at %s, out of hours included, by the "
            + "out-of-hours duty roster or the linkage.",
            "紧急类事件（%s）在 %3$s 平均 %2$s 分钟响应（含非工作时间，由值班人员或联动力量处置）。"),
    EXPLAIN_NOTE("Simulated, mean over the replications. Working hours are the time-limit clock's hours (by default "
            + "08:30–17:30 Monday to Friday); a case counts by when it became known.",
            "以下均为仿真结果（各次重复的均值）。工作时间按时限计时口径（默认周一至周五 08:30–17:30），按事件被知晓的时间归入工作时间或非工作时间。"),
    HOURS_TABLE("Response in and out of working hours", "工作时间与非工作时间的响应"),
    HOURS_LAYOUT("layout", "方案"),
    HOURS_SHARE("cases reported out of hours (%)", "非工作时间上报占比（%）"),
    HOURS_MEAN_IN("mean response, working hours (min)", "工作时间平均响应用时（分钟）"),
    HOURS_MEAN_OUT("mean response, out of hours (min)", "非工作时间平均响应用时（分钟）"),
    HOURS_ONTIME_IN("on-time response, working hours (%)", "工作时间按时响应率（%）"),
    HOURS_ONTIME_OUT("on-time response, out of hours (%)", "非工作时间按时响应率（%）"),
    CATEGORY_TABLE("Officials' indicators by category", "分类别考核指标"),
    CATEGORY_NOTE("On-time response and on-time closure of each category (simulated, mean over the replications); "
            + "cases per replication: the baseline's cases known in one replication.",
            "各类事件的按时响应率与按期办结率（仿真结果，各次重复的均值）；每次模拟事件数为现行方案一次模拟中被知晓的事件数。"),
    CATEGORY("category", "事件类别"),
    CATEGORY_URGENT("urgent", "紧急"),
    CATEGORY_CASES("cases per replication", "每次模拟事件数"),
    ON_TIME_RESPONSE_SHORT("%s on-time response (%%)", "%s 按时响应率（%%）"),
    ON_TIME_CLOSURE_SHORT("%s on-time closure (%%)", "%s 按期办结率（%%）"),
    COST("Cost and what it buys", "投入与成效"),
    COST_NOTE("Workers of each layout's plan by kind (the headcount the layout costs), the extra workers over %s and "
            + "what each layout gains on %s per extra full-time worker (simulated, paired by replication).",
            "各方案的人员配置（即方案的人力投入）、与 %s 相比增加的人数，以及每增加一名专职网格员带来的%s变化（仿真结果，按重复配对）。"),
    COST_HEAD("%s: %s full-time workers (%s in all)", "%s：专职网格员%s人（共 %s 人）"),
    COST_GAIN("%s %s %s (%s per extra full-time worker)", "%s%s %s（每增加一名专职网格员 %s）"),
    COST_GAIN_FLAT("%s %s %s", "%s%s %s"),
    COST_SAME("%s not distinguishable", "%s无显著差异"),
    COST_SEP(", ", "，"),
    COST_END(".", "。"),
    STAFF_TOTAL("all workers", "合计"),
    STAFF_EXTRA("extra full-time workers over %s", "比 %s 增加的专职网格员"),
    BEST_COST("%s at %s full-time workers (%s over %s).", "%s，需专职网格员 %s 人（比 %s %s 人）。"),
    BEST_COST_BASE("%s at %s full-time workers.", "%s，需专职网格员 %s 人。"),
    ANALYTIC_NOTE("The figures below are the optimiser's analytic model (travel and the wait for a free worker while "
            + "workers are on shift), not the simulation: they leave out the wait for the next shift. The simulated "
            + "mean response (headline table) is %s.",
            "以下为优化模型的估算值（路程加在岗期间等待空闲网格员的时间），不是仿真结果，不含等待下一班次的时间。仿真得到的平均响应用时（见主要指标对比）为：%s。"),
    SWEEP_COMPARE("Only one layout (%s) was simulated, so the sweep points are compared instead, on %s:",
            "只模拟了一个方案（%s），因此比较各参数取值下的%s："),
    SWEEP_POINT_VALUE("%s: %s (95%% CI %s–%s)", "%s：%s（95%%置信区间 %s–%s）"),
    SWEEP_AT("%s at %s", "%s（%s）"),
    SWEEP_PAIRED("Paired by replication, %s against %s: %s.", "按重复配对，%s 相对 %s：%s。"),
    SWEEP_PAIRED_PART("%s %s %s (95%% CI %s to %s), %s", "%s %s %s（95%%置信区间 %s 至 %s），%s"),
    SWEEP_RANGE("%s: from %s to %s; every point, with its 95%% interval, is in the table \u201cEvery sweep point\u201d "
            + "below.", "%s：从 %s 到 %s；各参数取值及其 95%% 置信区间见下方\u201c各参数取值一览\u201d表。"),
    SWEEP_POINT_VALUE_NA("%s: %s", "%s：%s"),
    SWEEP_POINTS_NONE("Only one layout (%s) and one sweep point were simulated: nothing to compare.",
            "只模拟了一个方案（%s）、一个参数取值，无可比较。"),

    HEADLINE("Headline comparison", "主要指标对比"),
    HEADLINE_NOTE("Mean over %d replications with its 95%% confidence interval (Student t) in brackets; "
            + "the best layout on each indicator is highlighted where the intervals tell it apart.",
            "表中为 %d 次重复的均值，括号内为95%%置信区间；置信区间能区分时，最优方案高亮显示。"),
    HEADLINE_NOTE_ONE("Value of the single replication; intervals unavailable (1 replication).",
            "表中为单次模拟结果；置信区间不可用（仅1次重复）。"),
    INDICATOR("indicator", "指标"),
    POOLED("%s, all incidents pooled", "%s（全部事件合并）"),
    DIFF("Difference from %s (paired by replication)", "与%s的差值（按重复配对）"),
    DIFF_NOTE("Candidate minus baseline, with its 95%% confidence interval. Green: significantly better; "
            + "red: significantly worse; grey: not distinguishable.",
            "差值 = 候选方案 − 现行方案，括号内为95%%置信区间。绿色：显著更好；红色：显著更差；灰色：无显著差异。"),
    BETTER("better", "更好"),
    WORSE("worse", "更差"),
    SAME("not distinguishable", "无显著差异"),
    NA("intervals unavailable (1 replication)", "置信区间不可用（仅1次重复）"),
    CHANGED("changed", "有变化"),
    CHARTS("Charts", "图表"),
    MAPS("District maps", "网格地图"),
    MAPS_NOTE("Grids coloured by %s in fixed classes, the same for every layout and every report (darker is worse). "
            + "Point at a grid for its households, full-time workers and value; the 10 worst grids are numbered on the "
            + "map and listed under it.",
            "各方案按%s以固定分级着色，各方案、各报告分级相同（颜色越深越差）。鼠标指向网格可查看户数、专职网格员人数和指标值；"
            + "最差的10个网格在地图上标有编号，并列于地图下方。"),
    MAPS_SITES("◆ marks branch sites: the plan's open branches in black, the other candidate sites in grey.",
            "◆ 为服务站点：黑色为开设的党群服务站，灰色为其他候选站点。"),
    WORST_TITLE("The %3$d worst grids of %1$s on %2$s (numbered on the map)", "%1$s：%2$s最差的 %3$d 个网格（地图上的编号）"),
    WORST_ALL("The grids of %s on %s, worst first (numbered on the map)", "%s：各网格%s，由差到好（地图上的编号）"),
    WORST_RANK("no.", "编号"),
    WORST_GRID("grid", "网格"),
    WORST_COMMUNITY("community", "社区"),
    WORST_HOUSEHOLDS("households", "户数"),
    WORST_WORKERS("full-time workers", "专职网格员（人）"),
    MAPS_NONE("No map geometry in this batch.", "本批次没有地图数据。"),
    JUSTIFICATIONS("Why this plan", "方案依据"),
    SELECTION("Choosing the best layout", "最优方案的选择"),
    JUSTIFICATIONS_NONE("No justifications were recorded.", "未记录方案依据。"),
    JUSTIFICATIONS_NOT_OPTIMISED("No plan was optimised in this batch: every layout is staffed by the field "
            + "standard, so there is no optimised plan to justify.",
            "本批次未进行方案优化：各方案均按现行标准配置人员，因此没有需要说明依据的优化方案。"),
    JUSTIFICATIONS_OPTIMISED_NONE("The plan was optimised, but the optimiser recorded no justifications.",
            "方案已优化，但优化器未记录方案依据。"),
    RUNS("runs stored", "已完成模拟"),
    RUNS_VALUE("%d of %d", "%d / %d 次"),
    RUNS_FAILED("%d failed", "%d 次失败"),
    INCOMPLETE("Incomplete batch", "批次未完成"),
    INCOMPLETE_TEXT("Only %d of the batch's %d runs are stored (%d failed). Every figure below covers the stored "
            + "runs only, so layouts may have fewer replications than planned; run the same 'gridplan run' command "
            + "again to complete the batch, then rebuild this report.",
            "本批次计划 %2$d 次模拟，仅完成 %1$d 次（%3$d 次失败）。以下所有结果只基于已完成的模拟，部分方案的重复次数可能少于计划；"
            + "请再次运行相同的模拟命令完成批次后重新生成本报告。"),
    TRADEOFF_NONE("The batch has a single sweep point, so there is no staffing trade-off curve.",
            "本批次只有一个扫描点，无人员配置权衡曲线。"),
    METHOD("How to read this report", "阅读说明"),
    METHOD_TEXT("Every layout was simulated with the same incidents in each replication (common random numbers), "
            + "so differences between layouts are paired by replication. Confidence intervals are 95%% Student t "
            + "intervals across replications; a difference whose interval contains 0 is reported as not "
            + "distinguishable. Percentiles are nearest-rank. Response time runs from report or discovery to the "
            + "first arrival of a worker; closure time to the reply to the resident. On-time response (closure) is "
            + "the share of decided cases reached (closed) within their category's time limit; a case still waiting "
            + "when its limit passes, a lost case and an abandoned case count as late. Overdue open cases are still "
            + "open past their closure limit at the end. Visit coverage is the share of households visited within the "
                    + "visit "
            + "cycle; working hours are means over the full-time grid workers per week after warm-up.",
            "每次重复中各方案面对完全相同的事件（共同随机数），因此方案之间的差异按重复配对比较。置信区间为跨重复的95%%区间；差值区间包含0时判定为无显著差异。响应时间指从上报或发现到网格员首次到场；"
            + "办结时间指到答复居民为止。按时响应率、按期办结率按期末已可判定的事件计算：在该类事件时限内到场（办结）为按时，"
            + "超时、因排队已满流失或居民放弃的事件均计为超时；超期未办结指期末仍未办结且已超过办结时限的事件。入户走访覆盖率为"
            + "走访周期内已走访住户的占比；每周工作小时为专职网格员（预热期后）每周的平均小时数。"),
    VERDICT_CUT("Layout %s cuts %s by %s %s (95%% CI %s–%s) versus %s.",
            "方案 %1$s 比 %7$s 的%2$s缩短 %3$s %4$s（95%% 置信区间 %5$s–%6$s）。"),
    VERDICT_LOWER("Layout %s lowers %s by %s %s (95%% CI %s–%s) versus %s.",
            "方案 %1$s 比 %7$s 的%2$s降低 %3$s %4$s（95%% 置信区间 %5$s–%6$s）。"),
    VERDICT_RAISE("Layout %s raises %s by %s %s (95%% CI %s–%s) versus %s.",
            "方案 %1$s 比 %7$s 的%2$s增加 %3$s %4$s（95%% 置信区间 %5$s–%6$s）。"),
    VERDICT_SAME("Layout %s is not distinguishable from %s on %s: difference %s %s (95%% CI %s to %s).",
            "方案 %s 与 %s 的%s无显著差异：差值 %s %s（95%% 置信区间 %s 至 %s）。"),
    VERDICT_NA("Layout %s differs from %s on %s by %s %s in the single replication; intervals unavailable "
            + "(1 replication), so the difference may be chance.",
            "方案 %s 与 %s 的%s相差 %s %s（单次模拟）；置信区间不可用（仅1次重复），差异可能来自随机波动。"),
    VERDICT_NONE("Layout %s has no replication paired with %s on %s.", "方案 %s 与 %s 没有可配对的%s结果。"),
    VERDICT_ONLY("Only one layout was simulated (%s): nothing to compare.", "只模拟了一个方案（%s），无可比较。"),
    OFFICIAL_NOTE("Officials' indicators (%s): each layout against %s, paired by replication under common random "
            + "numbers; a difference is named only where its 95%% confidence interval excludes 0.",
            "考核指标（%s）：各方案与 %s 按重复配对比较（共同随机数）；仅列出95%%置信区间不含0的差异。"),
    OFFICIAL_CHANGES("Against %s, %s %s.", "与 %s 相比，方案 %s 的%s。"),
    OFFICIAL_CLAUSE("%1$s %2$s from %3$s to %4$s (paired difference %5$s %6$s, 95%% CI %7$s to %8$s)",
            "%2$s由 %3$s%1$s %4$s（配对差值 %5$s %6$s，95%% 置信区间 %7$s 至 %8$s）"),
    OFFICIAL_SAME("Against %s, %s is not distinguishable on any officials' indicator (every paired 95%% interval "
            + "contains 0).", "与 %s 相比，方案 %s 的各项考核指标均无显著差异（配对差值的95%%置信区间均包含0）。"),
    OFFICIAL_NA("Against %s, %s has no intervals on the officials' indicators (1 replication), so no difference "
            + "is named.", "与 %s 相比，方案 %s 的考核指标置信区间不可用（仅1次重复），不列出差异。"),
    OFFICIAL_AND(" and ", "；"),
    OFFICIAL_COMMA(", ", "；"),
    OFFICIAL_POINTS("points", "个百分点"),
    RAISES("raises", "提高到"),
    CUTS("cuts", "降低到"),
    LOWERS("lowers", "降低到"),
    RAISES_AMOUNT("raises", "增加到"),
    CUTS_AMOUNT("cuts", "减少到"),
    LOWERS_AMOUNT("lowers", "减少到"),
    BEST("Best on %s: %s.", "%s最优：%s。"),
    BEST_TIED("Best on %s: %s (not distinguishable from each other).", "%s最优：%s（彼此无显著差异）。"),
    BEST_NA("Lowest point estimate on %s: %s; intervals unavailable (1 replication).",
            "%s点估计最优：%s；置信区间不可用（仅1次重复）。"),
    AND(" and ", "、"),
    POINTS_UNIT("percentage points", "个百分点"),
    CAP_RESPONSE_CDF("Read across at 90%: the layout whose curve reaches 90% furthest left has the shortest p90 "
            + "response time. The time axis is logarithmic (1, 10, 100, 1,000 minutes), with dashed lines at 15 "
            + "minutes, an hour and a day.",
            "在90%处横向读取：曲线越早到达90%，90%事件响应用时越短。时间轴为对数刻度（1、10、100、1,000分钟），虚线分别为15分钟、1小时和1天。"),
    CAP_RESPONSE_BOX("Lower and narrower boxes mean faster and more even response; the axis is logarithmic, so the "
            + "median line shows inside boxes that reach to days.",
            "箱体越低越窄，响应越快越均衡；纵轴为对数刻度，箱体跨到几天时中位线也能看清。"),
    CAP_KPI_MINUTES("Response time indicators: dots are means, black lines span the 95% confidence interval; the "
            + "axis is logarithmic, so a median of minutes and a p95 of days both read.",
            "响应时间指标：圆点为平均值，黑线为95%置信区间；纵轴为对数刻度，几分钟的中位数和几天的95%分位数都能看清。"),
    CAP_KPI_HOURS("Closure time from report to the reply to the resident.", "从上报到答复居民的办结时间。"),
    CAP_KPI_PERCENT("Shares of incidents within the 5- and 15-minute service circles, resolved on the spot, and "
            + "the share of duty time workers were busy.", "5分钟、15分钟服务圈内到达率、就地解决率，以及人员在岗忙碌时间占比。"),
    CAP_UTILISATION("How busy workers are: bars far right mean overloaded workers.", "人员忙闲分布：越靠右表示负荷越重。"),
    CAP_BACKLOG("Open incidents over the simulated period; a surge shows as a peak, and the slope after it as the "
            + "recovery.", "模拟期内未办结事件数；突发事件表现为峰值，其后的下降为恢复过程。"),
    CAP_SWEEP_TRADEOFF("p90 response at each sweep point (%s). The points change more than staffing, so the curve is "
            + "not the effect of staff alone: read each point as its own scenario.",
            "各参数取值下的90%%事件响应用时（%s）。各点改变的不止人员配置，曲线不是单纯增加人员的效果，应把每个点当作一个独立情景来看。"),
    CAP_STAFFING_TRADEOFF("How p90 response falls as staff are added; where a curve flattens, more staff buys "
            + "little.", "90%事件响应用时随人员增加而下降；曲线变平处，增加人员收效甚微。");

    private final String en;
    private final String zh;

    ReportText(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    /** The text in {@code lang}, formatted with {@code args} (none: the pattern as it is). */
    String in(Lang lang, Object... args) {
        String pattern = lang == Lang.ZH ? zh : en;
        return args.length == 0 ? pattern.replace("%%", "%") : String.format(Locale.ROOT, pattern, args);
    }
}
