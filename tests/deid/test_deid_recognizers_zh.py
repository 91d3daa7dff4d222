"""Each Chinese recognizer's table of positive and negative cases."""

from __future__ import annotations

import pytest

from corpuskit.stages.deid.recognizers import legal_finance as lf
from corpuskit.stages.deid.recognizers import zh, zh_address, zh_names
from corpuskit.stages.deid.recognizers.zh import credit_code_ok, resident_id_ok

# (recognizer, text, expected label, expected value) — the value must be found with that label
POSITIVE = [
    (zh.ResidentIdRecognizer, "身份证号：11010519491231002X，", "ID", "11010519491231002X"),
    (zh.ResidentIdRecognizer, "证件号码51010719901116845X联系", "ID", "51010719901116845X"),
    (
        zh.ZhAnchoredIdRecognizer,
        "身份证号：110105194912310021，",
        "ID",
        "110105194912310021",
    ),  # bad check digit
    (zh.ZhAnchoredIdRecognizer, "身份证：110105491231002 住址", "ID", "110105491231002"),  # 15 digits
    (zh.ZhMobilePhoneRecognizer, "手机13812345678联系", "PHONE", "13812345678"),
    (zh.ZhMobilePhoneRecognizer, "电话：+86 138-1234-5678。", "PHONE", "+86 138-1234-5678"),
    (zh.ZhMobilePhoneRecognizer, "联系电话：0755-54306928", "PHONE", "0755-54306928"),
    (zh.ZhMobilePhoneRecognizer, "客服热线400-820-8820", "PHONE", "400-820-8820"),
    (zh.ZhMobilePhoneRecognizer, "座机：62751234", "PHONE", "62751234"),
    (zh.ZhMobilePhoneRecognizer, "联络电话：0912-345-678。", "PHONE", "0912-345-678"),
    (zh.ZhMobilePhoneRecognizer, "手机 +886 912 345 678", "PHONE", "+886 912 345 678"),
    (zh.ZhMobilePhoneRecognizer, "电话(02)2345-6789转", "PHONE", "(02)2345-6789"),
    (zh.ZhMobilePhoneRecognizer, "致电 +852 9123 4567", "PHONE", "+852 9123 4567"),
    (zh.ZhMobilePhoneRecognizer, "电话：9123 4567", "PHONE", "9123 4567"),
    (zh.TaiwanHongKongIdRecognizer, "身分证字号：A123456789", "ID", "A123456789"),
    (zh.TaiwanHongKongIdRecognizer, "香港身份证 A123456(3) 持有人", "ID", "A123456(3)"),
    (zh.TaiwanHongKongIdRecognizer, "HKID: A1234563", "ID", "A1234563"),
    (zh.ZhBankCardRecognizer, "工资卡6222020200112345679已激活", "BANK_CARD", "6222020200112345679"),
    (zh.ZhBankCardRecognizer, "卡号 4111 1111 1111 1111 ", "BANK_CARD", "4111 1111 1111 1111"),
    (zh.ZhAnchoredCardRecognizer, "乙方账号：6217 0000 1234 5678 901", "ACCOUNT", "6217 0000 1234 5678 901"),
    (zh.ZhMedicalRecordRecognizer, "住院号：2020139964\n", "MRN", "2020139964"),
    (zh.ZhMedicalRecordRecognizer, "门诊号 MZ-20230315-07，", "MRN", "MZ-20230315-07"),
    (zh.ZhMedicalRecordRecognizer, "病案号:BA884213", "MRN", "BA884213"),
    (zh.ZhMedicalRecordRecognizer, "医保卡号：1100012345678", "MRN", "1100012345678"),
    (zh.CreditCodeRecognizer, "统一社会信用代码：91350100M000100Y43", "ID", "91350100M000100Y43"),
    (zh.ZhPassportRecognizer, "护照号码E12345678，", "PASSPORT", "E12345678"),
    (zh.ZhPassportRecognizer, "护照号：PA1234567", "PASSPORT", "PA1234567"),
    (zh.ZhLicensePlateRecognizer, "车牌京A12345停在", "LICENSE_PLATE", "京A12345"),
    (zh.ZhLicensePlateRecognizer, "粤B·D12345号车", "LICENSE_PLATE", "粤B·D12345"),
    (zh.EmailRecognizerCjk, "邮箱zhang.wei@example.com.cn联系", "EMAIL", "zhang.wei@example.com.cn"),
    (zh.IpRecognizerCjk, "固定IP地址58.0.170.33访问", "IP", "58.0.170.33"),
    (zh.UrlRecognizerCjk, "详见https://example.cn/ir/reports。", "URL", "https://example.cn/ir/reports"),
    (zh.ZhDateRecognizer, "于2023年3月5日入院", "DATE", "2023年3月5日"),
    (zh.ZhDateRecognizer, "3月5日复查", "DATE", "3月5日"),
    (zh.ZhDateRecognizer, "入院日期：2023-03-05", "DATE", "2023-03-05"),
    (zh.ZhDateRecognizer, "签订于二〇二三年三月五日", "DATE", "二〇二三年三月五日"),
    (zh.ZhAgeRecognizer, "男，45岁，", "AGE", "45岁"),
    (zh.ZhAgeRecognizer, "年龄：92\n", "AGE", "92"),
    (zh.ZhAgeRecognizer, "年龄：58岁　住院号", "AGE", "58岁"),
    (zh.ZhAgeRecognizer, "患儿3岁2个月", "AGE", "3岁2个月"),
    (
        zh_address.ZhAddressRecognizer,
        "现住址：北京市宁德市金平区哈尔滨路623号\n",
        "ADDRESS",
        "北京市宁德市金平区哈尔滨路623号",
    ),
    (
        zh_address.ZhAddressRecognizer,
        "家住浙江省杭州市西湖区文三路90号东部软件园3栋502室，",
        "ADDRESS",
        "浙江省杭州市西湖区文三路90号东部软件园3栋502室",
    ),
    (zh.ZhMedicalRecordRecognizer, "病案号为A2019-0045", "MRN", "A2019-0045"),
    (zh.ZhAnchoredIdRecognizer, "身份证号是110101199003071235", "ID", "110101199003071235"),
    (zh.ZhAnchoredIdRecognizer, "统一社会信用代码：91330100MA28XXXX0L", "ID", "91330100MA28XXXX0L"),
    (zh_address.ZhAddressRecognizer, "于2022年迁居至天津市河西区", "ADDRESS", "天津市河西区"),
    (zh_address.ZhAddressRecognizer, "邮编：100080", "ADDRESS", "100080"),
    (zh_address.ZhAddressRecognizer, "他在建国路88号上班", "ADDRESS", "建国路88号"),
    (zh_address.ZhAddressRecognizer, "送至阳光花园3栋502室", "ADDRESS", "阳光花园3栋502室"),
    (
        zh_address.ZhAddressRecognizer,
        "现居上海浦东新区张江镇祖冲之路887弄12号。",
        "ADDRESS",
        "上海浦东新区张江镇祖冲之路887弄12号",
    ),
    (
        zh_address.ZhAddressRecognizer,
        "寄往：广州天河区天河路385号太古汇一座",
        "ADDRESS",
        "广州天河区天河路385号太古汇一座",
    ),
    (zh_address.ZhPlaceNameRecognizer, "籍贯：梧州\n", "LOCATION", "梧州"),
    (zh_address.ZhPlaceNameRecognizer, "来自广东省的患者", "LOCATION", "广东省"),
    (zh_address.ZhOrganizationRecognizer, "沈阳市第一人民医院入院记录", "ORGANIZATION", "沈阳市第一人民医院"),
    (
        zh_address.ZhOrganizationRecognizer,
        "甲方：北京华康医疗器械有限公司，",
        "ORGANIZATION",
        "北京华康医疗器械有限公司",
    ),
    (zh_address.ZhOrganizationRecognizer, "开户行为招商银行上海分行", "ORGANIZATION", "招商银行上海分行"),
    (zh_names.ZhPersonNameRecognizer, "姓名：单燕　性别：女", "PERSON", "单燕"),
    (zh_names.ZhPersonNameRecognizer, "患者张伟因胸痛入院", "PERSON", "张伟"),
    (zh_names.ZhPersonNameRecognizer, "美国国务卿布林肯今天抵达", "PERSON", "布林肯"),
    (zh_names.ZhPersonNameRecognizer, "委托李明律师代理", "PERSON", "李明"),
    (zh_names.ZhPersonNameRecognizer, "患者高敏，女，45岁", "PERSON", "高敏"),
    # news bylines in brackets run the role into the names
    (zh_names.ZhPersonNameRecognizer, "本报讯（记者马力）昨天，市政府发布通知", "PERSON", "马力"),
    (zh_names.ZhPersonNameRecognizer, "（实习编辑徐小兵、赵敏）", "PERSON", "赵敏"),
    (zh_names.ZhPersonNameRecognizer, "（编辑整理何丽丽）", "PERSON", "何丽丽"),
    # an age and 的 put a person after them
    (zh_names.ZhPersonNameRecognizer, "75岁的赵无极仍在作画", "PERSON", "赵无极"),
    (zh_names.ZhPersonNameRecognizer, "张伟服用了阿莫西林（amoxicillin）", "PERSON", "张伟"),
    # a foreign name with its own spelling in brackets: both parts
    (zh_names.ZhPersonNameRecognizer, "主裁判阿特金森（martinatkinson）认定", "PERSON", "阿特金森"),
    (zh_names.ZhPersonNameRecognizer, "主裁判阿特金森（martinatkinson）认定", "PERSON", "martinatkinson"),
    (zh_names.ZhPersonNameRecognizer, "制作人威廉姆斯（Harold Williams）说", "PERSON", "威廉姆斯"),
    # a foreign name found in part grows over jieba's `nrt` word beside it
    (zh_names.ZhPersonNameRecognizer, "俄国防部长谢尔久科夫此前宣布", "PERSON", "谢尔久科夫"),
    # 署长 and 司长 are posts, like 局长
    (zh_names.ZhPersonNameRecognizer, "新闻出版总署副署长孙寿山曾表示", "PERSON", "孙寿山"),
    # a lone surname and the word after it, listed beside a name; a list item between two names
    (zh_names.ZhPersonNameRecognizer, "等到曹鹏飞和蔡朝阳等4人回到家", "PERSON", "蔡朝阳"),
    (zh_names.ZhPersonNameRecognizer, "吴待秋、吴子深、冯超然等画家", "PERSON", "吴子深"),
    # outside clinical text, a transliteration jieba calls a name
    (zh_names.ZhPersonNameRecognizer, "德沃夫已经离开了俱乐部", "PERSON", "德沃夫"),
    (zh_names.ZhPersonNameRecognizer, "急火攻心的金尼尔在上轮输球后", "PERSON", "金尼尔"),
    # a trade or a post run straight into the name jieba tags after it, Latin names included
    (zh_names.ZhPersonNameRecognizer, "宋代书法家曾巩的书法作品", "PERSON", "曾巩"),
    (zh_names.ZhPersonNameRecognizer, "加拿大彩民乔尔到便利店购买彩票", "PERSON", "乔尔"),
    (zh_names.ZhPersonNameRecognizer, "他的音乐总监BradBuxer曾在采访中说", "PERSON", "BradBuxer"),
    # a Western name written as one word, a known first name first; a speaker in square brackets
    (zh_names.ZhPersonNameRecognizer, "小说作者由JohnMilius执笔", "PERSON", "JohnMilius"),
    (zh_names.ZhPersonNameRecognizer, "【朱克】：首先非常感谢各位领导", "PERSON", "朱克"),
    # a bracketed spelling that is also in the drug list but is a first name (Marek) keeps the name
    (zh_names.ZhPersonNameRecognizer, "前锋萨加诺夫斯基（marek）受伤", "PERSON", "萨加诺夫斯基"),
    # names that share a character with the clinical words above stay names
    (zh_names.ZhPersonNameRecognizer, "患者王炎，男，52岁，因胃痛入院", "PERSON", "王炎"),
    (zh_names.ZhPersonNameRecognizer, "患者于晨，女，33岁", "PERSON", "于晨"),
    (zh_names.ZhPersonNameRecognizer, "主治医师：黄立新", "PERSON", "黄立新"),
    (zh_names.ZhPersonNameRecognizer, "克林顿总统发表讲话", "PERSON", "克林顿"),
    (zh_names.ZhPersonNameRecognizer, "克林顿和叶利钦在莫斯科举行会谈", "PERSON", "克林顿"),
    (zh_names.ZhPersonNameRecognizer, "联系人：欧阳娜娜（家属）", "PERSON", "欧阳娜娜"),
    (zh_names.ZhPersonNameRecognizer, "由李建国主任查房", "PERSON", "李建国"),
    (zh_names.ZhPersonNameRecognizer, "王女士诉头痛", "PERSON", "王"),
    (zh_names.ZhPersonNameRecognizer, "授权代表\t徐丽丽\t刘海燕", "PERSON", "徐丽丽"),
    (zh_names.ZhPersonNameRecognizer, "我叫赵新民", "PERSON", "赵新民"),
    (zh_names.ZhPersonNameRecognizer, "请示上级医师孙立新后，予以调整用药。", "PERSON", "孙立新"),
    (zh_names.ZhPersonNameRecognizer, "张三丰老先生今日复诊", "PERSON", "张三丰"),
    (zh_names.ZhPersonNameRecognizer, "家属李秀兰签字同意手术。", "PERSON", "李秀兰"),
    (zh_names.ZhPersonNameRecognizer, "转发//@陈士渠:个人认为", "PERSON", "陈士渠"),
    # jieba splits the name: 杨/nr 天宁/ns — a lone surname and a short word read as one name
    (zh_names.ZhPersonNameRecognizer, "今天和杨天宁一起吃饭", "PERSON", "杨天宁"),
    (zh_names.ZhPersonNameRecognizer, "给我最爱的贾老板翻唱歌曲", "PERSON", "贾"),
    (zh_names.ZhPersonNameRecognizer, "由张奶奶陪同来院", "PERSON", "张"),
    (zh_names.ZhPersonNameRecognizer, "阿袁在外地学习", "PERSON", "阿袁"),
    (zh_names.ZhPersonNameRecognizer, "老刘说明天再来", "PERSON", "老刘"),
    (zh_names.ZhPersonNameRecognizer, "本公司董事长孙立新先生", "PERSON", "孙立新"),
    (zh_names.ZhPersonNameRecognizer, "笑到了赵小晚一定要戳他", "PERSON", "赵小晚"),
    (zh_names.ZhPersonNameRecognizer, "早就知道了周苏飘在水里", "PERSON", "周苏飘"),
    (zh_names.ZhPersonNameRecognizer, "王巍这与任志强讲不给", "PERSON", "王巍"),
    (zh_names.ZhPersonNameRecognizer, "感谢圆圆，感谢佳佳。", "PERSON", "佳佳"),
    (zh_names.ZhPersonNameRecognizer, "壮壮被养胖了", "PERSON", "壮壮"),
    (zh_names.ZhPersonNameRecognizer, "甲方代表约翰·史密斯签字", "PERSON", "约翰·史密斯"),
    (zh_names.ZhPersonNameRecognizer, "做中国的比尔．盖茨", "PERSON", "比尔．盖茨"),
    (zh_names.ZhPersonNameRecognizer, "马丁·路德·金的演讲", "PERSON", "马丁·路德·金"),
    (zh_names.ZhPersonNameRecognizer, "昨日，市长赵立新视察了新区建设。", "PERSON", "赵立新"),
    (zh_names.ZhPersonNameRecognizer, "表哥林俊杰也来了", "PERSON", "林俊杰"),
    (zh_names.ZhPersonNameRecognizer, "习近平主席同外宾举行会谈", "PERSON", "习近平"),
    (zh_names.ZhPersonNameRecognizer, "欧阳娜娜和司马南在节目中相遇。", "PERSON", "欧阳娜娜"),
    (zh_names.ZhPersonNameRecognizer, "欧阳娜娜和司马南在节目中相遇。", "PERSON", "司马南"),
    (zh_names.ZhPersonNameRecognizer, "刘德华、张学友和郭富城出席了发布会。", "PERSON", "张学友"),
    (zh_names.ZhPersonNameRecognizer, "今天来的有刘德华，张学友，郭富城。", "PERSON", "张学友"),
    (zh_names.ZhPersonNameRecognizer, "患者之母张秀英代诉。", "PERSON", "张秀英"),
    (zh_names.ZhPersonNameRecognizer, "由其女王芳代述病史。", "PERSON", "王芳"),
    (zh_names.ZhPersonNameRecognizer, "患者之子李明代诉：发热。", "PERSON", "李明"),
    (zh_names.ZhPersonNameRecognizer, "患者之女王芳陪同。", "PERSON", "王芳"),
    (
        zh_address.ZhAddressRecognizer,
        "男，68岁，住北京市海淀区中关村大街27号院3号楼2单元501。",
        "ADDRESS",
        "北京市海淀区中关村大街27号院3号楼2单元501",
    ),
    (zh_address.ZhAddressRecognizer, "家在阳光花园5栋1201，", "ADDRESS", "阳光花园5栋1201"),
    (
        zh_address.ZhAddressRecognizer,
        "患者3天前于北京市朝阳区建国路88号就诊",
        "ADDRESS",
        "北京市朝阳区建国路88号",
    ),
    (zh.ZhMobilePhoneRecognizer, "固话：021-6488 1234，", "PHONE", "021-6488 1234"),
    (zh.ZhMobilePhoneRecognizer, "电话0755-8321-4567转", "PHONE", "0755-8321-4567"),
    (zh.ZhSocialAccountRecognizer, "微信号：zhang_san88，", "ACCOUNT", "zhang_san88"),
    (zh.ZhSocialAccountRecognizer, "加QQ 123456789 联系", "ACCOUNT", "123456789"),
    (zh.ZhAnchoredIdRecognizer, "主治医生：王磊（工号：10234）", "ID", "10234"),
    (lf.ContractPartyRecognizer, "甲方（盖章）：          乙方（签字）：欧阳晓雯", "PERSON", "欧阳晓雯"),
    (
        zh_address.ZhAddressRecognizer,
        "房屋坐落于上海市徐汇区漕溪北路88号圣爱大厦1502室。",
        "ADDRESS",
        "上海市徐汇区漕溪北路88号圣爱大厦1502室",
    ),
    (zh_names.ZhPersonNameRecognizer, "突发胸闷，由其妻子孙美华陪同来我院急诊", "PERSON", "孙美华"),
    (
        zh_address.ZhOrganizationRecognizer,
        "2015年曾于浙江大学医学院附属第一医院行PCI术。",
        "ORGANIZATION",
        "浙江大学医学院附属第一医院",
    ),
    (
        zh_address.ZhOrganizationRecognizer,
        "疑心梗就诊于北京大学人民医院。",
        "ORGANIZATION",
        "北京大学人民医院",
    ),
    (
        zh_address.ZhOrganizationRecognizer,
        "在广州医科大学附属第一医院手术",
        "ORGANIZATION",
        "广州医科大学附属第一医院",
    ),
    (zh_names.ZhPersonNameRecognizer, "由其女儿林佩珊陪同就医", "PERSON", "林佩珊"),
    (zh_names.ZhPersonNameRecognizer, "联络人：张家豪（儿子）", "PERSON", "张家豪"),
    # a label spaced out to the column width of a form or résumé
    (zh_names.ZhPersonNameRecognizer, "姓    名：司马若彤            性    别：女", "PERSON", "司马若彤"),
    (zh_names.ZhPersonNameRecognizer, "联 系 人：钱晓东", "PERSON", "钱晓东"),
    # bylines and a judgment's signature block: role, spaces, name
    (zh_names.ZhPersonNameRecognizer, "（记者 骆家辉 通讯员 甘露）昨天上午", "PERSON", "甘露"),
    (zh_names.ZhPersonNameRecognizer, "审判员 邬佳琪\n书记员 覃一鸣", "PERSON", "邬佳琪"),
    (zh_names.ZhPersonNameRecognizer, "审判员 邬佳琪\n书记员 覃一鸣", "PERSON", "覃一鸣"),
    # a role, 为/是 and a name that ends the clause
    (zh_names.ZhPersonNameRecognizer, "伤者送医院救治，接诊医生为施敏。", "PERSON", "施敏"),
    # jieba read the surname as a verb (谢/v 志远/nrfg)
    (zh_names.ZhPersonNameRecognizer, "老人的儿子谢志远告诉记者", "PERSON", "谢志远"),
    # a family name after a kin word, an honorific after a surname
    (zh_names.ZhPersonNameRecognizer, "患者外孙女小雅来探视", "PERSON", "小雅"),
    (zh_names.ZhPersonNameRecognizer, "要求联系其老伴朱大爷", "PERSON", "朱"),
    (zh_names.ZhPersonNameRecognizer, "邻居王大妈送来饭菜", "PERSON", "王"),
    # a rare surname: the lexicon (贲) or a labelled, never-seen value (滑蕾)
    (zh_names.ZhPersonNameRecognizer, "复诊找贲立平主任", "PERSON", "贲立平"),
    (zh_names.ZhPersonNameRecognizer, "记录医师：商文杰    审核医师：滑蕾", "PERSON", "滑蕾"),
    (zh_names.ZhPersonNameRecognizer, "参会人员：闵浩然、钟离春、吕思琪", "PERSON", "钟离春"),
    # parties of judgments and claims
    (zh_names.ZhPersonNameRecognizer, "被告人蔺海涛以非法占有为目的", "PERSON", "蔺海涛"),
    (zh_names.ZhPersonNameRecognizer, "现授权龙宇航代为办理", "PERSON", "龙宇航"),
    (zh_names.ZhPersonNameRecognizer, "缺席：戚志强（出差）", "PERSON", "戚志强"),
    # foreign heads of state, whatever jieba tags them (德国总理/nr 朔/j 尔茨/nrt)
    (zh_names.ZhPersonNameRecognizer, "德国总理朔尔茨在柏林会见", "PERSON", "朔尔茨"),
    (zh_names.ZhPersonNameRecognizer, "英国首相苏纳克也表示支持", "PERSON", "苏纳克"),
    # news: trades and posts before a name, a lone surname jieba reads as a noun (武/n 振国/ns 同志)
    (zh_names.ZhPersonNameRecognizer, "湖南省农业科学院研究员柏连阳在接受采访时说", "PERSON", "柏连阳"),
    (zh_names.ZhPersonNameRecognizer, "同团代表龚曙光、彭学明也就乡村振兴提出建议", "PERSON", "龚曙光"),
    (zh_names.ZhPersonNameRecognizer, "退休教师綦秀云老人每天清晨练太极拳", "PERSON", "綦秀云"),
    (zh_names.ZhPersonNameRecognizer, "患者家属郦先生专程送来锦旗", "PERSON", "郦"),
    (zh_names.ZhPersonNameRecognizer, "村支书老耿介绍了村里的情况", "PERSON", "老耿"),
    (zh_names.ZhPersonNameRecognizer, "将与波兰名将斯维亚泰克争夺冠军", "PERSON", "斯维亚泰克"),
    (zh_names.ZhPersonNameRecognizer, "免去武振国同志市场部经理职务", "PERSON", "武振国"),
    (zh_names.ZhPersonNameRecognizer, "失主是一位姓何的先生", "PERSON", "何"),
    (zh_names.ZhPersonNameRecognizer, "民警辛立伟、房子豪负责此案", "PERSON", "房子豪"),
    (zh_names.ZhPersonNameRecognizer, "明天你二姨带着表妹婷婷过来吃饭", "PERSON", "婷婷"),
    (
        zh.ZhAnchoredCardRecognizer,
        "收款账户：中国建设银行 6217 0024 1000 3356 789。",
        "ACCOUNT",
        "6217 0024 1000 3356 789",
    ),
    # outside clinical text, a two-character word jieba's HMM made up and tagged a name
    (zh_names.ZhPersonNameRecognizer, "周末和苏歆去看电影了", "PERSON", "苏歆"),
    (zh_names.ZhPersonNameRecognizer, "这次还是易昭请客", "PERSON", "易昭"),
    (zh_names.ZhPersonNameRecognizer, "蝴蝶节嘉欣就系嘉欣", "PERSON", "嘉欣"),
    (zh_names.ZhPersonNameRecognizer, "美人鱼宋院长开启学霸模式", "PERSON", "宋"),
    (zh_names.ZhPersonNameRecognizer, "今天李局长来检查", "PERSON", "李"),
    # news: the name before a verb of saying, a foreign name jieba's dictionary lists, credit lines
    (zh_names.ZhPersonNameRecognizer, "会后伯南克称，利率将保持不变。", "PERSON", "伯南克"),
    (zh_names.ZhPersonNameRecognizer, "萨蒂希表示，调查已经展开。", "PERSON", "萨蒂希"),
    # ... a word jieba's dictionary lacks, surname first, or a surname jieba cut off, opening the clause
    (zh_names.ZhPersonNameRecognizer, "而纪平表示，参与移库的主要为沿海企业。", "PERSON", "纪平"),
    (zh_names.ZhPersonNameRecognizer, "闫大为称，国基地产向贷款银行出具了承诺。", "PERSON", "闫大为"),
    # a name before 等人 or 等 + a count of people
    (zh_names.ZhPersonNameRecognizer, "西塞等人还要证明自己。", "PERSON", "西塞"),
    # after a trade, a surname jieba left alone and the given name, up to punctuation
    (zh_names.ZhPersonNameRecognizer, "建筑师田申申：林达海渔广场是地标式建筑", "PERSON", "田申申"),
    (zh_names.ZhPersonNameRecognizer, "法国画家塞尚、莫奈等大师的作品", "PERSON", "塞尚"),
    (zh_names.ZhPersonNameRecognizer, "斯图尔特去年退出了影坛。", "PERSON", "斯图尔特"),
    (zh_names.ZhPersonNameRecognizer, "梅西、埃托奥都进了球", "PERSON", "埃托奥"),
    (zh_names.ZhPersonNameRecognizer, "（文/于建春 图/张晓东）", "PERSON", "于建春"),
    (zh_names.ZhPersonNameRecognizer, "（文/于建春 图/张晓东）", "PERSON", "张晓东"),
    (zh_names.ZhPersonNameRecognizer, "作者：金庸", "PERSON", "金庸"),
    (zh_names.ZhPersonNameRecognizer, "副行长苏宁出席了会议", "PERSON", "苏宁"),
    (zh_names.ZhPersonNameRecognizer, "吴冠中大师的作品展开幕", "PERSON", "吴冠中"),
    (zh_names.ZhPersonNameRecognizer, "设计师黄珊珊介绍了方案", "PERSON", "黄珊珊"),
    (zh_names.ZhPersonNameRecognizer, "昨天李建新买了一套房", "PERSON", "李建新"),
    # an interview turn opens with the speaker; a deputy's name ends before 副
    (zh_names.ZhPersonNameRecognizer, "傅思建：准确地讲，五个产品同时推出。", "PERSON", "傅思建"),
    (zh_names.ZhPersonNameRecognizer, "金石开：上赛季他们表现不错", "PERSON", "金石开"),
    (zh_names.ZhPersonNameRecognizer, "执法局颜鲲副局长介绍说，情况属实。", "PERSON", "颜鲲"),
    (zh_names.ZhPersonNameRecognizer, "王建国副院长说", "PERSON", "王建国"),
    # a given name jieba tags `nr` after a surname it left alone; men's names of older generations
    (zh_names.ZhPersonNameRecognizer, "姚卫东，现任本公司董事长", "PERSON", "姚卫东"),
    # two dotted names joined by 和 are two names, not one run that fails as a whole
    (
        zh_names.ZhPersonNameRecognizer,
        "主演劳拉·琳妮和菲利普·西摩尔·霍夫曼出席首映",
        "PERSON",
        "菲利普·西摩尔·霍夫曼",
    ),
    (zh_names.ZhPersonNameRecognizer, "主演劳拉·琳妮和菲利普·西摩尔·霍夫曼出席首映", "PERSON", "劳拉·琳妮"),
    (
        zh_address.ZhAddressRecognizer,
        "事发地点位于成都市武侯区玉林北路与芳草街交叉口东南角",
        "ADDRESS",
        "成都市武侯区玉林北路与芳草街交叉口",
    ),
    (
        zh_address.ZhAddressRecognizer,
        "其暂住于深圳市宝安区西乡街道固戍社区二坊47栋502。",
        "ADDRESS",
        "深圳市宝安区西乡街道固戍社区二坊47栋502",
    ),
    (zh_address.ZhOrganizationRecognizer, "现羁押于浠水县看守所。", "ORGANIZATION", "浠水县看守所"),
    # a named street without a number after a word of place or movement; numbered streets; a
    # district and a building in it; a place after 签订地点：
    (zh_address.ZhAddressRecognizer, "记者在解放西路看到，不少店铺已经关门。", "ADDRESS", "解放西路"),
    (zh_address.ZhAddressRecognizer, "她每天从人民路步行去学校。", "ADDRESS", "人民路"),
    (zh_address.ZhAddressRecognizer, "嫌疑人逃往金牛区营门口路一带。", "ADDRESS", "金牛区营门口路"),
    (zh_address.ZhAddressRecognizer, "劫匪对62号大街上的一家商店下手", "ADDRESS", "62号大街"),
    (zh_address.ZhAddressRecognizer, "他在海淀区五彩城购物中心上班", "ADDRESS", "海淀区五彩城购物中心"),
    (zh_address.ZhAddressRecognizer, "签订地点：杭州市西湖区", "ADDRESS", "杭州市西湖区"),
    (zh.ZhDateRecognizer, "出生年月：1996.08  籍贯", "DATE", "1996.08"),
    (zh.ZhDateRecognizer, "教育背景：2014.09-2018.06 山东大学", "DATE", "2014.09-2018.06"),
    (zh.ZhDateRecognizer, "2018.07至今 中山医院", "DATE", "2018.07至今"),
    (zh.ZhAnchoredIdRecognizer, "被保险人：阎雪飞，保单号：P2023118800456", "ID", "P2023118800456"),
    (zh.ZhAnchoredIdRecognizer, "客户编号 C0012345", "ID", "C0012345"),
    (
        zh_address.ZhAddressRecognizer,
        "地址：内蒙古自治区关岭市上街区刘街947号\n",
        "ADDRESS",
        "内蒙古自治区关岭市上街区刘街947号",
    ),
]

# (recognizer, text, label, value) — the value must NOT be found with that label
NEGATIVE = [
    # a known word before a verb of saying is a body or a title, not a name
    (zh_names.ZhPersonNameRecognizer, "校方表示将调查此事。", "PERSON", "校方"),
    (zh_names.ZhPersonNameRecognizer, "王总表示同意。", "PERSON", "王总"),
    (zh_names.ZhPersonNameRecognizer, "主治医师于是，决定手术。", "PERSON", "于是"),
    (lf.ContractPartyRecognizer, "甲方（盖章）：          乙方（签字）：欧阳晓雯", "ORGANIZATION", "乙方"),
    (zh.ZhAnchoredIdRecognizer, "注册号码共有多少位数", "ID", "码共有多少位数"),
    # drug brand names, anatomy and findings that jieba tags like names
    (zh_names.ZhPersonNameRecognizer, "予“安素泰210mg”静滴", "PERSON", "安素泰"),
    (zh_names.ZhPersonNameRecognizer, "奥美拉唑肠溶胶囊(艾奕)40mg", "PERSON", "艾奕"),
    (zh_names.ZhPersonNameRecognizer, "心电图:窦性心律,正常心电图", "PERSON", "窦性心"),
    (zh_names.ZhPersonNameRecognizer, "窦性心动过速", "PERSON", "窦性心"),
    (zh_names.ZhPersonNameRecognizer, "遂行阴道镜上活检", "PERSON", "阴道镜"),
    (zh_names.ZhPersonNameRecognizer, "转移,门静脉左干及主干", "PERSON", "门静脉"),
    (zh_names.ZhPersonNameRecognizer, "肾功、高敏肌钙蛋白正常", "PERSON", "高敏"),
    (zh_address.ZhAddressRecognizer, "家住农村，平素体健。", "ADDRESS", "农村"),
    (zh_address.ZhAddressRecognizer, "于2022年迁居至天津市河西区", "ADDRESS", "至天津市河西区"),
    (zh_names.ZhPersonNameRecognizer, "患者有帕金森病史，多普勒超声未见异常", "PERSON", "帕金森"),
    (zh_names.ZhPersonNameRecognizer, "克林顿和叶利钦在莫斯科举行会谈", "PERSON", "莫斯科"),
    (zh_names.ZhPersonNameRecognizer, "正在服用阿司匹林、氯吡格雷、华法林", "PERSON", "格雷"),
    (zh_names.ZhPersonNameRecognizer, "出院后口服华法林抗凝治疗", "PERSON", "华法林"),
    (zh_names.ZhPersonNameRecognizer, "否认服用“华法林”", "PERSON", "华法林"),
    (zh_names.ZhPersonNameRecognizer, "或服用华法林、肝素等抗凝药物", "PERSON", "华法林"),
    (zh_names.ZhPersonNameRecognizer, "还原型谷胱甘肽及甘利欣、门冬氨酸鸟氨酸保肝", "PERSON", "甘利欣"),
    (zh_names.ZhPersonNameRecognizer, "出院后予“诺和锐特充9u早", "PERSON", "和锐特"),
    (zh_names.ZhPersonNameRecognizer, "目前无对黄芩苷过敏", "PERSON", "黄芩"),
    (zh_names.ZhPersonNameRecognizer, "脂肪肝由特定病因引起，如他莫昔芬等", "PERSON", "莫昔芬"),
    (zh_names.ZhPersonNameRecognizer, "1.鹿特丹标准诊断为PCOS", "PERSON", "鹿特丹"),
    (zh_names.ZhPersonNameRecognizer, "盆腔炎症所致外阴阴道炎；", "PERSON", "阴道炎"),
    (zh_names.ZhPersonNameRecognizer, "或有现症过敏，或高敏体质者；", "PERSON", "高敏"),
    (zh_names.ZhPersonNameRecognizer, "今遵原主诊教授意见为行化疗入院", "PERSON", "原主诊"),
    (zh_names.ZhPersonNameRecognizer, "术中见胆囊张力高,胆囊壁充血水肿", "PERSON", "张力高"),
    (zh_names.ZhPersonNameRecognizer, "入院前8天,患者于晨起时出现腹痛", "PERSON", "于晨"),
    # a given name does not take the first character of the verb after it (代诉, 陪同)
    (zh_names.ZhPersonNameRecognizer, "患者之子李明代诉：发热。", "PERSON", "李明代"),
    (zh_names.ZhPersonNameRecognizer, "患者之女王芳陪同。", "PERSON", "王芳陪"),
    (zh_names.ZhPersonNameRecognizer, "其子女均体健。", "PERSON", "女均体"),
    (
        zh.ResidentIdRecognizer,
        "身份证号：110105194912310021",
        "ID",
        "110105194912310021",
    ),  # wrong check digit
    (zh.ResidentIdRecognizer, "编号1101051949123100211", "ID", "1101051949123100211"),  # 19 digits
    (zh.ZhAnchoredIdRecognizer, "编号110105194912310021", "ID", "110105194912310021"),  # no label
    (zh.ZhAnchoredIdRecognizer, "身份证号：1101051949123100211", "ID", "110105194912310021"),  # 19 digits
    (zh.ZhMobilePhoneRecognizer, "血小板计数12345678901234", "PHONE", "12345678901"),
    (zh.ZhMobilePhoneRecognizer, "白细胞12.3×10^9/L", "PHONE", "12.3"),
    (zh.ZhMobilePhoneRecognizer, "编号0912345678901", "PHONE", "0912345678"),
    (zh.TaiwanHongKongIdRecognizer, "身分证字号：A123456788", "ID", "A123456788"),  # check digit
    (zh.TaiwanHongKongIdRecognizer, "香港身份证 A123456(4)", "ID", "A123456(4)"),  # check digit
    (zh.ZhBankCardRecognizer, "订单6222020200112345674", "BANK_CARD", "6222020200112345674"),  # Luhn fails
    (zh.ZhBankCardRecognizer, "身份证11010519491231002X", "BANK_CARD", "11010519491231002X"),
    (zh.ZhMedicalRecordRecognizer, "住院治疗2周", "MRN", "2周"),
    (zh.ZhMedicalRecordRecognizer, "床号12", "MRN", "12"),
    (zh.CreditCodeRecognizer, "代码91350100M000100Y44", "ID", "91350100M000100Y44"),  # bad check char
    (zh.ZhLicensePlateRecognizer, "京A1", "LICENSE_PLATE", "京A1"),
    (zh.IpRecognizerCjk, "版本1.2.3.4.5发布", "IP", "1.2.3.4"),
    (zh.IpRecognizerCjk, "地址256.1.1.1", "IP", "256.1.1.1"),
    (zh.ZhDateRecognizer, "血压150/95mmHg", "DATE", "150/95"),
    (zh.ZhDateRecognizer, "2023年年度报告", "DATE", "2023年"),  # a year alone
    (zh.ZhAgeRecognizer, "岁月静好", "AGE", "岁"),
    (zh_address.ZhAddressRecognizer, "仅可通过IP地址10.242.1.185访问", "ADDRESS", "10.242.1.185"),
    (zh_address.ZhAddressRecognizer, "消化道出血", "ADDRESS", "消化道"),
    (zh_address.ZhOrganizationRecognizer, "转至上级医院治疗", "ORGANIZATION", "上级医院"),
    (zh_address.ZhOrganizationRecognizer, "报告期末公司应收账款", "ORGANIZATION", "报告期末公司"),
    (zh_names.ZhPersonNameRecognizer, "乙方应于2022年交货", "PERSON", "应于"),
    (zh_names.ZhPersonNameRecognizer, "自双方签字盖章之日起生效", "PERSON", "盖章"),
    (zh_names.ZhPersonNameRecognizer, "右下腹麦氏点压痛", "PERSON", "麦氏"),
    (zh_names.ZhPersonNameRecognizer, "医生查房后", "PERSON", "查房"),
    (zh_names.ZhPersonNameRecognizer, "误导性陈述或者重大遗漏", "PERSON", "陈述"),
    (zh_names.ZhPersonNameRecognizer, "乙方向甲方出售设备", "PERSON", "向甲方"),
    (zh_names.ZhPersonNameRecognizer, "患者由其子王建军陪同就诊", "PERSON", "由其子"),
    # the same split in clinical text: 叶/nr 炎症/n is a lobe, not a person
    (zh_names.ZhPersonNameRecognizer, "胸部ct平扫:右肺上叶炎症,心脏增大", "PERSON", "叶炎症"),
    # a common word before a title is not a surname + given name: 公/surname 司
    (zh_names.ZhPersonNameRecognizer, "本公司经理负责验收", "PERSON", "公司"),
    (zh_names.ZhPersonNameRecognizer, "他是我们公司老板", "PERSON", "公司"),
    (zh_names.ZhPersonNameRecognizer, "双乳小叶增生", "PERSON", "小叶"),
    (zh_names.ZhPersonNameRecognizer, "结节直径小于5mm", "PERSON", "小于"),
    (zh_names.ZhPersonNameRecognizer, "左小腿肿胀明显", "PERSON", "左小腿"),
    (zh_names.ZhPersonNameRecognizer, "左心室舒张功能减低", "PERSON", "左心室"),
    (zh_names.ZhPersonNameRecognizer, "苗勒氏管发育异常", "PERSON", "苗勒氏"),
    (zh_names.ZhPersonNameRecognizer, "予口服杜密克通便", "PERSON", "杜密克"),
    (zh_names.ZhPersonNameRecognizer, "林林总总的方法", "PERSON", "林林"),
    (zh_names.ZhPersonNameRecognizer, "中国国家队获胜", "PERSON", "国国"),
    (zh_names.ZhPersonNameRecognizer, "雪雪雪伤心", "PERSON", "雪雪"),
    (zh_names.ZhPersonNameRecognizer, "她静静地看着", "PERSON", "静静"),
    (zh_names.ZhPersonNameRecognizer, "患者常常头痛", "PERSON", "常常"),
    (zh_names.ZhPersonNameRecognizer, "中国·北京国际会议", "PERSON", "中国·北京"),
    (zh_names.ZhPersonNameRecognizer, "英国·伦敦分行", "PERSON", "英国·伦敦"),
    (zh_names.ZhPersonNameRecognizer, "血清白蛋白降低", "PERSON", "白蛋白"),
    # a transliteration where a team, a city or a title stands is no person
    (zh_names.ZhPersonNameRecognizer, "他们上轮输给富勒姆之后", "PERSON", "富勒姆"),
    (zh_names.ZhPersonNameRecognizer, "汉诺威96队vs卡尔斯鲁厄队", "PERSON", "汉诺威"),
    (zh_names.ZhPersonNameRecognizer, "昨晚看了《莫斯科陷落》", "PERSON", "莫斯科"),
    (zh_names.ZhPersonNameRecognizer, "有点小不爽。[奥特曼][奥特曼]", "PERSON", "奥特曼"),
    (zh_names.ZhPersonNameRecognizer, "巨细胞病毒以及柯萨奇病毒等", "PERSON", "柯萨奇"),
    # a bracketed spelling that is a drug or an ordinary word names no one
    (zh_names.ZhPersonNameRecognizer, "他买了阿莫西林（amoxicillin）", "PERSON", "amoxicillin"),
    (zh_names.ZhPersonNameRecognizer, "他买了阿莫西林（amoxicillin）", "PERSON", "阿莫西林"),
    # a list of pastimes: a word jieba knows is no name, even beside one it misread
    (zh_names.ZhPersonNameRecognizer, "钓鱼、游湖、游泳、划船", "PERSON", "游泳"),
    # 皇家 and 三星 end like trades but are none; a common word jieba tags `nr` after a trade is no name
    (zh_names.ZhPersonNameRecognizer, "皇家贝蒂斯队5胜11平", "PERSON", "贝蒂斯"),
    (zh_names.ZhPersonNameRecognizer, "最新三星NexusPrime手机10台免费送", "PERSON", "NexusPrime"),
    (zh_names.ZhPersonNameRecognizer, "战队成员荣誉一览", "PERSON", "荣誉"),
    (zh_names.ZhPersonNameRecognizer, "陈旧性心肌梗死", "PERSON", "陈旧性"),
    (zh_names.ZhPersonNameRecognizer, "国务院总理今天出访", "PERSON", "国"),
    (zh_names.ZhPersonNameRecognizer, "国务院总理今天出访", "PERSON", "国务院"),
    (zh_names.ZhPersonNameRecognizer, "他当选为国家主席", "PERSON", "国家"),
    (zh_names.ZhPersonNameRecognizer, "医生和护士查房", "PERSON", "护士"),
    (zh_names.ZhPersonNameRecognizer, "血压和血糖平稳", "PERSON", "血糖"),
    (zh_names.ZhPersonNameRecognizer, "上级医师 查房记录 如下", "PERSON", "查房"),
    (zh_names.ZhPersonNameRecognizer, "上级医师 查房记录 如下", "PERSON", "查房记录"),
    (zh_names.ZhPersonNameRecognizer, "原告为个人，被告为公司。", "PERSON", "公司"),
    (zh_names.ZhPersonNameRecognizer, "审核医师：同意", "PERSON", "同意"),
    (zh_names.ZhPersonNameRecognizer, "卫视主持人:哈哈哈哈哈！", "PERSON", "哈哈哈"),
    (zh_names.ZhPersonNameRecognizer, "孙子孙女均体健", "PERSON", "孙子"),
    (zh_names.ZhPersonNameRecognizer, "国家卫健委副主任", "PERSON", "卫健委"),
    (zh_names.ZhPersonNameRecognizer, "被告人认罪认罚，报警人称其手机被盗", "PERSON", "认罪"),
    (zh_names.ZhPersonNameRecognizer, "邻居王大妈送来饭菜", "PERSON", "居王"),
    (zh_names.ZhPersonNameRecognizer, "总统府发言人表示", "PERSON", "府发"),
    (zh_names.ZhPersonNameRecognizer, "参加家长会。班主任：芮晓燕老师", "PERSON", "班"),
    (zh_names.ZhPersonNameRecognizer, "感谢师兄詹一鸣、师姐关晓彤的帮助", "PERSON", "师姐"),
    (zh_names.ZhPersonNameRecognizer, "小二，把酒菜全部给大爷上来", "PERSON", "全部给"),
    (zh_names.ZhPersonNameRecognizer, "和老公一起去超市", "PERSON", "老公"),
    (zh_names.ZhPersonNameRecognizer, "老百姓的日子好过了", "PERSON", "的"),
    # …which in a clinical note is a lab term or a finding cut short (查全/nr 腹部, 窦底/nr)
    (zh_names.ZhPersonNameRecognizer, "患者既往体健，查全腹部ct提示占位", "PERSON", "查全"),
    (zh_names.ZhPersonNameRecognizer, "3.窦底垂直骨高度2～4mm", "PERSON", "窦底"),
    (zh_names.ZhPersonNameRecognizer, "该院院长表示", "PERSON", "院"),
    (zh_names.ZhPersonNameRecognizer, "市委书记讲话", "PERSON", "委"),
    # a foreign word jieba tags `nrt` that is a place, a brand or an ordinary word
    (zh_names.ZhPersonNameRecognizer, "从纳什维尔出发，一路向南", "PERSON", "纳什维尔"),
    (zh_names.ZhPersonNameRecognizer, "买了一盒哈根达斯冰淇淋", "PERSON", "哈根达斯"),
    (zh_names.ZhPersonNameRecognizer, "拜托你快点", "PERSON", "拜托"),
    (zh_names.ZhPersonNameRecognizer, "建设部原副部长出席", "PERSON", "原副"),
    (zh_names.ZhPersonNameRecognizer, "他的小说说明了一切", "PERSON", "小说"),
    (zh_names.ZhPersonNameRecognizer, "老太太说：当你不去旅行", "PERSON", "老太太"),
    (zh_names.ZhPersonNameRecognizer, "王建国副院长说", "PERSON", "国副"),
    (zh_names.ZhPersonNameRecognizer, "国家卫健委副主任出席", "PERSON", "卫健委"),
    (zh_names.ZhPersonNameRecognizer, "主持人：大家好，欢迎收看", "PERSON", "大家好"),
    (zh_names.ZhPersonNameRecognizer, "白蛋白：35g/L", "PERSON", "白蛋白"),
    (zh_names.ZhPersonNameRecognizer, "在玉树州连续居住时间大于一年", "PERSON", "玉树州"),
    (zh_names.ZhPersonNameRecognizer, "患者1月前出现阴道内流出少量液体", "PERSON", "阴道内"),
    (zh_address.ZhAddressRecognizer, "铁路与公路并行", "ADDRESS", "铁路与公路"),
    (zh_address.ZhAddressRecognizer, "走在回家的路上", "ADDRESS", "回家的路"),
    (zh_address.ZhAddressRecognizer, "到了十字路口就右转", "ADDRESS", "了十字路"),
    (zh_address.ZhAddressRecognizer, "在前面的路口左转", "ADDRESS", "前面的路"),
    (zh_address.ZhAddressRecognizer, "在他的心路历程中", "ADDRESS", "他的心路"),
    (zh_address.ZhAddressRecognizer, "信息流新增地点卡片", "ADDRESS", "卡片"),
    (zh_address.ZhAddressRecognizer, "在本市各区县开展检查", "ADDRESS", "本市各区"),
    (zh_names.ZhPersonNameRecognizer, "沿滨江大道向东步行十分钟即到", "PERSON", "向东"),
    (zh.ZhDateRecognizer, "增长率为2019.12%", "DATE", "2019.12"),
    (zh.ZhDateRecognizer, "营业收入1996.08万元", "DATE", "1996.08"),
    (zh.ZhMobilePhoneRecognizer, "剂量0.5 1234", "PHONE", "0.5 1234"),
    (zh.ZhSocialAccountRecognizer, "微信支付成功", "ACCOUNT", "支付成功"),
    (zh.ZhSocialAccountRecognizer, "QQ群：12", "ACCOUNT", "12"),
    (zh.ZhAnchoredIdRecognizer, "工号：无", "ID", "无"),
    (zh_address.ZhOrganizationRecognizer, "建议转至上级医院进一步治疗", "ORGANIZATION", "上级医院"),
    (zh_address.ZhOrganizationRecognizer, "曾在当地医院输液", "ORGANIZATION", "当地医院"),
    (zh_address.ZhOrganizationRecognizer, "建议到当地三甲医院或专科医院就诊", "ORGANIZATION", "专科医院"),
    (zh_address.ZhOrganizationRecognizer, "甲方于每月十五日前支付至乙方银行卡", "ORGANIZATION", "乙方银行"),
]


@pytest.mark.parametrize(
    "cls,text,label,value", POSITIVE, ids=[f"{c.__name__}-{i}" for i, (c, *_) in enumerate(POSITIVE)]
)
def test_zh_recognizer_finds(recognize, cls, text, label, value):
    assert (label, value) in recognize(cls, text, "zh")


@pytest.mark.parametrize(
    "cls,text,label,value", NEGATIVE, ids=[f"{c.__name__}-{i}" for i, (c, *_) in enumerate(NEGATIVE)]
)
def test_zh_recognizer_rejects(recognize, cls, text, label, value):
    assert (label, value) not in recognize(cls, text, "zh")


@pytest.mark.parametrize(
    "value,ok",
    [
        ("11010519491231002X", True),
        ("11010519491231002x", True),
        ("110105194912310021", False),
        ("51010719901116845X", True),
        ("1101051949123100", False),
    ],
)
def test_resident_id_check_digit(value, ok):
    assert resident_id_ok(value) is ok


@pytest.mark.parametrize(
    "value,ok",
    [
        ("91350100M000100Y43", True),
        ("91350100M000100Y44", False),
        ("91110000600037341L", True),
        ("9111000060003734IL", False),
    ],
)
def test_credit_code_check_character(value, ok):
    assert credit_code_ok(value) is ok
