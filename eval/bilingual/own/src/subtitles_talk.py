"""REPORT half. Bilingual subtitles (SRT, CRLF line ends): cue number, time code, the Chinese line, the English
line. Sentences run across cues, so most pairs are clauses; some cues wrap a side over two lines; sound cues
(`[掌声]` / `[Applause]`) are phrase pairs; a music cue has no Chinese. Invented talk.
"""
from pagebuilder import Page

# (zh, en, kind); '\n' inside a side = the cue wraps that side over two lines
CUES = [
    ('大家晚上好，欢迎来到“城市自然”系列讲座。', 'Good evening, everyone, and welcome to the Urban Nature lecture series.', 'body'),
    ('我是今晚的主讲人陈思远。', "I'm Chen Siyuan, and I'll be your speaker tonight.", 'body'),
    ('我在这座城市观鸟已经十五年了。', "I've been birdwatching in this city for fifteen years.", 'body'),
    ('很多人以为，要看鸟\n就得去深山老林。', 'A lot of people think that to see birds,\nyou have to go deep into the mountains.', 'body'),
    ('其实不用。', "Actually, you don't.", 'body'),
    ('就在我们脚下的这座城市里，', 'Right here in the city under our feet,', 'body'),
    ('去年一年，志愿者记录到了213种鸟。', 'volunteers recorded 213 species of birds\nlast year alone.', 'body'),
    ('[掌声]', '[Applause]', 'phrase'),
    ('谢谢。', 'Thank you.', 'phrase'),
    ('我先给大家看一张照片。', 'Let me show you a photo first.', 'body'),
    ('这是一只普通翠鸟，', 'This is a common kingfisher,', 'body'),
    ('拍摄地点是地铁站旁边的一条排水渠。', 'photographed in a drainage channel\nnext to a metro station.', 'body'),
    ('你们可能会问，\n翠鸟怎么会跑到这种地方来？', 'You might ask:\nwhat is a kingfisher doing in a place like that?', 'body'),
    ('答案很简单：那里有小鱼。', 'The answer is simple: there are small fish there.', 'body'),
    ('十年前，这条水渠又脏又臭，什么都没有。', 'Ten years ago, this channel was dirty and smelly,\nand there was nothing living in it.', 'body'),
    ('后来经过治理，水变清了，', 'After it was cleaned up, the water became clear,', 'body'),
    ('小鱼回来了，翠鸟也就跟着回来了。', 'the fish came back, and the kingfishers followed.', 'body'),
    ('鸟是环境最好的“指示器”。', 'Birds are the best "indicators" of the environment.', 'body'),
    ('它们不会说话，', "They can't talk,", 'body'),
    ('但它们会用翅膀投票。', 'but they vote with their wings.', 'body'),
    ('[笑声]', '[Laughter]', 'phrase'),
    ('那么，普通人怎样开始观鸟呢？', 'So how can ordinary people get started?', 'body'),
    ('我有三条建议。', 'I have three suggestions.', 'body'),
    ('第一，准备一副8倍左右的双筒望远镜，', 'First, get a pair of binoculars\nwith about 8x magnification.', 'body'),
    ('不用太贵，几百块钱的就够了。', "They don't need to be expensive;\na few hundred yuan is enough.", 'body'),
    ('第二，从你家附近的公园开始，', 'Second, start with a park near your home', 'body'),
    ('每周固定去一两次，', 'and go there once or twice every week,', 'body'),
    ('慢慢你就会认识那里的“老住户”。', 'and gradually you\'ll get to know its "long-term residents."', 'body'),
    ('第三，也是最重要的一条：', 'Third, and most important of all:', 'body'),
    ('不要打扰鸟。', "don't disturb the birds.", 'body'),
    ('不要为了拍照去驱赶它们，', "Don't chase them to get a picture,", 'body'),
    ('更不要用食物去引诱。', 'and never use food to lure them.', 'body'),
    ('观鸟的乐趣在于等待和发现。', 'The joy of birdwatching lies in waiting and discovering.', 'body'),
    ('下个月，我们会组织一次公园观鸟活动，', "Next month, we'll organize a birdwatching walk in the park,", 'body'),
    ('欢迎大家扫描屏幕上的二维码报名。', "and you're welcome to sign up\nby scanning the QR code on the screen.", 'body'),
    ('谢谢大家！', 'Thank you, everyone!', 'phrase'),
    ('[掌声]', '[Applause]', 'phrase'),
    (None, '♪ ♪', None),
]


def tc(ms):
    h, ms = divmod(ms, 3600000)
    m, ms = divmod(ms, 60000)
    s, ms = divmod(ms, 1000)
    return f'{h:02d}:{m:02d}:{s:02d},{ms:03d}'


def build():
    p = Page('subtitles-talk.srt', 'bilingual SRT subtitles, CRLF: number, time code, zh line(s), en line(s); '
             'clause-level pairs across cues; sound cues', 'report', crlf=True)
    t = 1200
    for i, (zh, en, kind) in enumerate(CUES, 1):
        p.add(str(i))
        dur = 1400 + 55 * len(en)
        p.add(f'{tc(t)} --> {tc(t + dur)}')
        t += dur + 200 + (i * 37) % 300
        if zh is not None:
            zr = p.add(zh)
        er = p.add(en)
        if zh is not None:
            p.pair(zr, er, kind, zh.replace('\n', ''), en.replace('\n', ' '))
        p.blank()
    return p
