/*
 * kw_stop.c - words that are not keywords (docs/topics.md, "Boilerplate").
 *
 * stop: news furniture and reporting verbs; they never become keywords and
 * a phrase never spans them.  generic: words too broad to say what an
 * article is about on their own; they may sit inside a phrase (口岸经济,
 * 数字经济), and a phrase made only of generic words is generic too.
 * Both lists were written for this project from common newswire
 * vocabulary.  Titles are not listed here: every title of the lexicon
 * (data/titles.tsv), and every word ending with one, is a stop word
 * (kw_is_title).
 */
#include "extract/extract_int.h"
#include "extract/kw_int.h"

#include <string.h>

static const char *const stop_words[] = {
	"记者", "通讯员", "编辑", "责编", "责任编辑", "审核", "审校", "校对", "来源", "作者",
	"图片", "摄影", "视频", "报道", "新闻", "消息", "本报", "日电", "电讯", "讯",
	"表示", "指出", "强调", "认为", "介绍", "称", "说", "进行", "开展", "举行",
	"方面", "问题", "情况", "工作", "时间", "同志", "有关", "相关", "其中", "目前",
	"同时", "以来", "期间", "活动", "内容", "方式", "过程", "部分", "地方", "事",
	"全文", "原文", "版权", "声明", "转载", "阅读", "点击", "关注", "公众号", "微信",
	"链接", "二维码", "扫码", "日期", "人士", "一系列", "此次", "本次", "当天", "近日",
	"日前", "本报讯", "与会", "讨论", "使用", "记者会", "新闻发布会", "发布会", "网友", "读者", "原标题", "标题", "客户端",
	/* forms of address (titles come from the lexicon: kw_is_title) */
	"委员们", "先生", "女士", "同学", "一个人", "人们", "大家",
};

static const char *const generic_words[] = {
	"经济", "发展", "建设", "合作", "产业", "企业", "国家", "政府", "城市", "市场",
	"服务", "政策", "体系", "平台", "项目", "能力", "水平", "创新", "机制", "领域",
	"会议", "大会", "论坛", "世界", "国际", "全球", "区域", "社会", "高质量", "重要",
	"技术", "科技", "管理", "一体化", "现代化", "推进", "推动", "促进", "实现", "提升",
	"加强", "未来", "主题", "成果", "目标", "举措", "措施", "规划", "战略", "系统",
	"模式", "资源", "环境", "人民", "群众", "负责人", "全国", "全市", "全省", "全区",
	"各地", "地区", "中心", "系列", "研究", "指导", "长期", "成就", "行动", "责任",
	"类型", "统计", "需求", "比重", "人次", "占比", "总数", "新进展", "新格局", "答卷",
	"嘱托", "新征程", "载体", "称号", "落地", "深度", "延伸", "窗口", "格局", "版图",
	"呼应", "惠及", "提质", "规则", "规范", "制度", "主体", "报告", "行为", "蓝图",
	"首场", "著力", "维度", "画卷", "支点", "新机遇", "势能", "愿景", "初心", "福祉",
	"经济发展", "经济增长", "重点", "试点", "大国", "转型", "绿色", "共识", "监管", "安全", "指引", "一等奖", "要素", "民生", "社区", "数字",
	"专家", "嘉宾", "代表", "成员", "机构", "部门", "单位", "力量", "作用", "意义",
	"基础", "条件", "优势", "特色", "质量", "效率", "规模", "数量", "标准", "方向",
	"任务", "要求", "理念", "思想", "精神", "新时代", "时代", "历史", "关键", "核心",
	"全面", "深入", "不断", "持续", "共同", "积极", "进一步", "新质", "生产力", "动能",
	"机遇", "挑战", "支持", "保障", "应用", "场景", "行业", "公司", "集团", "业务",
	"一年", "年度", "阶段", "时期", "时候", "之际", "交流", "对话", "万人", "人口",
	"人员", "各方", "世界各国", "各国", "伙伴", "朋友", "一方面", "新华社", "中方",
	"先行", "示范", "示范区", "方案", "计划", "安排", "实践", "探索", "经验", "路径",
};

static int in_list(const char *const *list, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], w) == 0)
			return 1;
	return 0;
}

int kw_is_stop(const char *word)
{
	return in_list(stop_words, sizeof stop_words / sizeof stop_words[0], word);
}

int kw_is_generic(const char *word)
{
	return in_list(generic_words, sizeof generic_words / sizeof generic_words[0], word);
}

int kw_is_title(const struct xlex *lex, const char *word)
{
	size_t len = strlen(word), off;

	if (lex == NULL)
		return 0;
	/* the word, then each of its tails that starts on a character and
	 * not inside a Latin run (CEO, not the EO of a longer acronym) */
	for (off = 0; off < len; off++) {
		unsigned char c = (unsigned char)word[off];
		if ((c & 0xC0) == 0x80)
			continue;
		if (off > 0 && c < 0x80 && (unsigned char)word[off - 1] < 0x80)
			continue;
		if (xlex_has(lex, word + off, len - off, XL_TITLE))
			return 1;
	}
	return 0;
}
