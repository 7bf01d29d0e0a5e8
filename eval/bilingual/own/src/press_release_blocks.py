"""REPORT half. Block order: a library's press release with the whole Chinese version first and the whole
English version after it (one language switch in the body). Two Chinese paragraphs are merged into one English
paragraph (a 2-1 pair whose zh lines are not adjacent), and the English quote is split and reordered around
"said …". The section labels `中文版` / `English Version` are not translations of each other. Invented text.
"""
from pagebuilder import Page

TITLE = ('市图书馆发布2023年度服务报告', 'City Library Publishes 2023 Annual Service Report')

PARAS = [
    (['2023年，市图书馆全年接待读者312万人次，比上年增长41%，创开馆以来新高。其中，周末和节假日的到馆人数约占全年总量的45%。'],
     'In 2023, the City Library received 3.12 million visits, up 41 percent from the previous year and the highest number since it opened. Weekends and public holidays accounted for about 45 percent of all visits.'),
    (['全年外借图书286万册次，其中少儿图书占38%。借阅量最高的三类图书依次为儿童文学、历史和心理学。'],
     "A total of 2.86 million items were borrowed during the year, 38 percent of them children's books. The three most borrowed categories were children's literature, history and psychology."),
    (['数字阅读继续保持快速增长。电子书和有声书的访问量达到1,050万次，首次超过纸质图书的借阅量。'],
     'Digital reading continued to grow rapidly. E-books and audiobooks were accessed 10.5 million times, exceeding the number of print loans for the first time.'),
    (['全年新增馆藏图书21万册，馆藏总量突破600万册。'],
     'The library added 210,000 books to its collection during the year, bringing the total to more than 6 million.'),
    (['为方便读者就近借还，图书馆新建了14个24小时自助图书馆，分布在地铁站、社区服务中心和产业园区。',
      '至此，全市自助图书馆总数达到63个，读者可凭身份证或电子读者证借阅图书。'],
     "The library opened 14 new 24-hour self-service branches in metro stations, community service centers and industrial parks, bringing the city's total to 63. Readers can borrow books with their ID card or electronic library card."),
    (['全年举办讲座、展览、阅读推广等各类活动2,400余场，参与人数超过50万人次。“城市书房夜读”系列活动每周五晚举行，已成为深受市民喜爱的文化品牌。'],
     'More than 2,400 lectures, exhibitions, reading promotion events and other activities were held during the year, with over 500,000 participants. The "Night Reading at City Study Rooms" series, held every Friday evening, has become a cultural brand popular with residents.'),
    (['图书馆还为视障读者提供盲文图书、有声读物和上门送书服务，全年服务视障读者3,600余人次。'],
     'The library also provided braille books, audio materials and home delivery of books for visually impaired readers, serving them more than 3,600 times over the year.'),
    (['全年共有1,800名志愿者参与图书整理、活动组织和读者咨询等服务，累计服务时长超过6万小时。'],
     "Some 1,800 volunteers helped with shelving books, organizing events and answering readers' questions, contributing more than 60,000 hours of service in total."),
    (['读者满意度调查显示，97.2%的受访读者对图书馆服务表示满意或非常满意，意见主要集中在座位数量和停车条件方面。'],
     "A reader satisfaction survey showed that 97.2 percent of respondents were satisfied or very satisfied with the library's services. Most complaints concerned the number of seats and parking."),
    (['2024年，图书馆将启动古籍数字化工程，计划用三年时间完成5,000册馆藏古籍的扫描和整理，并向公众免费开放在线阅览。'],
     'In 2024, the library will launch a project to digitize its ancient books, aiming to scan and catalogue 5,000 volumes from its collection within three years and make them available online free of charge.'),
    (['图书馆馆长王丽华表示：“图书馆不仅是借书的地方，更是城市的公共客厅。我们希望每一位市民都能在这里找到属于自己的角落。”'],
     '"A library is not just a place to borrow books. It is the city\'s public living room," said Wang Lihua, director of the library. "We hope every resident can find a corner of their own here."'),
    (['报告全文可在图书馆官方网站下载。'],
     "The full report can be downloaded from the library's official website."),
]

CONTACT = ('媒体联系：市图书馆办公室　张女士　电话：010-0000 0000',
           'Media contact: Ms. Zhang, Office of the City Library, Tel: +86 10 0000 0000')
DATE = ('发布日期：2024年1月18日', 'Release date: January 18, 2024')


def build():
    p = Page('press-release-blocks.md', 'press release in block order: all Chinese paragraphs, then all English '
             'paragraphs; one 2-1 merge; a quote reordered around "said"', 'report')
    p.add('[新闻中心](#) / [馆务公告](#)')
    p.blank()
    p.add('**中文版** | [English Version](#english)')
    p.blank()
    zt = p.add('# ' + TITLE[0])
    p.blank()
    zd = p.add(DATE[0])
    p.blank()
    zh_ranges = []
    for zhs, _ in PARAS:
        rr = []
        for zh in zhs:
            rr.append(p.add(zh))
            p.blank()
        zh_ranges.append((rr[0][0], rr[-1][1]))
    zc = p.add(CONTACT[0])
    p.blank()
    p.add('---')
    p.blank()
    p.add('<a id="english"></a>')
    p.add('## English Version')
    p.blank()
    et = p.add('# ' + TITLE[1])
    p.blank()
    ed = p.add(DATE[1])
    p.blank()
    p.pair(zt, et, 'heading', TITLE[0], TITLE[1])
    p.pair(zd, ed, 'label', DATE[0], DATE[1], note='release date line: neutral')
    for (zhs, en), zr in zip(PARAS, zh_ranges):
        er = p.add(en)
        p.blank()
        p.pair(zr, er, 'body', ''.join(zhs), en, note='2-1: two zh paragraphs, one en paragraph' if len(zhs) > 1 else '')
    ec = p.add(CONTACT[1])
    p.pair(zc, ec, 'aside', CONTACT[0], CONTACT[1], note='media contact line')
    p.blank()
    p.add('---')
    p.blank()
    p.add('[上一篇：关于春节期间开放时间调整的公告](#)　[下一篇：2024年“书香之城”阅读季启动](#)')
    p.blank()
    p.add('© 2024 市图书馆　地址：文化路1号　开放时间：周二至周日 9:00–21:00')
    return p
