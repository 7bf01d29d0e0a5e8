//! Fixed patterns of page chrome: the regular expressions and word lists that the line rules, the title,
//! the forum and the neighbourhood rules match lines against. Data, no decisions: each pattern is anchored
//! or length-guarded by its caller so that words inside real prose do not fire. The metadata field
//! patterns (dates, sources, authors) live with their parser in `metadata.rs`.
//!
//! The bottom layer of the classifier: imports nothing from the other boilerplate files.

use regex::Regex;
use std::sync::LazyLock;

pub(super) fn re(pattern: &str) -> Regex {
    // The patterns are compile-time constants covered by the unit tests; an invalid one is a bug that
    // the tests catch, so falling back to a never-matching regex keeps library code panic-free.
    Regex::new(pattern).unwrap_or_else(|_| Regex::new(r"[^\s\S]").unwrap_or_else(|e| panic!("{e}")))
}

pub(super) static RE_ICP: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)ICP\s*[备備证證]|ICP\s*\d{5,}|公[网網]安[备備]|[网網]站[备備]案"));
/// Keyword and tag lists (`本文关键词：…`, `标签：…`, `Tags: …`), search-engine chrome rather than text.
pub(super) static RE_TAGS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:本文)?(?:关键词|關鍵詞|关键字|關鍵字|相关标签|相關標籤|标签|標籤|tags?|keywords?|filed under)\s*[:：]",
    )
});
pub(super) static RE_COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)©|ⓒ|copyright\s*(?:\(c\)|ⓒ|©|\d{4})|\(c\)\s*\d{4}|all rights? reserved|版[权權]所有|保留所有[权權]利|保留一切[权權]利|无版权|不得转载|無斷轉載|무단전재",
    )
});
/// A teaser: an excerpt closed by its link to the full story (`…[详细]`, `…阅读全文>>`, `… Read more »`).
/// Article text never ends in a link to itself.
pub(super) static RE_READ_MORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:[\[【(（]\s*(?:详细|詳細|全文|详情|詳情|更多|阅读全文|閱讀全文|查看全文|查看详情|read more|full story|continue reading)\s*[\]】)）]|(?:详细|詳細|全文|详情|詳情|更多|阅读全文|閱讀全文|查看全文|查看详情|read more|continue reading|full story)\s*(?:>>|»|›|→|>)|(?-u:\b)(?:read more|continue reading)\s*(?:\.\.\.|…)?)\s*$",
    )
});
/// Lines a page generator stamps at the bottom (`Processed in 0.05 second(s), 22 queries`, `Powered by
/// Discuz!`): never written text, on any site built with such software.
pub(super) static RE_GENERATOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)processed in \d+(?:\.\d+)?\s*s(?:ec(?:ond)?s?)?(?:\(s\))?|^powered by\s|页面执行时间|頁面執行時間",
    )
});
pub(super) static RE_DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(?:免[责責][声聲]明|版[权權][声聲]明|特[别別][声聲]明|法律[声聲]明|[声聲]明|disclaimer|special statement|copyright (?:statement|notice)|legal notice)\s*[:：]",
    )
});
pub(super) static RE_DISCLAIMER_BODY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)如有侵[权權]|如涉及版[权權]|[转轉][载載]请?[注註]明|未[经經]授[权權]不得[转轉][载載]|不代表本(?:站|网|網)|仅供参考|僅供參考|infringe your legitimate rights|reproduced or quoted on this site",
    )
});
pub(super) static RE_SHARE_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:一[键鍵])?分享(?:到|至)?|^share(?:\s+(?:this|the))?(?:\s+(?:article|story|page|post|on))?(?-u:\b)|^sharing is caring|^\d+\s+shares?$",
    )
});
pub(super) static RE_FOLLOW: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^follow(?-u:\b).{0,60}(?-u:\b)on\s+(?:facebook|twitter|instagram|linkedin|flipboard|rss|youtube|x|tiktok|weibo|wechat)\s*$",
    )
});
pub(super) static RE_CONTACT_KEY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:地\s*址|[电電]\s*话|联系电话|聯繫電話|[联聯][系繫]人|手\s*机|手\s*機|[传傳]\s*真|[邮郵]\s*箱|[邮郵]\s*编|[邮郵]\s*[编編]|[网網]\s*址|投稿[邮郵]箱|qq|微信|e-?mail|tel|phone|fax|address|website|submission mailbox|contact)\s*[:：]",
    )
});
pub(super) static RE_CONTACT_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+|\+?\(?\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}",
    )
});
pub(super) static RE_CAPTION_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:image credit|photo credit|picture credit|credit|above|below|photo|image|pictured|图片来源|圖片來源|图片|圖片|资料图|資料圖|图|圖)\s*[:：]|^\[(?:사진|photo|image)[=:]",
    )
});
/// An image caption: `图为…` leading, or a photographer credit closing the line (`记者 张三 摄`).
pub(super) static RE_PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:图为|圖為|上图|下图|上圖|下圖)|(?:记者|記者|通讯员|通訊員|摄影|攝影)?\s*\p{Han}{2,4}(?:\s+\p{Han}{2,4})?\s*[摄攝][)）]?$",
    )
});
pub(super) static RE_SEPARATOR_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:[*＊=~#_—–·•+\-]{1,}\s*){3,}"));
pub(super) static RE_ENUM_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．)]|第[一二三四五六七八九十\d]+[章节節部分条條]|[-•·*]\s)",
    )
});

/// Forum words that never occur in a post's own short text: floor numbers, posting verbs, `只看该作者`,
/// edit notes, the quote header (`引用: 原帖由 甲 于 … 发表`), event lines (`甲 回复了此帖`), the client a
/// post was sent from (`来自iPhone客户端`).
const POST_CHROME_MARKS: &str = r"\d+\s*[楼樓#]|#\s*\d+|[发發]表于|[發发]表於|[发發][表帖]时间|[發发][表帖]時間|只看[该該]作者|[电電]梯直[达達]|使用道具|本帖最[后後]由|原帖由|回[复覆]了(?:此|这|這|该|該)(?:帖子?|主题|主題|话题|話題)|^作者\s*[:：]|^(?:来自|來自|[发發]自)\S{0,20}(?:客户端|客戶端|手机|手機|iPhone|Android|iPad)\S{0,8}$";
/// The chrome marks of [`POST_CHROME_MARKS`]. `回复`, `引用`, `楼主` alone are different: a reply may
/// say `楼主说得对` or `引用自哪`.
pub(super) static RE_POST_CHROME_MARK: LazyLock<Regex> = LazyLock::new(|| re(POST_CHROME_MARKS));
/// Forum words of a post header: the chrome marks, plus `楼主`/`沙发` and the reply/quote/report buttons,
/// which a reply's own text may also use.
pub(super) static RE_FORUM_MARK: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"{POST_CHROME_MARKS}|[楼樓]主|沙[发發]|板凳|地板|回复|回覆|引用|[举舉][报報]|楼层|樓層|^(?:支持|反对|反對)(?:\s|$)"
    ))
});
/// A header line that starts with the posting verb (`发表于 …`, `Posted on …`).
pub(super) static RE_POSTED_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(?:[发發]表于|[發发]表於|[发發][表帖]时间|[發发][表帖]時間|posted\s)")
});
/// A posting time: a date with a clock time, or a relative time (`3 小时前`, `昨天 10:21`).
pub(super) static RE_POST_TIME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号號]?\s*(?:星期[一二三四五六日天]|周[一二三四五六日天]|週[一二三四五六日天])?\s*(?:[上下]午\s*)?\d{1,2}(?:[:：]\d{2}|[点點時时]\d{1,2}分)|\d+\s*(?:秒|秒钟|秒鐘|分钟|分鐘|小时|小時|天|周|週|星期|个月|個月|月|年)前|(?:昨天|前天|今天)\s*\d{1,2}[:：]\d{2}",
    )
});
/// A line of nothing but post buttons and their counts (`回应 赞`, `赞 12`, `转发`, `赞同 1.2万`, `3 条评论`),
/// or a post's vote count (`1,203 人赞同了该回答`). Only looked at inside a
/// thread's posts: the same words alone on a line of an article are share bars or nothing at all, and
/// next to a dateline they must not make it a post header. `顶` (a bump) is a reply, not a button.
pub(super) static RE_BUTTONS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:[\d,.]*\s*[万萬kK]?\s*[个個]?\s*(?:回复|回覆|回应|回應|引用|举报|舉報|检举|檢舉|支持|反对|反對|赞同|贊同|点赞|點讚|赞|讚|转发|轉發|分享|收藏|喜欢|喜歡|感谢|感謝|添加评论|添加評論|条评论|條評論|评论|評論|收起|踩|已?编辑|已?編輯|删除|刪除|TOP|top|Top)\s*[\d,.]*\s*[万萬kK]?\s*[(（]?\d*[)）]?\s*)+$|{VOTE_COUNT}"
    ))
});
/// A reply or comment box replaced by a login prompt: `需要 登录 后方可回复`, `请先登录后再发表评论`,
/// `Log in to reply`.
pub(super) static RE_LOGIN_PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:您?需要|请|請|您)?\s*(?:先\s*)?(?:登录|登錄|登入)\s*(?:后|後)?\s*(?:方可|才能|才可以|可以|即可|再)?\s*(?:回复|回覆|评论|評論|留言|发言|發言|发帖|發帖|发表评论|發表評論|参与讨论|參與討論)|^(?:please\s+)?(?:log\s*in|sign\s*in)\s+(?:to|or\s+register\s+to)\s+(?:reply|comment|post)",
    )
});
/// A board's stamp on a post (`本主题由 版主 于 2024-5-18 20:57 审核通过`, `本帖最后由 甲 于 … 编辑`).
pub(super) static RE_MOD_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^本(?:主题|主題|帖子?)(?:最后|最後)?由\s*\S.{0,40}?[于於]\s*\d{4}-\d{1,2}-\d{1,2}")
});
/// The vote count a Q&A page prints between an answer's author block and the answer (`1,203 人赞同了该回答`).
const VOTE_COUNT: &str = r"^[\d,.]+\s*[万萬kK]?\s*人(?:赞同|贊同|点赞|點讚|喜欢|喜歡|收藏)了?(?:该|該|这个|這個)?(?:回答|回覆|回复|文章|帖子)?$";
/// See [`VOTE_COUNT`].
pub(super) static RE_VOTE_COUNT: LazyLock<Regex> = LazyLock::new(|| re(VOTE_COUNT));
/// The label over a thread's replies (`最赞回应`, `全部回复 (12)`, `热门评论`).
pub(super) static RE_REPLY_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:最赞|最热|热门|熱門|全部|最新|精彩|精选|精選)(?:回应|回應|回复|回覆|评论|評論|留言)(?:\s*[(（]?\d+[)）]?)?$",
    )
});
/// The client a post was sent from, inside a header line (`来自Android客户端4楼 …`).
pub(super) static RE_CLIENT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:来自|來自|[发發]自)\S{0,20}?(?:客户端|客戶端|手机|手機|iPhone|Android|iPad)")
});
/// A floor number in a post header: `2楼`, `#3`, `3#`.
pub(super) static RE_FLOOR: LazyLock<Regex> = LazyLock::new(|| re(r"\d+\s*[楼樓#]|#\s*\d+"));

/// The posting verb of a header printed above its post (`user 发表于 …`, `Posted on …`).
pub(super) static RE_POSTING_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)[发發]表于|[發发]表於|[发發][表帖]时间|[發发][表帖]時間|(?-u:\b)posted\s")
});
/// A line that is nothing but a floor number: `2楼`, `#3`, `3#`, `沙发`.
pub(super) static RE_FLOOR_ONLY: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:第?\d{1,5}\s*[楼樓#]|#\s*\d{1,5}|[楼樓]主|沙[发發]|板凳|地板)$"));

/// Whole-line navigation phrases (compared after trimming brackets, arrows and a trailing colon).
pub(super) const NAV_PHRASES: &[&str] = &[
    "首页",
    "首頁",
    "返回",
    "返回列表",
    "返回首页",
    "返回首頁",
    "返回顶部",
    "返回頂部",
    "回到顶部",
    "上一篇",
    "下一篇",
    "上一页",
    "下一页",
    "上一頁",
    "下一頁",
    "相关阅读",
    "相關閱讀",
    "相关文章",
    "相關文章",
    "相关新闻",
    "相關新聞",
    "推荐阅读",
    "推薦閱讀",
    "热门推荐",
    "熱門推薦",
    "热门文章",
    "熱門文章",
    "猜你喜欢",
    "猜你喜歡",
    "延伸阅读",
    "延伸閱讀",
    "更多",
    "查看更多",
    "阅读全文",
    "閱讀全文",
    "阅读原文",
    "閱讀原文",
    "友情链接",
    "友情鏈接",
    "网站地图",
    "網站地圖",
    "打印",
    "打印本页",
    "关闭",
    "關閉",
    "关闭窗口",
    "關閉窗口",
    "纠错",
    "糾錯",
    "评论",
    "評論",
    "登录",
    "登錄",
    "注册",
    "註冊",
    "搜索",
    "频道",
    "頻道",
    "客户端",
    "客戶端",
    "图集",
    "圖集",
    "正文",
    "字号",
    "字號",
    "大 中 小",
    "收藏",
    "点赞",
    "點讚",
    "home",
    "back",
    "return to list",
    "back to top",
    "back to list",
    "previous",
    "next",
    "previous post",
    "next post",
    "previous article",
    "next article",
    "read more",
    "more",
    "recommended reading",
    "related",
    "related articles",
    "related posts",
    "related stories",
    "related content",
    "most read",
    "most popular",
    "popular posts",
    "popular",
    "trending",
    "trending now",
    "links",
    "sitemap",
    "print",
    "close",
    "login",
    "log in",
    "sign in",
    "sign up",
    "register",
    "subscribe",
    "search",
    "menu",
    "skip to content",
    "skip to main content",
    "advertisement",
    "advertising",
    "sponsored",
    "comments",
    "leave a comment",
    "leave a reply",
    "reply",
    "tags",
    "categories",
    "archives",
    "newsletter",
    "newsletters",
    "you may also like",
    "recommended",
    "see also",
    "top stories",
    "latest news",
    "latest",
    "toggle navigation",
    "main menu",
    "cookie policy",
    "privacy policy",
    "terms of use",
    "terms of service",
    "about us",
    "about",
    "careers",
];

/// Labels that lead a breadcrumb trail.
pub(super) const LOCATION_LABELS: &[&str] = &[
    "当前位置",
    "當前位置",
    "您的位置",
    "你的位置",
    "您现在的位置",
    "您現在的位置",
    "你现在的位置",
    "所在位置",
    "current location",
    "you are here",
];

/// Prefixes that make a short line navigation (`Recommended Reading Change it`, `相关阅读：…`).
pub(super) const NAV_PREFIXES: &[&str] = &[
    "相关阅读",
    "相關閱讀",
    "推荐阅读",
    "推薦閱讀",
    "延伸阅读",
    "延伸閱讀",
    "热门推荐",
    "熱門推薦",
    "相关新闻",
    "相關新聞",
    "上一篇",
    "下一篇",
    "更多",
    "recommended reading",
    "related:",
    "read more",
    "read also",
    "see also",
    "also read",
    "more:",
    "previous post",
    "next post",
    "return to",
    "back to",
];

/// Labels of the links from one post to the next or previous one (`前一篇：…`, `Next: …`).
pub(super) const PAGER_LABELS: &[&str] = &[
    "前一篇",
    "后一篇",
    "後一篇",
    "上一个",
    "下一个",
    "上一個",
    "下一個",
    "上一条",
    "下一条",
    "上一條",
    "下一條",
    "上一页",
    "下一页",
    "上一頁",
    "下一頁",
    "previous",
    "prev",
    "next",
    "older",
    "newer",
];

/// Whole-line labels that open the end matter of a page (related lists, comments). Once the article has
/// had a substantial body, everything after such a label is footer.
pub(super) const END_MARKERS: &[&str] = &[
    "相关阅读",
    "相關閱讀",
    "相关文章",
    "相關文章",
    "相关新闻",
    "相關新聞",
    "推荐阅读",
    "推薦閱讀",
    "热门推荐",
    "熱門推薦",
    "热门文章",
    "熱門文章",
    "猜你喜欢",
    "猜你喜歡",
    "网友评论",
    "網友評論",
    "发表评论",
    "發表評論",
    "相关推荐",
    "相關推薦",
    // Sidebar and end-of-page boxes of Chinese news sites: teasers and headline lists, not the article.
    "编辑推荐",
    "編輯推薦",
    "编辑精选",
    "編輯精選",
    "精彩推荐",
    "精彩推薦",
    "为您推荐",
    "為您推薦",
    "大家都在看",
    "热点新闻",
    "熱點新聞",
    "热门新闻",
    "熱門新聞",
    "热门阅读",
    "熱門閱讀",
    "图片新闻",
    "圖片新聞",
    "精彩图集",
    "精彩圖集",
    "点击排行",
    "點擊排行",
    "阅读排行",
    "閱讀排行",
    "24小时热文",
    "往期推荐",
    "往期回顾",
    "往期回顧",
    "相关报道",
    "相關報道",
    "相关链接",
    "相關鏈接",
    "延伸阅读",
    "延伸閱讀",
    // Reference lists close encyclopedia entries and papers; widgets may follow them, text does not.
    "参考资料",
    "參考資料",
    "参考文献",
    "參考文獻",
    "references",
    "related",
    "related articles",
    "related posts",
    "related stories",
    "related content",
    "related news",
    "more stories",
    "more news",
    "most read",
    "most popular",
    "popular posts",
    "popular stories",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "recommended reading",
    "top stories",
    "trending now",
    "comments",
    "leave a comment",
    "leave a reply",
    "join the discussion",
    "read next",
    "up next",
    "more from",
    "what to read next",
    "also on",
];

/// `Name says:` / `Name on September 12, 2018 at 4:47 pm said:` — a comment header.
pub(super) static RE_COMMENT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^.{1,80}?\s(?:says|said|wrote|replied|commented)\s*:?\s*$|^\d+\s+(?:comments?|replies|responses)\s*$|^(?:comments?|评论|評論)\s*\(\d+\)\s*$",
    )
});

/// The label of a comment section (matched on the decoration-stripped, lower-cased line).
pub(super) static RE_COMMENT_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\d+\s+)?(?:top rated |top |all |latest |newest |reader |readers' |user |view all |show )?comments?(?:\s*\(\d+\))?(?:\s+\d+)?$|^(?:网友|最新|热门|全部|精彩|读者)?(?:评论|評論|留言)(?:\s*[(（]?\d+[)）]?)?$|^\d+\s*(?:条评论|條評論|条留言)$",
    )
});

/// Social networks and share targets; a line of nothing but these is a share bar.
pub(super) const SOCIAL: &[&str] = &[
    "微信",
    "微博",
    "新浪微博",
    "腾讯微博",
    "qq",
    "qzone",
    "qq空间",
    "qq空間",
    "朋友圈",
    "豆瓣",
    "抖音",
    "人人网",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "email",
    "e-mail",
    "pinterest",
    "reddit",
    "telegram",
    "vk",
    "tumblr",
    "flipboard",
    "mix",
    "line",
    "print",
    "copy link",
    "messenger",
    "tweet",
    "share",
    "pocket",
    "instagram",
    "youtube",
    "rss",
    "skype",
    "viber",
    "weibo",
    "wechat",
];

/// Contact-form and address-block labels (whole line).
pub(super) const CONTACT_LABELS: &[&str] = &[
    "姓名",
    "电话",
    "電話",
    "手机",
    "手機",
    "邮箱",
    "郵箱",
    "留言",
    "留言内容",
    "留言內容",
    "在线留言",
    "在線留言",
    "联系我们",
    "聯繫我們",
    "聯絡我們",
    "联系方式",
    "聯繫方式",
    "扫一扫",
    "掃一掃",
    "扫一扫关注",
    "掃一掃關注",
    "扫码关注",
    "掃碼關注",
    "关注我们",
    "關注我們",
    "验证码",
    "驗證碼",
    "提交",
    "地址",
    "contact us",
    "contact",
    "contact me",
    "online message",
    "name",
    "email",
    "e-mail",
    "message",
    "submit",
    "follow us",
    "address",
    "phone",
    "get in touch",
];
