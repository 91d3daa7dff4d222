"""Chinese person names from three signals: jieba's POS tag, context words, a surname lexicon.

* statistical: the zh NLP engine tags each jieba word; `nr` is jieba's person-name tag.
* context: a name right after 患者/姓名/家属/医生/甲方/法定代表人/联系人 … or right
  before a title (张医生, 王女士, 李某).
* lexicon: the first character (or two) must be a known surname for the context
  and title rules, and raises the score of a jieba `nr` word.
"""

from __future__ import annotations

import itertools
from typing import ClassVar

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from corpuskit.stages.deid.recognizers.base import make_result

SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金"
    "石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂"
    "章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
    "解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇"
    "贲宓綦郦逄璩訾酆郇郏竺蒯仉佴邴隗郗钭赖莘濮宦庾厍乜阎桓"
    "桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠"
    "豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹"
    "诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由萧洪习"
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
_UNAMBIGUOUS_COMPOUNDS = COMPOUND_SURNAMES - {"东方", "西门", "百里", "南宫", "长孙"}
# words that join the items of a list: a name listed beside a name is a name (刘德华、张学友和郭富城)
_LIST_JOINERS = frozenset({"、", "和", "与", "及", "跟", "以及", "或", "，", ","})
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
)
# function characters never part of a given name
_FUNCTION_CHARS = frozenset("其之的了与和及或而被把将对从向在于由以为是这那此该每各某们着过吗呢吧啊")
# characters that end a surname-initial string rather than continue a name ("张某因…", "王某于…")
_STOP_CHARS = frozenset("因于在和与及的为是等诉说称将把被从向对到入出行来去后前时即自由经已也又均仍并就便")
_CONTEXT_WORDS = (
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
    # job words, so weak context: the name must read as one (see _WEAK_CONTEXT)
    "总理",
    "主席",
    "总统",
    "市长",
    "省长",
    "县长",
    "书记",
    "部长",
    "局长",
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
)
# context words that are also job titles: "医生查房" is not a name, so the word after them
# must not be tagged by jieba as a verb, adverb, preposition, conjunction, particle or locality
_WEAK_CONTEXT = frozenset(
    {"医生", "医师", "主治医师", "主任医师", "护士", "护师", "主任", "教授", "客户", "陪同"}
    | set(_CONTEXT_WORDS[_CONTEXT_WORDS.index("总理") :])
)
_NOT_NAME_TAGS = ("v", "d", "p", "c", "u", "f", "y", "e", "o", "r")
_BYLINE_NOT_NAME_TAGS = _NOT_NAME_TAGS[1:]  # a name alone between spaces may read as a verb (甘露/v)
# roles a byline or a judgment's signature block spells out before a name
_BYLINE_ROLES = frozenset(
    "记者 通讯员 审判长 审判员 书记员 代理审判员 人民陪审员 陪审员 摄影 编辑 责任编辑".split()
)
_TITLES = (
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
)
# offices and kin words after a full name (习近平主席, 普京总统, 宋茜姐姐). They also end common
# words (国务院总理, 国家主席, 副主席), so they count only as a word of their own, after a name of
# two or more characters
_OFFICE_TITLES = frozenset(
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
_SURNAME_OFFICES = frozenset("书记 市长 省长 部长 局长 院长 校长 总裁 导演 教练".split())
_HAN = regex.compile(r"\p{Han}")
# 阿袁, 老王, 小李: a prefix and a surname are a name in speech and chat
_NICKNAME_PREFIXES = frozenset("阿老小")


# characters of the standard transliteration tables (约翰, 史密斯, 伊丽莎白): a foreign name written
# in Chinese is a run of them, and a full one joins its parts with a middle dot (约翰·史密斯)
TRANSLITERATION_NAME_CHARS = frozenset(
    "阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕宾波伯勃博布查达戴代丹道德登迪蒂丁东杜顿多厄恩尔法范菲费芬"
    "丰夫弗福富盖甘冈戈格哥根贡古瓜圭哈海汉豪赫亨洪胡华怀惠霍基吉加贾杰金卡凯坎康柯科克肯库夸奎拉"
    "莱兰朗劳勒雷蕾里理利莉丽连林琳娜隆卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米密明莫姆穆纳奈南内妮尼宁纽"
    "努诺欧帕派潘佩彭皮珀普齐奇恰乔切钦琼丘屈让热瑞若萨塞桑森沙莎尚舍圣施什史斯松苏索塔泰坦汤唐"
    "特滕提图托瓦万威韦维魏温沃乌伍西希锡夏谢辛休雅亚扬耶伊英尤约泽扎詹兹佐翰茨白赛丝黛娅薇蒂朵汀"
    "默朔逊"
)
_TRANSLITERATION_RUN = "".join(sorted(TRANSLITERATION_NAME_CHARS))  # for str.strip
# a foreign name without its dot (国务卿布林肯, 特朗普总统) reads like a foreign place (莫斯科, 乌克兰)
# or a clinical eponym (帕金森, 多普勒) to jieba — all `nr`; an office or honorific beside it decides
_FOREIGN_NAME_TITLES_BEFORE = frozenset(
    "总统 副总统 总理 首相 国务卿 外长 外交部长 部长 大使 主席 议员 参议员 众议员 州长 市长 国王 女王 王子 公主 "
    "先生 女士 教授 博士 球星 名将 球员 前锋 后卫 门将 主帅 主教练 教练 导演 演员 歌手 作家 创始人 发言人 夫人 CEO".split()
)
# offices of state and sport held abroad: a transliteration run right after one is the holder's name
# whatever jieba tags it (德国总理/nr 朔/j 尔茨/nrt, 英国首相/nz 苏/j 纳克/nz)
_FOREIGN_OFFICES = (
    "副总统 总统 总理 首相 国务卿 外长 外交部长 国防部长 大使 参议员 众议员 州长 国王 女王 王子 公主 "
    "王储 球星 名将 主帅 主教练 发言人".split()
)
_FOREIGN_NAME_TITLES_AFTER = frozenset(
    "总统 总理 首相 国务卿 外长 先生 女士 教授 博士 夫人 小姐 主席 议员".split()
)


# a drug's brand name reads like a person's to jieba (安素泰, 艾奕, 甘利欣): a dose right after it, or a
# generic name's dosage form and a bracket right before it ("奥美拉唑肠溶胶囊(艾奕)40mg"), say it is not
_DOSE_AFTER = regex.compile(
    r"[)）”\"'’]?\s*\d+(?:\.\d+)?\s*(?:mg|g|ml|μg|ug|mcg|iu|u|万u|万单位|单位|片|粒|支|袋|瓶|丸|mmol)",
    regex.IGNORECASE,
)
_DRUG_FORM_BEFORE = regex.compile(
    r"(?:胶囊|注射液|注射剂|片|颗粒|口服液|粉针|混悬液|乳剂|软膏|针剂)[(（“\"]$"
)
# anatomy and findings jieba also tags `nr`: 门静脉, 阴道镜, 窦性心(律); no given name ends so
_CLINICAL_LAST_CHARS = frozenset("镜脉")
# lab tests a name never precedes: 高敏肌钙蛋白 (high-sensitivity troponin); 高敏体质 (an allergic constitution)
_ANALYTES_AFTER = ("肌钙蛋白", "C反应蛋白", "c反应蛋白", "体质")
# a drug's place in a sentence: after a verb of taking or giving (口服华法林, 否认服用“华法林”), before the
# class it belongs to (华法林抗凝治疗, 华法林等抗凝药)
_DRUG_VERB_BEFORE = regex.compile(r"(?:口服|服用|予以?|加用|停用|改用|换用|静滴|静推|含服|外用|联用)[“\"]?$")
_DRUG_CLASS_AFTER = regex.compile(
    r"[”\"]?(?:等)?(?:抗凝|抗血小板|保肝|抑酸|护胃|降压|降糖|降脂|镇痛|止痛|抗感染|抗病毒|化疗|羊膜腔)"
)
# criteria and scores named after a place or person (鹿特丹标准, Glasgow评分) name nobody in the record
_EPONYM_AFTER = ("标准", "评分", "分级", "分期", "综合征", "量表", "指数", "试验")
# drugs and herbs whose names start with a surname character: 华法林 (warfarin), 甘利欣, 利凡诺 (rivanol),
# 诺和锐 (NovoRapid), 他莫昔芬 (tamoxifen), 黄芩/黄芪/黄连 (herbs) …
_DRUG_NAMES = regex.compile(
    "华法林|甘利欣|利凡诺|诺和锐|诺和灵|他莫昔芬|来曲唑|阿那曲唑|黄芩|黄芪|黄连|黄柏|黄精|白术|白芍|白芷|柴胡|甘草|"
    "丁香|石斛|杜仲|陈皮|连翘|钩藤|党参|丹参|当归|何首乌|柏子仁|桂枝|葛根|金银花|牛黄|安宫牛黄|云南白药"
)
# 阴道炎, 宫颈炎, 关节炎: an organ's inflammation, read as surname + given name
_INFLAMMATION = regex.compile(r"[道颈腺管膜囊节肠胃肝肺肾鼻耳眼皮周体窦咽喉舌龈唇]炎$")
# roles and findings that jieba's surname reading turns into names: 原主诊(教授), 张力高
_NOT_NAME_PARTS = regex.compile(r"主诊|主治|主管|值班|^张力")
# 于 the preposition before a time of day: 患者于晨起时 (a patient named 于晨 stays one: 患者于晨，女)
_PREPOSITION_TIME = regex.compile(r"于[晨晚夜早午凌](?:起|间|时|饭|餐|练)")


# words only clinical text uses often: where one appears the name rules leave out the guesses that
# drug names and cut-short lab terms would trigger
_CLINICAL_REGISTER = regex.compile(
    r"患者|患儿|病人|入院|出院|诊断|治疗|术后|术前|化疗|放疗|复查|病史|症状|体征|检查|查体|给予|予以|口服|静滴"
    r"|[0-9]\s*(?:mg|ml|mm|cm|g/L|mmol)|肿瘤|[癌炎瘤]|血压|心率|体温|CT|MRI|B超|彩超|既往|主诉|诊治|手术|病变|病灶"
    r"|用药|药物|疗效|不良反应|受试者|入组|临床|转氨酶|胆红素|肝功能|肾功能"
)


def clinical_term(text: str, start: int, end: int) -> bool:
    """True when text[start:end], shaped like a name, is a drug, an anatomical term or a test prefix."""
    word = text[start:end]
    return bool(
        _DOSE_AFTER.match(text, end)
        or _DRUG_FORM_BEFORE.search(text, max(0, start - 6), start)
        or _DRUG_VERB_BEFORE.search(text, max(0, start - 4), start)
        or _DRUG_CLASS_AFTER.match(text, end)
        or text[end - 1] in _CLINICAL_LAST_CHARS
        or text.startswith("性", start + 1)  # 窦性心动过速, 良性: an adjective, no given name
        or (text.startswith("律", end) and not text.startswith("律师", end))
        or text.startswith(_ANALYTES_AFTER, end)
        or text.startswith(_EPONYM_AFTER, end)
        or _INFLAMMATION.search(word)
        or _NOT_NAME_PARTS.search(word)
        or _PREPOSITION_TIME.match(text, start)
        or any(
            m.start() < end and start < m.end()
            for m in _DRUG_NAMES.finditer(text, max(0, start - 4), end + 4)
        )
    )


def _beside_name(text: str, start: int, end: int, named: set[tuple[int, int]]) -> bool:
    """True when a found name follows text[start:end] after a list joiner, or precedes it before one,
    and the run is a word of its own (氯吡格雷、华法林: 格雷 ends a drug name)."""
    if start and _HAN.match(text[start - 1]) and text[start - 1] not in _LIST_JOINERS:
        return False
    for joiner in _LIST_JOINERS:
        after, before = end + len(joiner), start - len(joiner)
        if text.startswith(joiner, end) and any(s == after for s, _ in named):
            return True
        if before >= 0 and text.startswith(joiner, before) and any(e == before for _, e in named):
            return True
    return False


def foreign_name_runs(tokens: list) -> list[tuple[int, int, bool]]:
    """Runs of adjacent `nr` words written in transliteration characters (布/nr 林肯/nr): (start, end,
    titled), titled when an office or honorific word stands right before or after the run."""
    out = []
    i = 0
    while i < len(tokens):
        j = i
        while (
            j < len(tokens)
            and tokens[j].tag_.startswith("nr")
            and all(c in TRANSLITERATION_NAME_CHARS for c in tokens[j].text)
            and (j == i or tokens[j].idx == tokens[j - 1].idx + len(tokens[j - 1].text))
        ):
            j += 1
        if j == i:
            i += 1
            continue
        start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1].text)
        before = tokens[i - 1].text if i > 0 else ""
        after = tokens[j].text if j < len(tokens) else ""
        if 2 <= end - start <= 8:
            titled = before in _FOREIGN_NAME_TITLES_BEFORE or after in _FOREIGN_NAME_TITLES_AFTER
            out.append((start, end, titled))
        i = j
    return out


_NAME_DOTS = "·・•．‧･"


def transliterated_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The dotted foreign name inside text[start:end] (Han runs joined by middle dots), or None.

    The first run keeps its trailing transliteration characters and the last its leading ones
    (甲方代表约翰·史密斯签字 → 约翰·史密斯); runs in between must be transliteration throughout.
    """
    parts = regex.split(f"[{_NAME_DOTS}]", text[start:end])
    first, last = parts[0], parts[-1]
    head = len(first) - len(first.rstrip(_TRANSLITERATION_RUN))
    tail = len(last) - len(last.lstrip(_TRANSLITERATION_RUN))
    if not head or not tail or any(c not in TRANSLITERATION_NAME_CHARS for p in parts[1:-1] for c in p):
        return None
    return start + len(first) - head, end - len(last) + tail


# name characters whose doubled form is mostly an adverb or adjective (明明, 刚刚, 平平, 静静地)
_NOT_DOUBLED_NAME = frozenset(
    "明刚平天常渐慢轻微稍红亮高大小好快多少早晚远深浅淡细白青绿紫蓝金银冰清静光新正良和宝心星隆朗旺"
)


def is_doubled_name(text: str, start: int) -> bool:
    """A doubled name character at `start` is what friends and family call someone (圆圆, 佳佳, 超超);
    not when it is part of a longer run or of an AABB word (开开心心, 林林总总), or ends in 的/地/得."""
    c = text[start]
    before, after = text[max(0, start - 2) : start], text[start + 2 : start + 4]
    return (
        text[start + 1 : start + 2] == c
        and c in GIVEN_NAME_CHARS
        and c not in _NOT_DOUBLED_NAME
        and not before.endswith(c)
        and not after.startswith(c)
        and not (len(before) == 2 and before[0] == before[1])
        and not (len(after) == 2 and after[0] == after[1])
        and not after.startswith(("的", "地", "得"))
    )


def is_nickname(word: str, any_surname: bool = False) -> bool:
    """阿/老/小 + one of the frequent surnames (阿袁, 老刘, 小陈), or any surname (老耿) when jieba
    already read the pair as one name word."""
    return (
        len(word) == 2
        and word[0] in _NICKNAME_PREFIXES
        and word[1] in (SINGLE_SURNAMES if any_surname else TOP_SURNAMES)
        and word not in _NOT_NICKNAMES
    )


_NOT_NICKNAMES = frozenset("老公 阿公 老师 小师 老乡 老板 老总 老家 小区".split())  # jieba tags 老公 `nr`


def surname_then_given(text: str, start: int, end: int, word_ends: dict, word_tags: dict) -> bool:
    """True when text[start:end] is a two-character word of given-name characters right after a
    surname jieba left alone (武/n 振国/ns 同志): the three are one name."""
    before = start - 1
    return (
        end - start == 2
        and before >= 0
        and word_ends.get(before) == start
        and text[before] in SINGLE_SURNAMES
        and not word_tags[before].startswith(_NOT_NAME_TAGS)
        and all(c in GIVEN_NAME_CHARS for c in text[start:end])
    )


def is_pet_name(word: str) -> bool:
    """小雅, 阿芳, 小宝: 小/阿 and one given-name character — a child's or a family name for someone."""
    return len(word) == 2 and word[0] in "小阿" and word[1] in GIVEN_NAME_CHARS


def surname_length(s: str) -> int:
    """Length of the surname `s` starts with (2 for 欧阳, 1 for 王), 0 when none."""
    if s[:2] in COMPOUND_SURNAMES:
        return 2
    return 1 if s[:1] in SINGLE_SURNAMES else 0


_KIN_WORDS = frozenset(
    "孙子 孙女 外孙 外孙女 儿子 女儿 侄子 侄女 外甥 外甥女 姑姑 叔叔 舅舅 姨妈 姑妈 舅妈 婶婶 "
    "师兄 师姐 师弟 师妹 师傅 师父 师母".split()
)


def nr_word_score(word: str, text: str, end: int) -> float:
    """Score for a word read as a name: high when it is surname + name characters.

    Two-character words need a frequent surname: jieba's dictionary tags many
    ordinary words `nr` (白云, 祝福), and they share the shape of real names (王菲).
    """
    if end < len(text) and text[end] in "氏":
        return 0.0  # 麦氏点, 巴氏征: eponyms, not people
    if word in _KIN_WORDS:
        return 0.0  # 孙子/nr 孙女/nr: jieba's dictionary tags kin words as names
    sl = surname_length(word)
    given = word[sl:]
    if not sl or not given or len(given) > 2 or word[0] == "左":
        return 0.3  # 左 is a surname, but in a note jieba's 左小腿/nr is a left calf
    if any(c in _FUNCTION_CHARS for c in given):
        return 0.0  # 由其子, 于是: a surname character followed by grammar, not a given name
    hits = sum(c in GIVEN_NAME_CHARS for c in given)
    if hits < len(given):
        return 0.5 if hits else 0.3
    if len(word) == 2 and word[0] not in TOP_SURNAMES:
        return 0.3
    return 0.75


def known_full_name(word: str, tag: str) -> bool:
    """A three-character word jieba's dictionary itself calls a name (`nr`), starting with a frequent
    surname: 张三丰, 李小龙 — right after 患者 or 家属 that is a person whatever the given characters."""
    return tag.startswith("nr") and len(word) == 3 and word[0] in TOP_SURNAMES and surname_length(word) == 1


# characters of transliterated drug and eponym names (杜密克, 舒普深, 柯萨奇, 苗勒氏): jieba's HMM
# tags such unknown words as names just as readily as real ones
_TRANSLITERATION_CHARS = frozenset(
    "氏克尼萨奇普斯德尔卡特拉诺西蒙停密深韦罗洛铂吉奥沙坦唑嗪汀芬酮胺素霉酯钠钾"
)


def is_unknown_full_name(word: str, text: str, end: int) -> bool:
    """Surname + two given characters jieba has never seen as a word (周苏飘, 李园园, 赵小晚).

    jieba's dictionary tags many known clinical words `nr` (白蛋白, 安全性, 陈旧性), so only an
    out-of-vocabulary word that its HMM read as a name counts, and not one that reads as a
    transliteration or starts with 左 (left, in a clinical note: 左大隐, 左卡尼).
    """
    return (
        len(word) == 3
        and surname_length(word) == 1
        and word[0] != "左"
        and not any(c in _FUNCTION_CHARS or c in _STOP_CHARS or c in _TRANSLITERATION_CHARS for c in word[1:])
        and nr_word_score(word, text, end) > 0
        and out_of_vocabulary(word)
    )


def is_unknown_short_name(word: str) -> bool:
    """Surname + one character, as a word jieba has never seen (易昭, 夏邦)."""
    return (
        len(word) == 2
        and word[0] in SINGLE_SURNAMES
        and word[1] not in _FUNCTION_CHARS
        and word[1] not in _STOP_CHARS
        and word[1] not in _TRANSLITERATION_CHARS
        and out_of_vocabulary(word)
    )


def is_unknown_given_name(word: str) -> bool:
    """Two given-name characters, as a word jieba has never seen: a given name used alone (嘉欣, 雪莹)."""
    return len(word) == 2 and all(c in GIVEN_NAME_CHARS for c in word) and out_of_vocabulary(word)


def out_of_vocabulary(word: str) -> bool:
    """True when jieba's dictionary does not know the word: unknown names are out of vocabulary."""
    import jieba

    return not jieba.dt.FREQ.get(word)


# verbs that follow a name in records and start with a character names also use: "李明代诉" is 李明
# who narrates (代诉), "王芳陪同" 王芳 who accompanies; a greedy given name must give the character back
_VERBS_AFTER_NAME = frozenset(
    "代诉 代述 代为 代签 代领 陪同 陪护 提供 签字 签名 同意 拒绝 要求 表示 告知 知情 口述 自述 述说 诉说 送来 送至".split()
)


def give_back_verb(text: str, start: int, end: int) -> int:
    """`end`, one character shorter when the name's last character starts one of those verbs
    (never below surname + one given character)."""
    if (
        end - start - surname_length(text[start : start + 2]) >= 2
        and text[end - 1 : end + 1] in _VERBS_AFTER_NAME
    ):
        return end - 1
    return end


def name_at(text: str, start: int, word_end: int | None = None, stray_after: bool = False) -> int:
    """End of a plausible full name starting at `start` (surname + 1–2 given characters), or `start`.

    `word_end` is the end of the jieba word starting there, when known: a 2–4
    character word that starts with a surname is taken whole. `stray_after`: jieba left the
    character after that word alone (林佩/nr 珊/n 陪同, 张家/nr 豪/n （): a surname and one
    character followed by a stray one is a three-character name cut in two.
    """
    sl = surname_length(text[start : start + 2])
    if not sl:
        return start
    if word_end is not None and 2 <= word_end - start <= 4 and word_end - start > sl:
        if (
            stray_after
            and word_end - start == sl + 1
            and word_end < len(text)
            and _HAN.match(text[word_end])
            and text[word_end] not in _STOP_CHARS
            and text[word_end] not in _FUNCTION_CHARS
        ):
            return word_end + 1
        return word_end
    end = start + sl
    for _ in range(2):
        if end < len(text) and _HAN.match(text[end]) and text[end] not in _STOP_CHARS:
            end += 1
        else:
            break
    return give_back_verb(text, start, end) if end > start + sl else start


class ZhPersonNameRecognizer(LocalRecognizer):
    """Chinese person names; needs the zh NLP engine's jieba tags (`token.tag_ == "nr"`)."""

    ENTITY: ClassVar[str] = "PERSON"
    LANGUAGES: ClassVar[tuple[str, ...]] = ("zh",)
    _context_re = regex.compile(
        r"(?:" + "|".join(sorted(_CONTEXT_WORDS, key=len, reverse=True)) + r")[:：\s]*"
    )
    # forms and résumés space a label out to the width of the column: "姓    名：", "联 系 人："
    _spaced_label_re = regex.compile(
        r"(?:"
        + "|".join(
            r"[ \t\u3000]+".join(w) for w in sorted(_CONTEXT_WORDS, key=len, reverse=True) if 2 <= len(w) <= 4
        )
        + r")[ \t\u3000]*[:：][ \t\u3000]*"
    )
    # a byline or a signature block puts a role word, spaces, a name and spaces in a row:
    # "（记者 骆家辉 通讯员 甘露）", "审判员 邬佳琪"
    _byline_re = regex.compile(
        r"(?<=^|[\s（(【\[])("
        + "|".join(sorted({*_CONTEXT_WORDS, *_BYLINE_ROLES}, key=len, reverse=True))
        + r")[ \t\u3000]+(\p{Han}{2,4})(?=[ \t\u3000]*(?:$|[\r\n）)】\]，,；;])|[ \t\u3000]+)",
        regex.MULTILINE,
    )
    # "接诊医生为施敏。", "联系人是王芳，": a role, 为/是 and a name that ends the clause
    _copula_re = regex.compile(
        r"("
        + "|".join(sorted({*_CONTEXT_WORDS, *_BYLINE_ROLES}, key=len, reverse=True))
        + r")(?:为|是)(\p{Han}{2,4})(?=$|[\s，,。；;、）)！!？?])",
        regex.MULTILINE,
    )
    # "一位姓何的先生", "姓王，叫…": the surname alone narrows down who it is
    _surname_said_re = regex.compile(
        r"(?<=(?<!百)姓)(?:"
        + "|".join(sorted(COMPOUND_SURNAMES, key=len, reverse=True))
        + rf"|[{''.join(sorted(SINGLE_SURNAMES))}])"
        + r"(?=的|[，,。、；;]|先生|女士|小姐|师傅|老师|医生|护士|男子|女子|男|女)"
    )
    _labelled_value_re = regex.compile(r"\p{Han}{2,3}(?=$|[\s，,。；;、）)|])", regex.MULTILINE)
    _office_foreign_re = regex.compile(
        r"(?:"
        + "|".join(sorted(_FOREIGN_OFFICES, key=len, reverse=True))
        + rf")([{_TRANSLITERATION_RUN}]{{2,6}})(?![{_TRANSLITERATION_RUN}])"
    )
    _doubled_re = regex.compile(r"(\p{Han})\1")
    _dotted_re = regex.compile(rf"\p{{Han}}{{1,6}}(?:[{_NAME_DOTS}]\p{{Han}}{{1,6}}){{1,3}}")
    _handle_re = regex.compile(r"(?<=@)[\p{Han}A-Za-z0-9_-]{2,20}")
    _title_re = regex.compile(
        r"(?:" + "|".join(sorted({*_TITLES, *_OFFICE_TITLES}, key=len, reverse=True)) + r")"
    )
    _cell_re = regex.compile(
        r"(?<=^|[\t，、,;；：:（(|])\p{Han}{2,4}(?=$|[\t，、,;；。)）|])", regex.MULTILINE
    )

    def __init__(self, supported_language: str | None = None):
        super().__init__(
            supported_entities=[self.ENTITY],
            name=type(self).__name__,
            supported_language=supported_language or "zh",
        )
        # no Presidio context list: context is one of this recognizer's own signals, and a
        # second boost from Presidio would lift every jieba `nr` guess next to 医生 to 1.0

    def load(self) -> None:
        """Nothing to load: the lexicon is in code, the tags come with the NLP artifacts."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        found: dict[tuple[int, int], float] = {}
        word_ends: dict[int, int] = {}

        word_tags: dict[int, str] = {}

        def add(start: int, end: int, score: float, min_len: int = 2) -> None:
            if end - start >= min_len and found.get((start, end), 0) < score:
                found[(start, end)] = score

        tokens = nlp_artifacts.tokens if nlp_artifacts is not None else []
        clinical_register = _CLINICAL_REGISTER.search(text) is not None
        for tok, nxt in itertools.pairwise(tokens):
            # jieba tags a lone surname `nr` when it cannot place the given name it precedes
            # (刘/nr 心车/n, 杨/nr 天宁/ns): the surname and the next short word read as one name
            end = tok.idx + 1
            if (
                len(tok.text) == 1
                and tok.tag_.startswith("nr")
                and tok.text in SINGLE_SURNAMES
                and nxt.idx == end
                and 1 <= len(nxt.text) <= 2
                and _HAN.fullmatch(nxt.text[0])
                and not nxt.tag_.startswith(_NOT_NAME_TAGS + ("m", "q", "x", "nr"))
            ):
                name_end = give_back_verb(text, tok.idx, end + len(nxt.text))  # 李/nr 明代/t 诉: 李明
                if nr_word_score(text[tok.idx : name_end], text, name_end) >= 0.75:
                    # only when every given-name character is a common one: 叶/nr 炎症, 窦/nr 丰富
                    # in a clinical note are a lobe and a sinus, not people
                    add(tok.idx, name_end, 0.6)
            if (
                tok.text in _UNAMBIGUOUS_COMPOUNDS
                and nxt.idx == tok.idx + 2
                and 1 <= len(nxt.text) <= 2
                and (nxt.tag_.startswith("nr") or all(c in GIVEN_NAME_CHARS for c in nxt.text))
            ):
                add(tok.idx, nxt.idx + len(nxt.text), 0.6)  # 欧阳/ns 娜娜/nrt, 司马/nr 南
            if is_nickname(tok.text + nxt.text) and nxt.idx == end and nxt.tag_.startswith("nr"):
                add(tok.idx, end + 1, 0.6)  # 老/a 刘/nr, 小/a 陈/nr: how colleagues and friends are called
        for tok in tokens:
            if is_nickname(tok.text, any_surname=True) and tok.tag_.startswith("nr"):
                add(tok.idx, tok.idx + 2, 0.6)  # 阿袁, 小高, 老谢 as one `nr` word (小叶 is `n`: a lobule)
            word_ends[tok.idx] = tok.idx + len(tok.text)
            word_tags[tok.idx] = tok.tag_
            if 2 <= len(tok.text) <= 4 and _HAN.match(tok.text):
                end = tok.idx + len(tok.text)
                if tok.tag_.startswith("nr"):
                    add(tok.idx, end, nr_word_score(tok.text, text, end))
                    if is_unknown_full_name(tok.text, text, end):
                        add(tok.idx, end, 0.6)
                    if not clinical_register and (
                        is_unknown_short_name(tok.text) or is_unknown_given_name(tok.text)
                    ):
                        # 易昭, 苏歆, 刘同, 嘉欣: outside clinical text a two-character word jieba's HMM made
                        # up and called a name is one (in a note it is as often a drug or 谷丙转氨酶 cut short)
                        add(tok.idx, end, 0.5)
                elif (
                    len(tok.text) <= 3
                    and not tok.tag_.startswith(_NOT_NAME_TAGS + ("nt", "ns"))
                    and out_of_vocabulary(tok.text)
                ):
                    # jieba's HMM made a new word it has never seen that reads as surname + given name
                    add(tok.idx, end, min(nr_word_score(tok.text, text, end), 0.6))
        for m in self._doubled_re.finditer(text, overlapped=True):
            tag = word_tags.get(m.start())  # None: the pair straddles two words (中国/国家)
            if tag and is_doubled_name(text, m.start()) and not tag.startswith(("d", "z", "t", "v", "m")):
                add(m.start(), m.end(), 0.5)
        foreign = foreign_name_runs(tokens)
        for start, end, titled in foreign:
            if titled:
                add(start, end, 0.6)  # 国务卿布林肯, 特朗普总统
        for m in self._office_foreign_re.finditer(text):
            add(m.start(1), m.end(1), 0.6)
        for m in self._dotted_re.finditer(text):
            span = transliterated_name(text, m.start(), m.end())
            if span:
                add(*span, 0.6, min_len=3)
        for m in self._handle_re.finditer(text):
            add(m.start(), m.end(), 0.6)  # @handles and //@name: reposts name people on social media
        # overlapped: "由其妻子孙美华" holds 其妻 and 妻子; the longer context must get its turn too
        for m in self._context_re.finditer(text, overlapped=True):
            word = m.group().rstrip(":： \t\n")
            # "姓名：张三", "姓名 张三" — a field label, not running text; a job title and a space
            # ("上级医师 查房") are not a label without the colon
            tail = m.group()[len(word) :]
            labelled = any(c in tail for c in ":：") or (bool(tail) and word not in _WEAK_CONTEXT)
            tag = word_tags.get(m.end(), "n")
            we = word_ends.get(m.end())
            if (
                we == m.end() + 1
                and text[m.end()] in SINGLE_SURNAMES
                and word_tags.get(we, "").startswith("nr")
            ):
                tag = (
                    "nr"  # 儿子谢/v 志远/nrfg: jieba read the surname as a verb and the given name as a name
                )
            elif tag.startswith("nr") and we is not None and is_pet_name(text[m.end() : we]):
                add(m.end(), we, 0.6)  # 外孙女小雅, 老伴阿芳: what the family calls them
                continue
            elif we == m.end() + 2 and is_doubled_name(text, m.end()) and not tag.startswith(_NOT_NAME_TAGS):
                add(m.end(), we, 0.6)  # 表妹婷婷/z: a doubled name right after kin
                continue
            if not labelled and tag.startswith(_NOT_NAME_TAGS):
                continue  # 甲方支付, 乙方应于, 甲方以: the role word is the subject of a verb
            stray = (
                we is not None
                and word_ends.get(we) == we + 1
                and not word_tags.get(we, "x").startswith(_NOT_NAME_TAGS + ("m", "q", "x"))
            )
            end = name_at(text, m.end(), we, stray)
            if labelled and end == m.end():
                # a rare surname the lexicon lacks (审核医师：滑蕾): a labelled value of two or three
                # characters that jieba has never seen as a word is a name all the same
                value = self._labelled_value_re.match(text, m.end())
                if (
                    value
                    and len(set(value.group())) > 1  # 主持人:哈哈哈
                    and not tag.startswith(_NOT_NAME_TAGS + ("m", "q", "x"))
                    and out_of_vocabulary(value.group())
                ):
                    add(m.end(), value.end(), 0.6)
                continue
            if len(set(text[m.end() : end])) == 1:
                continue  # 主持人:哈哈哈 — laughter, whatever 哈 is as a surname
            if not labelled and word in _WEAK_CONTEXT and not tag.startswith("nr"):
                if nr_word_score(text[m.end() : end], text, end) < 0.75:
                    continue  # 医生查房; but 医师孙立新 (frequent surname + name characters) stays
            if (
                not labelled
                and nr_word_score(text[m.end() : end], text, end) < 0.5
                and not known_full_name(text[m.end() : end], tag)
            ):
                continue  # 签字盖章, 乙方向甲方: the next word starts with a surname but reads as no name
            add(m.end(), end, 0.85 if labelled or tag.startswith("nr") else 0.6)
        for m in self._spaced_label_re.finditer(text):
            add(m.end(), name_at(text, m.end(), word_ends.get(m.end())), 0.85)
        for m in itertools.chain(self._byline_re.finditer(text), self._copula_re.finditer(text)):
            role, name = m.group(1), m.group(2)
            sl = surname_length(name)
            if (
                sl
                and len(name) > sl
                # 甘露/v is a name in a byline; 上级医师 查房/v is a ward round
                and not word_tags.get(m.start(2), "n").startswith(_BYLINE_NOT_NAME_TAGS)
                and (
                    role in _BYLINE_ROLES
                    or word_tags.get(m.start(2), "n").startswith("nr")
                    or all(c in GIVEN_NAME_CHARS for c in name[sl:])  # 施敏, not 公司
                    or (len(name) >= 3 and out_of_vocabulary(name))  # not 查房记录
                )
            ):
                add(m.start(2), m.end(2), 0.6)
        for m in self._cell_re.finditer(text):
            # a short name alone in a table cell or list item: \t徐丽丽\t, 、王五、
            if surname_length(m.group()) and all(
                c in GIVEN_NAME_CHARS for c in m.group()[surname_length(m.group()) :]
            ):
                add(m.start(), m.end(), 0.6)
        for m in self._title_re.finditer(text):
            # the surname (and up to two given characters) just before a title: 张医生, 王某某, 李建国主任
            office = m.group() in _OFFICE_TITLES
            if office and m.start() not in word_ends:
                continue  # 国务院总理, 副主席: the title is the tail of another word
            # the jieba word that ends where the title starts, if it began at most 4 characters before
            starts = range(max(0, m.start() - 4), m.start())
            word_start = next((i for i in starts if word_ends.get(i) == m.start()), None)
            if m.start() not in word_ends and any(
                word_ends.get(s, 0) > m.start()
                and not word_tags[s].startswith("nr")
                and not out_of_vocabulary(text[s : word_ends[s]])
                for s in range(max(0, m.start() - 3), m.start())
            ):
                continue  # 班主任, 护士长: the title is the tail of a common word
            if (
                word_start is not None
                and m.start() - word_start >= 2
                and not word_tags[word_start].startswith("nr")
                and not out_of_vocabulary(text[word_start : m.start()])
                and not surname_then_given(text, word_start, m.start(), word_ends, word_tags)
            ):
                continue  # 公司经理, 公司老板: a known common word before the title, not a name
            lengths = [n for n in ((3, 2) if office else (3, 2, 1)) if m.start() - n >= 0]
            if office and m.group() in _SURNAME_OFFICES and word_ends.get(m.start() - 1) == m.start():
                lengths.append(
                    1
                )  # 宋/院长, 李/局长: a surname alone before a post is how staff are addressed
            # a name starts where a jieba word starts when one can (邻居/王/大妈: 王, not 居王)
            lengths.sort(key=lambda n: (m.start() - n) not in word_ends)
            for length in lengths:
                start = m.start() - length
                first_end = word_ends.get(start, start)
                if (
                    first_end - start >= 2
                    and first_end < m.start()
                    and not word_tags[start].startswith("nr")
                    and not out_of_vocabulary(text[start:first_end])
                ):
                    continue  # 全部/给/大爷: the candidate opens with a common word, not a surname
                if surname_length(text[start : start + 2]) and all(
                    _HAN.match(c) and c not in _STOP_CHARS for c in text[start : m.start()]
                ):
                    add(
                        start,
                        m.start() + (len(m.group()) if m.group().startswith("某") else 0),
                        0.6,
                        min_len=1,
                    )
                    break
        for m in self._surname_said_re.finditer(text):
            add(m.start(), m.end(), 0.6, min_len=1)
        self._names_in_lists(tokens, found, add)
        # 辛立伟、房子/豪: a list item jieba cut into a dictionary word and a stray character is a
        # three-character name when it reads as one and a word starts right after it
        named_ends = {e for (s, e), score in found.items() if score >= 0.5}
        for tok in tokens:
            start = tok.idx + 1
            item = text[start : start + 3]
            if (
                tok.text == "、"
                and tok.idx in named_ends
                and len(item) == 3
                and surname_length(item) == 1
                and all(c in GIVEN_NAME_CHARS for c in item[1:])
                and (start + 3 in word_ends or start + 3 == len(text))
                and start in word_ends
            ):
                add(start, start + 3, 0.5)
        # 克林顿和叶利钦: a foreign name joined to a found name by 和/与/、 is one too
        named = {(s, e) for (s, e), score in found.items() if score >= 0.5}
        for start, end, _titled in foreign:
            if _beside_name(text, start, end, named):
                add(start, end, 0.6)
        return [
            make_result(self, self.ENTITY, s, e, score)
            for (s, e), score in found.items()
            if not clinical_term(text, s, e)
        ]

    @staticmethod
    def _names_in_lists(tokens: list, found: dict[tuple[int, int], float], add) -> None:
        """A word listed right beside a found name (、 ， 和 与 及) is a name too when it reads as one:
        2–3 characters, a surname first, and jieba either tags it `nr` or has never seen it
        (刘德华、张学友和郭富城: 学友 holds no common given-name character, so alone it scores low)."""
        named_ends = {e for (s, e), score in found.items() if score >= 0.5}
        named_starts = {s for (s, e), score in found.items() if score >= 0.5}

        def candidate(tok) -> bool:
            word = tok.text
            return (
                2 <= len(word) <= 3
                and word not in _KIN_WORDS
                and surname_length(word) > 0
                and all(_HAN.match(c) and c not in _FUNCTION_CHARS and c not in _STOP_CHARS for c in word)
                and (
                    tok.tag_.startswith("nr")
                    or (not tok.tag_.startswith(_NOT_NAME_TAGS) and out_of_vocabulary(word))
                )
            )

        for _ in range(2):  # twice: a name found this way can vouch for the next item of the list
            for left, joiner, right in zip(tokens, tokens[1:], tokens[2:]):
                if joiner.text not in _LIST_JOINERS:
                    continue
                left_end, right_start = left.idx + len(left.text), right.idx
                if (
                    left_end in named_ends
                    and candidate(right)
                    and right_start == joiner.idx + len(joiner.text)
                ):
                    add(right_start, right_start + len(right.text), 0.5)
                    named_starts.add(right_start)
                    named_ends.add(right_start + len(right.text))
                if right_start in named_starts and candidate(left) and left_end == joiner.idx:
                    add(left.idx, left_end, 0.5)
                    named_starts.add(left.idx)
                    named_ends.add(left_end)
