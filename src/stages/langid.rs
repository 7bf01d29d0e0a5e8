//! PLACEHOLDER (replaced by the textops helper's module).
use crate::text::{Lang, ScriptCounts};
use serde::{Deserialize, Serialize};
pub fn detect_lang(text: &str) -> Lang {
    let c = ScriptCounts::of(text);
    if c.han > 0 && c.han * 2 >= c.latin {
        Lang::Zh
    } else if c.latin > 0 {
        Lang::En
    } else {
        Lang::Other
    }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Script {
    Hans,
    Hant,
    Mixed,
    None,
}
impl Script {
    pub fn code(self) -> &'static str {
        match self {
            Script::Hans => "zh-Hans",
            Script::Hant => "zh-Hant",
            Script::Mixed => "mixed",
            Script::None => "none",
        }
    }
}
pub fn detect_script(text: &str) -> Script {
    let _ = text;
    Script::None
}
