//! The pages over plain HTTP, as a browser without JavaScript sees them:
//! one visitor with its cookies, who does not follow redirects (a test
//! reads `Location` itself) and may ask for a language.

use std::collections::BTreeMap;

use reqwest::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, COOKIE, LOCATION, SET_COOKIE};
use reqwest::redirect::Policy;
use reqwest::{Method, RequestBuilder};

use super::Server;

/// What a page request answered.
#[derive(Debug)]
pub struct Page {
    /// HTTP status.
    pub status: u16,
    /// `Location`, when there is one.
    pub location: Option<String>,
    /// The `Set-Cookie` values.
    pub set_cookies: Vec<String>,
    /// The body as text.
    pub body: String,
}

impl Page {
    /// The value `name` was set to by this answer, if it set it.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.set_cookies
            .iter()
            .filter_map(|c| c.split(';').next())
            .filter_map(|pair| pair.split_once('='))
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_owned())
    }

    /// The value of the hidden (or any) input `name` of the page.
    pub fn input(&self, name: &str) -> Option<String> {
        let marker = format!("name=\"{name}\" value=\"");
        let at = self.body.find(&marker)? + marker.len();
        let rest = &self.body[at..];
        Some(rest[..rest.find('"')?].to_owned())
    }

    /// The `lang` of the page's `<html>`.
    pub fn html_lang(&self) -> Option<&str> {
        let at = self.body.find("<html lang=\"")? + "<html lang=\"".len();
        let rest = &self.body[at..];
        Some(&rest[..rest.find('"')?])
    }
}

/// One browser's worth of cookies and language.
pub struct Visitor {
    http: reqwest::Client,
    base: String,
    accept_language: Option<String>,
    /// The cookies it holds, by name.
    pub cookies: BTreeMap<String, String>,
}

impl Visitor {
    /// A visitor with no cookies whose browser asks for `accept_language`.
    pub fn new(server: &Server, accept_language: Option<&str>) -> Visitor {
        Visitor {
            http: reqwest::Client::builder()
                .redirect(Policy::none())
                .build()
                .expect("an HTTP client"),
            base: server.url.clone(),
            accept_language: accept_language.map(str::to_owned),
            cookies: BTreeMap::new(),
        }
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if !self.cookies.is_empty() {
            let jar = self
                .cookies
                .iter()
                .map(|(n, v)| format!("{n}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            request = request.header(COOKIE, jar);
        }
        if let Some(lang) = &self.accept_language {
            request = request.header(ACCEPT_LANGUAGE, lang);
        }
        request
    }

    async fn send(&mut self, request: RequestBuilder) -> Page {
        let response = request.send().await.expect("the server answers");
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get(LOCATION)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
        let set_cookies: Vec<String> = response
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(str::to_owned)
            .collect();
        for set in &set_cookies {
            let pair = set.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                if value.is_empty() || set.contains("Max-Age=0") {
                    self.cookies.remove(name);
                } else {
                    self.cookies.insert(name.to_owned(), value.to_owned());
                }
            }
        }
        let html = response
            .headers()
            .get(CONTENT_TYPE)
            .is_some_and(|v| v.to_str().unwrap_or_default().starts_with("text/html"));
        let body = response.text().await.expect("a body");
        if html {
            // Every page a test reads is one a user reads (issue 15).
            super::api::assert_plain_words(&body);
        }
        Page {
            status,
            location,
            set_cookies,
            body,
        }
    }

    /// `GET path` (raw: the path is sent as written).
    pub async fn get(&mut self, path: &str) -> Page {
        let request = self.request(Method::GET, path);
        self.send(request).await
    }

    /// `POST path` with a form of `fields`.
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body = fields
            .iter()
            .map(|(n, v)| format!("{}={}", encode(n), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let request = self
            .request(Method::POST, path)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body);
        self.send(request).await
    }

    /// Signs in through the sign-in form, sending `next` as the form does,
    /// and answers the post's answer (a 303 on success).
    pub async fn sign_in(&mut self, email: &str, password: &str, next: &str) -> Page {
        let form = self.get("/login").await;
        assert_eq!(form.status, 200, "{}", form.body);
        let token = form.input("presession").expect("a pre-session token");
        self.post_form(
            "/login",
            &[
                ("presession", &token),
                ("next", next),
                ("email", email),
                ("password", password),
            ],
        )
        .await
    }

    /// Signs out through the header's form of the page at `path`.
    pub async fn sign_out(&mut self, path: &str) -> Page {
        let page = self.get(path).await;
        let csrf = page.input("csrf").expect("a sign-out form");
        self.post_form("/logout", &[("csrf", &csrf)]).await
    }
}

/// `text` for a form body or a query: every byte but ASCII letters and
/// digits as `%XX`.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
