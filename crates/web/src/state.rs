//! What every handler can reach: the store and the part of the settings the
//! web layer needs.

use std::path::PathBuf;
use std::sync::Arc;

use store::Store;
use workflow::{DueRule, DutyReminderPolicy, Policy, ResetRequestLimits, SignInThrottle};

/// The settings the web layer needs, passed down from the binary's settings.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// The public base URL, for links the server writes (e-mails, redirects).
    /// An `https://` URL makes the session cookie `Secure`.
    pub base_url: String,
    /// The data directory: attachments are kept under `attachments/`.
    pub data_dir: PathBuf,
    /// The largest attachment accepted, in bytes (`attachments.max_bytes`).
    pub max_attachment_bytes: u64,
    /// Reverse proxies whose `X-Forwarded-For` names the client
    /// (`http.trusted_proxies`).
    pub trusted_proxies: crate::TrustedProxies,
    /// The due rule new duty schedules get (`[duties]` of the settings).
    pub duty_due: DueRule,
    /// The reminder offsets new duty schedules get.
    pub duty_reminders: DutyReminderPolicy,
}

impl WebConfig {
    /// Whether the site is served over HTTPS.
    pub fn https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

/// The state shared by every handler; cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// The web settings.
    pub config: WebConfig,
    /// The deadline calendar and lengths the workflow decides with.
    pub policy: Arc<Policy>,
    /// How failed sign-ins are slowed down.
    pub throttle: SignInThrottle,
    /// How often "forgot password" may be asked.
    pub reset_limits: ResetRequestLimits,
    /// The request counters and latencies of `/metrics`.
    pub metrics: crate::HttpMetrics,
}
