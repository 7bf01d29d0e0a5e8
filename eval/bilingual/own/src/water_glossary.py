"""TUNE half. A Chinese–English terminology page for urban water management: one term pair per line, with a
different separator in each section (tab, `：`, ` - ` with the English first, ` / `, two spaces, a Markdown
table), abbreviations in parentheses, a Chinese side holding Latin (`pH值`), an alternative name in parentheses
(`再生水（中水）`), one entry still untranslated (not gold); bilingual section headings on one line; an
introductory note and a closing note as paragraph pairs. Written for this set.
"""
from pagebuilder import Page

SECTIONS = [
    ('一、供水', 'Water Supply', 'tab', [
        ('自来水', 'tap water'), ('水源地', 'water source area'), ('取水口', 'water intake'), ('水厂', 'waterworks'),
        ('原水', 'raw water'), ('供水管网', 'water supply network'), ('二次供水', 'secondary water supply'),
        ('管网漏损', 'pipe network leakage'), ('水表', 'water meter'), ('阶梯水价', 'tiered water pricing')]),
    ('二、排水与污水处理', 'Drainage and Wastewater Treatment', 'colon', [
        ('排水管网', 'drainage network'), ('雨污分流', 'separation of rainwater and sewage'),
        ('合流制溢流', 'combined sewer overflow'), ('污水处理厂', 'wastewater treatment plant'), ('污泥', 'sludge'),
        ('再生水（中水）', 'reclaimed water'), ('提标改造', 'upgrading to stricter discharge standards'),
        ('化粪池', 'septic tank'), ('截污纳管', 'intercepting sewage into the sewer network'),
        ('黑臭水体', 'black and odorous water body')]),
    ('三、海绵城市（英中对照）', 'Sponge City (English–Chinese)', 'dash-en-first', [
        ('海绵城市', 'sponge city'), ('绿色屋顶', 'green roof'), ('透水铺装', 'permeable pavement'),
        ('雨水花园', 'rain garden'), ('生物滞留设施', 'bioretention facility'), ('调蓄池', 'detention tank'),
        ('年径流总量控制率', 'annual runoff volume capture ratio'), ('雨水收集利用', 'rainwater harvesting')]),
    ('四、水质指标', 'Water Quality Indicators', 'slash', [
        ('化学需氧量', 'chemical oxygen demand (COD)'), ('五日生化需氧量', 'five-day biochemical oxygen demand (BOD5)'),
        ('氨氮', 'ammonia nitrogen'), ('总磷', 'total phosphorus'), ('溶解氧', 'dissolved oxygen'), ('浊度', 'turbidity'),
        ('余氯', 'residual chlorine'), ('pH值', 'pH value')]),
    ('五、防汛', 'Flood Control', 'two-spaces', [
        ('防汛', 'flood control'), ('汛期', 'flood season'), ('内涝', 'urban waterlogging'),
        ('排涝泵站', 'drainage pumping station'), ('警戒水位', 'warning water level'),
        ('应急预案', 'emergency response plan'), ('强降雨', 'heavy rainfall')]),
    ('六、常用表达', 'Common Expressions', 'table', [
        ('节约用水，人人有责', "Saving water is everyone's responsibility"),
        ('停水通知', 'notice of water supply interruption'), ('水质检测报告', 'water quality test report'),
        ('用水高峰', 'peak water demand')]),
]

FMT = {'tab': '{zh}\t{en}', 'colon': '{zh}：{en}', 'dash-en-first': '{en} - {zh}', 'slash': '{zh} / {en}',
       'two-spaces': '{zh}  {en}'}


def build():
    p = Page('water-glossary.md', 'terminology page: one term pair per line, separators tab / `：` / ` - ` (en first) '
             '/ ` / ` / two spaces / table; bilingual one-line section headings; note paragraphs', 'tune')
    p.add('[术语库](#) > [行业术语](#) > 城市水务')
    p.blank()
    p.one_line('# {zh} {en}', '城市水务术语（中英对照）', 'Urban Water Terminology (Chinese–English)')
    p.blank()
    p.add('标签：术语 水务 翻译　更新：2024-03-02　浏览：5,120')
    p.blank()
    nz = '说明：本术语表收录城市供水、排水、海绵城市建设和防汛工作中的常用术语，供翻译和对外交流参考。部分术语有多种译法，此处仅列出常用译法。'
    ne = ('Note: This glossary lists terms commonly used in urban water supply, drainage, sponge city construction '
          'and flood control, for reference in translation and international exchanges. Where a term has several '
          'translations, only the most common one is given.')
    z = p.add(nz)
    e = p.add(ne)
    p.pair(z, e, 'body', nz, ne)
    p.blank()
    for zh_h, en_h, style, terms in SECTIONS:
        p.one_line('## {zh} {en}', zh_h, en_h)
        p.blank()
        if style == 'table':
            p.add('| 中文 | English |', '| --- | --- |')
            for zh, en in terms:
                r = p.add(f'| {zh} | {en} |')
                p.pair(r, r, 'term', zh, en)
        else:
            for zh, en in terms:
                r = p.add(FMT[style].format(zh=zh, en=en))
                p.pair(r, r, 'term', zh, en)
            if style == 'colon':
                p.add('管网漏损率：（待补充）')
        p.blank()
    cz = '如发现错误或有补充建议，请发送邮件至 terms@example.org，我们会在下次更新时修订。'
    ce = 'If you find an error or have a suggestion, please email terms@example.org and we will revise the entry in the next update.'
    z = p.add(cz)
    p.blank()
    e = p.add(ce)
    p.pair(z, e, 'body', cz, ce)
    p.blank()
    p.add('[上一页：电力术语](#)　[下一页：燃气术语](#)')
    p.blank()
    p.add('本站内容采用 CC BY 4.0 许可协议，转载请注明出处。')
    return p
