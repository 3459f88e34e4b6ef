//! What every handler can reach: the store and the part of the settings the
//! web layer needs.

use store::Store;

/// The settings the web layer needs, passed down from the binary's settings.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// The public base URL, for links the server writes (e-mails, redirects).
    pub base_url: String,
}

/// The state shared by every handler; cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// The web settings.
    pub config: WebConfig,
}
