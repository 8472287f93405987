package org.gridplan.results.chart;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridplan.results.stats.CasePart;
import org.gridplan.results.stats.Staff;
import org.gridplan.sim.agent.DutyRoster;

/**
 * The names the report gives to things the batch names by key — incident categories, the working
 * hours parts, kinds of worker, swept scenario fields and their values — in the officials' terms.
 * English keeps the key (a field path, a category name) where it has no better word; Chinese
 * translates every known key and spells an unknown field path out part by part, so no raw field
 * name reaches a Chinese report.
 */
public final class Terms {

    private Terms() {
    }

    /** The default catalog's categories. */
    private static final Map<String, String[]> CATEGORIES = Map.of(
            "disputes", new String[] {"disputes", "矛盾纠纷"},
            "safety-hazards", new String[] {"safety hazards", "安全隐患"},
            "key-persons", new String[] {"key persons", "重点人员"},
            "emergencies", new String[] {"emergencies", "紧急求助"},
            "elderly-care", new String[] {"elderly care", "养老关爱"},
            "sanitation", new String[] {"sanitation", "环境卫生"},
            "repairs", new String[] {"repairs", "设施报修"},
            "admin-services", new String[] {"admin services", "政务代办"});

    /** Swept fields (paths without list indices) → English, Chinese. */
    private static final Map<String, String[]> FIELDS = Map.ofEntries(
            Map.entry("staffing.fullTimePerGrid", new String[] {"full-time workers per grid", "每网格专职网格员数"}),
            Map.entry("staffing.partTimePerCommunity", new String[] {"part-time workers per community", "每社区兼职网格员数"}),
            Map.entry("staffing.professionalsPerGrid", new String[] {"professionals per grid", "每网格专业力量数"}),
            Map.entry("staffing.branchPoolPerCommunity", new String[] {"branch pool workers per community",
                "每社区片区机动人员数"}),
            Map.entry("staffing.emergencyPool", new String[] {"emergency pool", "应急队伍人数"}),
            Map.entry("staffing.fullTimeShift", new String[] {"full-time shift", "专职网格员班次"}),
            Map.entry("staffing.partTimeShift", new String[] {"part-time shift", "兼职网格员班次"}),
            Map.entry("staffing.poolShift", new String[] {"pool shift", "机动人员班次"}),
            Map.entry("staffing.stagger", new String[] {"staggered professionals' shifts", "专业力量错时班次"}),
            Map.entry("staffing.duty.scope", new String[] {"out-of-hours duty", "值班范围"}),
            Map.entry("staffing.duty.onDuty", new String[] {"workers on duty", "值班人数"}),
            Map.entry("staffing.duty.source", new String[] {"duty drawn from", "值班人员来源"}),
            Map.entry("staffing.duty.location", new String[] {"duty location", "值班地点"}),
            Map.entry("staffing.duty.hours", new String[] {"duty hours", "值班时段"}),
            Map.entry("demand.scale", new String[] {"demand scale", "事件量倍数"}),
            Map.entry("surges.rateMultiplier", new String[] {"surge multiplier", "突发期事件量倍数"}),
            Map.entry("surges.startDay", new String[] {"surge start day", "突发开始日"}),
            Map.entry("surges.durationDays", new String[] {"surge days", "突发持续天数"}),
            Map.entry("travel.mode", new String[] {"travel mode", "出行方式"}),
            Map.entry("dispatch.queueLimit", new String[] {"queue limit", "排队上限"}),
            Map.entry("dispatch.fallbacks", new String[] {"back-up order", "增援顺序"}),
            Map.entry("dispatch.triage", new String[] {"command-centre triage", "指挥中心分拨用时"}),
            Map.entry("horizonDays", new String[] {"simulated days", "模拟天数"}),
            Map.entry("warmUpDays", new String[] {"warm-up days", "预热天数"}));

    /** Words of field paths and values → Chinese, for paths and values not listed above. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("staffing", "人员配置"), Map.entry("demand", "事件需求"), Map.entry("dispatch", "调度"),
            Map.entry("surges", "突发事件"), Map.entry("travel", "出行"), Map.entry("routine", "常规工作"),
            Map.entry("timeLimits", "处置时限"), Map.entry("categories", "事件类别"), Map.entry("rate", "发生率"),
            Map.entry("responseLimit", "响应时限"), Map.entry("closureLimit", "办结时限"), Map.entry("duty", "值班"),
            Map.entry("scale", "倍数"), Map.entry("speed", "速度"), Map.entry("onSpot", "就地解决率"),
            Map.entry("none", "无"), Map.entry("community", "社区"), Map.entry("branch", "党群服务站"),
            Map.entry("community-office", "社区办公室"), Map.entry("home", "家中"), Map.entry("central", "路网中心楼栋"),
            Map.entry("grid-workers", "网格员轮值"), Map.entry("duty-team", "专门值班队伍"),
            Map.entry("out-of-hours", "非工作时间"), Map.entry("walk", "步行"), Map.entry("ebike", "电动自行车"),
            Map.entry("weekday-day", "工作日白班"), Map.entry("part-time", "兼职班次"), Map.entry("always", "全天"),
            Map.entry("true", "是"), Map.entry("false", "否"), Map.entry("neighbour-grid", "相邻网格"),
            Map.entry("branch-pool", "片区机动人员"), Map.entry("default", "默认"));

    /** The name of an incident category or a time part. */
    public static String part(CasePart p, Lang lang) {
        if (p.kind() == CasePart.Kind.HOURS) {
            boolean in = p.name().equals(CasePart.WORKING_HOURS);
            return lang == Lang.ZH ? (in ? "工作时间" : "非工作时间") : in ? "working hours" : "out of hours";
        }
        return category(p.name(), lang);
    }

    /** The name of incident category {@code name}: the officials' term for a default one. */
    public static String category(String name, Lang lang) {
        String[] t = CATEGORIES.get(name);
        if (t != null) {
            return t[lang == Lang.ZH ? 1 : 0];
        }
        return lang == Lang.ZH ? words(name) : name;
    }

    /** The name of a kind of worker. */
    public static String staff(Staff s, Lang lang) {
        boolean zh = lang == Lang.ZH;
        return switch (s) {
            case FULL_TIME -> zh ? "专职网格员" : "full-time grid workers";
            case PROFESSIONAL -> zh ? "专业力量" : "professionals";
            case PART_TIME -> zh ? "兼职网格员" : "part-time workers";
            case BRANCH_POOL -> zh ? "片区机动人员" : "branch pool";
            case EMERGENCY -> zh ? "应急队伍" : "emergency pool";
            case DUTY -> zh ? "专门值班人员" : "duty team";
        };
    }

    /**
     * A duty roster in words, e.g. "1 on duty per community out of hours (grid workers in rotation,
     * at the community office)" / "每社区 1 人值班（网格员轮值，在社区办公室）".
     */
    public static String roster(DutyRoster r, Lang lang) {
        boolean zh = lang == Lang.ZH;
        if (!r.active()) {
            return zh ? "非工作时间无人值班" : "no one on duty out of hours";
        }
        String unit = r.scope() == DutyRoster.Scope.BRANCH ? (zh ? "每个党群服务站" : "per branch")
                : (zh ? "每社区" : "per community");
        String source = r.source() == DutyRoster.Source.DUTY_TEAM ? (zh ? "专门值班队伍" : "a duty team")
                : (zh ? "网格员轮值" : "grid workers in rotation");
        String at = switch (r.location()) {
            case BRANCH -> zh ? "在党群服务站" : "at the branch";
            case COMMUNITY_OFFICE -> zh ? "在社区办公室" : "at the community office";
            case HOME -> zh ? "在家待命" : "on call at home";
            case CENTRAL -> zh ? "在辖区路网中心楼栋" : "at the unit's central building by road";
        };
        return zh ? unit + " " + r.onDuty() + " 人值班（" + source + "，" + at + "）"
                : r.onDuty() + " on duty " + unit + " out of hours (" + source + ", " + at + ")";
    }

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** The name of swept field {@code path}, e.g. "demand scale", "事件量倍数", "第1次突发期事件量倍数". */
    public static String field(String path, Lang lang) {
        Matcher m = INDEX.matcher(path);
        String plain = m.replaceAll("");
        String index = "";
        m.reset();
        if (m.find()) {
            index = m.group(1);
        }
        String[] t = FIELDS.get(plain);
        boolean zh = lang == Lang.ZH;
        if (t == null) {
            return zh ? words(plain) : path;
        }
        if (index.isEmpty() || index.equals("0")) {
            return t[zh ? 1 : 0];
        }
        int n = Integer.parseInt(index) + 1;
        return zh ? "第" + n + "次" + t[1] : t[0] + " " + n;
    }

    /** A swept value as stored (JSON text, quotes removed). */
    public static String value(String value, Lang lang) {
        String v = value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
                ? value.substring(1, value.length() - 1) : value;
        if (lang != Lang.ZH) {
            return v;
        }
        if (v.matches("-?[0-9.]+")) {
            return v;
        }
        return words(v);
    }

    /**
     * The sweep axis of {@code sc} in {@code lang}: "full-time workers per grid (at demand scale =
     * 1.0)", "应急队伍人数（与突发期事件量倍数同时变化）"; the stored English label when the fields are
     * not known (data not read from a results store).
     */
    public static String sweepLabel(org.gridplan.results.stats.ScenarioSummary sc, Lang lang) {
        org.gridplan.results.stats.SweepAxis a = sc.sweep();
        boolean zh = lang == Lang.ZH;
        if (a.field().isEmpty()) {
            if (!a.swept()) {
                return sc.sweepParameter();
            }
            return zh ? "参数取值" : "sweep point";
        }
        StringBuilder s = new StringBuilder(field(a.field(), lang));
        if (!a.crossed().isEmpty()) {
            for (String f : a.crossed()) {
                s.append(" × ").append(field(f, lang));
            }
            return s.toString();
        }
        if (!a.together().isEmpty()) {
            StringBuilder t = new StringBuilder();
            for (String f : a.together()) {
                t.append(t.length() == 0 ? "" : zh ? "、" : ", ").append(field(f, lang));
            }
            s.append(zh ? "（与" + t + "同时变化）" : " (varied together with " + t + ")");
        } else if (!a.fixed().isEmpty()) {
            s.append(zh ? "（" + settings(a.fixed(), lang) + "时）" : " (at " + settings(a.fixed(), lang) + ")");
        }
        return s.toString();
    }

    /** Field values as "demand scale = 0.5, out-of-hours duty = none" / "事件量倍数 = 0.5、值班范围 = 无". */
    public static String settings(Map<String, String> values, Lang lang) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            s.append(s.length() == 0 ? "" : lang == Lang.ZH ? "，" : ", ").append(field(e.getKey(), lang))
                    .append(" = ").append(value(e.getValue(), lang));
        }
        return s.toString();
    }

    /**
     * The name of the sweep point at {@code x} on the axis of {@code sc}: the axis value with its
     * field for a numeric axis ("emergency pool = 60"), every field's value otherwise.
     */
    public static String point(org.gridplan.results.stats.ScenarioSummary sc, double x, Lang lang) {
        org.gridplan.results.stats.SweepAxis a = sc.sweep();
        Map<String, String> values = a.points().get(x);
        if (values == null || values.isEmpty()) {
            return number(x);
        }
        if (!a.crossed().isEmpty()) {
            Map<String, String> varied = new java.util.LinkedHashMap<>();
            varied.put(a.field(), values.getOrDefault(a.field(), "-"));
            varied.putAll(a.crossedValues(x));
            return settings(varied, lang);
        }
        if (!a.field().isEmpty()) {
            return field(a.field(), lang) + " = " + number(x);
        }
        return settings(values, lang);
    }

    /**
     * Every value that varies at sweep point {@code x} of {@code sc}, the swept field first, e.g.
     * "surge multiplier = 8, emergency pool = 120" for a zip sweep (where {@link #point} names the
     * axis field only); as {@link #point} otherwise.
     */
    public static String pointAll(org.gridplan.results.stats.ScenarioSummary sc, double x, Lang lang) {
        org.gridplan.results.stats.SweepAxis a = sc.sweep();
        Map<String, String> values = a.points().get(x);
        if (values == null || values.isEmpty() || a.field().isEmpty() || a.together().isEmpty()) {
            return point(sc, x, lang);
        }
        Map<String, String> varied = new java.util.LinkedHashMap<>();
        for (String f : a.together()) {
            if (values.containsKey(f)) {
                varied.put(f, values.get(f));
            }
        }
        if (values.containsKey(a.field())) {
            varied.put(a.field(), values.get(a.field()));
        }
        return varied.isEmpty() ? point(sc, x, lang) : settings(varied, lang);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    /**
     * A key or value spelled out in Chinese word by word ("demand.categories.disputes.rate" →
     * "事件需求·事件类别·矛盾纠纷·发生率"); a word not known is kept.
     */
    private static String words(String key) {
        String direct = WORDS.get(key);
        if (direct != null) {
            return direct;
        }
        StringBuilder s = new StringBuilder();
        for (String w : key.split("\\.")) {
            String[] cat = CATEGORIES.get(w);
            String t = cat != null ? cat[1] : WORDS.get(w);
            s.append(s.length() == 0 ? "" : "·").append(t != null ? t : w);
        }
        return s.toString();
    }
}
