"""TUNE half. A provincial eco-environment department's bilingual bulletin, Markdown: the tune-half sibling of
gov-news-digest.md, with the same ingredients in other forms. Headings `### 一、中文标题 / English Title` (a
Chinese ordinal, a ` / ` separator); a table of contents of one-line bilingual links (neutral); Chinese
paragraph(s) then English; one item with two Chinese paragraphs rendered as one English paragraph; quotations
whose attribution is `——摘自…` or a parenthesised line; terms as `**碳汇** carbon sink` list items, or several
pairs on one line (`碳汇 carbon sink；蓝碳 blue carbon`); a closing `术语表 Glossary` with ` / ` separators;
site chrome. All items, people and figures are invented for this set.
"""
from pagebuilder import Page

ORD = '一二三四五六七八九十'

ITEMS = [
    dict(zh_title='红树林湿地修复工程完工', en_title='Mangrove Wetland Restoration Project Completed',
         paras=[
             (['3月18日，沿海湿地保护区红树林修复工程通过竣工验收。工程历时两年，新种植红树林420公顷，修复退化红树林160公顷。'],
              'On March 18, the mangrove restoration project in the coastal wetland reserve passed its final inspection. Over two years, the project planted 420 hectares of new mangroves and restored 160 hectares of degraded mangrove forest.'),
             (['监测数据显示，修复区内记录到的鸟类已从工程开始前的87种增加到131种，其中包括黑脸琵鹭等珍稀物种。'],
              'Monitoring data show that the number of bird species recorded in the restored area has risen from 87 before the project began to 131, including rare species such as the black-faced spoonbill.'),
         ],
         terms=('list', [('红树林', 'mangrove'), ('黑脸琵鹭', 'black-faced spoonbill')])),
    dict(zh_title='一季度全省空气质量持续改善', en_title='Air Quality Continues to Improve in First Quarter',
         paras=[
             (['今年一季度，全省设区市空气质量优良天数比例为91.3%，同比上升2.6个百分点；细颗粒物（PM2.5）平均浓度为29微克/立方米，同比下降6.5%。'],
              'In the first quarter of this year, the share of days with good or excellent air quality in the cities of the province was 91.3 percent, up 2.6 percentage points year on year. The average concentration of fine particulate matter (PM2.5) was 29 micrograms per cubic meter, down 6.5 percent.'),
             (['省生态环境厅表示，春季是臭氧污染的易发期，将加强对挥发性有机物排放企业的执法检查。'],
              'The provincial Department of Ecology and Environment said that spring is a season prone to ozone pollution, and it would step up inspections of enterprises that emit volatile organic compounds.'),
         ],
         quote=('“蓝天白云不是靠天吃饭，而是靠一项项措施干出来的。”',
                '——摘自2024年4月2日省生态环境厅厅长何建国在全省大气污染防治工作会议上的讲话',
                '"Blue skies and white clouds do not depend on the weather. They are the result of one measure after another."',
                '— Excerpted from remarks by He Jianguo, director of the provincial Department of Ecology and Environment, at the provincial conference on air pollution control on April 2, 2024'),
         terms=('inline', [('细颗粒物', 'fine particulate matter'), ('臭氧', 'ozone'), ('挥发性有机物', 'volatile organic compounds')])),
    dict(zh_title='生活垃圾分类覆盖全部城市社区', en_title='Household Waste Sorting Now Covers All Urban Communities',
         paras=[
             (['截至3月底，全省城市社区生活垃圾分类覆盖率达到100%，农村地区覆盖率达到78%。',
               '全省生活垃圾焚烧处理能力达到每日4.2万吨，基本实现原生生活垃圾“零填埋”。'],
              'By the end of March, household waste sorting covered all urban communities in the province and 78 percent of rural areas. The province can now incinerate 42,000 tons of household waste a day, and almost no untreated household waste goes to landfill.'),
             (['下一步，各地将重点提高厨余垃圾的分出质量，并推广“定时定点”投放模式。'],
              'Next, localities will focus on separating kitchen waste more cleanly and promote the practice of putting out waste at set times and places.'),
         ],
         terms=('list', [('厨余垃圾', 'kitchen waste'), ('零填埋', 'zero landfill')])),
    dict(zh_title='河湖长制助力水环境持续向好', en_title='River and Lake Chief System Improves Water Quality',
         paras=[
             (['全省共设立省、市、县、乡、村五级河湖长3.8万名，今年以来累计巡河巡湖52万人次，解决问题1.2万个。'],
              'The province has appointed 38,000 river and lake chiefs at the provincial, city, county, township and village levels. Since the start of the year, they have made 520,000 patrols and solved 12,000 problems.'),
             (['一季度，全省地表水国控断面水质优良比例达到94.7%，无劣V类水体。'],
              'In the first quarter, 94.7 percent of the surface water sections monitored by the state in the province had good water quality, and none was worse than Grade V.'),
         ],
         terms=('inline', [('河湖长制', 'river and lake chief system'), ('劣V类', 'worse than Grade V')])),
    dict(zh_title='噪声污染防治行动启动', en_title='Campaign Against Noise Pollution Launched',
         paras=[
             (['为回应群众关切，省生态环境厅联合公安、住建等部门启动为期半年的噪声污染防治专项行动，重点整治夜间施工、娱乐场所和机动车“炸街”噪声。'],
              'In response to public concerns, the provincial Department of Ecology and Environment, together with the public security and housing authorities, launched a six-month campaign against noise pollution, targeting construction at night, entertainment venues and noisy modified vehicles.'),
         ],
         quote=('“安静的夜晚，也是群众的获得感。”',
                '（2024年3月26日，省生态环境厅副厅长林晓燕在新闻发布会上表示）',
                '"A quiet night is also a real benefit for people."',
                '(Lin Xiaoyan, deputy director of the provincial Department of Ecology and Environment, at a news conference on March 26, 2024)')),
    dict(zh_title='第二次生物多样性调查发现新物种', en_title='Second Biodiversity Survey Finds New Species',
         paras=[
             (['全省第二次生物多样性本底调查阶段性成果显示，调查共记录野生高等植物4,216种、野生脊椎动物892种，其中有3个物种为科学新种。'],
              'Interim results of the second baseline biodiversity survey of the province show that it has recorded 4,216 species of wild higher plants and 892 species of wild vertebrates, including three species new to science.'),
             (['调查团队由12所高校和科研院所的300多名专业人员组成，预计明年底完成全部野外调查。'],
              'The survey team is made up of more than 300 specialists from 12 universities and research institutes, and the field survey is expected to be completed by the end of next year.'),
         ],
         terms=('list', [('生物多样性', 'biodiversity'), ('本底调查', 'baseline survey')])),
    dict(zh_title='生态环境执法推行“非现场监管”', en_title='Environmental Enforcement Turns to Remote Supervision',
         paras=[
             (['今年以来，全省已有2,300余家重点排污单位安装在线监控设备，执法人员可通过数据分析发现异常排放，减少对守法企业的现场检查。'],
              'Since the start of the year, more than 2,300 key pollutant-discharging units in the province have installed online monitoring equipment. Law enforcement officers can detect abnormal emissions through data analysis, which means fewer on-site inspections for law-abiding businesses.'),
         ],
         terms=('inline', [('非现场监管', 'remote supervision'), ('重点排污单位', 'key pollutant-discharging unit')])),
    dict(zh_title='环保设施向公众开放', en_title='Environmental Facilities Open to the Public',
         paras=[
             (['4月起，全省156座污水处理厂、垃圾焚烧厂和环境监测站将定期向公众开放，市民可通过“生态环境”微信公众号预约参观。'],
              'Starting in April, 156 sewage treatment plants, waste incineration plants and environmental monitoring stations across the province will open regularly to the public. Residents can book visits through the department\'s WeChat account.'),
             (['开放活动每月举办一次，每次接待不超过50人，中小学生团体可优先预约。'],
              'Visits will take place once a month, with up to 50 people each time, and school groups will be given priority.'),
         ]),
    dict(zh_title='农村生活污水治理率达到52%', en_title='Rural Sewage Treatment Rate Reaches 52 Percent',
         paras=[
             (['截至去年底，全省农村生活污水治理率达到52%，比2020年提高19个百分点。'],
              'By the end of last year, 52 percent of rural household sewage in the province was treated, 19 percentage points higher than in 2020.'),
             (['今年将新建和改造农村污水处理设施1,500座，优先覆盖饮用水水源保护区和重点河湖沿线的村庄。'],
              'This year, 1,500 rural sewage treatment facilities will be built or upgraded, starting with villages in drinking water source protection areas and along key rivers and lakes.'),
         ],
         terms=('inline', [('农村生活污水', 'rural household sewage'), ('饮用水水源保护区', 'drinking water source protection area')])),
    dict(zh_title='“绿色出行宣传月”活动举行', en_title='Green Commuting Month Held Across the Province',
         paras=[
             (['4月，全省开展“绿色出行宣传月”活动，鼓励市民选择公共交通、骑行和步行。活动期间，各地公交和地铁累计发放优惠券120万张。'],
              'In April, the province held a Green Commuting Month to encourage residents to take public transport, cycle or walk. During the month, bus and metro operators across the province gave out 1.2 million discount coupons.'),
             (['据测算，活动期间全省机动车出行量减少约4%，相当于减少二氧化碳排放1.6万吨。'],
              'It is estimated that car trips in the province fell by about 4 percent during the month, cutting carbon dioxide emissions by about 16,000 tons.'),
         ],
         quote=('“每少开一天车，就是为蓝天出一份力。”',
                '——摘自2024年4月1日省交通运输厅副厅长郑凯在活动启动仪式上的致辞',
                '"Every day you leave your car at home helps keep the sky blue."',
                '— Excerpted from remarks by Zheng Kai, deputy director of the provincial Department of Transport, at the launch ceremony on April 1, 2024')),
]

GLOSSARY = [('生态修复', 'ecological restoration'), ('碳汇', 'carbon sink'), ('蓝碳', 'blue carbon'),
            ('环境影响评价', 'environmental impact assessment'), ('排污许可', 'pollutant discharge permit'),
            ('清洁能源', 'clean energy')]


def build():
    p = Page('eco-newsletter.md', 'eco-environment bulletin, Markdown: `### 一、中文 / English` headings, TOC of '
             'bilingual links, zh then en paragraphs (one 2-1), quotes with `——摘自…` or parenthesised '
             'attributions, term lists and several term pairs on one line, glossary with ` / `', 'tune')
    p.add('[![省生态环境厅](/images/logo.png)](/)')
    p.blank()
    p.add('[首页](/) · [机构概况](/jggk/) · [新闻中心](/xwzx/) · [环境质量](/hjzl/) · [政务公开](/zwgk/) · [双语简报](/sybj/)')
    p.blank()
    p.add('您现在的位置：首页 » 新闻中心 » 双语简报')
    p.blank()
    p.one_line('# {zh} | {en}', '生态环境双语简报', 'Eco-Environment Bilingual Bulletin')
    p.blank()
    r = p.add('2024年第3期（总第27期）　Issue 3, 2024 (No. 27)')
    p.pair(r, r, 'label', '2024年第3期（总第27期）', 'Issue 3, 2024 (No. 27)', note='issue line: neutral')
    p.blank()
    p.add('日期：2024-04-08　阅读次数：863　【[打印](#)】【[关闭](#)】')
    p.blank()
    p.one_line('**{zh} {en}**', '本期目录', 'Contents')
    p.blank()
    for k, it in enumerate(ITEMS, 1):
        r = p.add(f'{k}. [{it["zh_title"]} {it["en_title"]}](#item{k})')
        p.pair(r, r, 'label', it['zh_title'], it['en_title'], note='table of contents entry: neutral')
    p.blank()
    p.add('* * *')
    p.blank()
    for k, it in enumerate(ITEMS, 1):
        p.add(f'<a name="item{k}"></a>')
        p.one_line('### {zh} / {en}', f'{ORD[k - 1]}、{it["zh_title"]}', it['en_title'])
        p.blank()
        for zhs, en in it['paras']:
            rr = []
            for zh in zhs:
                rr.append(p.add(zh))
                p.blank()
            er = p.add(en)
            p.blank()
            p.pair((rr[0][0], rr[-1][1]), er, 'body', ''.join(zhs), en,
                   note='2-1: two zh paragraphs, one en paragraph' if len(zhs) > 1 else '')
        q = it.get('quote')
        if q:
            qzh, azh, qen, aen = q
            zq = p.add(qzh)
            za = p.add(azh)
            p.blank()
            eq = p.add(qen)
            ea = p.add(aen)
            p.blank()
            p.pair(zq, eq, 'body', qzh, qen, note='quotation')
            p.pair(za, ea, 'aside', azh, aen, note='attribution line')
        t = it.get('terms')
        if t:
            style, pairs = t
            if style == 'list':
                r = p.add('> **术语 Terms**')
                p.pair(r, r, 'label', '术语', 'Terms', note='repeated block label: neutral')
                p.add('>')
                for zh, en in pairs:
                    r = p.add(f'> * **{zh}** {en}')
                    p.pair(r, r, 'term', zh, en)
            else:
                r = p.add('术语 Terms：' + '；'.join(f'{zh} {en}' for zh, en in pairs))
                for zh, en in pairs:
                    p.pair(r, r, 'term', zh, en, note='several term pairs on one line')
            p.blank()
        r = p.add('[返回目录 Back to contents](#)')
        p.pair(r, r, 'label', '返回目录', 'Back to contents', note='repeated link: neutral')
        p.blank()
    p.one_line('## {zh} {en}', '术语表', 'Glossary')
    p.blank()
    for zh, en in GLOSSARY:
        r = p.add(f'{zh} / {en}  ')
        p.pair(r, r, 'term', zh, en)
    p.blank()
    p.add('本简报由省生态环境厅宣传教育中心编印，欢迎转载，转载请注明出处。')
    p.blank()
    p.add('扫一扫在手机打开当前页')
    p.blank()
    p.add('主办单位：省生态环境厅　技术支持：省信息中心　[网站地图](#)　[联系我们](#)')
    p.add('Copyright © 2024 All Rights Reserved　ICP备00000001号')
    return p
