//! Stop-word density: the share of a line made of function words, per language.
//!
//! Running prose is full of function words (`the`, `of`, `que`, `и`, `的`, `了`); navigation, headline lists,
//! tag clouds and keyword chains are not. The boilerplate classifier weighs a line's evidence by this density,
//! with the list chosen for the page's language ([`StopList::for_text`]): English stop words on a Portuguese
//! page would make every paragraph look like a menu.
//!
//! What it never does: detect a language for any other purpose, or decide on its own that a line is
//! boilerplate. It returns a number in `[0, 1]`.
//!
//! Limits: eight lists (Chinese, English, German, French, Spanish, Portuguese, Italian, Russian). Pages in
//! other Latin-script languages fall back to whichever list fits best, usually poorly, so their densities are
//! low across the board and the caller treats the density as weak evidence there.
//!
//! ## Provenance
//! The lists were written by hand for this project from general knowledge of each language's most
//! frequent function words (articles, pronouns, prepositions, conjunctions, auxiliaries); no external list
//! was copied. Chinese is a list of single function characters (particles, pronouns, prepositions,
//! conjunctions, common auxiliaries), in Simplified and Traditional forms, because Chinese has no word spaces.

use crate::text::is_han;

const EN: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
    "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "more", "most", "no",
    "not", "of", "on", "one", "or", "our", "out", "she", "so", "some", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "was", "we",
    "were", "what", "when", "which", "who", "will", "with", "would", "you", "your",
];
const DE: &[&str] = &[
    "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "das", "dass", "dem", "den",
    "der", "des", "die", "doch", "du", "ein", "eine", "einem", "einen", "einer", "er", "es", "für",
    "hat", "haben", "ich", "ihr", "im", "in", "ist", "mit", "nach", "nicht", "noch", "nur", "oder",
    "sein", "sich", "sie", "sind", "so", "um", "und", "uns", "von", "vor", "war", "was", "wie",
    "wir", "wird", "zu", "zum", "zur",
];
const FR: &[&str] = &[
    "à", "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "en", "est",
    "et", "il", "ils", "je", "la", "le", "les", "leur", "lui", "mais", "même", "ne", "nous", "on",
    "ont", "ou", "par", "pas", "plus", "pour", "qu", "que", "qui", "sa", "se", "ses", "son",
    "sont", "sur", "un", "une", "vous", "été", "être",
];
const ES: &[&str] = &[
    "a", "al", "como", "con", "de", "del", "el", "en", "es", "esta", "este", "fue", "ha", "hay",
    "la", "las", "le", "lo", "los", "más", "me", "mi", "no", "nos", "o", "para", "pero", "por",
    "que", "se", "ser", "si", "sin", "sobre", "su", "sus", "también", "un", "una", "y", "ya",
];
const PT: &[&str] = &[
    "a", "ao", "aos", "as", "com", "como", "da", "das", "de", "do", "dos", "e", "ela", "ele", "em",
    "é", "era", "foi", "isso", "mais", "mas", "me", "na", "nas", "no", "nos", "não", "o", "os",
    "ou", "para", "pela", "pelo", "por", "que", "se", "sem", "ser", "seu", "sua", "também", "um",
    "uma", "à",
];
const IT: &[&str] = &[
    "a", "al", "alla", "anche", "che", "ci", "come", "con", "da", "del", "della", "di", "e", "è",
    "gli", "ha", "i", "il", "in", "la", "le", "lo", "ma", "mi", "nel", "nella", "non", "per",
    "più", "si", "sono", "su", "un", "una", "uno",
];
const RU: &[&str] = &[
    "а",
    "без",
    "в",
    "во",
    "вы",
    "да",
    "для",
    "до",
    "его",
    "ее",
    "её",
    "если",
    "же",
    "за",
    "и",
    "из",
    "или",
    "им",
    "их",
    "к",
    "как",
    "ко",
    "мы",
    "на",
    "не",
    "но",
    "о",
    "об",
    "он",
    "она",
    "они",
    "от",
    "по",
    "при",
    "с",
    "со",
    "так",
    "также",
    "то",
    "только",
    "у",
    "уже",
    "что",
    "это",
    "я",
];
/// Chinese function characters (Simplified and Traditional).
const ZH: &str = "的了是在和与與也就都而及着著或不有为為对對以将將被把从從但并並等这這那其之于於所他她它们們我你个個会會能可要到说說上中来來后後时時还還又已让讓使因此如则則很更最该該由向给給得地过過没沒吗嗎呢吧啊";

/// Which language's function words to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopList {
    Zh,
    Latin(&'static [&'static str]),
}

impl StopList {
    /// The list that fits `text` best: Chinese when Han characters make up a fifth of its letters,
    /// otherwise the word list with the highest density over the whole text.
    pub fn for_text(text: &str) -> StopList {
        let mut han = 0usize;
        let mut letters = 0usize;
        for c in text.chars() {
            if is_han(c) {
                han += 1;
                letters += 1;
            } else if c.is_alphabetic() {
                letters += 1;
            }
        }
        if han * 5 >= letters && han > 0 {
            return StopList::Zh;
        }
        let mut best = StopList::Latin(EN);
        let mut best_density = -1.0;
        for list in [EN, DE, FR, ES, PT, IT, RU] {
            let d = StopList::Latin(list).density(text);
            if d > best_density {
                best_density = d;
                best = StopList::Latin(list);
            }
        }
        best
    }

    /// Share of `text` made of function words: Han function characters over Han characters, or stop words
    /// over words. 0 for text without Han characters or words.
    pub fn density(&self, text: &str) -> f64 {
        match self {
            StopList::Zh => {
                let mut han = 0usize;
                let mut stop = 0usize;
                for c in text.chars().filter(|c| is_han(*c)) {
                    han += 1;
                    if ZH.contains(c) {
                        stop += 1;
                    }
                }
                ratio(stop, han)
            }
            StopList::Latin(list) => {
                let mut words = 0usize;
                let mut stop = 0usize;
                for word in text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                {
                    words += 1;
                    let lower = word.to_lowercase();
                    if list.contains(&lower.as_str()) {
                        stop += 1;
                    }
                }
                ratio(stop, words)
            }
        }
    }

    /// Whether `word` (lower case) is a function word of a Latin-script list; never for Chinese.
    pub fn is_stop_word(&self, word: &str) -> bool {
        match self {
            StopList::Zh => false,
            StopList::Latin(list) => list.contains(&word),
        }
    }

    /// The English list.
    pub fn english() -> StopList {
        StopList::Latin(EN)
    }

    /// The density typical of running prose with this list; lines at or above it count as fully prose-like.
    pub fn prose_density(&self) -> f64 {
        match self {
            StopList::Zh => 0.18,
            StopList::Latin(_) => 0.30,
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chooses_the_list_of_the_page_language() {
        assert_eq!(
            StopList::for_text(
                "The council met on Tuesday and it was decided that the plan is fine."
            ),
            StopList::Latin(EN)
        );
        assert_eq!(
            StopList::for_text(
                "O conselho aprovou o plano na terça-feira e não houve votos contra."
            ),
            StopList::Latin(PT)
        );
        assert_eq!(
            StopList::for_text("Совет одобрил план во вторник, и это было важно для города."),
            StopList::Latin(RU)
        );
        assert_eq!(StopList::for_text("今天的会议在北京召开。"), StopList::Zh);
    }

    #[test]
    fn prose_is_denser_than_menus() {
        let en = StopList::Latin(EN);
        assert!(en.density("It was the best of times, and it was the worst of times.") > 0.4);
        assert_eq!(en.density("Home News Sports Weather Video"), 0.0);
        let zh = StopList::Zh;
        assert!(zh.density("我们在这里讨论了这个问题的解决办法。") > 0.3);
        assert_eq!(zh.density("首页 新闻 体育 娱乐 财经"), 0.0);
        assert_eq!(zh.density(""), 0.0);
    }
}
