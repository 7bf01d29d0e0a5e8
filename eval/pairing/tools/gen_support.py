#!/usr/bin/env python3
"""Generate the two templated customer-support families (own-written text, MIT/Apache-2.0).

Family "supA" (30 variants): device settings help. Family "supB" (18 variants): order/delivery help.
Family "supC" (10 variants): questions about a shop's app.
Every variant has its own customer problem and its own fix, wrapped in lines shared across the family
("Go to your Home screen.", "Tap Settings.", "Thanks for waiting.", "Hope this helps!", ...). The order of
the steps, the opener, the closing and the speaker prefixes vary by a fixed rule (no randomness), so the
output is reproducible. Writes src/support_gen.txt in the block format of the other src files.
"""
import os

HOME = ("Go to your Home screen.", "回到主屏幕。")
SETTINGS = ("Tap Settings.", "点击“设置”。")
WAIT = ("Please wait a moment.", "请稍等。")
THANKS_WAIT = ("Thanks for waiting.", "感谢您的耐心等待。")
HOPE = ("Hope this helps!", "希望对您有帮助！")
RESTART = ("Restart your device and try again.", "重启设备后再试一次。")
ANYTHING = ("Is there anything else I can help you with?", "请问还有什么可以帮您的吗？")
NOTHING = ("No, that's all. Thanks!", "没有了，谢谢！")
GOODBYE = ("Have a great day!", "祝您生活愉快！")
ASK_ORDER = ("Could you give me your order number, please?", "麻烦提供一下您的订单号。")
CHECK = ("Let me check that for you.", "我帮您查一下。")
CLOSE_APPS = ("First, close any apps you have open.", "首先，把打开的应用都关掉。")
SORRY = ("I'm sorry for the inconvenience.", "给您带来不便，非常抱歉。")

OPENERS = [
    ("Sorry to hear that. Let's sort it out together.", "很抱歉给您带来不便，我们一起来解决。"),
    ("I can help you with that.", "这个问题我可以帮您处理。"),
    ("Thanks for contacting us. I'll walk you through it.", "感谢您联系我们，我来一步步教您操作。"),
    ("No problem, this is usually quick to fix.", "没问题，这个一般很快就能解决。"),
]
CLOSINGS = [
    ("That worked, thank you!", "好了，谢谢！"),
    ("It's working now. Thanks a lot.", "现在可以用了，非常感谢。"),
    ("Great, all fixed.", "太好了，问题解决了。"),
    ("OK, I'll try that now.", "好的，我现在试一下。"),
]

# (customer problem en, zh), [steps (en, zh)]
A = [
    (("Hi, my phone keeps dropping off the Wi-Fi every few minutes.", "你好，我的手机连上Wi-Fi以后，隔几分钟就断一次。"),
     [("Tap Wi-Fi and select your home network.", "点击“无线局域网”，选择您家里的网络。"),
      ("Choose Forget This Network, then join it again with your password.", "选择“忽略此网络”，然后输入密码重新加入。")]),
    (("I'm not getting any message notifications on my tablet.", "我的平板收不到任何消息通知。"),
     [("Tap Notifications, then find Messages in the list.", "点击“通知”，在列表里找到“信息”。"),
      ("Make sure Allow Notifications is switched on.", "确认“允许通知”已经打开。")]),
    (("My phone battery runs out before lunchtime. It didn't use to.", "我的手机还没到中午就没电了，以前不是这样的。"),
     [("Tap Battery to see which apps use the most power.", "点击“电池”，看看哪些应用耗电最多。"),
      ("Turn on Low Power Mode to make the battery last longer.", "打开“低电量模式”，让电池撑得更久。")]),
    (("The screen on my phone is really dim, even in the daytime.", "我手机屏幕特别暗，白天也看不清。"),
     [("Tap Display & Brightness.", "点击“显示与亮度”。"),
      ("Turn off Auto-Brightness and drag the slider to the right.", "关闭“自动亮度”，然后把滑块往右拖。")]),
    (("My new headphones won't connect to my phone.", "我新买的耳机连不上手机。"),
     [("Tap Bluetooth and turn it off, then on again.", "点击“蓝牙”，先关闭再重新打开。"),
      ("Hold the button on your headphones until the light flashes, then select them in the list.", "按住耳机上的按钮直到指示灯闪烁，然后在列表中选择这副耳机。")]),
    (("It says my storage is full and I can't take any more photos.", "手机提示存储空间已满，拍不了照片了。"),
     [("Tap General, then Storage.", "点击“通用”，然后点击“储存空间”。"),
      ("Look at the suggestions at the top, such as removing old videos or apps you no longer use.", "看看顶部的建议，比如删除旧视频或不再使用的应用。")]),
    (("The letters on my e-reader are too small for me to read comfortably.", "我的电子书阅读器上的字太小了，看着很吃力。"),
     [("Tap Display, then Text Size.", "点击“显示”，然后点击“文字大小”。"),
      ("Drag the slider until the text is comfortable to read.", "拖动滑块，直到文字大小看着舒服为止。")]),
    (("My watch has stopped sending my steps to my phone.", "我的手表不再把步数同步到手机上了。"),
     [("Tap Privacy, then Motion & Fitness.", "点击“隐私”，然后点击“运动与健身”。"),
      ("Make sure Fitness Tracking is turned on.", "确认“健身记录”已经打开。")]),
    (("My tablet keeps saying the update failed.", "我的平板一直提示更新失败。"),
     [("Tap General, then Software Update.", "点击“通用”，然后点击“软件更新”。"),
      ("Make sure you're on Wi-Fi and the battery is above half, then tap Download and Install.", "确认已连接Wi-Fi且电量在一半以上，然后点击“下载并安装”。")]),
    (("I want to type in Chinese on my phone but I can't find the keyboard.", "我想在手机上打中文，但是找不到中文键盘。"),
     [("Tap General, then Keyboard.", "点击“通用”，然后点击“键盘”。"),
      ("Tap Add New Keyboard and choose Chinese Pinyin.", "点击“添加新键盘”，选择“简体拼音”。")]),
    (("Is there a way to make the screen darker at night? It hurts my eyes.", "晚上能不能让屏幕暗一点？看着眼睛疼。"),
     [("Tap Display & Brightness.", "点击“显示与亮度”。"),
      ("Choose Dark, or set it to switch automatically at sunset.", "选择“深色”，也可以设置为日落后自动切换。")]),
    (("The map app can't find where I am.", "地图应用定位不到我在哪儿。"),
     [("Tap Privacy, then Location Services.", "点击“隐私”，然后点击“定位服务”。"),
      ("Turn Location Services on and set Maps to While Using the App.", "打开“定位服务”，并把地图设置为“使用应用期间”。")]),
    (("I keep missing calls because I can't hear my phone ring.", "我老是漏接电话，因为听不到手机响。"),
     [("Tap Sounds.", "点击“声音”。"),
      ("Check that the ringer volume is turned up and Silent Mode is off.", "检查一下铃声音量是否调高，静音模式是否已关闭。")]),
    (("I'm travelling and my mobile data doesn't work here.", "我在外地旅行，这里手机流量用不了。"),
     [("Tap Mobile Data.", "点击“蜂窝网络”。"),
      ("Turn on Data Roaming.", "打开“数据漫游”。")]),
    (("My photos aren't being backed up any more.", "我的照片不再自动备份了。"),
     [("Tap your name at the top, then Cloud.", "点击顶部您的名字，然后点击“云端”。"),
      ("Turn on Photo Backup and leave the phone on Wi-Fi and charging overnight.", "打开“照片备份”，晚上让手机连着Wi-Fi充电即可。")]),
    (("The screen on my tablet won't turn when I rotate it.", "我把平板横过来，屏幕却不跟着转。"),
     [("Swipe down from the top right corner to open Control Centre.", "从右上角向下轻扫，打开控制中心。"),
      ("Tap the lock icon with the circular arrow to turn off Rotation Lock.", "点击带圆形箭头的锁形图标，关闭竖排方向锁定。")]),
    (("The time on my phone has been wrong ever since I got back from my trip.", "旅行回来以后，我手机上的时间一直不对。"),
     [("Tap General, then Date & Time.", "点击“通用”，然后点击“日期与时间”。"),
      ("Turn on Set Automatically.", "打开“自动设置”。")]),
    (("How do I stop my son from playing games on the tablet all day?", "怎么才能不让我儿子整天在平板上玩游戏？"),
     [("Tap Screen Time.", "点击“屏幕使用时间”。"),
      ("Tap App Limits and choose how long games can be used each day.", "点击“应用限额”，设置游戏类应用每天可以使用多长时间。")]),
    (("I want to share my phone's internet with my laptop.", "我想把手机的网络分享给笔记本电脑用。"),
     [("Tap Personal Hotspot.", "点击“个人热点”。"),
      ("Turn on Allow Others to Join and use the password shown on the screen.", "打开“允许其他人加入”，然后使用屏幕上显示的密码连接。")]),
    (("Face unlock has stopped recognising me since I started wearing glasses.", "我戴上眼镜以后，面容解锁就认不出我了。"),
     [("Tap Face ID & Passcode.", "点击“面容ID与密码”。"),
      ("Tap Reset Face ID and set it up again while wearing your glasses.", "点击“还原面容ID”，戴着眼镜重新设置一遍。")]),
    (("My text messages take ages to arrive.", "我的短信要过好久才能收到。"),
     [("Tap Messages.", "点击“信息”。"),
      ("Turn on Send as SMS.", "打开“以短信形式发送”。")]),
    (("My work email isn't showing new messages on my phone.", "我的工作邮箱在手机上收不到新邮件。"),
     [("Tap Mail, then Accounts.", "点击“邮件”，然后点击“账户”。"),
      ("Select your work account and turn Mail off and on again.", "选择您的工作账户，把“邮件”关闭后再重新打开。")]),
    (("Do Not Disturb keeps turning on by itself on my tablet.", "我平板上的勿扰模式老是自己打开。"),
     [("Tap Focus, then Do Not Disturb.", "点击“专注模式”，然后点击“勿扰模式”。"),
      ("Delete any schedule you see under Set a Schedule.", "把“设定时间表”下面的所有日程都删掉。")]),
    (("I'm setting up a phone for my mum and the writing is too small for her.", "我在帮我妈设置手机，字太小她看不清。"),
     [("Tap Accessibility, then Display & Text Size.", "点击“辅助功能”，然后点击“显示与文字大小”。"),
      ("Turn on Larger Text and drag the slider to a size she likes.", "打开“更大字体”，把滑块拖到她觉得合适的大小。")]),
    (("My phone doesn't vibrate any more when someone calls.", "现在有人来电时，我的手机不震动了。"),
     [("Tap Sounds & Haptics.", "点击“声音与触感”。"),
      ("Turn on Vibrate on Ring.", "打开“响铃模式下振动”。")]),
    (("My e-reader won't let me borrow library books any more.", "我的电子书阅读器借不了图书馆的书了。"),
     [("Tap Accounts.", "点击“账户”。"),
      ("Sign out of the library account, then sign in again with your library card.", "退出图书馆账户，然后用借书证重新登录。")]),
    (("My phone keeps changing words I type into the wrong ones.", "我打字的时候，手机老是把词自动改错。"),
     [("Tap General, then Keyboard.", "点击“通用”，然后点击“键盘”。"),
      ("Turn off Auto-Correction.", "关闭“自动改正”。")]),
    (("My daughter changed the language on my phone and now I can't read anything.", "我女儿把我手机的语言改了，现在我什么都看不懂。"),
     [("Tap the grey gear icon. That is Settings, even if the name looks strange.", "点击灰色的齿轮图标，那就是“设置”，名字看不懂也没关系。"),
      ("Tap General, then Language & Region, and choose your language at the top of the list.", "点击“通用”，再点击“语言与地区”，在列表最上方选择您的语言。")]),
    (("The video call app says it can't use the camera on my tablet.", "视频通话应用提示无法使用平板上的摄像头。"),
     [("Tap Privacy, then Camera.", "点击“隐私”，然后点击“相机”。"),
      ("Turn on access for the video call app.", "为视频通话应用打开访问权限。")]),
    (("My calls keep cutting out, even when I have full signal.", "即使信号满格，我打电话也老是断线。"),
     [("Tap General, then Transfer or Reset.", "点击“通用”，然后点击“传输或还原”。"),
      ("Choose Reset Network Settings. You'll need to enter your Wi-Fi passwords again afterwards.", "选择“还原网络设置”。还原之后需要重新输入Wi-Fi密码。")]),
]

# One line of explanation per family-A variant, in the same order as A: what usually causes the problem.
WHY = [
    ("This often happens when the phone has saved an old version of the network settings.", "这种情况通常是因为手机保存了旧的网络设置。"),
    ("Notifications for an app can get switched off after an update.", "应用更新之后，它的通知有时会被关闭。"),
    ("Some apps keep running in the background and use a lot of power without you noticing.", "有些应用会在后台一直运行，不知不觉就耗掉很多电。"),
    ("Automatic brightness sometimes gets it wrong, especially if the sensor at the top is covered.", "自动亮度有时会判断失误，尤其是屏幕顶部的感光元件被挡住的时候。"),
    ("New headphones need to be put into pairing mode before the phone can see them.", "新耳机需要先进入配对模式，手机才能搜索到。"),
    ("Old videos and apps you don't use any more usually take up the most room.", "占空间最多的，往往是旧视频和不再使用的应用。"),
    ("You can make the letters bigger from the reader's own settings.", "字体大小可以在阅读器自己的设置里调大。"),
    ("The phone needs permission to read motion data from the watch.", "手机需要获得读取手表运动数据的权限。"),
    ("Updates usually fail when the battery is low or the connection drops halfway.", "更新失败通常是因为电量不足，或者下载到一半网络断了。"),
    ("You just need to add a Chinese keyboard. It only takes a few seconds.", "只需要添加一个中文键盘，几秒钟就能弄好。"),
    ("Dark Mode is much easier on the eyes in a dark room.", "在光线暗的房间里，深色模式看起来会舒服很多。"),
    ("The map needs permission to use your location.", "地图需要获得使用您位置信息的权限。"),
    ("Most of the time the phone has simply been switched to silent.", "大多数情况下，只是手机被调成了静音。"),
    ("Abroad, your phone only uses mobile data if roaming is switched on.", "在境外，只有打开漫游，手机才能使用移动数据。"),
    ("Backups only run while the phone is charging and on Wi-Fi.", "只有在手机充电并连接Wi-Fi时，备份才会进行。"),
    ("It sounds like Rotation Lock has been turned on by accident.", "听起来是不小心打开了方向锁定。"),
    ("Your phone may still be using the time zone from your trip.", "您的手机可能还在使用旅行时的时区。"),
    ("You can set a daily limit for games and keep other apps available.", "您可以给游戏设置每日使用时限，其他应用照常使用。"),
    ("Your phone can act as a small Wi-Fi network for the laptop.", "手机可以当作一个小型Wi-Fi网络，供笔记本连接。"),
    ("Face unlock works best when it has learned how you look with your glasses on.", "让面容解锁记住您戴眼镜的样子，识别效果会更好。"),
    ("When the internet connection is weak, messages can get stuck waiting to be sent.", "网络信号弱的时候，信息可能会卡在待发送状态。"),
    ("Switching the account off and on again makes the phone fetch new mail from scratch.", "把账户关掉再打开，手机会重新从头收取邮件。"),
    ("It's probably a schedule that was set up some time ago.", "很可能是之前设置过一个定时日程。"),
    ("Larger text makes a big difference, and you can still fit plenty on the screen.", "调大字体效果很明显，屏幕上显示的内容也还够用。"),
    ("The vibration setting is separate from the ringtone volume.", "振动设置和铃声音量是分开的。"),
    ("Library sign-ins expire from time to time and need to be renewed.", "图书馆账户的登录状态隔一段时间就会失效，需要重新登录。"),
    ("Auto-Correction tries to guess words, and sometimes it guesses wrong.", "自动改正会试着猜您要打的词，有时候就猜错了。"),
    ("Don't worry, the icons stay in the same place whatever the language.", "别担心，不管换成什么语言，图标的位置都不会变。"),
    ("Each app needs your permission before it can use the camera.", "每个应用都要先获得您的授权，才能使用摄像头。"),
    ("Resetting the network settings clears out anything that might be interfering with calls.", "还原网络设置可以清除可能干扰通话的各种设置。"),
]

# (problem, gives-order-line or None, [resolution lines], apology?)
B = [
    (("Hi, my jacket was supposed to arrive yesterday but it still hasn't come.", "你好，我买的外套说昨天送到，到现在还没收到。"),
     ("It's 58213004.", "订单号是58213004。"),
     [("Your parcel is at the local depot and should be delivered tomorrow.", "您的包裹已经到了本地配送站，预计明天送达。")], True),
    (("The shoes I ordered are too small. Can I swap them for a bigger size?", "我买的鞋小了，能换大一码吗？"),
     None,
     [("I've arranged an exchange for you.", "已经为您安排了换货。"),
      ("A courier will collect the shoes and bring the larger size at the same time.", "快递员上门取鞋的同时，会把大一码的鞋给您送过去。")], False),
    (("One of the mugs in my parcel arrived broken.", "我收到的包裹里有一个杯子碎了。"),
     ("Sure, it's the order from last Tuesday.", "好的，是上周二下的那一单。"),
     [("Please don't worry about sending it back.", "碎掉的杯子不用寄回。"),
      ("We'll send you a new mug today.", "我们今天就给您补发一个新杯子。")], True),
    (("I returned a dress two weeks ago and I still haven't got my money back.", "我两周前退了一条裙子，到现在还没收到退款。"),
     ("It's 77120459.", "订单号是77120459。"),
     [("The refund was issued on Monday.", "退款已于周一发出。"),
      ("It can take three to five working days to show on your card.", "款项到账一般需要三到五个工作日。")], False),
    (("Can I still cancel the order I placed this morning?", "我今天早上下的单，现在还能取消吗？"),
     ("Yes, it's the one for the desk lamp.", "可以，就是台灯那一单。"),
     [("I've cancelled the order. You won't be charged.", "已经为您取消订单，不会扣款。")], False),
    (("I've moved house. Can I change the delivery address for my order?", "我搬家了，订单的收货地址能改吗？"),
     None,
     [("I've updated the delivery address. The new address will show on your order page in a few minutes.", "收货地址已经帮您改好了，几分钟后订单页面就会显示新地址。")], False),
    (("I ordered two books but only one was in the parcel.", "我买了两本书，包裹里只有一本。"),
     ("It's 30098716.", "订单号是30098716。"),
     [("The second book was sent separately from another warehouse.", "第二本书是从另一个仓库单独发出的。"),
      ("It's on its way and should reach you the day after tomorrow.", "已经在路上了，预计后天送到。")], False),
    (("I ordered a blue sofa cushion but you sent me a yellow one.", "我买的是蓝色靠垫，你们发来的却是黄色的。"),
     None,
     [("I've emailed you a free return label.", "已经把免费退货单发到您的邮箱了。"),
      ("We'll send the blue one as soon as the courier scans the return.", "快递员扫描退件后，我们马上给您发蓝色的。")], True),
    (("I think I've been charged twice for the same order.", "同一个订单，我好像被扣了两次钱。"),
     ("It's 41577203.", "订单号是41577203。"),
     [("The second payment is only a temporary hold.", "第二笔只是临时冻结的款项。"),
      ("It will be released automatically within a few days.", "几天之内就会自动解冻。")], True),
    (("I won't be home on Friday. Can the delivery come on Saturday instead?", "我周五不在家，能改成周六送吗？"),
     ("It's 65530181.", "订单号是65530181。"),
     [("I've moved the delivery to Saturday morning.", "已经帮您把配送改到周六上午了。")], False),
    (("The kettle I want has been out of stock for weeks. Will it come back?", "我想买的那款电水壶缺货好几周了，还会补货吗？"),
     None,
     [("It should be back in stock next week.", "预计下周就会补货。"),
      ("I've added you to the list so you get an email as soon as it's available.", "已经帮您登记到货通知，一有货就会给您发邮件。")], False),
    (("My parcel was left outside in the rain and the box is soaked.", "我的包裹被放在门外淋了雨，箱子都湿透了。"),
     ("It's 12984470.", "订单号是12984470。"),
     [("I've reported this to the courier.", "已经向快递公司反映了这个情况。"),
      ("If anything inside is damaged, send us a photo and we'll replace it.", "如果里面的东西有损坏，请拍照发给我们，我们会为您换新。")], True),
    (("The shelf I bought is missing some screws.", "我买的置物架少了几颗螺丝。"),
     None,
     [("I've ordered the missing screws for you.", "已经帮您补寄缺少的螺丝。"),
      ("They'll arrive in a small envelope in a few days.", "过几天会装在小信封里寄到。")], True),
    (("I'm locked out of my account after typing the wrong password too many times.", "我密码输错次数太多，账户被锁了。"),
     None,
     [("I've unlocked your account.", "已经为您解锁账户。"),
      ("Please reset your password with the link we've just emailed you.", "请用我们刚发到您邮箱的链接重置密码。")], False),
    (("I'd like to cancel my monthly coffee subscription.", "我想取消每月的咖啡豆订阅。"),
     None,
     [("I've cancelled your subscription.", "已经为您取消订阅。"),
      ("Your last delivery will still arrive this month.", "本月的最后一次配送仍会照常送达。")], False),
    (("The headphones I bought last week are now cheaper on your site.", "我上周买的耳机，现在你们网站上降价了。"),
     ("It's 90316522.", "订单号是90316522。"),
     [("I've refunded the difference to your original payment method.", "差价已经原路退回给您。")], False),
    (("I ordered gloves but the parcel had socks in it.", "我买的是手套，包裹里却是袜子。"),
     None,
     [("Please keep the socks.", "袜子您留着就好。"),
      ("We're sending the gloves today by express delivery.", "手套我们今天用快递给您发出。")], True),
    (("Can my parcel go to a locker instead? I'm never home during the day.", "我白天都不在家，包裹能改送到快递柜吗？"),
     ("Yes, it's the one for the running shoes.", "可以，就是跑鞋那一单。"),
     [("I've changed the delivery to the parcel locker at the station.", "已经把配送改为车站的快递柜。"),
      ("You'll get a code by text message when it's ready to collect.", "包裹到柜后，您会收到一条带取件码的短信。")], False),
]

OPEN_APP = ("Open the ShopEasy app.", "打开“易购”应用。")
ME_TAB = ("Tap Me in the bottom right corner.", "点击右下角的“我的”。")

C_OPENERS = [
    ("Sure, I can show you how.", "当然可以，我来告诉您怎么操作。"),
    ("Yes, you can do that in the app.", "可以的，在应用里就能设置。"),
    ("Thanks for contacting us. I'll walk you through it.", "感谢您联系我们，我来一步步教您操作。"),
    ("Good question. It only takes a minute.", "好问题，一分钟就能弄好。"),
]

# Family C: questions about the shop's own app. (problem), [steps]
C = [
    (("How do I switch the app to English?", "怎么把应用切换成英文？"),
     [("Tap Language and choose English.", "点击“语言”，选择“English”。")]),
    (("The app sends me far too many notifications.", "这个应用给我推送的通知太多了。"),
     [("Tap Notifications.", "点击“通知”。"),
      ("Turn off Promotions and keep Order Updates on.", "关闭“促销活动”，保留“订单动态”。")]),
    (("Can I save my card so I don't have to type it in every time?", "能不能保存银行卡，省得每次都要重新输入？"),
     [("Tap Payment Methods, then Add Card.", "点击“支付方式”，然后点击“添加银行卡”。"),
      ("Take a photo of the card or type in the details, then tap Save.", "拍一张卡片照片或手动输入卡号信息，然后点击“保存”。")]),
    (("I want to delete an old address from my account.", "我想把账户里一个旧地址删掉。"),
     [("Tap Addresses.", "点击“收货地址”。"),
      ("Swipe left on the old address and tap Delete.", "在旧地址上向左滑动，点击“删除”。")]),
    (("Is there a dark mode in the app?", "应用有深色模式吗？"),
     [("Tap Appearance and choose Dark.", "点击“外观”，选择“深色”。")]),
    (("How do I turn on two-step verification?", "怎么开启两步验证？"),
     [("Tap Account Security.", "点击“账户安全”。"),
      ("Turn on Two-Step Verification and enter the code we text you.", "打开“两步验证”，输入我们短信发给您的验证码。")]),
    (("Prices in the app are showing in the wrong currency.", "应用里的价格显示的币种不对。"),
     [("Tap Region & Currency.", "点击“地区与币种”。"),
      ("Choose your country. The prices will update straight away.", "选择您所在的国家或地区，价格会马上更新。")]),
    (("How can I clear my search history?", "怎么清除搜索记录？"),
     [("Tap Privacy, then Clear Search History.", "点击“隐私”，然后点击“清除搜索记录”。")]),
    (("I'd like to get a text message when my parcel is on its way.", "我希望包裹发出时能收到短信通知。"),
     [("Tap Notifications, then Text Messages.", "点击“通知”，然后点击“短信”。"),
      ("Turn on Delivery Updates and check that your phone number is correct.", "打开“配送动态”，并确认手机号码填写正确。")]),
    (("The pictures in the app use up all my mobile data.", "应用里的图片太费流量了。"),
     [("Tap Data Usage.", "点击“流量使用”。"),
      ("Turn on Load Images on Wi-Fi Only.", "打开“仅在Wi-Fi下加载图片”。")]),
]

PREFIX_STYLES = [
    None,
    ("Agent: ", "Customer: ", "客服：", "客户："),
    None,
    ("Support: ", "Me: ", "客服：", "顾客："),
    None,
]


def fam_a(i, problem, steps):
    o = OPENERS[i % 4]
    c = CLOSINGS[(i // 2) % 4]
    seq = [("C", problem)]
    if i % 2 == 0:
        seq.append(("A", o))
    seq.append(("A", WHY[i]))
    if i % 3 == 0:
        seq += [("A", WAIT), ("A", THANKS_WAIT)]
    core = [("A", HOME), ("A", SETTINGS)] + [("A", s) for s in steps]
    if i % 5 == 1:            # a different order: close apps first, Settings before Home is never used
        core = [("A", CLOSE_APPS)] + core
    if i in (15, 27):         # these already start from another screen
        core = [("A", HOME)] + [("A", s) for s in steps]
    seq += core
    if i % 4 == 2:
        seq.append(("A", RESTART))
    seq.append(("C", c))
    if i % 2 == 0:
        seq.append(("A", HOPE))
    else:
        seq += [("A", ANYTHING), ("C", NOTHING)] if i % 3 != 1 else [("A", HOPE)]
    return seq


def fam_b(i, problem, order_line, resolution, sorry):
    seq = [("C", problem)]
    if order_line is not None:
        seq += [("A", ASK_ORDER), ("C", order_line)]
    seq.append(("A", CHECK if i % 2 == 0 else WAIT))
    if i % 3 != 2:
        seq.append(("A", THANKS_WAIT))
    if sorry:
        seq.append(("A", SORRY))
    seq += [("A", r) for r in resolution]
    if i % 4 == 0:
        seq += [("C", ("Great, thank you.", "太好了，谢谢。")), ("A", ANYTHING), ("C", NOTHING), ("A", GOODBYE)]
    elif i % 4 == 1:
        seq += [("A", ANYTHING), ("C", NOTHING)]
    elif i % 4 == 2:
        seq += [("A", HOPE)]
    else:
        seq += [("C", ("OK, thanks for your help.", "好的，谢谢您的帮助。")), ("A", GOODBYE)]
    return seq


def fam_c(i, problem, steps):
    seq = [("C", problem), ("A", C_OPENERS[i % 4])]
    if i % 2 == 1:
        seq += [("A", WAIT), ("A", THANKS_WAIT)]
    if i % 3 == 2:   # a different order: open the app straight from the Home screen, no Me tab
        seq += [("A", OPEN_APP), ("A", ME_TAB), ("A", SETTINGS)]
    else:
        seq += [("A", HOME), ("A", OPEN_APP), ("A", ME_TAB), ("A", SETTINGS)]
    seq += [("A", s) for s in steps]
    seq.append(("C", CLOSINGS[i % 4]))
    seq.append(("A", HOPE) if i % 2 == 0 else ("A", ANYTHING))
    return seq


def render(seq, style):
    en, zh = [], []
    for who, (e, z) in seq:
        if style:
            ea, ec, za, zc = style
            e = (ea if who == "A" else ec) + e
            z = (za if who == "A" else zc) + z
        en.append(e)
        zh.append(z)
    return en, zh


def main():
    out = ["// GENERATED by tools/gen_support.py: templated support conversations. Do not edit by hand.", ""]
    assert len(WHY) == len(A)
    for i, (problem, steps) in enumerate(A):
        en, zh = render(fam_a(i, problem, steps), PREFIX_STYLES[i % 5])
        out += [f"@@ supA-{i + 1:02d} group=supA", "#en", *en, "#zh", *zh, ""]
    for i, (problem, order_line, res, sorry) in enumerate(B):
        en, zh = render(fam_b(i, problem, order_line, res, sorry), PREFIX_STYLES[(i + 2) % 5])
        out += [f"@@ supB-{i + 1:02d} group=supB", "#en", *en, "#zh", *zh, ""]
    for i, (problem, steps) in enumerate(C):
        en, zh = render(fam_c(i, problem, steps), PREFIX_STYLES[(i + 4) % 5])
        out += [f"@@ supC-{i + 1:02d} group=supC", "#en", *en, "#zh", *zh, ""]
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "src", "support_gen.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
