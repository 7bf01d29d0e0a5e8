"""REPORT half. A bilingual residential lease with numbered clauses: article headings holding both languages
on one line (`**第一条 租赁房屋 Article 1 The Premises**`), each clause `1.1 中文` immediately followed by
`1.1 English` (no blank line between the two, a blank line between clauses), list items `（1）…` / `(1) …`
alternating without blank lines, form fields on separate zh/en lines, an inventory table whose cells hold
`中文 / English`. Everything is invented for this set (names, address, amounts).
"""
from pagebuilder import Page

ARTICLES = [
    ('第一条 房屋基本情况', 'Article 1 The Premises', [
        ('1.1', '甲方将其合法拥有的位于本市滨江区望江路88号3栋1502室的房屋（以下简称“该房屋”）出租给乙方作居住使用。',
         'Party A agrees to lease to Party B, for residential use, the premises lawfully owned by Party A at Room 1502, Building 3, No. 88 Wangjiang Road, Binjiang District of this city (hereinafter "the Premises").'),
        ('1.2', '该房屋建筑面积为89.5平方米，户型为两室一厅一卫。',
         'The Premises have a gross floor area of 89.5 square meters, with two bedrooms, one living room and one bathroom.'),
        ('1.3', '甲方保证其对该房屋享有合法的出租权利，且该房屋不存在查封、抵押等限制出租的情形。',
         'Party A warrants that it has the lawful right to lease the Premises and that the Premises are not subject to seizure, mortgage or any other restriction on leasing.'),
    ]),
    ('第二条 租赁期限', 'Article 2 Lease Term', [
        ('2.1', '租赁期限为两年，自2024年4月1日起至2026年3月31日止。',
         'The lease term shall be two years, commencing on April 1, 2024 and ending on March 31, 2026.'),
        ('2.2', '租赁期满，乙方如需续租，应于期满前30日书面通知甲方；同等条件下，乙方享有优先承租权。',
         'If Party B wishes to renew the lease upon expiry, it shall notify Party A in writing 30 days before the expiry date. Party B shall have a preemptive right to lease the Premises on equal terms.'),
    ]),
    ('第三条 租金及支付方式', 'Article 3 Rent and Payment', [
        ('3.1', '月租金为人民币陆仟伍佰元整（¥6,500.00），租赁期内租金不作调整。',
         'The monthly rent shall be RMB 6,500.00 (Six Thousand Five Hundred Yuan only) and shall not be adjusted during the lease term.'),
        ('3.2', '租金按季度支付，乙方应于每季度第一个月的5日前支付当季租金，支付方式为：',
         'Rent shall be paid quarterly. Party B shall pay the rent for each quarter no later than the 5th day of the first month of the quarter, by one of the following means:',
         [('（1）', '银行转账至甲方指定账户；', '(1)', 'bank transfer to the account designated by Party A;'),
          ('（2）', '甲方书面认可的其他支付方式。', '(2)', 'any other means of payment approved by Party A in writing.')]),
        ('3.3', '乙方逾期支付租金的，每逾期一日，应按当期租金的0.5%向甲方支付违约金。',
         'If Party B fails to pay the rent when due, it shall pay Party A liquidated damages at 0.5% of the rent due for each day of delay.'),
    ]),
    ('第四条 押金', 'Article 4 Deposit', [
        ('4.1', '乙方应于签订本合同之日向甲方支付押金人民币壹万叁仟元整（¥13,000.00）。',
         'On the date of signing this Agreement, Party B shall pay Party A a deposit of RMB 13,000.00 (Thirteen Thousand Yuan only).'),
        ('4.2', '租赁期满或合同解除后，乙方结清水、电、燃气、物业等费用并交还房屋的，甲方应在10个工作日内无息退还押金。',
         'Upon expiry or termination of this Agreement, provided that Party B has settled all charges for water, electricity, gas and property management and returned the Premises, Party A shall refund the deposit without interest within 10 working days.'),
    ]),
    ('第五条 房屋使用与维修', 'Article 5 Use and Maintenance', [
        ('5.1', '乙方应合理使用该房屋及其附属设施，不得擅自改变房屋结构和用途。',
         'Party B shall make reasonable use of the Premises and their fixtures and shall not alter the structure or use of the Premises without authorization.'),
        ('5.2', '因自然损耗导致的设施故障由甲方负责维修；因乙方使用不当造成的损坏，由乙方负责修复或赔偿。',
         'Party A shall be responsible for repairing any failure of facilities caused by normal wear and tear. Party B shall repair or compensate for any damage caused by its improper use.'),
        ('5.3', '未经甲方书面同意，乙方不得将该房屋转租或转借他人。',
         'Party B shall not sublet or lend the Premises to any third party without the prior written consent of Party A.'),
    ]),
    ('第六条 合同的解除', 'Article 6 Termination', [
        ('6.1', '乙方有下列情形之一的，甲方有权解除本合同：',
         'Party A shall have the right to terminate this Agreement if Party B:',
         [('（1）', '拖欠租金累计超过30日的；', '(1)', 'is in arrears with rent for more than 30 days in aggregate;'),
          ('（2）', '利用该房屋从事违法活动的；', '(2)', 'uses the Premises for illegal activities; or'),
          ('（3）', '擅自转租该房屋的。', '(3)', 'sublets the Premises without authorization.')]),
        ('6.2', '任何一方提前解除合同的，应提前30日书面通知对方，并按一个月租金向对方支付违约金。',
         "A party that terminates this Agreement early shall give the other party 30 days' written notice and pay liquidated damages equal to one month's rent."),
    ]),
    ('第七条 争议解决', 'Article 7 Dispute Resolution', [
        ('7.1', '本合同履行过程中发生争议的，双方应协商解决；协商不成的，任何一方均可向该房屋所在地人民法院提起诉讼。',
         "Any dispute arising from the performance of this Agreement shall be settled through consultation between the parties. If consultation fails, either party may bring a lawsuit before the people's court in the place where the Premises are located."),
    ]),
    ('第八条 其他', 'Article 8 Miscellaneous', [
        ('8.1', '本合同一式两份，甲乙双方各执一份，自双方签字之日起生效。',
         'This Agreement is made in duplicate, with each party holding one copy, and shall take effect on the date of signature by both parties.'),
        ('8.2', '本合同以中文和英文书就，两种文本如有不一致，以中文文本为准。',
         'This Agreement is written in Chinese and English. In case of any discrepancy between the two versions, the Chinese version shall prevail.'),
    ]),
]

INVENTORY = [('空调', 'Air conditioner', '2'), ('冰箱', 'Refrigerator', '1'), ('洗衣机', 'Washing machine', '1'),
             ('热水器', 'Water heater', '1'), ('双人床', 'Double bed', '1'), ('衣柜', 'Wardrobe', '2'),
             ('餐桌椅', 'Dining table and chairs', '1套 set')]


def build():
    p = Page('lease-agreement.md', 'bilingual lease with numbered clauses: `1.1 zh` line then `1.1 en` line; '
             'one-line bilingual article headings; (1)/(2) items alternating; form fields; inventory table of '
             '`中文 / English` cells', 'report')
    p.one_line('# {zh} {en}', '房屋租赁合同', 'RESIDENTIAL LEASE AGREEMENT')
    p.blank()
    r = p.add('合同编号 Contract No.: BJ-ZL-2024-0318')
    p.pair(r, r, 'label', '合同编号', 'Contract No.', note='form field: neutral')
    p.blank()
    z = p.add('> 提示：签约前请仔细阅读本合同全部条款，特别是加粗显示的条款。')
    e = p.add('> Note: Please read all terms of this Agreement carefully before signing, especially those shown in bold.')
    p.pair(z, e, 'aside', '提示：签约前请仔细阅读本合同全部条款，特别是加粗显示的条款。',
           'Note: Please read all terms of this Agreement carefully before signing, especially those shown in bold.')
    p.blank()
    for zh, en in (('出租人（甲方）：______________　身份证号码：______________',
                    'Lessor (Party A): ______________　ID Card No.: ______________'),
                   ('承租人（乙方）：______________　护照号码：______________',
                    'Lessee (Party B): ______________　Passport No.: ______________')):
        z = p.add(zh)
        e = p.add(en)
        p.pair(z, e, 'label', zh, en, note='form field: neutral')
        p.blank()
    pre_zh = '根据《中华人民共和国民法典》及有关法律法规的规定，甲乙双方在平等、自愿、协商一致的基础上，就乙方承租甲方房屋事宜订立本合同。'
    pre_en = ("In accordance with the Civil Code of the People's Republic of China and other relevant laws and regulations, "
              "Party A and Party B, on the basis of equality, free will and consensus through consultation, enter into "
              "this Agreement concerning the lease of Party A's premises by Party B.")
    z = p.add(pre_zh)
    p.blank()
    e = p.add(pre_en)
    p.pair(z, e, 'body', pre_zh, pre_en, note='preamble: the two languages separated by a blank line')
    p.blank()
    for k, (zt, et, clauses) in enumerate(ARTICLES):
        p.one_line('**{zh} {en}**', zt, et)
        p.blank()
        for cl in clauses:
            num, zh, en = cl[:3]
            bold = k == 3 or num == '3.3'   # deposit article and the late-payment clause are in bold
            fmt = '**{} {}**' if bold else '{} {}'
            z = p.add(fmt.format(num, zh))
            e = p.add(fmt.format(num, en))
            p.pair(z, e, 'body', f'{num} {zh}', f'{num} {en}')
            if len(cl) > 3:
                for zn, zi, en_n, ei in cl[3]:
                    z = p.add(f'{zn}{zi}')
                    e = p.add(f'{en_n} {ei}')
                    p.pair(z, e, 'body', f'{zn}{zi}', f'{en_n} {ei}', note='list item')
            p.blank()
    p.add('---')
    p.blank()
    p.one_line('### {zh} {en}', '附件一：室内设施清单', 'Annex 1: Inventory of Furniture and Appliances')
    p.blank()
    r = p.add('| 序号 No. | 物品 / Item | 数量 / Qty |')
    for zh, en in (('序号', 'No.'), ('物品', 'Item'), ('数量', 'Qty')):
        p.pair(r, r, 'label', zh, en, note='table header: neutral')
    p.add('|---|---|---|')
    for i, (zh, en, q) in enumerate(INVENTORY, 1):
        r = p.add(f'| {i} | {zh} / {en} | {q} |')
        p.pair(r, r, 'term', zh, en)
    p.blank()
    for zh, en in (('甲方（签字）：____________　日期：______年____月____日',
                    'Party A (Signature): ____________　Date: ____________'),
                   ('乙方（签字）：____________　日期：______年____月____日',
                    'Party B (Signature): ____________　Date: ____________')):
        z = p.add(zh)
        e = p.add(en)
        p.pair(z, e, 'label', zh, en, note='signature field: neutral')
        p.blank()
    p.add('本合同范本由市住房租赁服务平台提供　下载次数：18,204　[返回列表](#)')
    return p
