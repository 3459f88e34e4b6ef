//! The e-mail templates, one folder per e-mail under `templates/`, built
//! into the binary, and the `{{name}}` substitution that fills them.
//! Values are HTML-escaped in the HTML part; a name without a value is
//! left visible so that a missing field shows in tests, not as a blank.

use std::collections::HashMap;

/// The six files of one e-mail: subject, text and HTML in vi and en.
struct Files {
    subject: [&'static str; 2],
    text: [&'static str; 2],
    html: [&'static str; 2],
}

macro_rules! files {
    ($dir:literal) => {
        Files {
            subject: [
                include_str!(concat!("../templates/", $dir, "/subject.vi.txt")),
                include_str!(concat!("../templates/", $dir, "/subject.en.txt")),
            ],
            text: [
                include_str!(concat!("../templates/", $dir, "/body.vi.txt")),
                include_str!(concat!("../templates/", $dir, "/body.en.txt")),
            ],
            html: [
                include_str!(concat!("../templates/", $dir, "/body.vi.html")),
                include_str!(concat!("../templates/", $dir, "/body.en.html")),
            ],
        }
    };
}

/// A rendered e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// One line.
    pub subject: String,
    /// The plain-text part.
    pub text: String,
    /// The HTML part.
    pub html: String,
}

/// Fills the template folder `name` (`duty_reminder`, `case_reminder`,
/// `case_notice`) in `lang` (`en`, anything else is Vietnamese).
pub(crate) fn fill(name: &str, lang: &str, values: &HashMap<&str, String>) -> Option<Rendered> {
    let files = match name {
        "duty_reminder" => files!("duty_reminder"),
        "case_reminder" => files!("case_reminder"),
        "case_notice" => files!("case_notice"),
        "password_reset" => files!("password_reset"),
        _ => return None,
    };
    let i = usize::from(lang == "en");
    Some(Rendered {
        subject: substitute(files.subject[i], values, false)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned(),
        text: substitute(files.text[i], values, false),
        html: substitute(files.html[i], values, true),
    })
}

fn substitute(template: &str, values: &HashMap<&str, String>, html: bool) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = after[..close].trim();
        match values.get(name) {
            Some(value) if html => out.push_str(&escape(value)),
            Some(value) => out.push_str(value),
            None => out.push_str(&rest[open..open + 2 + close + 2]),
        }
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_replaced_and_html_is_escaped() {
        let values = HashMap::from([("title", "Đất <đai> & nhà".to_owned())]);
        assert_eq!(
            substitute("a {{title}} b", &values, false),
            "a Đất <đai> & nhà b"
        );
        assert_eq!(
            substitute("{{ title }}", &values, true),
            "Đất &lt;đai&gt; &amp; nhà"
        );
        assert_eq!(substitute("{{missing}}!", &values, false), "{{missing}}!");
    }

    #[test]
    fn every_folder_has_both_languages() {
        for name in [
            "duty_reminder",
            "case_reminder",
            "case_notice",
            "password_reset",
        ] {
            let vi = fill(name, "vi", &HashMap::new()).unwrap();
            let en = fill(name, "en", &HashMap::new()).unwrap();
            assert_ne!(vi.text, en.text, "{name}");
            assert!(vi.html.contains("lang=\"vi\""), "{name}");
        }
        assert!(fill("nope", "vi", &HashMap::new()).is_none());
    }
}
