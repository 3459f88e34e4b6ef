//! Where a redirect that takes its target from the visitor may lead (the
//! language switch's `back`, the sign-in page's `next`): only to a path
//! of this site. Anything else leads home, so that a link of this site
//! can never send a signed-in official to another one.

/// Where a redirect goes when the target asked for is not a path of this
/// site.
const HOME: &str = "/";

/// `target` if it is a path of this site, else `None`.
///
/// A path of this site starts with one `/` and holds no backslash and no
/// control character anywhere: browsers read `\` as `/` (so `/\x` is
/// `//x`, another host), drop tabs and newlines from a URL (so `/\t/x` is
/// `//x` too), and a newline would end the `Location` header. Starting
/// with a single `/` also rules out a scheme (`https:`, `javascript:`).
pub fn same_site_path(target: &str) -> Option<&str> {
    let local = target.starts_with('/')
        && !target.starts_with("//")
        && !target.chars().any(|c| c == '\\' || c.is_control());
    local.then_some(target)
}

/// Where to redirect for `target`: the target if it is a path of this
/// site, else `/`.
pub fn redirect_target(target: &str) -> &str {
    same_site_path(target).unwrap_or(HOME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_of_this_site_is_kept_with_its_query() {
        for path in [
            "/",
            "/cases?state=reported",
            "/cases/HN-2026-0001",
            "/tìm?q=đất đai",
        ] {
            assert_eq!(same_site_path(path), Some(path));
        }
    }

    #[test]
    fn another_host_a_scheme_or_a_bare_name_leads_home() {
        for target in [
            "",
            "//evil.example",
            "///evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "evil.example",
            " /evil.example",
        ] {
            assert_eq!(redirect_target(target), HOME, "{target:?}");
        }
    }

    #[test]
    fn a_backslash_or_a_control_character_anywhere_leads_home() {
        for target in [
            "/\\evil.example",
            "/x\\..\\..\\evil.example",
            "/\t/evil.example",
            "/\n/x",
            "/x\r\nSet-Cookie: a=b",
            "/\u{7f}/evil.example",
            "/\u{85}/evil.example",
            "/x\0",
        ] {
            assert_eq!(redirect_target(target), HOME, "{target:?}");
        }
    }
}
