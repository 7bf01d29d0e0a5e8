//! The English side of CC-CEDICT's glosses: which gloss words are content words, and the crude lemmas under
//! which an English word meets a gloss ("created", "creates" and "create" all become `creat`).
//!
//! Imports nothing (std only): `build.rs` compiles this file too, to derive the dictionary tables at build
//! time (see `cedict_table.rs`), so the lemmas of the glosses and of the text are made by one function.

/// English function words: they occur in almost every sentence and in thousands of glosses, so matching them
/// is no evidence of translation.
pub fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "if"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "from"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "do"
            | "does"
            | "did"
            | "done"
            | "have"
            | "has"
            | "had"
            | "having"
            | "i"
            | "me"
            | "my"
            | "mine"
            | "we"
            | "us"
            | "our"
            | "you"
            | "your"
            | "he"
            | "him"
            | "his"
            | "she"
            | "her"
            | "it"
            | "its"
            | "they"
            | "them"
            | "their"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "what"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "when"
            | "where"
            | "why"
            | "how"
            | "not"
            | "no"
            | "nor"
            | "so"
            | "than"
            | "too"
            | "very"
            | "can"
            | "could"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "may"
            | "might"
            | "must"
            | "just"
            | "also"
            | "then"
            | "into"
            | "onto"
            | "out"
            | "up"
            | "down"
            | "over"
            | "about"
            | "again"
            | "once"
            | "all"
            | "any"
            | "both"
            | "each"
            | "few"
            | "more"
            | "most"
            | "other"
            | "some"
            | "such"
            | "only"
            | "own"
            | "same"
            | "one"
            | "s"
            | "t"
            | "d"
            | "ll"
            | "ve"
            | "re"
            | "m"
            | "don"
            | "now"
            | "let"
            | "get"
            | "got"
            | "make"
            | "made"
            | "thing"
            | "way"
            | "oneself"
            | "yourself"
            | "himself"
            | "herself"
            | "itself"
            | "myself"
            | "themselves"
            | "ourselves"
            | "upon"
            | "unto"
            | "thou"
            | "thee"
            | "thy"
            | "ye"
            | "shalt"
            | "hath"
            | "doth"
            | "said"
            | "say"
    )
}

/// Words of CC-CEDICT's own metalanguage ("sb", "sth", "lit.", "fig.", "idiom").
pub(crate) fn is_gloss_jargon(w: &str) -> bool {
    matches!(
        w,
        "sb" | "sth"
            | "lit"
            | "fig"
            | "idiom"
            | "etc"
            | "esp"
            | "abbr"
            | "classifier"
            | "particle"
            | "variant"
            | "used"
            | "usu"
            | "pr"
            | "kind"
            | "person"
            | "someone"
            | "something"
    )
}

/// Crude English lemma of a lower-case word (see the module header for why crude is enough).
pub fn lemma(w: &str) -> String {
    let base = irregular(w).unwrap_or(w);
    let mut s = base.to_string();
    if !s.is_ascii() {
        return s;
    }
    if let Some(stem) = s.strip_suffix("'s") {
        s = stem.to_string();
    }
    let n2 = s.len();
    if n2 > 4 && (s.ends_with("ies") || s.ends_with("ied")) {
        s.truncate(n2 - 3);
        s.push('y');
    } else if n2 > 3
        && (s.ends_with("sses")
            || s.ends_with("xes")
            || s.ends_with("ches")
            || s.ends_with("shes")
            || s.ends_with("zes")
            || s.ends_with("oes"))
    {
        s.truncate(n2 - 2);
    } else if n2 > 3
        && s.ends_with('s')
        && !s.ends_with("ss")
        && !s.ends_with("us")
        && !s.ends_with("is")
    {
        s.truncate(n2 - 1);
    } else if n2 > 4 && s.ends_with("ed") {
        s.truncate(n2 - 2);
        undouble(&mut s);
    } else if n2 > 5 && s.ends_with("ing") {
        s.truncate(n2 - 3);
        undouble(&mut s);
    }
    // A final silent e is dropped so "create"/"created"/"creating" share the key "creat".
    if s.len() > 3 && s.ends_with('e') && !s.ends_with("ee") {
        s.pop();
    }
    s
}

/// "stopp" -> "stop", "runn" -> "run"; double l/s/z are usually part of the stem ("fall", "pass").
fn undouble(s: &mut String) {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z' | b'e' | b'o') {
        s.pop();
    }
}

/// Irregular verb and noun forms common in narrative text.
fn irregular(w: &str) -> Option<&'static str> {
    Some(match w {
        "went" | "gone" | "goes" => "go",
        "saw" | "seen" => "see",
        "told" => "tell",
        "took" | "taken" => "take",
        "came" => "come",
        "gave" | "given" => "give",
        "knew" | "known" => "know",
        "thought" => "think",
        "felt" => "feel",
        "found" => "find",
        "stood" => "stand",
        "sat" => "sit",
        "ran" => "run",
        "ate" | "eaten" => "eat",
        "wrote" | "written" => "write",
        "spoke" | "spoken" => "speak",
        "brought" => "bring",
        "bought" => "buy",
        "held" => "hold",
        "kept" => "keep",
        "met" => "meet",
        "paid" => "pay",
        "sent" => "send",
        "slept" => "sleep",
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "feet" => "foot",
        "teeth" => "tooth",
        "began" | "begun" => "begin",
        "became" => "become",
        "heard" => "hear",
        "fell" | "fallen" => "fall",
        "fought" => "fight",
        "caught" => "catch",
        "taught" => "teach",
        "lost" => "lose",
        "meant" => "mean",
        "built" => "build",
        "drank" | "drunk" => "drink",
        "drove" | "driven" => "drive",
        "flew" | "flown" => "fly",
        "forgot" | "forgotten" => "forget",
        "grew" | "grown" => "grow",
        "hid" | "hidden" => "hide",
        "led" => "lead",
        "rose" | "risen" => "rise",
        "sang" | "sung" => "sing",
        "shot" => "shoot",
        "stole" | "stolen" => "steal",
        "struck" => "strike",
        "threw" | "thrown" => "throw",
        "understood" => "understand",
        "woke" | "woken" => "wake",
        "wore" | "worn" => "wear",
        "won" => "win",
        "better" | "best" => "good",
        "worse" | "worst" => "bad",
        "lay" | "lain" => "lie",
        "left" => "leave",
        "died" | "dying" => "die",
        "lives" => "life",
        "wives" => "wife",
        "knives" => "knife",
        "leaves" => "leaf",
        "mice" => "mouse",
        "people" => "person",
        _ => return None,
    })
}

/// Split on anything that is not an ASCII letter (glosses are ASCII apart from rare accents).
pub(crate) fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
}

/// Drop `(...)` asides and `[...]` pinyin from a gloss: "(literary) to encounter" -> " to encounter".
pub(crate) fn strip_brackets(gloss: &str) -> String {
    let mut out = String::with_capacity(gloss.len());
    let mut depth = 0usize;
    for c in gloss.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}
