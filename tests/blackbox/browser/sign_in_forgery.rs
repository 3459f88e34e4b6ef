//! The sign-in form's anti-forgery token (login CSRF), over plain HTTP: a
//! post without the pre-session cookie's token, with another token, or
//! with the token but not its cookie, is a 403 page with a clear message
//! and opens no session; the form's own token signs in.

use reqwest::header::{CONTENT_TYPE, COOKIE, SET_COOKIE};
use reqwest::redirect::Policy;

use crate::support::town::{PASSWORD, town};
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(a_sign_in_post_without_the_forms_token_is_refused_and_opens_no_session);

/// The `Set-Cookie` values of an answer.
fn cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(str::to_owned)
        .collect()
}

/// The value of `name` among `set_cookies`.
fn cookie_value(set_cookies: &[String], name: &str) -> Option<String> {
    set_cookies
        .iter()
        .filter_map(|c| c.split(';').next())
        .filter_map(|pair| pair.split_once('='))
        .find(|(n, v)| *n == name && !v.is_empty())
        .map(|(_, v)| v.to_owned())
}

/// `text` for a form body: every byte but letters and digits as `%XX`.
fn percent(text: &str) -> String {
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

/// The value of the hidden field `presession` in a page.
fn hidden_token(page: &str) -> String {
    let at = page
        .find("name=\"presession\" value=\"")
        .unwrap_or_else(|| panic!("no presession field in {page}"));
    let rest = &page[at + "name=\"presession\" value=\"".len()..];
    rest[..rest.find('"').unwrap()].to_owned()
}

async fn a_sign_in_post_without_the_forms_token_is_refused_and_opens_no_session(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let http = reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap();
    let login = server.at("/login");
    let post = |cookie: Option<String>, token: &str| {
        let body = format!(
            "presession={token}&email=canbo%40example.vn&password={}",
            percent(PASSWORD)
        );
        let mut request = http
            .post(&login)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body);
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, format!("noicom_presession={cookie}"));
        }
        request.send()
    };

    // A post made elsewhere: no cookie, no token.
    let forged = post(None, "").await.unwrap();
    assert_eq!(forged.status().as_u16(), 403);
    let set = cookies(&forged);
    assert!(cookie_value(&set, "noicom_session").is_none(), "{set:?}");
    let page = forged.text().await.unwrap();
    assert!(page.contains("mã chống giả mạo"), "{page}");
    assert!(page.contains("Chưa đăng nhập"), "{page}");

    // The form as served: its token is the cookie's.
    let form = http.get(&login).send().await.unwrap();
    assert_eq!(form.status().as_u16(), 200);
    let set = cookies(&form);
    let cookie = cookie_value(&set, "noicom_presession").expect("a pre-session cookie");
    assert!(
        set.iter()
            .any(|c| c.contains("HttpOnly") && c.contains("SameSite")),
        "{set:?}"
    );
    let token = hidden_token(&form.text().await.unwrap());
    assert_eq!(token, cookie);

    // Another token with the cookie, or the token without its cookie.
    let other = post(Some(cookie.clone()), &"0".repeat(64)).await.unwrap();
    assert_eq!(other.status().as_u16(), 403);
    assert!(cookie_value(&cookies(&other), "noicom_session").is_none());
    let bare = post(None, &token).await.unwrap();
    assert_eq!(bare.status().as_u16(), 403);
    assert!(cookie_value(&cookies(&bare), "noicom_session").is_none());

    // None of them counted as a failed sign-in of the account.
    let audit = Client::bearer(&server, &town.admin)
        .get("/audit?limit=100")
        .await
        .expect(200);
    assert!(!audit.to_string().contains("sign_in_failed"), "{audit:#}");

    // The form's own token signs in.
    let signed = post(Some(cookie), &token).await.unwrap();
    assert_eq!(signed.status().as_u16(), 303);
    let session = cookie_value(&cookies(&signed), "noicom_session").expect("a session");
    Client::cookie(&server, &session, None)
        .get("/auth/me")
        .await
        .expect(200);
}
