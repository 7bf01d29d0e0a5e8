//! Boilerplate stage through the real pipeline: forum threads keep every post, articles keep their main text
//! region. The fixtures are text written for these tests.

use cleanalign::engine::process_bytes;
use cleanalign::stages::boilerplate::{BoilerplateConfig, DocLines, LineClass};

fn classify(text: &str) -> Vec<(String, LineClass)> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let classifier = BoilerplateConfig::default()
        .build()
        .expect("default config");
    let verdicts = classifier.classify(&DocLines {
        lines: &lines,
        doc_freq: &vec![1; lines.len()],
        batch_docs: 1,
    });
    lines
        .iter()
        .zip(verdicts)
        .map(|(l, v)| (l.to_string(), v.class))
        .collect()
}

fn kept(v: &[(String, LineClass)]) -> Vec<&str> {
    v.iter()
        .filter(|(_, c)| matches!(c, LineClass::Content | LineClass::Title))
        .map(|(l, _)| l.as_str())
        .collect()
}

/// The verdicts for a fixture file under `tests/fixtures/boilerplate/`.
fn classify_fixture(name: &str) -> Vec<(String, LineClass)> {
    let path = format!("tests/fixtures/boilerplate/{name}");
    classify(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
}

/// Every one of `lines` is kept (the verdicts are printed on failure).
fn assert_kept(v: &[(String, LineClass)], lines: &[&str]) {
    let kept = kept(v);
    for line in lines {
        assert!(kept.contains(line), "lost {line:?}: {v:#?}");
    }
}

/// None of `lines` is kept.
fn assert_dropped(v: &[(String, LineClass)], lines: &[&str]) {
    let kept = kept(v);
    for line in lines {
        assert!(!kept.contains(line), "kept {line:?}: {v:#?}");
    }
}

#[test]
fn forum_thread_keeps_every_post_body_and_drops_headers() {
    let v = classify_fixture("forum_thread.txt");
    // Every post body, short ones included.
    assert_kept(
        &v,
        &[
            "拆开后盖以后发现里面有些发霉，不知道应该用什么清洁。",
            "快门的话先看看弹簧是不是松了。",
            "同意楼上。",
            "谢谢两位，周末我试试。",
        ],
    );
    // Headers, buttons, navigation and footer go.
    assert_dropped(
        &v,
        &[
            "沙发 老周 发表于 2021-03-05 11:05:10",
            "4楼 阿明 发表于 2021-03-06 09:12:45",
            "回复 引用 举报",
            "返回列表",
            "京ICP备00000000号",
            "首页 论坛 社区 帮助",
        ],
    );
    for (line, class) in &v {
        if line.contains("发表于") {
            assert_eq!(*class, LineClass::Boilerplate("post-header"), "{line}");
        }
    }
}

#[test]
fn comments_under_an_article_are_not_a_forum() {
    let p = |topic: &str| {
        format!("市政府今天公布了关于{topic}的新规划，计划在未来三年内投入大量资金，改善市民的日常生活条件，并且听取各方意见。")
    };
    let (a, b, c) = (p("公交"), p("学校"), p("公园"));
    let text = format!(
        "城市新规划公布\n{a}\n{b}\n{c}\n网友评论\n网友甲 2021-03-05 10:22 回复\n这个规划很好，希望早日落实。\n网友乙 2021-03-05 11:22 回复\n支持！\n"
    );
    let v = classify(&text);
    let kept = kept(&v);
    assert!(
        kept.contains(&a.as_str()) && kept.contains(&c.as_str()),
        "{v:#?}"
    );
    assert!(!kept.contains(&"这个规划很好，希望早日落实。"), "{v:#?}");
    assert!(!kept.contains(&"支持！"), "{v:#?}");
}

#[test]
fn teaser_sidebar_far_from_the_headline_loses_to_the_article() {
    // The article directly under its headline, then a long sidebar of other stories' teasers separated by
    // navigation chrome: the main region is the article.
    let article = [
        "The city council approved the new budget on Tuesday after a long debate about the cost of public transport and of the schools.",
        "Officials said that the plan would be reviewed again in the spring, once the first figures on ridership are available to the public.",
    ];
    let mut text = format!("Council approves budget\n{}\n{}\n", article[0], article[1]);
    for i in 0..3 {
        text.push_str("Home\nNews\nSports\nWeather\nContact us\n");
        text.push_str(&format!(
            "Other story number {i} is about a different town, where the mayor has opened a new bridge over the river for all of the cars.\n"
        ));
    }
    let v = classify(&text);
    let kept = kept(&v);
    assert!(
        kept.contains(&article[0]) && kept.contains(&article[1]),
        "{v:#?}"
    );
    assert!(!kept.iter().any(|l| l.starts_with("Other story")), "{v:#?}");
}

mod common;

fn clean(id: &str, text: &str) -> cleanalign::doc::Document {
    let pipeline = common::default_pipeline();
    let (mut docs, failures, _) =
        process_bytes(pipeline, &[(id.to_string(), text.as_bytes().to_vec())]);
    assert!(failures.is_empty());
    docs.remove(0)
}

#[test]
fn japanese_page_keeps_its_kanji() {
    // Written for this test: a short Japanese news text. 聞 and 時 must not become 闻 and 时.
    let text = "ニュースを聞く\n[06月24日 11時30分]\n今日は新しい法律について、みなさんにわかりやすく説明します。\n子どもを育てる時に、親が気をつけることがたくさんあります。\n";
    let doc = clean("ja", text);
    let all: String = doc.lines.iter().map(|l| l.text.as_str()).collect();
    assert!(all.contains("子どもを育てる時に"), "{all}");
    assert!(!all.contains('时') && !all.contains('闻'), "{all}");
}

#[test]
fn injected_gambling_anchor_and_tag_line_are_rejected_with_reasons() {
    let text = "河滨县工厂火灾\n据当地消息：5月2日8时10分，某某现金网网址：河滨县一家工厂发生火灾，造成2人受伤，消防部门迅速赶到现场进行处置。\n当地政府已经成立调查组，对事故原因展开调查，并要求各企业加强安全检查，防止类似事故再次发生。\n本文关键词：火灾,工厂,河滨,消防,调查\n";
    let doc = clean("cc", text);
    let kept: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
    assert!(
        kept.iter()
            .any(|l| l.contains("5月2日8时10分，河滨县一家工厂发生火灾")),
        "{kept:?}"
    );
    assert!(!kept.iter().any(|l| l.contains("现金网")), "{kept:?}");
    let reasons: Vec<&str> = doc.rejects.iter().map(|r| r.reason.as_str()).collect();
    assert!(reasons.contains(&"spam-gambling"), "{reasons:?}");
    assert!(reasons.contains(&"tags"), "{reasons:?}");
}

#[test]
fn discuz_style_thread_user_lines_and_buttons_go_posts_stay() {
    let v = classify_fixture("forum_discuz_style.txt");
    assert_kept(
        &v,
        &[
            "最近把家里的几支老镜头转接到无反相机上用，记录一下体会，供大家参考。",
            "手动对焦需要耐心，放大对焦功能很有帮助。",
            "转接环一定要买做工好的，不然无限远合不上焦。",
            "学习了！",
        ],
    );
    assert_dropped(
        &v,
        &[
            "老周",
            "小林",
            "使用道具 举报",
            "回复",
            "本帖最后由 阿明 于 2021-3-5 10:30 编辑",
            "高级模式",
            "您需要登录后才可以回帖 登录 | 立即注册",
        ],
    );
}

#[test]
fn a_space_separated_chinese_menu_is_not_the_title() {
    // Through the whole pipeline: normalisation must not glue `门户 论坛 群组` into a headline-like
    // `门户论坛群组` before boilerplate detection has seen it.
    let text = std::fs::read_to_string("tests/fixtures/boilerplate/forum_discuz_style.txt")
        .expect("fixture");
    let doc = clean("discuz", &text);
    let title = doc.meta.title.clone();
    assert!(title.contains("旧镜头转接的几点体会"), "{title:?}");
    let kept: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
    assert!(!kept.iter().any(|l| l.contains("门户")), "{kept:?}");
}

#[test]
fn chinese_news_page_keeps_its_article_and_records_metadata() {
    let v = classify_fixture("zh_news.txt");
    let kept = kept(&v);
    assert_eq!(
        kept.first(),
        Some(&"河滨县老城区改造工程正式启动"),
        "{v:#?}"
    );
    assert_kept(&v, &[
        "3月4日上午，河滨县老城区改造工程在西门广场正式启动，这是该县今年投资规模最大的民生项目。",
        "居民代表王大妈说：“盼了好多年了，终于等到了。”",
        "一期工程",
        "一期工程以道路和管网为主，计划于今年10月前完成，涉及东街、南街两个片区的主要道路。",
    ]);
    // Everything else is chrome or metadata.
    assert_eq!(kept.len(), 7, "{v:#?}");
    let meta: Vec<LineClass> = v
        .iter()
        .filter(|(l, _)| l.starts_with("2021-03-05") || l.starts_with("责任编辑"))
        .map(|(_, c)| *c)
        .collect();
    assert!(
        meta.iter().all(|c| matches!(c, LineClass::Metadata(_))),
        "{meta:?}"
    );
}

#[test]
fn thread_with_bare_name_and_time_headers_keeps_short_replies() {
    let v = classify_fixture("forum_bare_headers.txt");
    assert_kept(
        &v,
        &[
            "南方潮湿，瓷砖省心。",
            "我家铺的实木地板，脚感好，就是要注意保养。",
            "谢谢，我再比较一下。",
        ],
    );
    assert_dropped(
        &v,
        &[
            "老周 2022-05-02 20:35",
            "上一篇：卫生间防水怎么做",
            "家居论坛",
        ],
    );
}

#[test]
fn short_replies_repeated_across_the_batch_stay_in_a_thread() {
    let text = std::fs::read_to_string("tests/fixtures/boilerplate/forum_bare_headers.txt")
        .expect("fixture");
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    // "南方潮湿，瓷砖省心。" and the navigation lines occur in five documents of a batch of fifty.
    let freq: Vec<u32> = lines
        .iter()
        .map(|l| {
            if l.starts_with("南方") || l.starts_with("上一篇") || l.starts_with("下一篇") {
                5
            } else {
                1
            }
        })
        .collect();
    let classifier = BoilerplateConfig::default()
        .build()
        .expect("default config");
    let v = classifier.classify(&DocLines {
        lines: &lines,
        doc_freq: &freq,
        batch_docs: 50,
    });
    for (line, verdict) in lines.iter().zip(&v) {
        if line.starts_with("南方") {
            assert_eq!(verdict.class, LineClass::Content, "{line}");
        }
        if line.starts_with("上一篇") {
            assert!(
                !matches!(verdict.class, LineClass::Content | LineClass::Title),
                "{line}"
            );
        }
    }
}

#[test]
fn encyclopedia_sections_between_info_boxes_are_kept_widgets_after_references_are_not() {
    let v = classify_fixture("zh_encyclopedia.txt");
    let kept = kept(&v);
    let kept_text = kept.join("\n");
    // The summary above the info box and the lone section between two lists are written prose, although
    // each is worth far less than the main block of sections.
    for body in [
        "林晓川，1962年出生于浙江省宁波市",
        "1984年毕业于河海大学港口航道专业",
        "林晓川出生在宁波一个渔民家庭",
        "2005年起，他主持杭州湾南岸海堤加固工程",
        "2008年起，林晓川担任省防汛防台专家组成员",
    ] {
        assert!(kept_text.contains(body), "lost {body:?}: {v:#?}");
    }
    // The reference list closes the entry: the widget blurb after it is not text of the entry, although it
    // is a full sentence, and neither are its label, the info box or the page chrome.
    assert_dropped(&v, &[
        "网友评价",
        "即网友对词条人物的客观印象汇总。采用技术手段抓取各平台的公开内容，并智能提取观点得出，每天更新一次。",
        "1. 林晓川教授简介 ．海洋大学 [引用日期2019-05-19]",
        "参考资料",
        "进入词条 全站搜索 帮助",
        "水利工程专家",
        "河口泥沙运动 海洋出版社 1996",
        "来自 某某知识图谱",
    ]);
}

#[test]
fn tieba_style_thread_with_floor_and_time_below_each_post_keeps_every_post() {
    let v = classify_fixture("forum_tieba_style.txt");
    // The question stands before the first header (`1楼 … 回复` closes it) and is the longest text of
    // the thread; every reply sits between two headers.
    assert_kept(&v, &[
        "在网上查了一下，有人说是里面的阻尼脂干了，也有人说是螺纹磨损了，我自己看不出来是哪种情况。",
        "有没有办法自己调紧一点？拆开的话会不会影响成像？请有经验的朋友指点一下，先谢过了。",
        "拆之前拍照记下每个螺丝的位置，装回去的时候按顺序来。",
        "同问",
        "谢谢，我去买阻尼脂试试，周末拆开看看。",
    ]);
    // Floor/time lines, the user names and ranks above the posts, and the page chrome go.
    assert_dropped(
        &v,
        &[
            "1楼 2019-01-01 12:00 回复",
            "来自Android客户端4楼 2019-01-01 14:20 回复",
            "老周爱摄影",
            "街头阿明",
            "初学者",
            "发表回复",
            "只看楼主 收藏 回复",
            "登录一下 即可领取丰厚福利",
        ],
    );
    // The headline, not the HTML <title> with its board and site, is the title.
    let title: Vec<&str> = v
        .iter()
        .filter(|(_, c)| *c == LineClass::Title)
        .map(|(l, _)| l.as_str())
        .collect();
    assert_eq!(title, ["老镜头转接无反，对焦环太松怎么办？"]);
}

#[test]
fn discuz_thread_with_floor_labels_keeps_a_long_first_post_and_a_one_word_last_reply() {
    let v = classify_fixture("forum_discuz_floors.txt");
    assert_kept(&v, &[
        "第一，高原反应因人而异，头两天尽量不要剧烈活动，住宿最好安排在海拔低一些的县城，晚上不要洗澡。",
        "最后，沿途的风景真的很美，但是不要为了拍照随便停在弯道上，安全第一。",
        "谢谢分享，收藏了。",
        "请问十月份路上会不会结冰？需要换雪地胎吗？",
        "顶",
    ]);
    assert_dropped(
        &v,
        &[
            "楼主",
            "沙发",
            "5#",
            "驴友老王 发表于 2019-08-12 21:15:33 | 只看该作者",
            "使用道具 举报",
            "高级模式",
            "B Color Image Link Quote Code Smilies",
            "手机版|小黑屋|某某汽车论坛",
            "GMT+8, 2019-8-14 10:20 , Processed in 0.052131 second(s), 22 queries .",
        ],
    );
}

#[test]
fn news_portal_page_keeps_text_around_an_inline_related_box_and_drops_teasers() {
    let v = classify_fixture("zh_news_portal.txt");
    let title: Vec<&str> = v
        .iter()
        .filter(|(_, c)| *c == LineClass::Title)
        .map(|(l, _)| l.as_str())
        .collect();
    // The headline, found because the HTML <title> below the menus starts with it.
    assert_eq!(
        title,
        ["多地推进老年助餐服务 社区食堂让老人吃得好吃得省"],
        "{v:#?}"
    );
    // The article continues after the inline `相关阅读：` box, with a sub-heading.
    assert_kept(&v, &[
        "记者了解到，去年以来，多个城市把老年助餐服务列入民生实事项目，通过政府补贴场地、企业负责运营、街道组织志愿者配送等方式，让社区食堂开得起来、办得下去。",
        "一些地方还为行动不便的老人提供送餐上门服务。城西社区的志愿者每天上午十点接单，十一点前把饭菜送到老人家中，顺便了解老人的身体情况。",
        "专家建议",
        "省社会科学院的一位研究员认为，助餐服务要避免“一阵风”，关键是建立稳定的补贴和评估机制，并根据老人的口味和健康需求不断调整菜单。",
    ]);
    assert_dropped(&v, &[
        "某某网首页 新闻 体育 财经 娱乐 科技 博客 图片 专栏 更多",
        "微信 微博 QQ空间",
        "相关阅读：",
        "推进居家养老服务 这些城市出了新招",
        "社区嵌入式养老，怎么建？",
        "扫码下载某某新闻客户端，随时随地看新闻",
        "4月11日，记者从市民政局获悉，今年全市将新建社区食堂50家，覆盖所有街道，并为高龄老人提供就餐补贴。[详细]",
        "重阳节将至 多地开展敬老活动",
        "已有0条评论",
        "京ICP证000000号 京公网安备 11000002000000号",
        "违法和不良信息举报电话：010-00000000",
    ]);
}

#[test]
fn tieba_thread_with_floor_time_and_reply_on_separate_lines() {
    let v = classify_fixture("forum_tieba_split_lines.txt");
    assert_kept(&v, &[
        "家里的猫今年十四岁了，最近一个星期吃得特别少，以前一顿能吃小半碗，现在闻一闻就走开了。",
        "想问问大家是先换粮试试，还是直接去医院检查？",
        "老猫食欲下降最好先去医院查个血，肾脏和牙齿的问题都会影响吃饭，不要自己乱换粮。",
        "同意楼上，我家老猫就是牙龈发炎，治好以后就正常吃了。",
        "好的，明天就带它去医院。",
    ]);
    assert_dropped(
        &v,
        &[
            "来自iPhone客户端",
            "来自Android客户端",
            "1楼",
            "2021-06-03 21:14",
            "回复",
            "橘座今天吃了吗",
            "小鱼干批发",
            "下一页 尾页",
            "回复(3)",
        ],
    );
}

#[test]
fn numbered_comments_under_an_article_are_end_matter() {
    let p = |topic: &str| {
        format!("市政府今天公布了关于{topic}的新规划，计划在未来三年内投入大量资金，改善市民的日常生活条件，并且听取各方意见。")
    };
    let (a, b, c) = (p("公交"), p("学校"), p("公园"));
    // Floor numbers, but each header names its commenter: headers above their comments, not a
    // Tieba-style thread whose first post would be the article.
    let text = format!(
        "城市新规划公布\n{a}\n{b}\n{c}\n1楼 网友甲 2021-03-05 10:22\n这个规划很好，希望早日落实。\n2楼 网友乙 2021-03-05 11:22\n说得对\n"
    );
    let v = classify(&text);
    let kept = kept(&v);
    assert!(
        kept.contains(&a.as_str()) && kept.contains(&c.as_str()),
        "{v:#?}"
    );
    assert_dropped(
        &v,
        &[
            "1楼 网友甲 2021-03-05 10:22",
            "这个规划很好，希望早日落实。",
            "说得对",
        ],
    );
}

#[test]
fn article_dateline_and_short_comments_do_not_make_a_thread() {
    // A dateline (`… 来源：新华社`) and two comment headers with relative times: three "name time" lines,
    // but the dateline names its fields, so this is an article with comments, not a forum thread.
    let v = classify_fixture("zh_news_dateline_comments.txt");
    assert_kept(&v, &[
        "据介绍，该卫星主要用于天气预报、气候预测和环境监测，将进一步提升我国对台风、暴雨等灾害性天气的监测能力。",
        "这次任务是长征系列运载火箭的第450次飞行。",
    ]);
    assert_dropped(
        &v,
        &[
            "A+ A- 大字号",
            "视频加载中...",
            "点击查看大图",
            "打开APP阅读更多精彩内容",
            "多地迎来降温降雨天气 出行注意安全",
            "用户1234 3小时前",
            "厉害了，我的国！",
            "为航天人点赞",
            "加载更多",
        ],
    );
    let dateline = v
        .iter()
        .find(|(l, _)| l.starts_with("2022-11-05"))
        .map(|(_, c)| *c);
    assert_eq!(dateline, Some(LineClass::Metadata("date")));
}

#[test]
fn douban_style_group_thread_drops_buttons_keeps_replies() {
    let v = classify_fixture("forum_douban_style.txt");
    let title: Vec<&str> = v
        .iter()
        .filter(|(_, c)| *c == LineClass::Title)
        .map(|(l, _)| l.as_str())
        .collect();
    // The thread title stands right above the first post header, below the menus.
    assert_eq!(title, ["租房后发现房东不退押金怎么办"], "{v:#?}");
    assert_kept(
        &v,
        &[
            "当时入住的时候没有拍照，现在说不清楚，想问问大家有没有类似的经历，最后是怎么解决的。",
            "以后入住前一定要拍视频留证据，这次可以先找中介协调，不行就打12345投诉。",
            "同样遇到过，最后去派出所调解才退了一半。",
            "谢谢大家，我先找中介试试。",
        ],
    );
    assert_dropped(
        &v,
        &[
            "下载豆瓣客户端",
            "最赞回应",
            "来自: 一只小橙子 2020-09-12 14:03:11",
            "一只小橙子 (楼主) 2020-09-12 16:11:38",
            "赞",
            "转发",
            "回应 赞",
            "你需要登录后才可以回应",
        ],
    );
}

/// A line compared across normalisation: no white space, ASCII punctuation width.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            '，' => ',',
            '！' => '!',
            '？' => '?',
            '；' => ';',
            _ => c,
        })
        .collect()
}

#[test]
fn chinese_fixtures_through_the_whole_pipeline() {
    // The same pages after decoding and normalisation (which removes the spaces between Han characters,
    // so `微信 微博 QQ空间` arrives as `微信微博 QQ空间`): posts and article text stay, chrome goes.
    let cases: [(&str, &[&str], &[&str]); 5] = [
        (
            "forum_tieba_style",
            &[
                "有没有办法自己调紧一点？拆开的话会不会影响成像？请有经验的朋友指点一下，先谢过了。",
                "同问",
                "谢谢，我去买阻尼脂试试，周末拆开看看。",
            ],
            &["1楼 2019-01-01 12:00 回复", "老周爱摄影", "发表回复"],
        ),
        (
            "forum_discuz_floors",
            &["第三，十月的早晚温差很大，白天二十度，晚上可能零下，羽绒服和保温杯都用得上。", "顶"],
            &["使用道具 举报", "沙发", "手机版|小黑屋|某某汽车论坛"],
        ),
        (
            "forum_douban_style",
            &["同样遇到过，最后去派出所调解才退了一半。", "谢谢大家，我先找中介试试。"],
            &["回应 赞", "下载豆瓣客户端"],
        ),
        (
            "zh_news_portal",
            &[
                "一些地方还为行动不便的老人提供送餐上门服务。城西社区的志愿者每天上午十点接单，十一点前把饭菜送到老人家中，顺便了解老人的身体情况。",
                "专家建议",
            ],
            &["微信 微博 QQ空间", "社区嵌入式养老，怎么建？", "已有0条评论"],
        ),
        (
            "zh_news_dateline_comments",
            &["这次任务是长征系列运载火箭的第450次飞行。"],
            &["用户1234 3小时前", "厉害了，我的国！", "A+ A- 大字号"],
        ),
    ];
    for (name, keep, drop) in cases {
        let text = std::fs::read_to_string(format!("tests/fixtures/boilerplate/{name}.txt"))
            .expect("fixture");
        let doc = clean(name, &text);
        let kept: Vec<String> = doc.lines.iter().map(|l| squeeze(&l.text)).collect();
        for line in keep {
            assert!(
                kept.contains(&squeeze(line)),
                "{name}: lost {line:?}: {kept:#?}"
            );
        }
        for line in drop {
            assert!(
                !kept.contains(&squeeze(line)),
                "{name}: kept {line:?}: {kept:#?}"
            );
        }
    }
}

#[test]
fn sidebar_box_of_headlines_with_full_summaries_is_end_matter() {
    // After the article, a box titled `编辑精选`: headline, one-paragraph summary, headline, summary. The
    // summaries are written prose, but the box title ends the article.
    let v = classify_fixture("zh_news_teaser_box.txt");
    let kept = kept(&v);
    assert!(
        kept.contains(&"一期工程以道路和管网为主，计划于今年10月前完成，涉及东街、南街两个片区的主要道路，届时将实行分段封闭施工。"),
        "{v:#?}"
    );
    assert_dropped(&v, &[
        "编辑精选",
        "县城首家24小时书店开业",
        "记者昨日从县文旅局获悉，县城首家24小时书店正式开业，书店面积约800平方米，藏书两万余册，并设有自习区。",
        "本次招聘会共有120家企业参加，提供就业岗位3000多个，涵盖制造、商贸、物流等多个行业，吸引了大批求职者。",
    ]);
}

#[test]
fn product_page_keeps_its_spec_and_feature_lists() {
    let v = classify_fixture("zh_product_spec.txt");
    // The short feature items continue the dash list whose long items are the last paragraphs.
    assert_kept(
        &v,
        &[
            "● 输入功率：1600W",
            "- 热风循环系统由风机和风道组成，使箱内温度更加均匀。",
            "- 超温报警",
            "- 数字显示",
        ],
    );
    assert_dropped(
        &v,
        &[
            "相关产品",
            "HX-300 型真空干燥箱",
            "电话：0000-00000000 传真：0000-00000000",
        ],
    );
}

#[test]
fn field_list_after_the_last_paragraph_is_not_footer() {
    let text = "某某游戏正式版发售\n本游戏是一款回合制策略游戏，玩家需要组建自己的队伍，在随机生成的迷宫中探索并击败敌人。\n正式版加入了新的职业和关卡，并修复了测试版中玩家反馈的大部分问题，欢迎大家体验。\n●操作系统: Windows 10\n●处理器: Intel i5 2.3GHz\n●内存: 8 GB\n●存储空间: 需要 1500 MB 可用空间\n相关推荐\n另一款策略游戏\n关于我们 | 联系我们\n";
    let v = classify(text);
    let kept = kept(&v);
    for line in ["●操作系统: Windows 10", "●存储空间: 需要 1500 MB 可用空间"] {
        assert!(kept.contains(&line), "lost {line:?}: {v:#?}");
    }
    for chrome in ["相关推荐", "另一款策略游戏"] {
        assert!(!kept.contains(&chrome), "kept {chrome:?}: {v:#?}");
    }
}

#[test]
fn numbered_list_announced_by_the_article_is_kept_between_its_links() {
    let text = "今年值得一读的五本新书\n2021-12-20 来源：某某书评\n又到了年底盘点的时候，编辑部的几位同事各自推荐了今年读过的好书，涵盖小说、历史和科普几个方面。\n这些书的共同点是读起来不费力，又能让人有所收获，适合在假期里慢慢读完。\n下面就是我们的推荐书单：\n1. 《河流》 张三著\nhttp://example.com/book/1\n2. 《城市的记忆》 李四著\nhttp://example.com/book/2\n3. 《星空下的实验室》 王五著\nhttp://example.com/book/3\n4. 《一个人的远行》 赵六著\nhttp://example.com/book/4\n相关阅读\n去年的年度书单回顾\n关于我们 | 联系我们\n";
    let v = classify(text);
    assert_kept(
        &v,
        &[
            "下面就是我们的推荐书单：",
            "1. 《河流》 张三著",
            "4. 《一个人的远行》 赵六著",
        ],
    );
    assert_dropped(
        &v,
        &[
            "http://example.com/book/1",
            "相关阅读",
            "去年的年度书单回顾",
            "关于我们 | 联系我们",
        ],
    );
}

#[test]
fn qa_page_keeps_every_answer_and_drops_author_and_vote_lines() {
    // A question-and-answer page: each answer has its author (and maybe a one-line bio) and a vote count
    // above it, and its publication time and buttons below it. Every answer body stays, the shortest too.
    let text =
        std::fs::read_to_string("tests/fixtures/boilerplate/qa_zhihu_style.txt").expect("fixture");
    let v = classify(&text);
    let doc = clean("qa_zhihu_style", &text);
    let kept: Vec<String> = doc.lines.iter().map(|l| squeeze(&l.text)).collect();
    for body in [
        "从小学到大学一直在学，考试成绩也不差，可一到需要说的场合就紧张，脑子里一片空白。",
        "说几点我在课堂上反复看到的情况。",
        "第一，输入和输出的比例严重失衡。很多学生读过上千篇课文，做过几万道选择题，可是完整地开口说一段话的次数加起来可能不到一百次，说不出来是很自然的结果。",
        "我的建议是每天找十分钟，对着手机把当天看到的一件小事用英语讲出来，录下来再听一遍，坚持三个月会有明显的变化。",
        "因为考试不考口语，学校也就不练，大家自然就不会说了。",
        "我刚进公司的时候也是这样，开会只敢听不敢说，后来发现同事们其实并不在意语法是不是完全正确。",
        "真正帮到我的是每周和外籍同事吃一次午饭，聊的都是天气、孩子和周末去哪儿玩，话题简单，压力也小，半年以后开会发言就自然多了。",
        "没错。",
    ] {
        assert!(
            kept.contains(&squeeze(body)),
            "lost answer text {body:?}: {kept:#?}\n{v:#?}"
        );
    }
    for chrome in [
        "林间小路",
        "外语教师，十年一线教学经验",
        "1,203 人赞同了该回答",
        "发布于 2021-03-05 10:20",
        "编辑于 2022-01-12 08:15",
        "赞同 1.2万",
        "添加评论",
        "3 条评论",
        "分享",
        "收藏",
        "喜欢",
        "收起",
        "阿橙",
        "周末读书会",
        "在外企工作的普通职员",
        "小白兔",
        "关注问题",
        "查看全部 4 个回答",
        "京ICP备00000000号 © 2024 某某科技有限公司",
    ] {
        assert!(
            !kept.contains(&squeeze(chrome)),
            "kept chrome {chrome:?}: {kept:#?}\n{v:#?}"
        );
    }
    // The per-answer lines are post headers, as on a forum.
    for (line, class) in &v {
        if line.starts_with("发布于") || line.starts_with("编辑于") || line.starts_with("赞同")
        {
            assert_eq!(*class, LineClass::Boilerplate("post-header"), "{line}");
        }
    }
}

#[test]
fn discuz_thread_with_user_panels_keeps_each_post_and_drops_the_panels_between_them() {
    // Discuz 7 prints the next author's panel (name, rank, motto) between one post's button bar and the
    // next post's header, and a profile link above every button bar.
    let v = classify_fixture("forum_discuz_panels.txt");
    assert_kept(
        &v,
        &[
            "家里的空调用了三年，最近吹出来的风有点味道。",
            "我一般一个月洗一次，夏天开得多的时候半个月。",
            // A post that opens with 楼主 is the post, not its header.
            "楼主说的味道可能不是滤网，是蒸发器发霉了，最好请师傅用专用清洗剂洗一次。",
            "同意",
            // A one-line post above the profile link and the buttons.
            "谢谢两位，周末先把滤网拆下来看看",
        ],
    );
    assert_dropped(
        &v,
        &[
            "老猫",
            "资深会员",
            "人生就是不断地折腾，折腾完了再总结经验。",
            "本论坛的服务器由热心会员赞助，感谢支持！",
            "查看详细资料",
            "引用 回复 TOP",
            "1楼 大 中 小 发表于 2021-6-3 20:11 只看该作者",
            "回复 3楼 青柠檬 的话题",
        ],
    );
}

#[test]
fn two_post_discuz_thread_drops_the_second_author_panel_the_board_stamp_and_the_footer_sentence() {
    // A short thread: only two posts, so the author panel between them shows up once; every post ends
    // with its button bar, which is enough to read the layout. After the last post, the site footer may
    // hold a full English sentence: it is no post.
    let v = classify_fixture("forum_discuz_two_posts.txt");
    assert_kept(
        &v,
        &[
            "新换的链条骑了不到一周，爬坡的时候后拨总是跳档，调了限位螺丝也没用，请问是哪里出了问题？",
            "新链条配旧飞轮最容易跳档，齿片磨损以后咬合不住，换个飞轮基本就好了。",
        ],
    );
    assert_dropped(
        &v,
        &[
            "老王修车",
            "老王修车 当前离线",
            "356",
            "中级会员",
            "发消息",
            "本主题由 版主小林 于 2023-4-2 10:02 审核通过",
            "关于我们 联系我们 隐私政策 用户协议 违规举报",
            "All trademarks mentioned on this site are the property of their respective owners and are used here for identification only.",
        ],
    );
}

#[test]
fn short_replies_that_name_forum_words_stay_and_reply_to_lines_and_like_counts_go() {
    // Replies in a thread may be a few characters long and may use the very words of a forum's buttons
    // (`引用`, `回复`, `楼主`); a line is a button only when little else is on it.
    let text = "\
Go 和 Rust 哪个更适合写命令行工具？ · 编程社区
编程社区
社区
招聘
登录
Go 和 Rust 哪个更适合写命令行工具？
阿杰 · 2 月前 · 最后由 小周 回复于 3 天前 · 980 次阅读
最近想写一个处理日志的小工具，纠结用 Go 还是 Rust，大家平时都怎么选？
3 个赞
老李 #1 2 月前
看团队熟悉哪个，工具本身差别不大。
2 个赞
小周 #2 2 月前
引用自哪
阿杰 #3 2 月前
楼主说得对
老李 #4 1 月前
对 阿杰 #3 回复
最近总有人回复说要看编译速度，其实这种小工具无所谓
需要 登录 后方可回复
关于 / 活跃会员 / API
";
    let v = classify(text);
    assert_kept(
        &v,
        &[
            "最近想写一个处理日志的小工具，纠结用 Go 还是 Rust，大家平时都怎么选？",
            "看团队熟悉哪个，工具本身差别不大。",
            "引用自哪",
            "楼主说得对",
            "最近总有人回复说要看编译速度，其实这种小工具无所谓",
        ],
    );
    assert_dropped(
        &v,
        &["3 个赞", "2 个赞", "老李 #1 2 月前", "对 阿杰 #3 回复"],
    );
}

#[test]
fn thread_with_chinese_clock_times_event_lines_and_a_no_script_copy() {
    // A thread whose headers carry dates like `2024年5月15日星期三 20点20分`, with event lines between
    // posts (`甲 回复了此帖`, `已编辑`), replies that open with `您好` or trail off, and the whole thread
    // printed again for browsers without JavaScript.
    let text = "\
怎么给论坛加一个夜间模式？ - 建站交流社区
首页
扩展
登录
怎么给论坛加一个夜间模式？
阿明
3 天前
发布 #1 2024年5月15日星期三 20点20分
晚上看论坛太刺眼了，有没有办法给所有页面加一个夜间模式的开关？
回复
小林 回复了此帖
小林
2 天前
发布 #2 2024年5月16日星期四 09点12分
已编辑
您好，后台的外观设置里就有深色主题，打开以后用户可以自己切换
回复
阿明 回复了此帖
阿明
2 天前
发布 #3 2024年5月16日星期四 10点40分
找到了，原来藏在高级选项里面，我还以为要装插件……
回复
说点什么吧...
请使用更现代的浏览器并启用 JavaScript 以获得最佳浏览体验。
怎么给论坛加一个夜间模式？
阿明
晚上看论坛太刺眼了，有没有办法给所有页面加一个夜间模式的开关？
小林
您好，后台的外观设置里就有深色主题，打开以后用户可以自己切换
阿明
找到了，原来藏在高级选项里面，我还以为要装插件……
";
    let v = classify(text);
    let kept_lines = kept(&v);
    let kept_once = |line: &str| kept_lines.iter().filter(|t| **t == line).count();
    for post in [
        "晚上看论坛太刺眼了，有没有办法给所有页面加一个夜间模式的开关？",
        "您好，后台的外观设置里就有深色主题，打开以后用户可以自己切换",
        "找到了，原来藏在高级选项里面，我还以为要装插件……",
    ] {
        assert_eq!(kept_once(post), 1, "{post}: {v:#?}");
    }
    assert_dropped(
        &v,
        &[
            "发布 #1 2024年5月15日星期三 20点20分",
            "小林 回复了此帖",
            "已编辑",
            "请使用更现代的浏览器并启用 JavaScript 以获得最佳浏览体验。",
        ],
    );
}

#[test]
fn a_cut_off_quote_of_an_earlier_post_goes_but_the_reply_stays() {
    // A reply quotes the first post, cut off with `...`: the quote is a teaser of that post; the reply
    // itself stays.
    let text = "\
摄影论坛 - 夜景怎么拍才不糊？ - Powered by Discuz!
首页 › 器材讨论 › 夜景怎么拍才不糊？
夜景怎么拍才不糊？
小叶
1楼 发表于 2021-6-3 20:11 只看该作者
晚上出去拍城市夜景，手持拍出来的照片总是糊的，快门已经调到很慢了，是不是必须买三脚架？
回复 引用 举报
阿强
2楼 发表于 2021-6-3 20:35 只看该作者
晚上出去拍城市夜景，手持拍出来的照片总是糊的，快门已经调到很慢 ...
快门越慢越容易糊，手持的话快门至少要比焦距的倒数快，不想带三脚架可以把感光度调高一点。
回复 引用 举报
";
    let v = classify(text);
    assert_kept(
        &v,
        &[
            "晚上出去拍城市夜景，手持拍出来的照片总是糊的，快门已经调到很慢了，是不是必须买三脚架？",
            "快门越慢越容易糊，手持的话快门至少要比焦距的倒数快，不想带三脚架可以把感光度调高一点。",
        ],
    );
    assert_dropped(
        &v,
        &["晚上出去拍城市夜景，手持拍出来的照片总是糊的，快门已经调到很慢 ..."],
    );
}
