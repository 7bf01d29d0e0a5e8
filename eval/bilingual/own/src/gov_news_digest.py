"""REPORT half. A city government's weekly bilingual news digest as a Markdown page (the shape of the hidden
page): `## 中文标题 English Title` headings, each item Chinese paragraph(s) then the English translation,
quotations with a `——某年某月某日，某某在…时的讲话` attribution line under them, `词汇 Vocabulary` notes in three
styles (`- 中文：English`, `中文 English`, a Markdown table) and a closing glossary table; site chrome around.

All items, people and numbers are invented for this evaluation set.
"""
from pagebuilder import Page

ITEMS = [
    dict(
        zh_title='本市发布碳达峰实施方案',
        en_title='City Releases Action Plan for Peaking Carbon Emissions',
        paras=[
            ('5月8日，市政府新闻办举行新闻发布会，正式公布《本市碳达峰实施方案》。方案提出，到2025年，全市单位地区生产总值能耗比2020年下降14%，非化石能源消费比重达到20%左右；2030年前，全市二氧化碳排放量达到峰值并实现稳中有降。',
             "On May 8, the press office of the municipal government held a news conference to release the city's Action Plan for Peaking Carbon Emissions. Under the plan, energy consumption per unit of GDP will fall by 14 percent from the 2020 level by 2025, and non-fossil energy will account for about 20 percent of total energy consumption. The city's carbon dioxide emissions are to peak before 2030 and then stabilize and decline."),
            ('方案围绕能源、工业、建筑、交通等重点领域部署了十项行动，明确新建公共建筑全面执行绿色建筑标准，2025年底前全市公交车全部更换为新能源车辆。',
             "The plan sets out ten actions in key sectors including energy, industry, construction and transport. All new public buildings will have to meet green building standards, and the city's entire bus fleet will be replaced with new-energy vehicles by the end of 2025."),
        ],
        quote=('“实现碳达峰不是一道选择题，而是一道必答题。我们既要积极稳妥，又要久久为功。”',
               '——2023年5月8日，市发展改革委主任刘志强在新闻发布会上的讲话',
               '"Peaking carbon emissions is not a multiple-choice question but one we must answer. We need to act proactively and prudently, and keep up our efforts over the long term."',
               '— From a speech by Liu Zhiqiang, director of the Municipal Development and Reform Commission, at the news conference on May 8, 2023'),
        quote_style='blockquote',
    ),
    dict(
        zh_title='数字政府建设取得新进展',
        en_title='New Progress in Building a Digital Government',
        paras=[
            ('市政务服务和数据管理局5月9日通报，全市已有1,860项政务服务事项实现“一网通办”，其中92%可全程网上办理，企业开办时间压缩至1个工作日以内。',
             'The Municipal Government Services and Data Administration reported on May 9 that 1,860 government services can now be accessed through a single online platform, and 92 percent of them can be completed entirely online. The time needed to start a business has been cut to less than one working day.'),
            ('今年，全市将重点推进“高效办成一件事”改革，把出生医学证明、户口登记、医保参保等关联事项整合为一次申请、一次办结。',
             'This year, the city will focus on reforms to get each matter done efficiently, combining related procedures such as birth certificates, household registration and medical insurance enrollment into a single application that is processed in one go.'),
            ('与此同时，线下服务不会取消。各区政务服务中心将保留人工窗口，并为老年人和残疾人提供帮办代办服务。',
             'Meanwhile, in-person services will remain available. Government service centers in every district will keep staffed counters and offer assisted services to elderly and disabled residents.'),
        ],
    ),
    dict(
        zh_title='第二届数字经济博览会将于6月开幕',
        en_title='Second Digital Economy Expo to Open in June',
        paras=[
            ('第二届数字经济博览会将于6月15日至18日在市国际会展中心举办，展览面积约8万平方米，预计吸引800余家企业参展。',
             "The Second Digital Economy Expo will be held at the city's International Convention and Exhibition Center from June 15 to 18. Covering about 80,000 square meters, it is expected to attract more than 800 exhibitors."),
            ('本届博览会设人工智能、工业互联网、数据要素等六大展区，并首次开设面向中小企业的数字化转型服务专区。',
             'The expo will have six exhibition zones, including artificial intelligence, the industrial internet and data as a factor of production. For the first time, it will also feature an area offering digital transformation services to small and medium-sized enterprises.'),
        ],
    ),
    dict(
        zh_title='城市更新行动惠及12万户居民',
        en_title='Urban Renewal Benefits 120,000 Households',
        paras=[
            ('今年全市计划改造老旧小区186个，涉及居民约12万户。改造内容包括加装电梯、更新水电气管网、增设停车位和充电桩等。',
             'The city plans to renovate 186 old residential compounds this year, benefiting about 120,000 households. The work includes installing elevators, upgrading water, power and gas lines, and adding parking spaces and charging points.'),
            ('市住房和城乡建设局表示，改造方案将由居民共同商议确定，“改不改、改什么、怎么改”都由居民说了算。',
             'The Municipal Housing and Urban-Rural Development Bureau said that residents would decide on renovation plans together and have the final say on whether to renovate, what to renovate and how.'),
        ],
        quote=('“老旧小区改造是民生工程，也是民心工程。”',
               '——2023年5月10日，市住房和城乡建设局局长周文斌在老旧小区改造现场推进会上的讲话',
               '"Renovating old residential compounds is a project for people\'s livelihoods, and a project that wins people\'s hearts."',
               '— From a speech by Zhou Wenbin, director of the Municipal Housing and Urban-Rural Development Bureau, at an on-site meeting on the renovation of old residential compounds on May 10, 2023'),
        quote_style='plain',
    ),
    dict(
        zh_title='高校毕业生就业服务月启动',
        en_title='Employment Service Month Launched for College Graduates',
        paras=[
            ('市人力资源和社会保障局5月11日启动高校毕业生就业服务月活动，一个月内将举办线上线下招聘会60场，提供岗位3万余个。',
             'The Municipal Human Resources and Social Security Bureau launched an employment service month for college graduates on May 11. Over the month, it will hold 60 online and offline job fairs offering more than 30,000 positions.'),
            ('对吸纳应届毕业生就业并签订一年以上劳动合同的中小微企业，按每人1,500元的标准给予一次性扩岗补助。',
             'Small, medium-sized and micro enterprises that hire new graduates on employment contracts of one year or longer will receive a one-off subsidy of 1,500 yuan for each new hire.'),
        ],
    ),
    dict(
        zh_title='长江禁渔成效明显',
        en_title='Yangtze Fishing Ban Shows Clear Results',
        paras=[
            ('长江十年禁渔实施以来，本市江段监测到的鱼类由禁渔前的98种增加到126种，长江江豚出现的频次明显增加。',
             "Since the ten-year fishing ban on the Yangtze River took effect, the number of fish species recorded in the city's section of the river has risen from 98 to 126, and Yangtze finless porpoises are being sighted much more often."),
            ('市农业农村局表示，将继续加强执法巡查，严厉打击非法捕捞，并做好退捕渔民的就业帮扶和社会保障工作。',
             'The Municipal Agriculture and Rural Affairs Bureau said that it would step up law enforcement patrols, crack down hard on illegal fishing, and continue to help former fishermen find jobs and obtain social security.'),
        ],
    ),
    dict(
        zh_title='市政府常务会议研究部署安全生产工作',
        en_title='Executive Meeting of the Municipal Government Discusses Workplace Safety',
        paras=[
            ('市政府5月11日召开常务会议，研究部署当前安全生产和防汛工作。会议要求，各区各部门要全面排查燃气、危险化学品、建筑施工等重点行业领域的风险隐患。',
             'The municipal government held an executive meeting on May 11 to discuss workplace safety and flood prevention. The meeting required all districts and departments to conduct thorough checks for risks and hazards in key sectors such as gas supply, hazardous chemicals and building construction.'),
            ('会议强调，汛期即将到来，要提前做好防汛物资储备和人员转移预案，确保人民群众生命财产安全。',
             "With the flood season approaching, the meeting stressed the need to stockpile flood control supplies and prepare evacuation plans in advance to protect people's lives and property."),
        ],
        quote=('“安全生产没有旁观者，每一个岗位都是一道防线。”',
               '——2023年5月11日，市长陈立新在市政府常务会议上的讲话',
               '"No one is a bystander when it comes to workplace safety. Every post is a line of defense."',
               '— From a speech by Mayor Chen Lixin at the executive meeting of the municipal government on May 11, 2023'),
        quote_style='blockquote',
    ),
    dict(
        zh_title='本市新开三条公交微循环线路',
        en_title='Three New Community Shuttle Bus Routes Open',
        paras=[
            ('为解决居民出行“最后一公里”问题，市交通运输局自5月13日起新开通三条公交微循环线路，串联12个社区、4个地铁站和2所医院。',
             'To solve the "last mile" problem for residents, the Municipal Transport Bureau opened three new community shuttle bus routes on May 13, linking 12 neighborhoods, four metro stations and two hospitals.'),
            ('新线路采用小型新能源公交车，发车间隔为10至15分钟，票价统一为1元。',
             'The new routes use small new-energy buses running every 10 to 15 minutes, with a flat fare of 1 yuan.'),
        ],
    ),
    dict(
        zh_title='乡村振兴：特色农产品走向全国',
        en_title='Rural Revitalization: Local Specialties Reach Consumers Nationwide',
        paras=[
            ('今年一季度，全市农产品网络零售额达到23.6亿元，同比增长18.4%，茶叶、柑橘和淡水小龙虾成为最受欢迎的三类产品。',
             "In the first quarter of this year, online retail sales of the city's farm produce reached 2.36 billion yuan, up 18.4 percent year on year. Tea, citrus fruits and freshwater crayfish were the three most popular categories."),
            ('市商务局将继续支持农村电商服务站建设，组织直播带货培训，帮助农民把好产品卖出好价钱。',
             'The Municipal Commerce Bureau will continue to support the building of rural e-commerce service stations and organize training in livestream selling, helping farmers get good prices for good products.'),
        ],
    ),
    dict(
        zh_title='异地就医直接结算范围扩大',
        en_title='Direct Settlement of Medical Bills Outside Home Regions Expanded',
        paras=[
            ('自6月1日起，参保人员在省外定点医疗机构门诊就医，可直接使用社会保障卡或医保电子凭证结算，无需先行垫付再回参保地报销。',
             'Starting June 1, insured people who receive outpatient treatment at designated medical institutions outside the province will be able to settle their bills directly with their social security card or electronic medical insurance certificate, instead of paying upfront and claiming reimbursement back home.'),
            ('市医疗保障局提醒，参保人员可通过国家医保服务平台应用程序在线办理异地就医备案。',
             'The Municipal Healthcare Security Bureau reminded insured people that they can register online for medical treatment outside their home region through the app of the National Healthcare Security Service Platform.'),
        ],
    ),
    dict(
        zh_title='第十届市民文化节5月20日开幕',
        en_title="10th Citizens' Cultural Festival Opens on May 20",
        paras=[
            ('第十届市民文化节将于5月20日开幕，为期五个月，将举办戏曲、音乐、阅读、非遗展示等各类文化活动1,200余场，绝大部分活动免费向市民开放。',
             "The 10th Citizens' Cultural Festival will open on May 20 and run for five months, with more than 1,200 events including traditional opera, music, reading and intangible cultural heritage exhibitions. Most of the events will be free and open to the public."),
        ],
        quote=('“让文化像空气一样，弥漫在城市的每一个角落。”',
               '——2023年5月12日，市文化广电旅游局副局长孙雅琴在市民文化节新闻通气会上的讲话',
               '"We want culture to be like the air, filling every corner of the city."',
               "— From remarks by Sun Yaqin, deputy director of the Municipal Bureau of Culture, Radio, Television and Tourism, at a press briefing on the Citizens' Cultural Festival on May 12, 2023"),
        quote_style='plain',
    ),
    dict(
        zh_title='一季度全市经济运行稳中向好',
        en_title="City's Economy Off to a Steady Start in First Quarter",
        paras=[
            ('市统计局5月12日发布的数据显示，一季度全市地区生产总值同比增长5.2%，规模以上工业增加值增长6.1%，社会消费品零售总额增长7.8%。',
             "Data released by the Municipal Bureau of Statistics on May 12 show that the city's GDP grew by 5.2 percent year on year in the first quarter. The value added of industrial enterprises above designated size rose by 6.1 percent, and total retail sales of consumer goods increased by 7.8 percent."),
            ('市统计局新闻发言人表示，下一阶段要继续扩大有效需求，巩固经济回升向好的基础。',
             'A spokesperson for the bureau said that the city would continue to expand effective demand and consolidate the foundation for economic recovery.'),
        ],
    ),
]

# 词汇 Vocabulary note of each item (1-based item number): (style, term pairs)
VOCAB = {
    1: ('dash-colon', [('碳达峰', 'peaking carbon emissions'), ('碳中和', 'carbon neutrality'),
                       ('非化石能源', 'non-fossil energy'), ('单位地区生产总值能耗', 'energy consumption per unit of GDP'),
                       ('绿色建筑', 'green building'), ('新能源车辆', 'new-energy vehicle'),
                       ('积极稳妥', 'proactive and prudent'), ('久久为功', 'keep up efforts over the long term')]),
    2: ('space', [('一网通办', 'one-stop online government services'), ('政务服务事项', 'government service item'),
                  ('全程网上办理', 'fully online processing'), ('企业开办', 'business start-up'),
                  ('高效办成一件事', 'getting each matter done efficiently'), ('帮办代办', 'assisted services'),
                  ('人工窗口', 'staffed counter')]),
    3: ('table', [('人工智能', 'artificial intelligence'), ('工业互联网', 'industrial internet'),
                  ('数据要素', 'data as a factor of production'), ('数字化转型', 'digital transformation'),
                  ('会展中心', 'convention and exhibition center'), ('展区', 'exhibition zone'),
                  ('中小企业', 'small and medium-sized enterprises')]),
    4: ('dash-colon', [('老旧小区改造', 'renovation of old residential compounds'), ('加装电梯', 'installing elevators'),
                       ('管网', 'pipe network'), ('充电桩', 'charging point'),
                       ('民生工程', "project for people's livelihoods"), ('民心工程', "project that wins people's hearts")]),
    5: ('space', [('应届毕业生', 'new graduates'), ('就业服务月', 'employment service month'), ('招聘会', 'job fair'),
                  ('劳动合同', 'employment contract'), ('中小微企业', 'small, medium-sized and micro enterprises'),
                  ('一次性扩岗补助', 'one-off job expansion subsidy')]),
    6: ('dash-colon', [('十年禁渔', 'ten-year fishing ban'), ('江豚', 'finless porpoise'),
                       ('执法巡查', 'law enforcement patrol'), ('非法捕捞', 'illegal fishing'),
                       ('退捕渔民', 'former fishermen'), ('社会保障', 'social security')]),
    7: ('space', [('安全生产', 'workplace safety'), ('防汛', 'flood prevention'), ('危险化学品', 'hazardous chemicals'),
                  ('风险隐患', 'risks and hazards'), ('汛期', 'flood season'), ('转移预案', 'evacuation plan')]),
    8: ('dash-colon', [('公交微循环线路', 'community shuttle bus route'), ('最后一公里', 'last mile'),
                       ('发车间隔', 'service interval'), ('新能源公交车', 'new-energy bus'), ('票价', 'fare')]),
    9: ('table', [('乡村振兴', 'rural revitalization'), ('农村电商', 'rural e-commerce'), ('直播带货', 'livestream selling'),
                  ('网络零售额', 'online retail sales'), ('同比增长', 'year-on-year growth'), ('小龙虾', 'crayfish')]),
    10: ('dash-colon', [('异地就医', "medical treatment outside one's home region"),
                        ('医保电子凭证', 'electronic medical insurance certificate'),
                        ('定点医疗机构', 'designated medical institution'), ('门诊', 'outpatient treatment'),
                        ('直接结算', 'direct settlement'), ('备案', 'registration')]),
    11: ('space', [('非物质文化遗产', 'intangible cultural heritage'), ('市民文化节', "Citizens' Cultural Festival"),
                   ('戏曲', 'traditional opera'), ('新闻通气会', 'press briefing')]),
    12: ('dash-colon', [('规模以上工业增加值', 'value added of industrial enterprises above designated size'),
                        ('社会消费品零售总额', 'total retail sales of consumer goods'),
                        ('地区生产总值', 'gross domestic product (GDP)'), ('有效需求', 'effective demand'),
                        ('稳中向好', 'steady with positive momentum')]),
}

GLOSSARY = [
    ('高质量发展', 'high-quality development'),
    ('新型城镇化', 'new urbanization'),
    ('营商环境', 'business environment'),
    ('放管服改革', 'reform to streamline administration, delegate powers and improve services'),
    ('绿色低碳', 'green and low-carbon'),
    ('应急管理', 'emergency management'),
]


def build():
    p = Page('gov-news-digest.md', 'government news digest, Markdown; one-line bilingual headings; zh paragraph then en; '
             'quotations with attribution lines; vocabulary notes in three styles; glossary table; site chrome',
             'report')
    # --- site chrome (head) ---
    p.add('* [首页](https://www.example.gov.cn/)',
          '* [要闻动态](https://www.example.gov.cn/news/)',
          '* [政策文件](https://www.example.gov.cn/policy/)',
          '* [政务服务](https://www.example.gov.cn/service/)',
          '* [互动交流](https://www.example.gov.cn/hudong/)',
          '* [双语新闻](https://www.example.gov.cn/bilingual/)',
          '* [English](https://www.example.gov.cn/en/)')
    p.blank()
    p.add('当前位置：[首页](https://www.example.gov.cn/) > [双语新闻](https://www.example.gov.cn/bilingual/) > 正文')
    p.blank()
    p.one_line('# {zh} {en}', '双语政务周报（2023年第19期）', 'Bilingual Government News Weekly (No. 19, 2023)')
    p.blank()
    p.add('发布时间：2023-05-15 09:30　来源：市人民政府新闻办公室　浏览次数：2,417')
    p.blank()
    p.add('【字体：[大](#) [中](#) [小](#)】　[打印本页](#)　[关闭窗口](#)')
    p.blank()
    nz = '编者按：本周报每周一发布，精选一周政务要闻，中英文对照刊出，供市民和在本市工作生活的外籍人士阅读。'
    ne = ("Editor's note: Published every Monday, this weekly brings together the main government news of the week "
          "in Chinese and English for residents and for foreign nationals working and living in the city.")
    zr = p.add('> ' + nz)
    er = p.add('> ' + ne)
    p.pair(zr, er, 'body', nz, ne, note="editor's note: one blockquote, the two languages on consecutive lines")
    p.blank()
    p.add('---')
    p.blank()

    for k, it in enumerate(ITEMS, 1):
        p.one_line('## {zh} {en}', it['zh_title'], it['en_title'])
        p.blank()
        if k == 4:
            p.add('![老旧小区加装电梯施工现场](https://www.example.gov.cn/images/2023/05/renovation.jpg)')
            p.blank()
        for zh, en in it['paras']:
            zr = p.add(zh)
            p.blank()
            er = p.add(en)
            p.blank()
            p.pair(zr, er, 'body', zh, en)
        q = it.get('quote')
        if q:
            qzh, azh, qen, aen = q
            if it['quote_style'] == 'blockquote':
                zq = p.add('> ' + qzh)
                p.add('>')
                za = p.add('> ' + azh)
                p.blank()
                eq = p.add('> ' + qen)
                p.add('>')
                ea = p.add('> ' + aen)
            else:
                zq = p.add(qzh)
                za = p.add(azh)
                p.blank()
                eq = p.add(qen)
                ea = p.add(aen)
            p.blank()
            p.pair(zq, eq, 'body', qzh, qen, note='quotation')
            p.pair(za, ea, 'aside', azh, aen, note='attribution line')
        style, voc = VOCAB[k]
        if voc:
            r = p.add('**词汇 Vocabulary**')
            p.pair(r, r, 'label', '词汇', 'Vocabulary', note='repeated block label: neutral')
            p.blank()
            if style == 'table':
                p.add('| 中文 | English |', '| --- | --- |')
                for zh, en in voc:
                    r = p.add(f'| {zh} | {en} |')
                    p.pair(r, r, 'term', zh, en)
            else:
                for zh, en in voc:
                    r = p.add(f'- {zh}：{en}' if style == 'dash-colon' else f'{zh} {en}')
                    if style == 'space':
                        p.add('')  # these are separate paragraphs in the source
                    p.pair(r, r, 'term', zh, en)
            p.blank()
        p.add('---')
        p.blank()

    p.one_line('### {zh} {en}', '本期术语', 'Glossary')
    p.blank()
    p.add('| 中文 | English |', '|:---|:---|')
    for zh, en in GLOSSARY:
        r = p.add(f'| {zh} | {en} |')
        p.pair(r, r, 'term', zh, en)
    p.blank()
    # --- site chrome (foot) ---
    p.add('责任编辑：李娜　英文审校：Michael Grant')
    p.blank()
    p.add('分享到：[微信](#) [微博](#) [QQ空间](#)')
    p.blank()
    p.add('上一篇：[双语政务周报（2023年第18期）](https://www.example.gov.cn/bilingual/2023-18.html)',
          '下一篇：[双语政务周报（2023年第20期）](https://www.example.gov.cn/bilingual/2023-20.html)')
    p.blank()
    p.add('**相关新闻**')
    p.blank()
    p.add('* [市政府召开第十二次常务会议](https://www.example.gov.cn/news/20230511.html)',
          '* [本市召开优化营商环境大会](https://www.example.gov.cn/news/20230505.html)',
          '* [2023年政府工作报告（双语全文）](https://www.example.gov.cn/bilingual/report2023.html)')
    p.blank()
    p.add('---')
    p.blank()
    p.add('[网站地图](#) | [联系我们](#) | [隐私声明](#) | [网站纠错](#)')
    p.blank()
    p.add('主办：市人民政府办公室　承办：市人民政府新闻办公室　地址：人民路100号　邮编：100000')
    p.blank()
    p.add('版权所有 © 2023 市人民政府　网站标识码 0000000001　ICP备00000000号-1')
    return p
