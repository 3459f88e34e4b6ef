//! A real browser for the page tests: Debian's headless Chromium driven
//! through chromedriver (started here on a free port, stopped on drop)
//! with fantoccini. A missing `chromium` or `chromedriver` fails the test:
//! `scripts/test` installs them.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use super::Server;

/// How long chromedriver may take to answer, and a page element to appear.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A phone's screen (CSS pixels).
pub const PHONE: (u32, u32) = (375, 812);
/// A larger phone's screen, the one issue 15 was seen on.
pub const PHONE_390: (u32, u32) = (390, 844);
/// A desk's screen.
pub const DESK: (u32, u32) = (1280, 900);

/// One browser with its chromedriver, looking at one server.
pub struct Browser {
    driver: Child,
    /// The WebDriver session.
    pub client: Client,
    base: String,
    _profile: tempfile::TempDir,
    /// Whether [`Browser::screenshot`] saves (one backend's run is enough).
    pub shots: bool,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

impl Browser {
    /// Starts chromedriver and a headless Chromium of `size` whose
    /// `Accept-Language` is `accept_lang`.
    pub async fn start(server: &Server, size: (u32, u32), accept_lang: &str) -> Browser {
        Browser::start_with(server, size, accept_lang, &[]).await
    }

    /// [`Browser::start`] with more Chromium flags (e.g. `--lang=en-US`,
    /// the language of the browser itself).
    pub async fn start_with(
        server: &Server,
        size: (u32, u32),
        accept_lang: &str,
        flags: &[&str],
    ) -> Browser {
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|err| {
                panic!("cannot start chromedriver ({err}); scripts/test installs chromium and chromium-driver")
            });
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + TIMEOUT;
        let http = reqwest::Client::new();
        loop {
            if let Ok(r) = http.get(format!("{url}/status")).send().await
                && r.status().is_success()
            {
                break;
            }
            assert!(Instant::now() < deadline, "chromedriver never answered");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().expect("a profile directory");
        let mut args = vec![
            "--headless".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            format!("--user-data-dir={}", profile.path().display()),
            format!("--window-size={},{}", size.0, size.1),
            format!("--accept-lang={accept_lang}"),
        ];
        args.extend(flags.iter().map(|flag| (*flag).to_owned()));
        let mut options = json!({ "binary": "/usr/bin/chromium", "args": args,
                                  "prefs": { "intl.accept_languages": accept_lang } });
        if size.0 < 500 {
            // A window cannot be narrower than 500 px: a phone's viewport
            // is emulated (its width, a touch screen, a mobile agent).
            options["mobileEmulation"] = json!({
                "deviceMetrics": { "width": size.0, "height": size.1, "pixelRatio": 1.0, "touch": true },
            });
        }
        let mut caps = serde_json::Map::new();
        caps.insert("goog:chromeOptions".to_owned(), options);
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&url)
            .await
            .expect("a Chromium session through chromedriver");
        Browser {
            driver,
            client,
            base: server.url.clone(),
            _profile: profile,
            shots: true,
        }
    }

    /// Opens `path` of the server.
    pub async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("navigate");
    }

    /// The width of the page's viewport in CSS pixels.
    pub async fn viewport_width(&self) -> u64 {
        self.client
            .execute("return window.innerWidth;", vec![])
            .await
            .expect("script")
            .as_u64()
            .expect("a width")
    }

    /// The path (and query) shown.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("url");
        let path = url.path().to_owned();
        match url.query() {
            Some(q) => format!("{path}?{q}"),
            None => path,
        }
    }

    /// The element of `css`, waiting for it to appear.
    pub async fn find(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(TIMEOUT)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(err) => {
                let page = self.client.source().await.unwrap_or_default();
                panic!(
                    "no element {css} on {} ({err})\n{page}",
                    self.path_now().await
                )
            }
        }
    }

    async fn path_now(&self) -> String {
        self.client
            .current_url()
            .await
            .map_or_else(|_| "?".to_owned(), |u| u.to_string())
    }

    /// Whether `css` is on the page now (no waiting).
    pub async fn has(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    /// The text of `css`.
    pub async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.expect("text")
    }

    /// Types `text` into the field `css`, replacing what it held.
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        field.clear().await.expect("clear");
        field.send_keys(text).await.expect("type");
    }

    /// Chooses `value` in the select list `css`.
    pub async fn choose(&self, css: &str, value: &str) {
        self.find(css)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|err| panic!("cannot choose {value} in {css}: {err}"));
    }

    /// Clicks `css`.
    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.expect("click");
    }

    /// Signs in through the form and waits for the first page of the role.
    pub async fn sign_in(&self, email: &str, password: &str) {
        self.open("/login").await;
        self.fill("#email", email).await;
        self.fill("#password", password).await;
        self.click_and_wait_for_next_page("#sign-in").await;
        self.find("#sign-out").await;
    }

    /// Signs out through the header's button.
    pub async fn sign_out(&self) {
        self.click_and_wait_for_next_page("#sign-out").await;
        self.find("#sign-in").await;
    }

    /// Opens an action's form on a case page (its `<details>`).
    pub async fn open_action(&self, action: &str) {
        self.click(&format!("#act-{action} summary")).await;
    }

    /// Submits an action's form and waits for the page after it.
    pub async fn submit(&self, action: &str) {
        self.click_and_wait_for_next_page(&format!("#submit-{action}"))
            .await;
    }

    /// Clicks `css`, which loads another page, and waits until the page it
    /// was on is gone: reading right after a click could otherwise read the
    /// old page while the next one is still on its way (seen under load).
    pub async fn click_and_wait_for_next_page(&self, css: &str) {
        let old = self.find("html").await;
        self.click(css).await;
        let started = Instant::now();
        loop {
            match old.tag_name().await {
                // Chromium sometimes says the old node "does not belong to
                // the document" instead of calling it stale: gone as well.
                Err(err)
                    if err.is_stale_element_reference()
                        || err.to_string().contains("does not belong to the document") =>
                {
                    return;
                }
                Err(err) => panic!("waiting for the page after {css}: {err}"),
                Ok(_) if started.elapsed() > TIMEOUT => {
                    panic!("no new page {TIMEOUT:?} after clicking {css}")
                }
                Ok(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    /// Saves a PNG of the page as `<clone>/target/screenshots/<name>.png`,
    /// for review: the clone's own `target/`, whatever `CARGO_TARGET_DIR`
    /// the build uses, so that they are always found in one place. Names
    /// start with a number of their own (`browser::screenshot_names`).
    pub async fn screenshot(&self, name: &str) {
        if !self.shots {
            return;
        }
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot directory");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write screenshot");
    }

    /// Runs `script` in the page and answers what it returned.
    pub async fn run(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|err| panic!("script failed ({err}): {script}"))
    }

    /// Ends the session and chromedriver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}
