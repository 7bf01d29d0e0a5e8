"""TUNE half. A product FAQ in Traditional Chinese (Taiwan usage: 網路, 韌體, 設定, 「」) with English: each question
and each answer is a `問：`/`答：` line immediately followed by its `Q:`/`A:` line; one answer gives its numbered
steps as a Chinese list followed by the English list (block order inside one answer); section headings with
both languages on one line; an LED table whose rows hold two phrase pairs; bilingual chrome on single lines.
The product and company are invented.
"""
from pagebuilder import Page

SECTIONS = [
    ('安裝與設定', 'Installation and Setup', [
        ('第一次使用時，應該如何設定路由器？', 'How do I set up the router for the first time?',
         '請先將數據機的網路線接到路由器的 WAN 連接埠並接上電源，再用手機下載 NetLink App，依照畫面指示完成設定。整個過程約需五分鐘。',
         'First connect the Ethernet cable from your modem to the WAN port on the router and plug in the power adapter. Then download the NetLink app on your phone and follow the on-screen instructions. The whole process takes about five minutes.'),
        ('預設的管理員密碼是什麼？', 'What is the default administrator password?',
         '本產品沒有預設密碼。首次設定時，系統會要求您自行建立管理員密碼，長度至少需要8個字元。',
         'This product has no default password. During the initial setup, you will be asked to create your own administrator password of at least 8 characters.'),
        ('如何新增衛星節點？', 'How do I add a satellite node?',
         '請依照以下步驟操作：', 'Follow these steps:',
         [('將衛星節點放在主路由器與訊號死角之間，並接上電源。',
           'Place the satellite node between the main router and the area with poor coverage, and plug it in.'),
          ('開啟 NetLink App，點選「新增裝置」。', 'Open the NetLink app and tap "Add Device".'),
          ('等待指示燈變成白燈恆亮，即表示連線成功。', 'Wait until the light turns solid white, which means the node is connected.')]),
    ]),
    ('網路連線', 'Internet Connection', [
        ('指示燈閃爍橘色代表什麼？', 'What does a flashing orange light mean?',
         '橘燈閃爍表示路由器無法連上網際網路。請確認數據機是否正常運作，並檢查網路線是否接好。',
         'A flashing orange light means that the router cannot connect to the internet. Make sure your modem is working properly and check that the Ethernet cable is securely connected.'),
        ('為什麼網速比我申辦的方案慢？', 'Why is my internet speed slower than the plan I subscribed to?',
         '無線傳輸速度會受到距離、牆壁和其他電子設備干擾的影響。建議您先用網路線直接連接電腦測速；若有線速度正常，可嘗試調整路由器的擺放位置。',
         'Wireless speeds are affected by distance, walls and interference from other electronic devices. We recommend first testing the speed on a computer connected directly with an Ethernet cable. If the wired speed is normal, try moving the router to a different position.'),
        ('可以同時使用 2.4GHz 和 5GHz 嗎？', 'Can I use 2.4 GHz and 5 GHz at the same time?',
         '可以。路由器預設啟用「智慧頻段」，會自動為每台裝置選擇較合適的頻段。如需分開設定，可在 App 的「Wi-Fi 設定」中關閉此功能。',
         'Yes. Smart Band is on by default, so the router automatically picks the more suitable band for each device. To configure the two bands separately, turn this feature off under "Wi-Fi Settings" in the app.'),
    ]),
    ('家長監護與安全', 'Parental Controls and Security', [
        ('如何限制孩子的上網時間？', 'How can I limit the time my children spend online?',
         '在 App 中點選「家長監護」，為孩子的裝置建立個人檔案，即可設定每天可上網的時段和使用時數上限。',
         "In the app, tap \"Parental Controls\" and create a profile for your child's devices. You can then set the hours when they can go online each day and a limit on total usage time."),
        ('如何更新韌體？', 'How do I update the firmware?',
         '路由器預設會在凌晨3點至5點之間自動更新韌體，您也可以在 App 的「系統」頁面手動檢查更新。更新期間請勿關閉電源。',
         'By default, the router updates its firmware automatically between 3 a.m. and 5 a.m. You can also check for updates manually on the "System" page of the app. Do not turn off the power during an update.'),
        ('訪客網路安全嗎？', 'Is the guest network secure?',
         '訪客網路與主網路相互隔離，訪客無法存取您家中的電腦、印表機或其他裝置。',
         'The guest network is isolated from your main network, so guests cannot access your computers, printers or other devices at home.'),
    ]),
    ('保固與維修', 'Warranty and Repair', [
        ('保固期多久？', 'How long is the warranty?',
         '本產品在台灣地區享有三年保固，保固期自購買日起算，請妥善保存購買憑證。',
         'This product comes with a three-year warranty in Taiwan, starting from the date of purchase. Please keep your proof of purchase.'),
        ('如何將路由器重設為出廠設定？', 'How do I reset the router to factory settings?',
         '在開機狀態下，用迴紋針按住背面的 RESET 孔約10秒，直到指示燈閃爍黃色後放開。重設後，所有設定都會恢復為出廠預設值。',
         'With the router powered on, use a paperclip to press and hold the RESET button on the back for about 10 seconds, until the light flashes yellow, then release it. All settings will be restored to factory defaults.'),
    ]),
]

LEDS = [('白燈恆亮', 'Solid white', '連線正常', 'Connected'),
        ('白燈閃爍', 'Flashing white', '正在啟動', 'Starting up'),
        ('橘燈閃爍', 'Flashing orange', '無法連上網際網路', 'No internet connection'),
        ('黃燈閃爍', 'Flashing yellow', '正在重設', 'Resetting')]


def build():
    p = Page('router-faq-tw.md', 'product FAQ in Traditional Chinese (Taiwan): 問/Q and 答/A lines alternating zh→en; '
             'one answer with a zh step list then the en list; one-line bilingual section headings; LED table',
             'tune')
    p.add('[NetLink 支援中心 Support Center](https://support.example.com.tw/)')
    p.blank()
    p.add('[首頁 Home](#) > [支援 Support](#) > [常見問題 FAQ](#)')
    p.blank()
    p.one_line('# {zh} {en}', 'AX3000 Mesh 路由器常見問題', 'AX3000 Mesh Router FAQ')
    p.blank()
    r = p.add('最後更新：2024年2月20日 | Last updated: February 20, 2024')
    p.pair(r, r, 'label', '最後更新：2024年2月20日', 'Last updated: February 20, 2024', note='date line: neutral')
    p.blank()
    for zs, es, qas in SECTIONS:
        p.one_line('## {zh} {en}', zs, es)
        p.blank()
        for qa in qas:
            qz, qe, az, ae = qa[:4]
            z = p.add(f'**問：{qz}**')
            e = p.add(f'**Q: {qe}**')
            p.pair(z, e, 'body', f'問：{qz}', f'Q: {qe}', note='question')
            p.blank()
            z = p.add(f'答：{az}')
            e = p.add(f'A: {ae}')
            p.pair(z, e, 'body', f'答：{az}', f'A: {ae}', note='answer')
            if len(qa) > 4:
                p.blank()
                zr = [p.add(f'{i}. {zs_}') for i, (zs_, _) in enumerate(qa[4], 1)]
                p.blank()
                er = [p.add(f'{i}. {es_}') for i, (_, es_) in enumerate(qa[4], 1)]
                for (zs_, es_), a, b in zip(qa[4], zr, er):
                    p.pair(a, b, 'body', zs_, es_, note='step: zh list, then en list')
            p.blank()
    p.one_line('## {zh} {en}', '指示燈說明', 'LED Indicator Guide')
    p.blank()
    p.add('| 燈號 | Light | 說明 | Meaning |', '|---|---|---|---|')
    for a, b, c, d in LEDS:
        r = p.add(f'| {a} | {b} | {c} | {d} |')
        p.pair(r, r, 'phrase', a, b, note='table cell pair')
        p.pair(r, r, 'phrase', c, d, note='table cell pair')
    p.blank()
    p.add('---')
    p.blank()
    p.add('這篇文章有幫助嗎？ Was this article helpful?　[👍 是 Yes](#)　[👎 否 No](#)')
    p.blank()
    p.add('**相關文章**')
    p.add('- [如何設定 Mesh 回程？](#)')
    p.add('- [AX3000 韌體更新紀錄](#)')
    p.add('- [NetLink App 使用手冊下載](#)')
    p.blank()
    p.add('客服專線 Customer Service：0800-000-000（週一至週五 9:00–18:00）')
    p.blank()
    p.add('© 2024 NetLink Technology Co., Ltd. 版權所有 All rights reserved.')
    return p
