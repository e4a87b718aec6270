/*
 * test_time.c - the temporal normaliser: a table of single expressions with
 * their anchors and exact ISO start/end (every form of docs/time.md and the
 * non-times), sentences with several expressions, the anchoring rules, the
 * API's edges, failing allocations, and property tests on random text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tekg/time.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "testutil.h"

#define A "2025-12-12" /* a Friday: the default anchor of the table */

/* One expression, or none when span is NULL. */
typedef struct row {
	const char *anchor; /* NULL: none given */
	const char *input;
	const char *span;   /* expected text of the only expression, NULL for none */
	const char *start, *end;
	unsigned flags;     /* flags that must be set */
} row;

static const row rows[] = {
	/* full dates */
	{A, "2026年1月13日举行", "2026年1月13日", "2026-01-13", "2026-01-13", 0},
	{A, "会议于2025年12月11日开幕", "2025年12月11日", "2025-12-11", "2025-12-11", 0},
	{NULL, "2024年5月22日，总书记来到港口", "2024年5月22日", "2024-05-22", "2024-05-22", 0},
	{A, "在2022年10月17日召开", "2022年10月17日", "2022-10-17", "2022-10-17", 0},
	{A, "二〇二五年十二月十一日上午签约", "二〇二五年十二月十一日上午", "2025-12-11", "2025-12-11", TEKG_TIMEX_TIME_OF_DAY},
	{A, "二〇二四年三月", "二〇二四年三月", "2024-03", "2024-03", 0},
	{A, "一九九七年七月一日回归", "一九九七年七月一日", "1997-07-01", "1997-07-01", 0},
	{A, "二○一九年五月", "二○一九年五月", "2019-05", "2019-05", 0},
	{A, "2025年12月份的数据", "2025年12月份", "2025-12", "2025-12", 0},
	{A, "2020年10月，大会召开", "2020年10月", "2020-10", "2020-10", 0},
	{A, "2015年，自贸片区挂牌", "2015年", "2015", "2015", 0},
	{A, "2025年度十大工匠", "2025年度", "2025", "2025", 0},
	{A, "2025-05-19 12:04:35", "2025-05-19 12:04:35", "2025-05-19", "2025-05-19", TEKG_TIMEX_TIME_OF_DAY},
	{A, "发布时间：2025/5/19", "2025/5/19", "2025-05-19", "2025-05-19", 0},
	{A, "截至2025.12.11", "2025.12.11", "2025-12-11", "2025-12-11", 0},
	{A, "２０２５年１２月１１日", "２０２５年１２月１１日", "2025-12-11", "2025-12-11", 0},
	{A, "2024年2月29日", "2024年2月29日", "2024-02-29", "2024-02-29", 0},
	{A, "2000年2月29日", "2000年2月29日", "2000-02-29", "2000-02-29", 0},
	{A, "2025年12月31日晚", "2025年12月31日晚", "2025-12-31", "2025-12-31", TEKG_TIMEX_TIME_OF_DAY},

	/* partial dates: the nearest to the anchor */
	{A, "12月11日，会议举行", "12月11日", "2025-12-11", "2025-12-11", TEKG_TIMEX_INFERRED_YEAR},
	{"2026-02-12", "2月10日，外长出席", "2月10日", "2026-02-10", "2026-02-10", 0},
	{"2026-01-13", "12月11日的会议", "12月11日", "2025-12-11", "2025-12-11", 0},
	{"2025-01-05", "12月28日起施行", "12月28日", "2024-12-28", "2024-12-28", 0},
	{A, "1月3日开幕", "1月3日", "2026-01-03", "2026-01-03", 0},
	{"2025-08-25", "8月26日，特区将迎来生日", "8月26日", "2025-08-26", "2025-08-26", 0},
	{A, "11日，代表抵达", "11日", "2025-12-11", "2025-12-11", TEKG_TIMEX_INFERRED_YEAR},
	{"2025-12-02", "28日，展会闭幕", "28日", "2025-11-28", "2025-11-28", 0},
	{"2025-12-30", "2日，大会开幕", "2日", "2026-01-02", "2026-01-02", 0},
	{"2025-03-02", "30日公布", "30日", "2025-03-30", "2025-03-30", 0},
	{A, "12月11号", "12月11号", "2025-12-11", "2025-12-11", 0},
	{A, "12月，深圳发布", "12月", "2025-12", "2025-12", 0},
	{"2025-04-27", "中心于2月发布模型", "2月", "2025-02", "2025-02", 0},
	{A, "6月的数据", "6月", "2025-06", "2025-06", 0},
	{A, "3月开工", "3月", "2026-03", "2026-03", 0},
	{A, "十二月十一日", "十二月十一日", "2025-12-11", "2025-12-11", 0},
	{A, "十一月，新规出台", "十一月", "2025-11", "2025-11", 0},
	{A, "12月二十一日", "12月二十一日", "2025-12-21", "2025-12-21", 0},
	{"2024-03-01", "2月29日", "2月29日", "2024-02-29", "2024-02-29", 0},

	/* times of day stay at day precision */
	{A, "12月11日上午，研讨会举行", "12月11日上午", "2025-12-11", "2025-12-11", TEKG_TIMEX_TIME_OF_DAY},
	{A, "2026年1月13日下午,研讨会举行", "2026年1月13日下午", "2026-01-13", "2026-01-13", TEKG_TIMEX_TIME_OF_DAY},
	{A, "12月11日14时30分", "12月11日14时30分", "2025-12-11", "2025-12-11", TEKG_TIMEX_TIME_OF_DAY},
	{A, "12月11日14:30开始", "12月11日14:30", "2025-12-11", "2025-12-11", TEKG_TIMEX_TIME_OF_DAY},
	{A, "11日晚，晚会举行", "11日晚", "2025-12-11", "2025-12-11", TEKG_TIMEX_TIME_OF_DAY},
	{A, "12月11日凌晨3点", "12月11日凌晨3点", "2025-12-11", "2025-12-11", TEKG_TIMEX_TIME_OF_DAY},
	{A, "12月11日9点半出发", "12月11日9点半", "2025-12-11", "2025-12-11", 0},
	{A, "12月11日下午3时许", "12月11日下午3时许", "2025-12-11", "2025-12-11", 0},
	{A, "12月11日14時30分", "12月11日14時30分", "2025-12-11", "2025-12-11", 0},
	{A, "12月11日下午2時", "12月11日下午2時", "2025-12-11", "2025-12-11", 0},
	{A, "12月11日 上午", "12月11日 上午", "2025-12-11", "2025-12-11", 0},

	/* weekdays */
	{"2025-08-20", "8月10日（星期日）", "8月10日（星期日）", "2025-08-10", "2025-08-10", TEKG_TIMEX_WEEKDAY},
	{A, "12月11日（星期四）", "12月11日（星期四）", "2025-12-11", "2025-12-11", TEKG_TIMEX_WEEKDAY},
	{A, "12月11日(周四)", "12月11日(周四)", "2025-12-11", "2025-12-11", TEKG_TIMEX_WEEKDAY},
	{A, "12月11日（週四）", "12月11日（週四）", "2025-12-11", "2025-12-11", TEKG_TIMEX_WEEKDAY},
	{A, "12月11日（礼拜四）", "12月11日（礼拜四）", "2025-12-11", "2025-12-11", 0},
	{A, "12月11日星期四", "12月11日星期四", "2025-12-11", "2025-12-11", 0},
	{A, "1月10日（星期五）", "1月10日（星期五）", "2025-01-10", "2025-01-10", 0},
	{A, "1月10日（星期六）", "1月10日（星期六）", "2026-01-10", "2026-01-10", 0},

	/* ranges */
	{A, "12月11日至12日，高官会举行", "12月11日至12日", "2025-12-11", "2025-12-12", TEKG_TIMEX_RANGE},
	{"2026-02-12", "2月1日至10日", "2月1日至10日", "2026-02-01", "2026-02-10", TEKG_TIMEX_RANGE},
	{A, "2020年至2024年，生产总值增长", "2020年至2024年", "2020", "2024", TEKG_TIMEX_RANGE},
	{A, "从11月30日持续到12月2日", "从11月30日持续到12月2日", "2025-11-30", "2025-12-02", TEKG_TIMEX_RANGE},
	{A, "12月11日（星期四）至12日召开", "12月11日（星期四）至12日", "2025-12-11", "2025-12-12", TEKG_TIMEX_RANGE},
	{A, "12月11日—12日", "12月11日—12日", "2025-12-11", "2025-12-12", 0},
	{A, "12月11日～12日", "12月11日～12日", "2025-12-11", "2025-12-12", 0},
	{A, "12月11日-12日", "12月11日-12日", "2025-12-11", "2025-12-12", 0},
	{A, "12月11日到12日", "12月11日到12日", "2025-12-11", "2025-12-12", 0},
	{A, "方案(2026—2030年)", "2026—2030年", "2026", "2030", TEKG_TIMEX_RANGE},
	{A, "2020-2024年", "2020-2024年", "2020", "2024", 0},
	{A, "2025年1-3月", "2025年1-3月", "2025-01", "2025-03", TEKG_TIMEX_RANGE},
	{A, "12月11-12日", "12月11-12日", "2025-12-11", "2025-12-12", 0},
	{A, "12月28日至1月3日", "12月28日至1月3日", "2025-12-28", "2026-01-03", 0},
	{A, "2025年5月至7月", "2025年5月至7月", "2025-05", "2025-07", 0},
	{A, "2024年5月22日至24日", "2024年5月22日至24日", "2024-05-22", "2024-05-24", 0},
	{A, "8月10日（星期日）至12日（星期二）", "8月10日（星期日）至12日（星期二）", "2025-08-10", "2025-08-12", 0},
	{A, "今年3月至明年5月", "今年3月至明年5月", "2025-03", "2026-05", TEKG_TIMEX_RANGE | TEKG_TIMEX_RELATIVE},
	{A, "自2024年11月至2025年1月", "自2024年11月至2025年1月", "2024-11", "2025-01", 0},
	{A, "12月11日至12月12日", "12月11日至12月12日", "2025-12-11", "2025-12-12", 0},
	{A, "1-3月份", "1-3月份", "2026-01", "2026-03", 0},
	{A, "12月11日到12日於香港舉行", "12月11日到12日", "2025-12-11", "2025-12-12", 0},
	{A, "二〇二五年十二月十一日（星期四）至十二日", "二〇二五年十二月十一日（星期四）至十二日", "2025-12-11", "2025-12-12", TEKG_TIMEX_RANGE},
	{A, "1至11月，出口增长", "1至11月", "2025-01", "2025-11", TEKG_TIMEX_RANGE | TEKG_TIMEX_INFERRED_YEAR},
	{"2025-12-31", "1至11月", "1至11月", "2025-01", "2025-11", 0},
	{"2026-01-13", "1至11月", "1至11月", "2026-01", "2026-11", 0},
	{"2025-03-10", "1-2月", "1-2月", "2025-01", "2025-02", 0},
	{"2025-10-10", "1-2月", "1-2月", "2026-01", "2026-02", 0},
	{A, "去年12月至今年3月", "去年12月至今年3月", "2024-12", "2025-03", TEKG_TIMEX_RANGE},
	{A, "2025年3月—5月", "2025年3月—5月", "2025-03", "2025-05", 0},
	{A, "12月11至12日", "12月11至12日", "2025-12-11", "2025-12-12", 0},
	{A, "12月30日至1月2日", "12月30日至1月2日", "2025-12-30", "2026-01-02", 0},
	{A, "30日至2日", "30日至2日", "2025-11-30", "2025-12-02", 0},
	/* a start without a year takes the end's written year (the year before
	 * when it would come after the end) */
	{A, "3月5日至2031年3月9日", "3月5日至2031年3月9日", "2031-03-05", "2031-03-09", TEKG_TIMEX_RANGE | TEKG_TIMEX_INFERRED_YEAR},
	{A, "12月28日至2031年1月3日展出", "12月28日至2031年1月3日", "2030-12-28", "2031-01-03", TEKG_TIMEX_RANGE},
	{A, "12月11日至2025年12月12日", "12月11日至2025年12月12日", "2025-12-11", "2025-12-12", TEKG_TIMEX_RANGE},
	/* two relative days in one word */
	{A, "明后天有小雨", "明后天", "2025-12-13", "2025-12-14", TEKG_TIMEX_RANGE | TEKG_TIMEX_RELATIVE},
	{A, "今明两天气温下降", "今明两天", "2025-12-12", "2025-12-13", TEKG_TIMEX_RANGE | TEKG_TIMEX_RELATIVE},
	/* a bare plan name */
	{A, "在十四五的开局之年", "十四五", "2021", "2025", TEKG_TIMEX_PLAN},
	{A, "十四五", "十四五", "2021", "2025", TEKG_TIMEX_PLAN},
	{A, "十五五，新征程", "十五五", "2026", "2030", TEKG_TIMEX_PLAN},

	/* relative days */
	{A, "昨日，代表抵达", "昨日", "2025-12-11", "2025-12-11", TEKG_TIMEX_RELATIVE},
	{A, "今日（12日）", "今日（12日）", "2025-12-12", "2025-12-12", TEKG_TIMEX_RELATIVE},
	{A, "今天", "今天", "2025-12-12", "2025-12-12", 0},
	{A, "明天", "明天", "2025-12-13", "2025-12-13", 0},
	{A, "前天", "前天", "2025-12-10", "2025-12-10", 0},
	{A, "后天", "后天", "2025-12-14", "2025-12-14", 0},
	{A, "昨天下午", "昨天下午", "2025-12-11", "2025-12-11", TEKG_TIMEX_TIME_OF_DAY},
	{A, "今晚", "今晚", "2025-12-12", "2025-12-12", 0},
	{"2026-01-01", "昨日", "昨日", "2025-12-31", "2025-12-31", 0},
	{A, "大前天", "大前天", "2025-12-09", "2025-12-09", 0},
	{"2025-12-13", "今日（12日）", "今日（12日）", "2025-12-12", "2025-12-12", 0},
	{"2024-03-01", "昨天", "昨天", "2024-02-29", "2024-02-29", 0},

	/* relative years */
	{A, "去年", "去年", "2024", "2024", TEKG_TIMEX_RELATIVE},
	{A, "今年", "今年", "2025", "2025", TEKG_TIMEX_RELATIVE},
	{A, "明年APEC会议", "明年", "2026", "2026", TEKG_TIMEX_RELATIVE},
	{A, "前年", "前年", "2023", "2023", 0},
	{A, "明年11月", "明年11月", "2026-11", "2026-11", TEKG_TIMEX_RELATIVE},
	{A, "去年12月", "去年12月", "2024-12", "2024-12", 0},
	{A, "今年5月", "今年5月", "2025-05", "2025-05", 0},
	{A, "今年上半年，深圳交出答卷", "今年上半年", "2025-01", "2025-06", TEKG_TIMEX_PERIOD},
	{A, "去年底", "去年底", "2024-10", "2024-12", 0},
	{A, "今年年初", "今年年初", "2025-01", "2025-03", 0},
	{A, "明年一季度", "明年一季度", "2026-01", "2026-03", 0},
	{A, "去年同期", "去年", "2024", "2024", 0},
	{A, "明年11月18日", "明年11月18日", "2026-11-18", "2026-11-18", 0},

	/* periods */
	{A, "上半年", "上半年", "2025-01", "2025-06", TEKG_TIMEX_PERIOD},
	{A, "下半年", "下半年", "2025-07", "2025-12", 0},
	{A, "年初，计划出台", "年初", "2025-01", "2025-03", 0},
	{A, "年底前完成", "年底", "2025-10", "2025-12", 0},
	{A, "年末", "年末", "2025-10", "2025-12", 0},
	{A, "推进全年议程", "全年", "2025", "2025", TEKG_TIMEX_PERIOD},
	{A, "第一季度", "第一季度", "2025-01", "2025-03", 0},
	{A, "第四季度", "第四季度", "2025-10", "2025-12", 0},
	{A, "三季度", "三季度", "2025-07", "2025-09", 0},
	{A, "前三季度", "前三季度", "2025-01", "2025-09", 0},
	{A, "2025年全年", "2025年全年", "2025", "2025", 0},
	{A, "2024年下半年", "2024年下半年", "2024-07", "2024-12", 0},
	{A, "2025年第二季度", "2025年第二季度", "2025-04", "2025-06", 0},
	{A, "2025年春季礼品展", "2025年春季", "2025-03", "2025-05", 0},
	{A, "2024年冬季", "2024年冬季", "2024-12", "2025-02", 0},
	{A, "12月上旬", "12月上旬", "2025-12-01", "2025-12-10", 0},
	{A, "11月中旬", "11月中旬", "2025-11-11", "2025-11-20", 0},
	{A, "11月下旬", "11月下旬", "2025-11-21", "2025-11-30", 0},
	{A, "2月底", "2月底", "2026-02-21", "2026-02-28", 0},
	{A, "本月底", "本月底", "2025-12-21", "2025-12-31", 0},
	{A, "月初", "月初", "2025-12-01", "2025-12-10", 0},
	{A, "2025年底", "2025年底", "2025-10", "2025-12", 0},
	{A, "2025年初", "2025年初", "2025-01", "2025-03", 0},
	{A, "2025年一季度", "2025年一季度", "2025-01", "2025-03", 0},
	{A, "2025年初步统计", "2025年", "2025", "2025", 0},
	{A, "2025年春节", "2025年", "2025", "2025", 0},

	/* five-year plans */
	{A, "“十四五”圆满收官", "十四五", "2021", "2025", TEKG_TIMEX_PLAN},
	{A, "十五五规划", "十五五", "2026", "2030", TEKG_TIMEX_PLAN},
	{A, "「十三五」時期", "十三五", "2016", "2020", 0},
	{A, "十四五規劃綱要", "十四五", "2021", "2025", TEKG_TIMEX_PLAN},
	{A, "“十四五”以来，人才增长", "十四五”以来", "2021", "2021", TEKG_TIMEX_SINCE | TEKG_TIMEX_PLAN},

	/* bare years, decades */
	{A, "2001年，APEC成功举行", "2001年", "2001", "2001", 0},
	{A, "2014年北京会议", "2014年", "2014", "2014", 0},
	{A, "1990年代", "1990年代", "1990", "1999", 0},
	{A, "二〇一五年", "二〇一五年", "2015", "2015", 0},

	/* 以来 and 至今: a start point */
	{A, "2025年以来累计进出口", "2025年以来", "2025", "2025", TEKG_TIMEX_SINCE},
	{A, "今年以来，已新开航线", "今年以来", "2025", "2025", TEKG_TIMEX_SINCE | TEKG_TIMEX_RELATIVE},
	{A, "自1993年以来", "自1993年以来", "1993", "1993", TEKG_TIMEX_SINCE},
	{A, "2020年10月以来", "2020年10月以来", "2020-10", "2020-10", TEKG_TIMEX_SINCE},
	{A, "2021年至今", "2021年至今", "2021", "2021", TEKG_TIMEX_SINCE},
	{A, "今年3月以來", "今年3月以來", "2025-03", "2025-03", TEKG_TIMEX_SINCE},
	{A, "年初至今", "年初至今", "2025-01", "2025-01", TEKG_TIMEX_SINCE},

	/* weeks */
	{A, "下周三", "下周三", "2025-12-17", "2025-12-17", TEKG_TIMEX_WEEKDAY | TEKG_TIMEX_RELATIVE},
	{A, "下週三將舉行", "下週三", "2025-12-17", "2025-12-17", 0},
	{A, "上周", "上周", "2025-12-01", "2025-12-07", 0},
	{A, "本周五（12日）", "本周五（12日）", "2025-12-12", "2025-12-12", 0},
	{A, "下周末", "下周末", "2025-12-20", "2025-12-21", 0},
	{A, "上星期一", "上星期一", "2025-12-01", "2025-12-01", 0},
	{A, "本週", "本週", "2025-12-08", "2025-12-14", 0},
	{A, "下週", "下週", "2025-12-15", "2025-12-21", 0},

	/* relative months and vague days */
	{A, "上个月", "上个月", "2025-11", "2025-11", TEKG_TIMEX_RELATIVE},
	{"2026-01-15", "上月", "上月", "2025-12", "2025-12", 0},
	{A, "下个月", "下个月", "2026-01", "2026-01", 0},
	{A, "本月11日", "本月11日", "2025-12-11", "2025-12-11", 0},
	{A, "近日", "近日", "2025-12", "2025-12", TEKG_TIMEX_APPROX},
	{"2025-04-27", "峰会近日在香港举办", "近日", "2025-04", "2025-04", TEKG_TIMEX_APPROX},

	/* traditional script */
	{A, "2025年12月11日（週四）於深圳", "2025年12月11日（週四）", "2025-12-11", "2025-12-11", 0},
	{A, "今年上半年，外籍人員入境", "今年上半年", "2025-01", "2025-06", 0},
	{A, "從11月30日持續到12月2日", "從11月30日持續到12月2日", "2025-11-30", "2025-12-02", 0},
	{A, "去年，深圳啟用新院區", "去年", "2024", "2024", 0},
	{A, "12月11日晚間", "12月11日晚間", "2025-12-11", "2025-12-11", 0},

	/* not times */
	{A, "飞行3.5小时", NULL, NULL, NULL, 0},
	{A, "历时24天", NULL, NULL, NULL, 0},
	{A, "40多项成果", NULL, NULL, NULL, 0},
	{A, "增长50%", NULL, NULL, NULL, 0},
	{A, "百分之五十", NULL, NULL, NULL, 0},
	{A, "45周年", NULL, NULL, NULL, 0},
	{A, "建立45周年之际", NULL, NULL, NULL, 0},
	{A, "99999年", NULL, NULL, NULL, 0},
	{A, "2月30日", NULL, NULL, NULL, 0},
	{A, "2025年2月29日", NULL, NULL, NULL, 0},
	{A, "2024年2月30日", NULL, NULL, NULL, 0},
	{A, "13月5日", NULL, NULL, NULL, 0},
	{A, "2025年13月", NULL, NULL, NULL, 0},
	{A, "4月31日", NULL, NULL, NULL, 0},
	{A, "时隔12年", NULL, NULL, NULL, 0},
	{A, "连续21年居首位", NULL, NULL, NULL, 0},
	{A, "近10日内", NULL, NULL, NULL, 0},
	{A, "3个月", NULL, NULL, NULL, 0},
	{A, "1号重点建议", NULL, NULL, NULL, 0},
	{A, "5年来", NULL, NULL, NULL, 0},
	{A, "45年来始终勇立潮头", NULL, NULL, NULL, 0},
	{A, "10多年前", NULL, NULL, NULL, 0},
	{A, "第12日", NULL, NULL, NULL, 0},
	{A, "日均数百项专利", NULL, NULL, NULL, 0},
	{A, "0999年", NULL, NULL, NULL, 0},
	{A, "3000年", NULL, NULL, NULL, 0},
	{A, "每周一次", NULL, NULL, NULL, 0},
	/* recurring: every March is no date */
	{A, "灯会每年3月举办", NULL, NULL, NULL, 0},
	{A, "每月15日发布数据", NULL, NULL, NULL, 0},
	{A, "每年的年底盘点库存", NULL, NULL, NULL, 0},
	{A, "每逢12月举行", NULL, NULL, NULL, 0},
	/* 十四五 as a count */
	{A, "十四五个人参加", NULL, NULL, NULL, 0},
	{A, "十四五岁的少年", NULL, NULL, NULL, 0},
	{A, "2025碳达峰论坛", NULL, NULL, NULL, 0},
	{A, "三天一层楼", NULL, NULL, NULL, 0},
	{A, "约2000年前", NULL, NULL, NULL, 0},
	{A, "1.5年", NULL, NULL, NULL, 0},
	{A, "32.5日", NULL, NULL, NULL, 0},
	{A, "下午2時", NULL, NULL, NULL, 0},
	{A, "2025.5万人", NULL, NULL, NULL, 0},
	{A, "电话0755-1234-5678", NULL, NULL, NULL, 0},
	{A, "2025年3-1月", NULL, NULL, NULL, 0},
	{NULL, "12月11日", NULL, NULL, NULL, 0}, /* no anchor, none to infer */
	{NULL, "昨日", NULL, NULL, NULL, 0},
	{NULL, "今年上半年", NULL, NULL, NULL, 0},
};

/* "TEXT=START/END; ..." for the expressions found. */
static char *render(const char *in, const char *anchor)
{
	tekg_timex *tx = NULL;
	size_t n = 0, i, len = strlen(in);
	tekg_error err = {0};
	tekg_buf b = {0};

	assert_int_equal(tekg_time_find(in, len, anchor, &tx, &n, &err), 0);
	assert_int_equal(tekg_buf_puts(&b, ""), 0);
	for (i = 0; i < n; i++) {
		size_t b0 = tekg_utf8_offset(in, len, tx[i].start);
		size_t b1 = tekg_utf8_offset(in, len, tx[i].end);
		tekg_buf_printf(&b, "%s%.*s=%s/%s", i ? "; " : "", (int)(b1 - b0), in + b0,
		                tx[i].iso_start, tx[i].iso_end);
	}
	tekg_free(tx);
	return tekg_buf_detach(&b, NULL);
}

static void test_table(void **state)
{
	size_t i, failed = 0;

	(void)state;
	assert_true(sizeof rows / sizeof rows[0] >= 150);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const row *r = &rows[i];
		tekg_timex *tx = NULL;
		size_t n = 0, len = strlen(r->input);
		tekg_error err = {0};
		char *got;
		int ok;

		assert_int_equal(tekg_time_find(r->input, len, r->anchor, &tx, &n, &err), 0);
		if (!r->span) {
			ok = n == 0;
		} else {
			size_t b0, b1;
			ok = n == 1;
			if (ok) {
				b0 = tekg_utf8_offset(r->input, len, tx[0].start);
				b1 = tekg_utf8_offset(r->input, len, tx[0].end);
				ok = strlen(r->span) == b1 - b0 && !memcmp(r->input + b0, r->span, b1 - b0) &&
				     !strcmp(tx[0].iso_start, r->start) && !strcmp(tx[0].iso_end, r->end) &&
				     (tx[0].flags & r->flags) == r->flags;
			}
		}
		if (!ok) {
			got = render(r->input, r->anchor);
			fprintf(stderr, "row %zu: '%s' (anchor %s): expected %s=%s/%s flags %#x, got '%s' flags %#x\n",
			        i, r->input, r->anchor ? r->anchor : "none", r->span ? r->span : "(none)",
			        r->start ? r->start : "", r->end ? r->end : "", r->flags, got,
			        n ? tx[0].flags : 0);
			tekg_free(got);
			failed++;
		}
		tekg_free(tx);
	}
	fprintf(stderr, "%zu table rows, %zu failed\n", sizeof rows / sizeof rows[0], failed);
	assert_int_equal(failed, 0);
}

/* Sentences with several expressions: the sentence context and the
 * inferred anchor at work. */
static const struct {
	const char *anchor, *input, *expect;
} multi[] = {
	{A, "12月11日至12日，2026年亚太经合组织会议在深圳举行。",
	 "12月11日至12日=2025-12-11/2025-12-12; 2026年=2026/2026"},
	{NULL, "2025年12月12日。昨日，代表抵达。",
	 "2025年12月12日=2025-12-12/2025-12-12; 昨日=2025-12-11/2025-12-11"},
	{A, "2024年，前海实现增长，9月又创新高。", "2024年=2024/2024; 9月=2024-09/2024-09"},
	{A, "2024年，前海实现增长。9月又创新高。", "2024年=2024/2024; 9月=2025-09/2025-09"},
	{A, "这是担任2026年APEC东道主的首场活动，12月11日上午举行。",
	 "2026年=2026/2026; 12月11日上午=2025-12-11/2025-12-11"},
	{A, "2024年9月，工友们成立工作室，12日挂牌。",
	 "2024年9月=2024-09/2024-09; 12日=2024-09-12/2024-09-12"},
	{"2025-09-01", "（新华社深圳8月25日电）25日，展会开幕。",
	 "8月25日=2025-08-25/2025-08-25; 25日=2025-08-25/2025-08-25"},
	{A, "出口总值由2015年的712亿元升至2024年的5379.8亿元。",
	 "2015年=2015/2015; 2024年=2024/2024"},
	{A, "12月11日上午举行研讨会，12日下午闭幕。",
	 "12月11日上午=2025-12-11/2025-12-11; 12日下午=2025-12-12/2025-12-12"},
	{NULL, "2024年11月5日电 今天，论坛开幕；明年将再办。",
	 "2024年11月5日=2024-11-05/2024-11-05; 今天=2024-11-05/2024-11-05; 明年=2025/2025"},
	{NULL, "2026年1月13日下午，研讨会举行。2025年全年，口岸通关量创新高；去年，新增机构。",
	 "2026年1月13日下午=2026-01-13/2026-01-13; 2025年全年=2025/2025; 去年=2025/2025"},
	{A, "“十四五”圆满收官、“十五五”开局之年", "十四五=2021/2025; 十五五=2026/2030"},
	{A, "12月11日至12日，2026年APEC非正式高官会在深圳举行，明年11月将在深圳举行领导人会议。",
	 "12月11日至12日=2025-12-11/2025-12-12; 2026年=2026/2026; 明年11月=2026-11/2026-11"},
	{A, "12月10日，活动周启动。启动仪式当天下午，工匠获表彰。",
	 "12月10日=2025-12-10/2025-12-10; 当天下午=2025-12-10/2025-12-10"},
	{A, "当天，会议举行。", ""},
	{A, "没有时间", ""},
	{A, "", ""},
};

static void test_multi(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof multi / sizeof multi[0]; i++) {
		char *got = render(multi[i].input, multi[i].anchor);
		if (strcmp(got, multi[i].expect))
			fprintf(stderr, "multi %zu: '%s'\n  expected '%s'\n  got      '%s'\n", i,
			        multi[i].input, multi[i].expect, got);
		assert_string_equal(got, multi[i].expect);
		tekg_free(got);
	}
}

static void test_offsets(void **state)
{
	const char *in = "会议于2025年12月11日开幕，12日闭幕";
	tekg_timex *tx = NULL;
	size_t n = 0;
	tekg_error err = {0};

	(void)state;
	assert_int_equal(tekg_time_find(in, strlen(in), A, &tx, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(tx[0].start, 3);
	assert_int_equal(tx[0].end, 14);
	assert_int_equal(tx[0].precision, TEKG_TIME_DAY);
	assert_int_equal(tx[1].start, 17);
	assert_int_equal(tx[1].end, 20);
	assert_string_equal(tx[1].iso_start, "2025-12-12");
	tekg_free(tx);

	/* precision of each form */
	assert_int_equal(tekg_time_find("2025年", strlen("2025年"), A, &tx, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(tx[0].precision, TEKG_TIME_YEAR);
	tekg_free(tx);
	assert_int_equal(tekg_time_find("2025年5月", strlen("2025年5月"), A, &tx, &n, &err), 0);
	assert_int_equal(tx[0].precision, TEKG_TIME_MONTH);
	tekg_free(tx);
}

static void test_value(void **state)
{
	tekg_timex t;
	char buf[32];

	(void)state;
	memset(&t, 0, sizeof t);
	strcpy(t.iso_start, "2025-12-11");
	strcpy(t.iso_end, "2025-12-11");
	assert_int_equal(tekg_time_value(&t, buf, sizeof buf), 10);
	assert_string_equal(buf, "2025-12-11");
	strcpy(t.iso_end, "2025-12-12");
	assert_int_equal(tekg_time_value(&t, buf, sizeof buf), 21);
	assert_string_equal(buf, "2025-12-11/2025-12-12");
	assert_int_equal(tekg_time_value(&t, buf, 21), TEKG_EINVAL);
	assert_string_equal(buf, "");
	assert_int_equal(tekg_time_value(&t, buf, 22), 21);
	strcpy(t.iso_start, "2025-12");
	strcpy(t.iso_end, "2025-12");
	assert_int_equal(tekg_time_value(&t, buf, sizeof buf), 7);
	assert_string_equal(buf, "2025-12");
	strcpy(t.iso_start, "2020");
	strcpy(t.iso_end, "2024");
	assert_int_equal(tekg_time_value(&t, buf, sizeof buf), 9);
	assert_string_equal(buf, "2020/2024");
	assert_int_equal(tekg_time_value(NULL, buf, sizeof buf), TEKG_EINVAL);
	assert_int_equal(tekg_time_value(&t, NULL, 4), TEKG_EINVAL);
}

static void test_parse_date(void **state)
{
	int y = 0, m = 0, d = 0;
	tekg_error err = {0};

	(void)state;
	assert_int_equal(tekg_time_parse_date("2025-12-11", &y, &m, &d, &err), 0);
	assert_int_equal(y, 2025);
	assert_int_equal(m, 12);
	assert_int_equal(d, 11);
	assert_int_equal(tekg_time_parse_date("2024-02-29", NULL, NULL, NULL, NULL), 0);
	assert_int_equal(tekg_time_parse_date("2025-02-29", NULL, NULL, NULL, &err), TEKG_EINVAL);
	assert_non_null(strstr(err.msg, "2025-02-29"));
	assert_int_equal(tekg_time_parse_date("2025-2-1", NULL, NULL, NULL, NULL), TEKG_EINVAL);
	assert_int_equal(tekg_time_parse_date("2025-13-01", NULL, NULL, NULL, NULL), TEKG_EINVAL);
	assert_int_equal(tekg_time_parse_date("2025-00-10", NULL, NULL, NULL, NULL), TEKG_EINVAL);
	assert_int_equal(tekg_time_parse_date("0999-01-01", NULL, NULL, NULL, NULL), TEKG_EINVAL);
	assert_int_equal(tekg_time_parse_date("3000-01-01", NULL, NULL, NULL, NULL), TEKG_EINVAL);
	assert_int_equal(tekg_time_parse_date("2025-12-11x", NULL, NULL, NULL, NULL), TEKG_EINVAL);
	assert_int_equal(tekg_time_parse_date("", NULL, NULL, NULL, NULL), TEKG_EINVAL);
	assert_int_equal(tekg_time_parse_date(NULL, NULL, NULL, NULL, NULL), TEKG_EINVAL);
}

static void test_find_errors(void **state)
{
	tekg_timex *tx = (tekg_timex *)1;
	size_t n = 7;
	tekg_error err = {0};

	(void)state;
	assert_int_equal(tekg_time_find("x", 1, "2025-13-01", &tx, &n, &err), TEKG_EINVAL);
	assert_null(tx);
	assert_int_equal(n, 0);
	assert_int_equal(tekg_time_find("ab\xff" "2025年", 9, A, &tx, &n, &err), TEKG_EENCODING);
	assert_non_null(strstr(err.msg, "byte 2"));
	assert_int_equal(tekg_time_find(NULL, 0, A, &tx, &n, &err), 0);
	assert_int_equal(n, 0);
	assert_null(tx);
	assert_int_equal(tekg_time_find(NULL, 3, A, &tx, &n, &err), TEKG_EINVAL);
	assert_int_equal(tekg_time_find("x", 1, A, NULL, &n, &err), TEKG_EINVAL);
	assert_int_equal(tekg_time_find("x", 1, A, &tx, NULL, &err), TEKG_EINVAL);
	/* an empty anchor is no anchor */
	assert_int_equal(tekg_time_find("昨日", strlen("昨日"), "", &tx, &n, &err), 0);
	assert_int_equal(n, 0);
}

static void test_infer_anchor(void **state)
{
	char out[11];
	int inf = -1;
	tekg_error err = {0};
	const char *s;

	(void)state;
	s = "标题\n2025-05-19 12:04:35\n正文提到2024年3月1日。";
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), NULL, out, &inf, &err), 0);
	assert_string_equal(out, "2025-05-19");
	assert_int_equal(inf, 0);

	s = "标题\n发布时间：2025-05-19\n正文";
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), NULL, out, &inf, &err), 0);
	assert_string_equal(out, "2025-05-19");
	assert_int_equal(inf, 0);

	/* a dateline takes its year from the explicit dates */
	s = "（新华社深圳8月25日电）深圳经济特区自2024年5月1日起……";
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), NULL, out, &inf, &err), 0);
	assert_string_equal(out, "2024-08-25");
	assert_int_equal(inf, 1);

	/* ... or from the neighbour */
	s = "（新华社深圳8月25日电）特区迎来生日。";
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), "2025-08-24", out, &inf, &err), 0);
	assert_string_equal(out, "2025-08-25");
	assert_int_equal(inf, 1);

	/* traditional script */
	s = "新華社香港4月27日電（記者何思远）27日，德化縣組團參展。";
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), "2025-04-20", out, &inf, &err), 0);
	assert_string_equal(out, "2025-04-27");
	assert_int_equal(inf, 1);

	/* the dateline year from a header date: not inferred */
	s = "2025-08-26 09:00\n（新华社深圳8月25日电）特区迎来生日。";
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), NULL, out, &inf, &err), 0);
	assert_string_equal(out, "2025-08-25");
	assert_int_equal(inf, 0);

	/* the latest full date */
	s = "2024年5月22日考察。2024年9月，工友们……2022年10月17日。";
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), NULL, out, &inf, &err), 0);
	assert_string_equal(out, "2024-05-22");
	assert_int_equal(inf, 1);

	/* the most mentioned year with the latest month-day */
	s = "12月11日至12日，2025年度会议举行。2025年以来增长。2026年将主办。12月10日启动。";
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), NULL, out, &inf, &err), 0);
	assert_string_equal(out, "2025-12-11");

	/* Years in ranges (statistics) do not vote: 2021 and 2019 remain,
	 * each once; the tie goes to the later. */
	s = "2019年，园区启动。2016年至2020年，产值年均增长8%。2021年，二期开工。3月8日投产。";
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), NULL, out, &inf, &err), 0);
	assert_string_equal(out, "2021-03-08");
	assert_int_equal(inf, 1);

	/* a quoted year does not vote: the speaker looks ahead */
	s = "2023年，论坛创办。“2030年5月，我们再相聚。”6月2日闭幕。";
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), NULL, out, &inf, &err), 0);
	assert_string_equal(out, "2023-06-02");
	assert_int_equal(inf, 1);

	/* a year that names an edition (2031年博览会) is weak evidence: it is
	 * used alone, but a dated neighbour wins over it */
	s = "11月20日，2031年博览会筹备会在临江召开。本届是2031年ABC峰会的首场活动。";
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), NULL, out, &inf, &err), 0);
	assert_string_equal(out, "2031-11-20");
	assert_int_equal(inf, TEKG_TIME_WEAK);
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), "2030-11-21", out, &inf, &err), 0);
	assert_string_equal(out, "2030-11-21");
	assert_int_equal(inf, 1);
	/* ... but a year that says a time is not weak */
	s = "2031年，博览会在临江召开。11月20日闭幕。";
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), "2030-11-21", out, &inf, &err), 0);
	assert_string_equal(out, "2031-11-20");
	assert_int_equal(inf, 1);
	/* with a dateline: the neighbour gives the year over a naming year */
	s = "（新华社临江11月20日电）2031年博览会筹备会召开。";
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), "2030-11-19", out, &inf, &err), 0);
	assert_string_equal(out, "2030-11-20");
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), NULL, out, &inf, &err), 0);
	assert_string_equal(out, "2031-11-20");
	assert_int_equal(inf, TEKG_TIME_WEAK);

	/* the neighbour, then nothing */
	s = "今年上半年增长。";
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), "2025-07-30", out, &inf, &err), 0);
	assert_string_equal(out, "2025-07-30");
	assert_int_equal(inf, 1);
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), NULL, out, &inf, &err), 0);
	assert_string_equal(out, "");
	assert_int_equal(inf, 1);
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), "2025-7-30", out, &inf, &err),
	                 TEKG_EINVAL);
	assert_int_equal(tekg_time_infer_anchor(s, strlen(s), NULL, NULL, &inf, &err), TEKG_EINVAL);
}

static void test_anchor_article(void **state)
{
	tekg_article a;
	char out[11];
	int inf = -1;
	tekg_error err = {0};
	char work[] = "（新华社深圳8月25日电）2024年5月1日起……";
	char meta_date[] = "2025-08-26", bad_date[] = "not a date";
	char orig[] = "2025年3月4日，會議舉行。";

	(void)state;
	memset(&a, 0, sizeof a);
	a.work = work;
	a.work_len = strlen(work);

	/* --date wins */
	assert_int_equal(tekg_time_anchor_article(&a, "2025-01-02", NULL, out, &inf, &err), 0);
	assert_string_equal(out, "2025-01-02");
	assert_int_equal(inf, 0);
	assert_int_equal(tekg_time_anchor_article(&a, "2025-01-32", NULL, out, &inf, &err), TEKG_EINVAL);

	/* then the metadata date */
	a.date = meta_date;
	assert_int_equal(tekg_time_anchor_article(&a, NULL, NULL, out, &inf, &err), 0);
	assert_string_equal(out, "2025-08-26");
	assert_int_equal(inf, 0);
	a.date = bad_date;
	assert_int_equal(tekg_time_anchor_article(&a, "", NULL, out, &inf, &err), 0);
	assert_string_equal(out, "2024-08-25"); /* unusable metadata is ignored */

	/* the recorded dateline, its year from the article's dates */
	a.date = NULL;
	a.dateline.month = 8;
	a.dateline.day = 24;
	assert_int_equal(tekg_time_anchor_article(&a, NULL, NULL, out, &inf, &err), 0);
	assert_string_equal(out, "2024-08-24");
	assert_int_equal(inf, 1);

	/* a header line */
	{
		char w2[] = "2025-05-19 12:04:35\n昨日，会议举行。";
		memset(&a, 0, sizeof a);
		a.work = w2;
		a.work_len = strlen(w2);
		assert_int_equal(tekg_time_anchor_article(&a, NULL, "2020-01-01", out, &inf, &err), 0);
		assert_string_equal(out, "2025-05-19");
		assert_int_equal(inf, 0);
	}
	/* the neighbour, then none */
	{
		char w3[] = "昨日，会议举行。";
		memset(&a, 0, sizeof a);
		a.work = w3;
		a.work_len = strlen(w3);
		assert_int_equal(tekg_time_anchor_article(&a, NULL, "2025-03-04", out, &inf, &err), 0);
		assert_string_equal(out, "2025-03-04");
		assert_int_equal(inf, 1);
		assert_int_equal(tekg_time_anchor_article(&a, NULL, NULL, out, &inf, &err), 0);
		assert_string_equal(out, "");
		assert_int_equal(inf, 1);
		/* the original text when there is no working copy */
		a.work = NULL;
		a.work_len = 0;
		a.orig = orig;
		a.orig_len = strlen(a.orig);
		assert_int_equal(tekg_time_anchor_article(&a, NULL, NULL, out, &inf, &err), 0);
		assert_string_equal(out, "2025-03-04");
	}
	assert_int_equal(tekg_time_anchor_article(NULL, NULL, NULL, out, &inf, &err), TEKG_EINVAL);
}

/* Every allocation failing in turn: ENOMEM or success, never a crash. */
static void test_alloc_failures(void **state)
{
	const char *in = "12月11日至12日，2026年会议举行。今年以来，2025年12月11日（星期四）上午。";
	long k;

	(void)state;
	for (k = 0; k < 20; k++) {
		tekg_timex *tx = NULL;
		size_t n = 0;
		tekg_error err = {0};
		char out[11];
		int rc;

		tekg_alloc_fail_after(k);
		rc = tekg_time_find(in, strlen(in), k % 2 ? A : NULL, &tx, &n, &err);
		tekg_alloc_fail_after(-1);
		assert_true(rc == 0 || rc == TEKG_ENOMEM);
		if (rc == 0)
			assert_int_equal(n, 4);
		else
			assert_null(tx);
		tekg_free(tx);
		tekg_alloc_fail_after(k);
		rc = tekg_time_infer_anchor(in, strlen(in), NULL, out, NULL, &err);
		tekg_alloc_fail_after(-1);
		assert_true(rc == 0 || rc == TEKG_ENOMEM);
	}
}

/* ---- property tests --------------------------------------------------- */

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static const char *const pieces[] = {
	"0", "1", "2", "3", "9", "12", "29", "30", "31", "2025", "1999", "99999", "0000", "2",
	"０", "１", "２", "〇", "○", "零", "一", "二", "三", "十", "廿", "卅", "九", "两",
	"年", "月", "日", "号", "號", "至", "到", "-", "—", "～", "~", "/", ".", ":",
	"以来", "以來", "至今", "今", "明", "去", "昨", "前", "后", "上", "下", "本", "半", "全",
	"周", "週", "星期", "礼拜", "季度", "第", "初", "底", "末", "旬", "中", "代", "度",
	"(", ")", "（", "）", "时", "時", "分", "点", "午", "晚", "许", "%", "、", "，", "。",
	" ", "\n", "从", "持续", "十四五", "春", "冬", "近日", "天", "个", "多", "万", "a",
};

static int is_num(const char *s, int n)
{
	int i;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Check an ISO value and return its first and last day as yyyymmdd. */
static void check_iso(const char *v, long *lo, long *hi)
{
	static const int dim[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	size_t len = strlen(v);
	int y, m = 0, d = 0, maxd;

	assert_true(len == 4 || len == 7 || len == 10);
	assert_true(is_num(v, 4));
	y = atoi(v);
	assert_true(y >= 1000 && y <= 2999);
	if (len >= 7) {
		assert_true(v[4] == '-' && is_num(v + 5, 2));
		m = atoi(v + 5);
		assert_true(m >= 1 && m <= 12);
	}
	maxd = m ? dim[m] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) : 0;
	if (len == 10) {
		assert_true(v[7] == '-' && is_num(v + 8, 2));
		d = atoi(v + 8);
		assert_true(d >= 1 && d <= maxd);
	}
	*lo = y * 10000L + (m ? m : 1) * 100L + (d ? d : 1);
	*hi = y * 10000L + (m ? m : 12) * 100L + (d ? d : (m ? maxd : 31));
}

static void check_result(const char *in, size_t len, const tekg_timex *tx, size_t n)
{
	size_t i, chars = tekg_utf8_count(in, len), prev = 0;

	for (i = 0; i < n; i++) {
		long slo, shi, elo, ehi;
		assert_true(tx[i].start < tx[i].end);
		assert_true(tx[i].end <= chars);
		assert_true(tx[i].start >= prev); /* in order, no overlap */
		prev = tx[i].end;
		check_iso(tx[i].iso_start, &slo, &shi);
		check_iso(tx[i].iso_end, &elo, &ehi);
		assert_true(slo <= elo); /* start never after end */
		assert_true(shi <= ehi);
		assert_true(tx[i].precision >= TEKG_TIME_YEAR && tx[i].precision <= TEKG_TIME_DAY);
	}
}

static void test_property_random(void **state)
{
	static const char *const anchors[] = {NULL, "2025-12-12", "2024-02-29", "2025-01-01",
		"2025-12-31", "1000-01-01", "2999-12-31", "2000-03-01"};
	char buf[1024];
	int iter;
	size_t found = 0;

	(void)state;
	for (iter = 0; iter < 30000; iter++) {
		size_t len = 0, k, npieces = 1 + rnd() % 30;
		tekg_timex *tx = NULL;
		size_t n = 0;
		tekg_error err = {0};
		const char *an = anchors[rnd() % (sizeof anchors / sizeof anchors[0])];

		for (k = 0; k < npieces; k++) {
			const char *p = pieces[rnd() % (sizeof pieces / sizeof pieces[0])];
			size_t pl = strlen(p);
			if (len + pl >= sizeof buf)
				break;
			memcpy(buf + len, p, pl);
			len += pl;
		}
		buf[len] = '\0';
		assert_int_equal(tekg_time_find(buf, len, an, &tx, &n, &err), 0);
		check_result(buf, len, tx, n);
		found += n;
		tekg_free(tx);
	}
	fprintf(stderr, "random text: %zu expressions checked\n", found);
	assert_true(found > 1000); /* the generator does produce dates */
}

/* Random code points (valid UTF-8) and random bytes: no crash. */
static void test_property_bytes(void **state)
{
	char buf[512];
	int iter;

	(void)state;
	for (iter = 0; iter < 5000; iter++) {
		size_t len = 0, k, count = rnd() % 100;
		tekg_timex *tx = NULL;
		size_t n = 0;
		tekg_error err = {0};
		int rc;

		if (iter % 2) {
			for (k = 0; k < count && len + 4 < sizeof buf; k++) {
				uint32_t cp = (uint32_t)(rnd() % 0x10FFFF);
				if (cp >= 0xD800 && cp <= 0xDFFF)
					cp = 0x5E74;
				if (rnd() % 2)
					cp = 0x4E00 + (uint32_t)(rnd() % 0x5200);
				len += tekg_utf8_encode(cp, buf + len);
			}
			assert_int_equal(tekg_time_find(buf, len, A, &tx, &n, &err), 0);
			check_result(buf, len, tx, n);
		} else {
			for (k = 0; k < count; k++)
				buf[len++] = (char)(rnd() & 0xff);
			rc = tekg_time_find(buf, len, A, &tx, &n, &err);
			assert_true(rc == 0 || rc == TEKG_EENCODING);
			if (rc == 0)
				check_result(buf, len, tx, n);
		}
		tekg_free(tx);
	}
}

/* Pathological input: long runs stay linear and safe. */
static void test_pathological(void **state)
{
	size_t reps = 20000, i, len;
	const char *unit = "2025年12月11日至";
	size_t ul = strlen(unit);
	char *big = malloc(reps * ul + 1);
	tekg_timex *tx = NULL;
	size_t n = 0;
	tekg_error err = {0};
	char out[11];

	(void)state;
	assert_non_null(big);
	for (i = 0; i < reps; i++)
		memcpy(big + i * ul, unit, ul);
	len = reps * ul;
	big[len] = '\0';
	assert_int_equal(tekg_time_find(big, len, NULL, &tx, &n, &err), 0);
	assert_true(n > 0);
	check_result(big, len, tx, n);
	tekg_free(tx);
	assert_int_equal(tekg_time_infer_anchor(big, len, NULL, out, NULL, &err), 0);
	assert_string_equal(out, "2025-12-11");
	memset(big, '9', len);
	assert_int_equal(tekg_time_find(big, len, A, &tx, &n, &err), 0);
	assert_int_equal(n, 0);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_multi),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_value),
		cmocka_unit_test(test_parse_date),
		cmocka_unit_test(test_find_errors),
		cmocka_unit_test(test_infer_anchor),
		cmocka_unit_test(test_anchor_article),
		cmocka_unit_test(test_alloc_failures),
		cmocka_unit_test(test_property_random),
		cmocka_unit_test(test_property_bytes),
		cmocka_unit_test(test_pathological),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
