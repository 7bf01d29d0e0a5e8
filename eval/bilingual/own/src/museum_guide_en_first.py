"""TUNE half. A museum gallery guide, English first: every English paragraph is hard-wrapped at 72 columns
(lines inside a paragraph, blank lines between paragraphs), followed by its Chinese paragraph, some of them
hard-wrapped at 30 characters; headings on separate lines (`## English`, then `## 中文`); figure captions in
italics; a final section (the curator's letter) written with a blank line after EVERY English line, as in the
shared economist page. Invented museum and text.
"""
from pagebuilder import Page, wrap_en, wrap_zh

TITLE = ('Silk and Sail: The Maritime Silk Road Gallery', '丝路帆影：海上丝绸之路展厅')

INTRO = ('For more than a thousand years, ships leaving this harbour carried silk, tea and porcelain to ports across Asia, Africa and beyond, and came back with spices, glass and new ideas. This gallery tells the story of that trade through 320 objects, most of them found in the city or recovered from shipwrecks off the coast.',
         '一千多年来，从这座港口出发的船只把丝绸、茶叶和瓷器运往亚洲、非洲乃至更远的港口，又带回香料、玻璃和新的思想。本展厅通过320件展品讲述这段贸易的故事，其中大部分文物出土于本市或打捞自近海沉船。')

GALLERIES = [
    (('Gallery 1: A Harbour Is Born', '第一展厅：港口的诞生'), [
        ('The earliest written record of the harbour dates from the eighth century, when it was a small river port serving local fishing boats. Its deep, sheltered water and its position at the mouth of the river soon attracted merchants from further afield.',
         '关于这座港口的最早文字记载可以追溯到八世纪，当时它还只是一个为本地渔船服务的小河港。水深、避风，又地处江河入海口，这些条件很快吸引了远方的商人。', False),
        ('By the eleventh century, the government had set up a maritime trade office here to register ships, inspect cargo and collect duties. A stone tablet from this office, displayed in the centre of the room, lists the fees charged on different goods.',
         '到了十一世纪，朝廷在这里设立了市舶司，负责登记船只、查验货物和征收关税。展厅中央陈列的一块市舶司石碑，列出了不同货物应缴纳的税费。', False),
        ('CAPTION', 'Fig. 1 Stone tablet of the maritime trade office, 1087.', '图1 市舶司石碑，1087年。'),
    ]),
    (('Gallery 2: Cargoes', '第二展厅：货物'), [
        ('Porcelain was the most important export. It was heavy, did not rot and could be packed tightly in the hold, so it also served as ballast. Bowls were often stacked in tens and packed with tea leaves to keep them from breaking.',
         '瓷器是最重要的出口商品。它分量重、不易腐坏，又能在船舱里紧密码放，因此还兼作压舱物。碗常常几十只摞在一起，中间塞满茶叶以防破碎。', True),
        ('The blue-and-white wares in this case were made for foreign buyers. Their shapes, such as the wide plates used for shared meals, and some of their patterns were chosen to suit the tastes of customers thousands of miles away.',
         '这个展柜中的青花瓷是专为外国买家烧制的。它们的器形——例如供多人共餐使用的大盘——以及部分纹样，都是为了迎合万里之外顾客的喜好而设计的。', True),
        ('CAPTION', 'Fig. 2 Blue-and-white plate made for export, about 1600.', '图2 外销青花瓷盘，约1600年。'),
        ("Silk rarely survives underwater, but written sources show how much of it left the port. One merchant's account book, copied here from a museum in Europe, records forty bales of silk on a single voyage.",
         '丝绸很难在水下保存下来，但文献记载表明，大量丝绸曾经从这里运出。一位商人的账簿（本展复制自欧洲的一家博物馆）记载，仅一次航行就运载了四十包丝绸。', False),
    ]),
    (('Gallery 3: The Wreck', '第三展厅：沉船'), [
        ('In 2007, fishermen brought up pottery in their nets about twelve nautical miles from the coast. Divers later found the remains of a wooden merchant ship, nearly thirty metres long, lying on the seabed at a depth of twenty metres.',
         '2007年，渔民在距海岸约十二海里的海域用渔网捞起了陶瓷器。潜水员随后在水深二十米的海底发现了一艘木质商船的残骸，船长近三十米。', True),
        ("Over six seasons of excavation, archaeologists recovered more than 14,000 objects. Besides porcelain, they found copper coins, iron pans, lacquer boxes, a bronze mirror and the bones of a small dog, perhaps a sailor's pet.",
         '经过六个季度的发掘，考古人员共出水文物14,000余件。除瓷器外，还有铜钱、铁锅、漆盒、一面铜镜，以及一只小狗的骨骼——它也许是某位水手的宠物。', False),
        ('The ship was probably sailing south when it sank. The coins in its hold give a date after 1127, and the ballast stones come from a quarry only a few kilometres from the harbour.',
         '这艘船沉没时很可能正向南航行。船舱中的铜钱表明其年代晚于1127年，而压舱石则来自距港口仅数公里的一处采石场。', True),
    ]),
]

LETTER_TITLE = ('A Letter from the Curator', '策展人的信')
LETTER = [
    ('Every object in this gallery passed through many hands before it reached you: the potter, the merchant, the sailor, the diver and the conservator. We hope you will think of them as you walk through these rooms.',
     '展厅里的每一件文物，在来到您面前之前都经过了许多人的手：陶工、商人、水手、潜水员和文物修复师。希望您在参观时能想起他们。'),
    ('The museum continues to study the wreck, and new finds will be added to the gallery as research goes on. If you have old photographs or family stories about the harbour, we would be glad to hear from you.',
     '博物馆对这艘沉船的研究仍在继续，新的发现将陆续补充到展览中。如果您有关于这座港口的老照片或家族故事，欢迎与我们联系。'),
]
SIGN = ('— Dr. Helen Zhou, Curator', '——策展人 周海伦博士')
VISIT = [('Opening hours: Tuesday to Sunday, 9:00–17:00 (last entry at 16:30). Closed on Mondays.',
          '开放时间：周二至周日 9:00–17:00（16:30停止入场），周一闭馆。'),
         ('Admission is free. Please book your visit in advance on our website.',
          '免费参观，请提前在官网预约。')]


def build():
    p = Page('museum-guide-en-first.md', 'museum gallery guide, English first: en paragraphs hard-wrapped at 72 '
             'columns, zh after (some wrapped at 30 chars); headings on separate lines; captions; a section with a '
             'blank line after every English line', 'tune')
    p.add('[Home 首页](#) | [Exhibitions 展览](#) | [Visit 参观](#) | [Learn 教育](#) | [Shop 商店](#)')
    p.blank()
    e = p.add('# ' + TITLE[0])
    z = p.add('# ' + TITLE[1])
    p.pair(z, e, 'heading', TITLE[1], TITLE[0])
    p.blank()
    e = p.add(wrap_en(INTRO[0]))
    p.blank()
    z = p.add(INTRO[1])
    p.pair(z, e, 'body', INTRO[1], INTRO[0])
    p.blank()
    for (he, hz), paras in GALLERIES:
        e = p.add('## ' + he)
        p.blank()
        z = p.add('## ' + hz)
        p.pair(z, e, 'heading', hz, he)
        p.blank()
        for item in paras:
            if item[0] == 'CAPTION':
                _, ce, cz = item
                e = p.add(f'*{ce}*')
                z = p.add(f'*{cz}*')
                p.pair(z, e, 'aside', cz, ce, note='figure caption')
                p.blank()
                continue
            en, zh, wrapped = item
            e = p.add(wrap_en(en))
            p.blank()
            z = p.add(wrap_zh(zh, 30) if wrapped else zh)
            p.pair(z, e, 'body', zh, en, note='zh hard-wrapped at 30 characters' if wrapped else '')
            p.blank()
    p.add('* * *')
    p.blank()
    e = p.add('## ' + LETTER_TITLE[0] + ' ' + LETTER_TITLE[1])
    p.pair(e, e, 'heading', LETTER_TITLE[1], LETTER_TITLE[0])
    p.blank()
    for en, zh in LETTER:
        first = None
        for ln in wrap_en(en, 60).split('\n'):
            r = p.add(ln)
            first = first or r[0]
            p.blank()
        e = (first, r[1])
        z = p.add(zh)
        p.pair(z, e, 'body', zh, en, note='en: a blank line after every line')
        p.blank()
    e = p.add(SIGN[0])
    z = p.add(SIGN[1])
    p.pair(z, e, 'aside', SIGN[1], SIGN[0], note='signature')
    p.blank()
    p.add('---')
    p.blank()
    for en, zh in VISIT:
        e = p.add(en)
        z = p.add(zh)
        p.pair(z, e, 'aside', zh, en, note='visitor information')
        p.blank()
    p.add('© 2024 City Harbour Museum 城市港口博物馆 · Privacy 隐私政策 · Contact 联系我们')
    return p
