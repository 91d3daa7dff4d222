"""Word lists behind the Chinese person-name rules: surnames, given-name characters, the context words,
titles and offices around a name, and the transliteration characters of foreign names.

Hand-made lists (not any generator's), kept apart from the rules in `zh_names` so either reads on its own.
"""

from __future__ import annotations

SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金"
    "石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂"
    "章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
    "解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇"
    "贲宓綦郦逄璩訾酆郇郏竺蒯仉佴邴隗郗钭赖莘濮宦庾厍乜阎桓"
    "桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠"
    "豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹"
    "诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由萧洪习"
    "傅荀鄂钮寿蔚"
)
# the ~100 most frequent surnames (over 85% of people): a 2-character dictionary word tagged `nr`
# by jieba counts as a name only with one of these (白云, 阳光, 关怀 are tagged `nr` too)
TOP_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪"
    "范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 独孤 南宫 西门 百里 呼延 万俟 澹台 公冶 申屠 "
    "钟离 闻人 赫连 拓跋 完颜 宗政 濮阳 公羊 左丘 闾丘 梁丘".split()
)
# compound surnames that are not also everyday words (东方 east, 西门 west gate, 百里, 南宫, 长孙
# are): written as their own jieba word, they and the short word after them are one name (欧阳/娜娜)
UNAMBIGUOUS_COMPOUNDS = COMPOUND_SURNAMES - {"东方", "西门", "百里", "南宫", "长孙"}
# words that join the items of a list: a name listed beside a name is a name (刘德华、张学友和郭富城)
LIST_JOINERS = frozenset({"、", "和", "与", "及", "跟", "以及", "或", "，", ","})
# characters common in given names (a broad hand-made list, not any generator's): a jieba `nr`
# word like 陈述 or 盖章 starts with a surname but its second character is not a name character
GIVEN_NAME_CHARS = frozenset(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚华建国海燕丹倩晶兵玲红梅玉桂兰珍凤云萍琴雪莉颖婷慧佳欣怡"
    "文斌鹏辉浩宇翔飞鑫波宁鸣晨阳峰林森柏松彬彤瑶琳璐瑞睿哲轩然博涵晗宸昊昕晓曦悦乐诗雨露蕾薇菲芬芸芝荣"
    "蓉莹萱菊春夏秋冬光亮新志德福禄寿喜庆祥吉安康泰和顺利达成功业兴旺盛昌隆茂源泉江河湖川山岳峻岚嵩嵘"
    "龙虎豹鹰凯旋胜利军武斌彪威雄豪杰俊英贤良仁义礼智信忠孝廉耻勤俭恭宽敏捷聪慧颖秀美丽娇媚婉娴淑贞"
    "静雅洁清澄澈纯真善诚实朴素华丽荣耀光辉煌灿烂明亮晴朗阳旭日月星辰宇宙天地乾坤坚毅刚强健壮"
    "晖煜炜烨焱燊鸿鹤鹏鹄鸾凤麟骏驰骋腾跃奔飞翔舟帆航远志存高洁清廉正直圆民生华振兴家宏伟业"
    "贵富宝珠金银铜铁锋锐钧铭镇钰"
    "巍拓亚馨灵姣旻亭予晚园飘"
    "琪琦瑛琼瑾璇璋琛珏珂珊玥瑜瑕璞玺莎蓓蕊芮苗苒茜茹荷莲萌蔚蓝青翠绿紫彩虹霓霖雯霏露霜冰凌洁"
    "梦思怀恩爱惠慈宜宣容若如可心愿望希冀期盼望羽翼毅艺逸奕益义宜怡依伊衣亦忆易弈"
    "子孜梓紫滋姿宗综嘉家佳加珈伽茵音殷银寅胤嫣焉妍岩炎研颜彦艳雁燕延晏宴扬洋杨阳"
    "桐童彤潼瞳彬斌宾滨冰炳秉兵丙平萍屏凭坪苹泓宏洪弘红虹鸿竑竹筠钧君军俊峻骏珺郡菁晶精"
    "景静靖敬婧镜劲金锦谨槿瑾堇津衿锦秦琴勤芹沁钦芩卿庆清青晴擎琼穹秋丘邱"
    "磊蕾雷垒力立丽利励莉俐栗黎丽璃莉丽丽凡帆繁樊范芳舫菲飞妃斐霏翡福富甫辅馥"
    # characters of men's names of the older generations (建东, 冠群, 振邦, 守仁), among the most
    # frequent given-name characters of jieba's dictionary names
    "东永世汉祖保树廷守仲臣承绍继剑培启权邦友昭震仪兆崇衡楚汝谦恒孟勋冠佩晋庭少"
)
# function characters never part of a given name
FUNCTION_CHARS = frozenset("其之的了与和及或而被把将对从向在于由以为是这那此该每各某们着过吗呢吧啊")
# characters that end a surname-initial string rather than continue a name ("张某因…", "王某于…")
STOP_CHARS = frozenset("因于在和与及的为是等诉说称将把被从向对到入出行来去后前时即自由经已也又均仍并就便")
CONTEXT_WORDS = (
    "患者",
    "病人",
    "姓名",
    "家属",
    "医生",
    "医师",
    "主治医师",
    "主任医师",
    "护士",
    "护师",
    "主任",
    "教授",
    "甲方",
    "乙方",
    "丙方",
    "法定代表人",
    "法人代表",
    "负责人",
    "联系人",
    "联络人",
    "委托人",
    "代理人",
    "受托人",
    "签字",
    "签名",
    "经办人",
    "收件人",
    "配偶",
    "丈夫",
    "妻子",
    "父亲",
    "母亲",
    "儿子",
    "女儿",
    "之子",
    "之女",
    # kin as medical records write them before a name: 患者之母张秀英代诉, 由其女王芳代述病史
    "之母",
    "之父",
    "之妻",
    "之夫",
    "其子",
    "其女",
    "其母",
    "其父",
    "其妻",
    "其夫",
    "监护人",
    "申请人",
    "被申请人",
    "原告",
    "被告",
    "证人",
    # parties a judgment, a police report or an insurance claim names
    "被告人",
    "犯罪嫌疑人",
    "嫌疑人",
    "被害人",
    "受害人",
    "辩护人",
    "上诉人",
    "被上诉人",
    "当事人",
    "第三人",
    "报案人",
    "报警人",
    "见证人",
    "保证人",
    "债务人",
    "债权人",
    "投保人",
    "被保险人",
    "受益人",
    "授权人",
    "被授权人",
    "病史陈述者",
    "陈述者",
    "参会人员",
    "与会人员",
    "参加人员",
    "出席人员",
    "主持人",
    "缺席",
    "借款人",
    "出借人",
    "担保人",
    "承租人",
    "出租人",
    "客户",
    "户名",
    "开户名",
    "持卡人",
    "记录人",
    "审核人",
    "报告人",
    "主诉人",
    "陪同",
    "送检医生",
    "姓名为",
    "名叫",
    "叫做",
    "授权代表",
    "董事会秘书",
    "秘书",
    "董事长",
    "总经理",
    "经理",
    "法人",
    "股东",
    "医生签名",
    "医师签名",
    "签收人",
    "联系人姓名",
    "患者姓名",
    "我叫",
    "他叫",
    "她叫",
    "名字叫",
    "名字是",
    "本人",
    # offices, trades and relations written right before a name (市长赵立新, 记者王小明, 表哥林俊杰);
    # job words, so weak context: the name must read as one (see WEAK_CONTEXT)
    "总理",
    "主席",
    "总统",
    "市长",
    "省长",
    "县长",
    "书记",
    "部长",
    "局长",
    "署长",
    "司长",
    "厅长",
    "院长",
    "校长",
    "记者",
    "导演",
    "演员",
    "歌手",
    "作家",
    "律师",
    "法官",
    "审判长",
    "审判员",
    "书记员",
    "检察官",
    "民警",
    "教练",
    "同学",
    "同事",
    "朋友",
    "老公",
    "老婆",
    "表哥",
    "表姐",
    "表弟",
    "表妹",
    "师兄",
    "师姐",
    "师弟",
    "师妹",
    "徒弟",
    "哥哥",
    "姐姐",
    "弟弟",
    "妹妹",
    "孙子",
    "孙女",
    "外孙",
    "外孙女",
    "儿媳",
    "女婿",
    "侄子",
    "侄女",
    "外甥",
    "外甥女",
    "爱人",
    "老伴",
    "通讯员",
    "授权",
    "委托",
    "驾驶人",
    "驾驶员",
    "司机",
    # trades and posts news reports put before a name (研究员柏连阳, 代表龚曙光, 村支书老耿)
    "研究员",
    "教师",
    "老师",
    "代表",
    "委员",
    "专家",
    "院士",
    "学者",
    "选手",
    "名将",
    "运动员",
    "队员",
    "球员",
    "工程师",
    "厂长",
    "村支书",
    "支书",
    "主播",
    "博主",
    "网友",
    "总裁",
    "副总裁",
    "董事",
    "处长",
    "科长",
    "所长",
    "队长",
    "班长",
    "组长",
    "站长",
    "社长",
    "会长",
    "理事长",
    "秘书长",
    "村民",
    "市民",
    "居民",
    "画家",
    "诗人",
    "编剧",
    "作者",
    "译者",
    "主演",
    "行长",
    "总监",
    "分析师",
    "设计师",
    "建筑师",
    "摄影师",
    "会计师",
    "理财师",
    "评论员",
    "嘉宾",
)
# context words that are also job titles: "医生查房" is not a name, so the word after them
# must not be tagged by jieba as a verb, adverb, preposition, conjunction, particle or locality
WEAK_CONTEXT = frozenset(
    {"医生", "医师", "主治医师", "主任医师", "护士", "护师", "主任", "教授", "客户", "陪同"}
    | set(CONTEXT_WORDS[CONTEXT_WORDS.index("总理") :])
)
NOT_NAME_TAGS = ("v", "d", "p", "c", "u", "f", "y", "e", "o", "r")
BYLINE_NOT_NAME_TAGS = NOT_NAME_TAGS[1:]  # a name alone between spaces may read as a verb (甘露/v)
# roles a byline or a judgment's signature block spells out before a name
BYLINE_ROLES = frozenset(
    "记者 通讯员 审判长 审判员 书记员 代理审判员 人民陪审员 陪审员 摄影 编辑 责任编辑".split()
)
# roles a news byline in brackets runs straight into the names with: "（记者马力）", "（记者刘诗平、白洁纯）",
# "（编辑整理何丽丽）", "（实习编辑徐景亮）"
BRACKET_BYLINE_ROLES = frozenset(
    "记者 见习记者 特约记者 本报记者 通讯员 实习生 编辑 实习编辑 责任编辑 责编 编辑整理 整理 摄影 摄 文".split()
)
# what an article's credit line puts before a slash and the author's name: "文/于建春", "图／张三"
CREDIT_ROLES = (
    "文",
    "图",
    "撰文",
    "文图",
    "图文",
    "摄影",
    "编辑",
    "责编",
    "责任编辑",
    "记者",
    "作者",
    "口述",
    "整理",
)
TITLES = (
    "董事长",
    "总经理",
    "老先生",
    "老太太",
    "老大爷",
    "医生",
    "大夫",
    "主任",
    "教授",
    "护士",
    "先生",
    "女士",
    "小姐",
    "老师",
    "律师",
    "经理",
    "同志",
    "师傅",
    "阿姨",
    "老板",
    "爷爷",
    "奶奶",
    "大人",
    "某某",
    "某",
    # how the old are addressed in a ward or a street (朱大爷, 王大妈, 李大姐)
    "大爷",
    "大妈",
    "大娘",
    "大叔",
    "大婶",
    "大姐",
    "大哥",
    "大师",  # 吴冠中大师: an honorific after a master's name
)
# offices and kin words after a full name (习近平主席, 普京总统, 宋茜姐姐). They also end common
# words (国务院总理, 国家主席, 副主席), so they count only as a word of their own, after a name of
# two or more characters
OFFICE_TITLES = frozenset(
    {
        "主席",
        "总统",
        "总理",
        "书记",
        "市长",
        "省长",
        "部长",
        "局长",
        "院长",
        "校长",
        "总裁",
        "同学",
        "导演",
        "教练",
        "姐姐",
        "哥哥",
    }
)
# posts people are addressed by with their surname alone (王院长, 李局长; not 习主席-style offices of state)
SURNAME_OFFICES = frozenset("书记 市长 省长 部长 局长 院长 校长 总裁 导演 教练".split())
# 阿袁, 老王, 小李: a prefix and a surname are a name in speech and chat
NICKNAME_PREFIXES = frozenset("阿老小")


# characters of the standard transliteration tables (约翰, 史密斯, 伊丽莎白): a foreign name written
# in Chinese is a run of them, and a full one joins its parts with a middle dot (约翰·史密斯)
TRANSLITERATION_NAME_CHARS = frozenset(
    "阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕宾波伯勃博布查达戴代丹道德登迪蒂丁东杜顿多厄恩尔法范菲费芬"
    "丰夫弗福富盖甘冈戈格哥根贡古瓜圭哈海汉豪赫亨洪胡华怀惠霍基吉加贾杰金卡凯坎康柯科克肯库夸奎拉"
    "莱兰朗劳勒雷蕾里理利莉丽连林琳娜隆卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米密明莫姆穆纳奈南内妮尼宁纽"
    "努诺欧帕派潘佩彭皮珀普齐奇恰乔切钦琼丘屈让热瑞若萨塞桑森沙莎尚舍圣施什史斯松苏索塔泰坦汤唐"
    "特滕提图托瓦万威韦维魏温沃乌伍西希锡夏谢辛休雅亚扬耶伊英尤约泽扎詹兹佐翰茨白赛丝黛娅薇蒂朵汀"
    "默朔逊摩露芙甫琴娃罕廉瑟"
)
TRANSLITERATION_RUN = "".join(sorted(TRANSLITERATION_NAME_CHARS))  # for str.strip
# a foreign name without its dot (国务卿布林肯, 特朗普总统) reads like a foreign place (莫斯科, 乌克兰)
# or a clinical eponym (帕金森, 多普勒) to jieba — all `nr`; an office or honorific beside it decides
FOREIGN_NAME_TITLES_BEFORE = frozenset(
    "总统 副总统 总理 首相 国务卿 外长 外交部长 部长 大使 主席 议员 参议员 众议员 州长 市长 国王 女王 王子 公主 "
    "先生 女士 教授 博士 球星 名将 球员 前锋 后卫 门将 主帅 主教练 教练 导演 演员 歌手 作家 创始人 发言人 夫人 CEO".split()
)
# offices of state and sport held abroad: a transliteration run right after one is the holder's name
# whatever jieba tags it (德国总理/nr 朔/j 尔茨/nrt, 英国首相/nz 苏/j 纳克/nz)
FOREIGN_OFFICES = (
    "副总统 总统 总理 首相 国务卿 外长 外交部长 国防部长 大使 参议员 众议员 州长 国王 女王 王子 公主 "
    "王储 球星 名将 主帅 主教练 发言人".split()
)
FOREIGN_NAME_TITLES_AFTER = frozenset(
    "总统 总理 首相 国务卿 外长 先生 女士 教授 博士 夫人 小姐 主席 议员".split()
)

# what a news report says a person did right after the name (萨蒂希表示, 和田洋一也透露, 伯南克称):
# a word jieba tags as a name, or a run of transliteration characters, that speaks is a person
# (a place or a brand that jieba tags `nr` does not 表示 or 透露)
SPEECH_VERBS = tuple(
    "表示 透露 指出 认为 介绍 强调 坦言 坦承 告诉 回忆 解释 建议 否认 宣布 承认 补充 提到 谈到 感慨 "
    "笑称 直言 呼吁 回应 证实 声称 说道 问道 答道 写道 说 称".split()
)
# what may stand between the name and the verb: 也, 则, 昨日, 日前 …
SPEECH_ADVERBS = tuple(
    "也 则 还 又 曾 就 都 更 已 随即 随后 昨日 昨天 今天 今日 近日 日前 当天 此前 再次 同时 首先".split()
)
