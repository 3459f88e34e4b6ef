//! Talking to the API of a running server as a user does: a client per
//! user with their bearer token (or session cookie and CSRF token), and
//! request helpers that answer with the status and the JSON body.

use reqwest::{Method, RequestBuilder};
use serde_json::Value;

use super::Server;

/// One caller of the API.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    auth: Auth,
    lang: Option<&'static str>,
}

#[derive(Clone)]
enum Auth {
    None,
    Bearer(String),
    Cookie {
        cookie: String,
        csrf: Option<String>,
    },
}

/// What came back.
#[derive(Debug)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// The body as JSON (`Null` when empty or not JSON).
    pub body: Value,
    /// The response headers.
    pub headers: reqwest::header::HeaderMap,
}

impl Reply {
    /// Expects `status` and returns the body.
    pub fn expect(self, status: u16) -> Value {
        assert_eq!(self.status, status, "{:#}", self.body);
        self.body
    }

    /// Expects an error answer with `status` and `code` in the JSON shape.
    pub fn error(self, status: u16, code: &str) -> Value {
        assert_eq!(self.status, status, "{:#}", self.body);
        assert_eq!(self.body["error"]["code"], code, "{:#}", self.body);
        assert!(self.body["error"]["message"].is_string(), "{:#}", self.body);
        assert_plain_words(self.body["error"]["message"].as_str().unwrap_or_default());
        self.body
    }
}

/// What serde or Rust says in English to a programmer, which no message
/// shown to a user may carry (issue 15).
pub const PROGRAMMER_WORDS: &[&str] = &[
    "missing field",
    "unknown variant",
    "unknown field",
    "expected one of",
    "invalid type",
    "at line ",
];

/// Panics when `text`, shown to a user, quotes an identifier in back-quotes
/// or says one of [`PROGRAMMER_WORDS`].
pub fn assert_plain_words(text: &str) {
    assert!(!text.contains('`'), "a back-quoted identifier: {text}");
    for words in PROGRAMMER_WORDS {
        assert!(!text.contains(words), "serde's English «{words}»: {text}");
    }
}

impl Client {
    /// A client without credentials.
    pub fn anonymous(server: &Server) -> Client {
        Client {
            http: reqwest::Client::new(),
            base: server.at("/api/v1"),
            auth: Auth::None,
            lang: None,
        }
    }

    /// A client with a bearer token.
    pub fn bearer(server: &Server, token: &str) -> Client {
        Client {
            auth: Auth::Bearer(token.to_owned()),
            ..Client::anonymous(server)
        }
    }

    /// A client with a bearer token talking to the API under `base` (a
    /// balancer's `…/api/v1`, say).
    pub fn bearer_at(base: &str, token: &str) -> Client {
        Client {
            http: reqwest::Client::new(),
            base: base.to_owned(),
            auth: Auth::Bearer(token.to_owned()),
            lang: None,
        }
    }

    /// A client with a session cookie and, if given, its CSRF token.
    pub fn cookie(server: &Server, cookie: &str, csrf: Option<&str>) -> Client {
        Client {
            auth: Auth::Cookie {
                cookie: cookie.to_owned(),
                csrf: csrf.map(str::to_owned),
            },
            ..Client::anonymous(server)
        }
    }

    /// The same client asking for answers in English.
    pub fn english(mut self) -> Client {
        self.lang = Some("en");
        self
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        match &self.auth {
            Auth::None => {}
            Auth::Bearer(token) => request = request.bearer_auth(token),
            Auth::Cookie { cookie, csrf } => {
                request = request.header("cookie", format!("noicom_session={cookie}"));
                if let Some(csrf) = csrf {
                    request = request.header("x-csrf-token", csrf);
                }
            }
        }
        if let Some(lang) = self.lang {
            request = request.header("accept-language", lang);
        }
        request
    }

    /// Sends a prepared request.
    pub async fn send(request: RequestBuilder) -> Reply {
        let response = request.send().await.expect("the server answers");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.expect("a body");
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply {
            status,
            body,
            headers,
        }
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> Reply {
        Client::send(self.request(Method::GET, path)).await
    }

    /// `POST path` with a JSON body.
    pub async fn post(&self, path: &str, body: &Value) -> Reply {
        Client::send(self.request(Method::POST, path).json(body)).await
    }

    /// `POST path` with a JSON body and an `Idempotency-Key`.
    pub async fn post_once(&self, path: &str, key: &str, body: &Value) -> Reply {
        Client::send(
            self.request(Method::POST, path)
                .header("idempotency-key", key)
                .json(body),
        )
        .await
    }

    /// `POST path` with a raw body and content type.
    pub async fn post_raw(&self, path: &str, content_type: &str, body: Vec<u8>) -> Reply {
        Client::send(
            self.request(Method::POST, path)
                .header("content-type", content_type)
                .body(body),
        )
        .await
    }

    /// `POST path` with a `multipart/form-data` body of one part `file`
    /// named `file_name` (written as is, so a test can send any name).
    pub async fn upload(&self, path: &str, file_name: &str, content: &[u8]) -> Reply {
        self.upload_parts(path, &[("file", Some(file_name), content)])
            .await
    }

    /// `POST path` with a `multipart/form-data` body of these parts
    /// (name, file name, content).
    pub async fn upload_parts(&self, path: &str, parts: &[(&str, Option<&str>, &[u8])]) -> Reply {
        self.post_multipart(path, None, "noicom-test-boundary-7c1f", parts)
            .await
    }

    /// `POST path` with a `multipart/form-data` body of these parts (name,
    /// file name, content) framed by `boundary`, and an `Idempotency-Key`
    /// if given. A part without a file name is sent as JSON.
    pub async fn post_multipart(
        &self,
        path: &str,
        key: Option<&str>,
        boundary: &str,
        parts: &[(&str, Option<&str>, &[u8])],
    ) -> Reply {
        let mut body = Vec::new();
        for (name, file_name, content) in parts {
            body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            let mut disposition = format!("Content-Disposition: form-data; name=\"{name}\"");
            let mut content_type = "application/json";
            if let Some(file_name) = file_name {
                disposition.push_str(&format!("; filename=\"{file_name}\""));
                content_type = "application/octet-stream";
            }
            body.extend_from_slice(disposition.as_bytes());
            body.extend_from_slice(format!("\r\nContent-Type: {content_type}\r\n\r\n").as_bytes());
            body.extend_from_slice(content);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let mut request = self
            .request(Method::POST, path)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body);
        if let Some(key) = key {
            request = request.header("idempotency-key", key);
        }
        Client::send(request).await
    }

    /// `GET path`, the body as bytes with the status and headers.
    pub async fn get_bytes(&self, path: &str) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
        let response = self
            .request(Method::GET, path)
            .send()
            .await
            .expect("the server answers");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("a body").to_vec();
        (status, headers, bytes)
    }

    /// `PATCH path` with a JSON body.
    pub async fn patch_json(&self, path: &str, body: &Value) -> Reply {
        Client::send(self.request(Method::PATCH, path).json(body)).await
    }

    /// `DELETE path`.
    pub async fn delete(&self, path: &str) -> Reply {
        Client::send(self.request(Method::DELETE, path)).await
    }

    /// Files a case in `area` and returns it.
    pub async fn files_case(&self, area: &str, title: &str) -> Value {
        self.post(
            "/cases",
            &serde_json::json!({
                "title": title,
                "description": format!("{title}: người dân phản ánh nhiều lần."),
                "area": area,
                "category": "land",
                "source": "collaborator",
                "hotspot_risk": "medium",
            }),
        )
        .await
        .expect(201)
    }

    /// Carries out `action` with `input` on `case` at its current version
    /// and returns the answer.
    pub async fn acts(&self, case: &Value, action: &str, input: Value) -> Reply {
        let mut body = input;
        body["action"] = action.into();
        body["version"] = case["version"].clone();
        self.post(&format!("/cases/{}/actions", case["id"]), &body)
            .await
    }

    /// The codes of the cases of `GET /cases?query` (one page of 100).
    pub async fn case_codes(&self, query: &str) -> Vec<String> {
        let page = self
            .get(&format!("/cases?limit=100&{query}"))
            .await
            .expect(200);
        page["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|c| c["code"].as_str().expect("a code").to_owned())
            .collect()
    }

    /// The id of the user with `email`, as an administrator reads it.
    pub async fn user_id(&self, email: &str) -> i64 {
        let users = self.get("/users").await.expect(200);
        users
            .as_array()
            .expect("users")
            .iter()
            .find(|u| u["email"] == email)
            .and_then(|u| u["id"].as_i64())
            .unwrap_or_else(|| panic!("no user {email}"))
    }
}
