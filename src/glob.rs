//! File-name globs for `[input] include/exclude` and `[[decode.force]]`: `*` any run, `?` one character.
//!
//! A bottom-layer utility: it imports nothing from the crate, so every layer may use it.

/// Shell-style glob on a file name: `*` any run, `?` one character.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    // Iterative matcher with single-star backtracking: linear in practice, no recursion.
    let (mut pi, mut ni) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ni));
            pi += 1;
        } else if let Some((sp, sn)) = star {
            pi = sp + 1;
            ni = sn + 1;
            star = Some((sp, sn + 1));
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("*", "a.txt"));
        assert!(glob_match("*.txt", "a.txt"));
        assert!(!glob_match("*.txt", "a.md"));
        assert!(glob_match("README*", "README.md"));
        assert!(glob_match("a?c", "abc"));
        assert!(!glob_match(".*", "a.txt"));
        assert!(glob_match("*a*b*", "xxaxxbxx"));
    }
}
