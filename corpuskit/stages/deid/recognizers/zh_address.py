"""Chinese addresses and place names.

Three signals: a value after an address label (住址：…), a chain of
administrative or street units (…省…市…区…路12号3栋502室), and a gazetteer of
provinces and large cities for bare place names (LOCATION).
"""

from __future__ import annotations

import regex

from corpuskit.stages.deid.recognizers.base import TablePatternRecognizer

_HAN = r"\p{Han}"
_ADMIN = r"(?:省|自治区|特别行政区|市|自治州|地区|盟|区|县|旗|镇|乡|街道|村|社区)"
_STREET = r"(?:路|街|大道|大街|道|巷|弄|胡同|里|村|组|屯)"
_NUMBERED = r"(?:号院|号楼|号|栋|幢|座|单元|层|楼|室|户|弄|组)"
_NUM = r"(?:\d{1,5}|[一二三四五六七八九十百零〇]{1,4})"
# a bare room number after a building or entrance: 3号楼2单元501, 5栋1201
_UNIT_NUMBERS = rf"(?:[-－—]?{_NUM}{_NUMBERED})+(?:(?<=单元|栋|幢|座|楼)\d{{2,4}}(?![\d.]))?"
# what a street's own name is written with: not grammar (回家的路, 走了一路, 他的心路) nor the words of a
# way in general (前面的路口, 中途, 半路, 十字路口)
_STREET_NAME_CHAR = r"[^\P{Han}的了着过地得各一这那此该本其他她我你们条半心途前后回去来走尾十字高速步行快车]"
_ESTATE = r"(?:小区|花园|新村|公寓|大厦|广场|家园|苑|府|城|园|里|庄|坊)"  # 坊: 固戍二坊 in 深圳's villages

PROVINCES = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 "
    "云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门"
).split()
CITIES = (
    "广州 深圳 南京 杭州 武汉 成都 西安 沈阳 长沙 郑州 济南 青岛 大连 宁波 厦门 苏州 无锡 福州 合肥 南昌 昆明 贵阳 南宁 "
    "太原 石家庄 哈尔滨 长春 兰州 西宁 银川 乌鲁木齐 拉萨 呼和浩特 海口 三亚 珠海 佛山 东莞 温州 绍兴 嘉兴 常州 徐州 "
    "南通 扬州 烟台 潍坊 临沂 洛阳 唐山 保定 邯郸 秦皇岛 大同 包头 鞍山 吉林 齐齐哈尔 大庆 芜湖 泉州 漳州 九江 赣州 "
    "宜昌 襄阳 岳阳 株洲 湘潭 衡阳 汕头 湛江 江门 惠州 中山 桂林 柳州 绵阳 宜宾 遵义 曲靖 宝鸡 咸阳 天水"
).split()


class ZhAddressRecognizer(TablePatternRecognizer):
    """Addresses: labelled values, administrative chains and street + number chains."""

    ENTITY = "ADDRESS"
    LANGUAGES = ("zh",)
    _LABELS = (
        "住址",
        "地址",
        "现住址",
        "家庭住址",
        "现住",
        "家住",
        "住在",
        "居住地",
        "居住于",
        "户籍地",
        "户籍所在地",
        "户口所在地",
        "联系地址",
        "通讯地址",
        "通信地址",
        "住所",
        "住所地",
        "注册地址",
        "经营地址",
        "收货地址",
        "送达地址",
        "工作单位地址",
        "现居住地",
        "现居",
        "邮寄地址",
        "寄往",
        "寄至",
    )
    # where something happens or is signed (contracts, notices, police reports): only with a colon,
    # since 地点 is also a word of running text (默默地点上一根烟)
    _PLACE_LABELS = (
        "地点",
        "签订地点",
        "履行地点",
        "交货地点",
        "活动地点",
        "会议地点",
        "举办地点",
        "事发地点",
        "案发地点",
    )
    PATTERNS = [
        # value after a label, up to punctuation or a line end; not IP地址 / 邮件地址 / 网址
        (
            "labelled",
            r"(?<=(?<![A-Za-z]|邮件|邮箱|电子|网站|网络|链接)(?:" + "|".join(_LABELS) + r")[:：\s]*)"
            r"[^\s，。；,;:：()（）\n]{2,45}",
            0.85,
        ),
        # 2+ administrative units, optionally followed by street/estate/number parts
        (
            "admin_chain",
            rf"(?:{_HAN}{{1,7}}?{_ADMIN}){{2,5}}(?:{_HAN}{{1,8}}?{_STREET})?(?:{_HAN}{{1,8}}?{_ESTATE})?"
            rf"(?:{_UNIT_NUMBERS})?",
            0.6,
        ),
        # street with a house number, optional estate and unit numbers
        (
            "street_number",
            rf"(?:{_HAN}{{1,7}}?{_ADMIN}){{0,4}}{_HAN}{{1,8}}?{_STREET}{_NUM}(?:号院|号|弄)"
            rf"(?:{_HAN}{{1,8}}?{_ESTATE})?(?:{_UNIT_NUMBERS})?",
            0.8,
        ),
        (
            "place_labelled",
            r"(?<=(?:" + "|".join(_PLACE_LABELS) + r")[ \t]*[:：][ \t]*)[^\s，。；,;:：()（）\n]{2,45}",
            0.7,
        ),
        ("postcode", r"(?<=(?:邮编|邮政编码)[:：\s]*)\d{6}(?!\d)", 0.85),
        # two streets and the crossing between them: 玉林北路与芳草街交叉口
        (
            "intersection",
            rf"(?:{_HAN}{{1,7}}?{_ADMIN}){{0,4}}{_HAN}{{1,8}}?{_STREET}[与和、]{_HAN}{{1,8}}?{_STREET}"
            r"(?:交叉口|交汇处|十字路口|路口|交界处)",
            0.7,
        ),
        # a named street on its own after a word of place or movement: 沿上南路, 经过国展路, 到汾江中路
        (
            "street_named",
            rf"(?<=(?:沿着?|经过|途经|位于|地处|坐落于|驶入|拐进|拐入|进入|搬到|到|在|至|往|从))"
            rf"(?:{_HAN}{{1,6}}?(?:区|县|市|镇))?{_STREET_NAME_CHAR}{{1,5}}?[东南西北中]?(?:大道|大街|路|街|巷|胡同)"
            # not when the street word starts another word: 路过, 路线, 街头
            r"(?!过|线|面|人|费|程|径|由|灯|况|标|牌|演|子|道|头|坊|景|舞|区)",
            0.6,
        ),
        # a numbered street, as foreign cities number them: 62号大街, 第五大道
        ("street_numbered", r"(?:\d{1,3}号|第[一二三四五六七八九十]{1,3})(?:大街|大道|街)", 0.6),
        # a district, county or town and a named building or estate in it: 朝阳区尚都国际大厦
        (
            "admin_landmark",
            rf"{_HAN}{{1,6}}?(?:区|县|镇){_HAN}{{2,8}}?(?:大厦|广场|购物中心|商场|大楼|写字楼|大酒店|酒店|花园|小区|公寓|家园|新村)",
            0.6,
        ),
        # estate + building/room numbers: 阳光花园3栋502室
        (
            "estate_units",
            rf"{_HAN}{{2,8}}?{_ESTATE}(?:{_NUM}(?:号楼|栋|幢|座|单元|室|号)){{1,4}}(?:(?<=单元|栋|幢|座|楼)\d{{2,4}}(?![\d.]))?",
            0.7,
        ),
    ]
    CONTEXT = ["住址", "地址", "住", "户籍", "籍贯", "居住"]
    # regex matches start as far left as they can, so "他在建国路88号" comes with "他在". No `^`:
    # `match(text, pos)` anchors at pos already, and `^` would only hold at the start of the text
    _LEAD = regex.compile(
        r"\p{Han}{0,3}?(?:坐落于|坐落在|住在|位于|来自|送至|前往|返回|寄往|寄至|现居|在|至|于|到|往|从|自(?!治)|向|是|住|居)"
    )

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for r in results:
            # again after a cut: 迁居至天津市 loses 迁居 (住/居 is a lead word) and then 至
            while (m := self._LEAD.match(text, r.start, r.end)) and r.end - m.end() >= 4:
                r.start = m.end()
        return results

    # what 家住/现住 are followed by when no address is given: 家住农村, 现住本地
    _NO_ADDRESS = frozenset(
        "农村 本地 当地 城市 城里 城镇 县城 乡下 乡村 市区 郊区 附近 外地 本市 本县 家中 家里 山区 牧区".split()
    )

    # a street word that is no street's name: 这条路, 马路, 公路, 走路
    _NOT_STREET = regex.compile(
        r"^(?:[这那此该本一每条][^\n]{0,4}|.?[马公铁道水网线思出歧去回来走老门套弯小大]?)(?:路|街|道)$"
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        if pattern_text in self._NO_ADDRESS or self._NOT_STREET.match(pattern_text):
            return False
        if "各" in pattern_text:
            return False  # 本市各区县, 全县各乡镇: every district, no address
        return None


class ZhPlaceNameRecognizer(TablePatternRecognizer):
    """Province and large-city names, with or without their 省/市 suffix."""

    ENTITY = "LOCATION"
    LANGUAGES = ("zh",)
    PATTERNS = [
        (
            "gazetteer",
            "(?:"
            + "|".join(sorted(set(PROVINCES + CITIES), key=len, reverse=True))
            + r")(?:省|市|自治区|特别行政区)?",
            0.5,
        ),
        ("native_place", r"(?<=(?:籍贯|出生地|祖籍|原籍)[:：\s]*)[^\s，。；,;:：()（）\n]{2,12}", 0.85),
    ]


class ZhOrganizationRecognizer(TablePatternRecognizer):
    """Companies, hospitals, banks, firms: a name ending in 有限公司/医院/银行/事务所 …"""

    ENTITY = "ORGANIZATION"
    LANGUAGES = ("zh",)
    _SUFFIX = (
        r"(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|人民医院|中医院|医院|保健院|卫生院|卫生服务中心|"
        r"诊所|医疗中心|研究院|研究所|律师事务所|会计师事务所|事务所|银行|信用社|基金会|合作社|大学|学院|"
        r"看守所|拘留所|戒毒所|监狱|派出所)"  # where someone is held or reported: a place as telling as a hospital
    )
    # characters that end a clause rather than sit inside a name (的, 于, 为, 若 …)
    _NAME_CHAR = r"[^\s\p{P}的于在为以而若与及将把被从向对之其该本是有了上]"
    # generic words that end in a suffix but name no one: 上级医院, 本公司
    _GENERIC = (
        r"(?<!上级|当地|基层|外|我|本|该|其|各|贵|子|母|分|总|相关|其他|一家|这家|那家|甲方|乙方|丙方|双方|对方|"
        r"专科|儿科|三甲|二甲|三级|二级|综合|定点|指定|市级|县级|省级)"  # kinds of hospital: 三甲医院
    )
    PATTERNS = [
        (
            "org_suffix",
            # after a boundary, a party label, or the preposition of a visit (曾于/在/转至/赴 X医院)
            r"(?:(?<=^|[\s\t，。；、：:（(“\"《#>])|(?<=[甲乙丙]方|委托|开户行为|开户行)|(?<=[于在至赴往到]))"
            + _NAME_CHAR
            + r"{2,16}?"
            + _GENERIC
            + _SUFFIX
            # a branch, or a university's hospital: 浙江大学医学院附属第一医院, 北京大学人民医院
            + r"(?:[\p{Han}]{2,6}(?:分行|支行|分公司|分院)|(?<=大学|学院)"
            + _NAME_CHAR
            + r"{0,10}?(?:医院|医疗中心))?",
            0.7,
        ),
    ]
    CONTEXT = ["公司", "医院", "甲方", "乙方", "单位"]
