//! Loading the settings in layers (SPEC §7): the built-in defaults, then
//! `config/default.toml` and `config/local.toml` of the working directory if
//! present, then `--config FILE`, then the environment variables.

use std::path::Path;

use anyhow::{Context, bail};
use figment::Figment;
use figment::providers::{Format, Serialized, Toml};

use super::Settings;

/// `config/default.toml`, compiled in so that the binary runs from any
/// directory with the committed defaults.
const BUILT_IN: &str = include_str!("../../../../config/default.toml");

/// The environment variables of the contract and the keys they set.
/// `NOICOM_SCHEDULER` is read apart: it is `on`/`off`, not a string.
const ENV_VARS: &[(&str, &str)] = &[
    ("NOICOM_DATABASE_URL", "database_url"),
    ("NOICOM_BIND", "bind"),
    ("NOICOM_BASE_URL", "base_url"),
    ("NOICOM_SMTP_URL", "smtp.url"),
    ("NOICOM_SMTP_FROM", "smtp.from"),
    ("NOICOM_LOG", "log"),
];

impl Settings {
    /// Loads the settings of the process: files relative to the working
    /// directory, `file` from `--config`, and the process environment.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Settings> {
        Settings::load_from(Path::new("."), file, &|name| std::env::var(name).ok())
    }

    /// Loads the settings with the `config/` directory under `dir` and the
    /// environment read through `env` (so tests need not touch the process
    /// environment).
    pub fn load_from(
        dir: &Path,
        file: Option<&Path>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> anyhow::Result<Settings> {
        let mut figment = Figment::new().merge(Toml::string(BUILT_IN));
        // `file_exact`: figment's `file` would also search parent directories.
        for name in ["config/default.toml", "config/local.toml"] {
            let path = dir.join(name);
            if path.is_file() {
                figment = figment.merge(Toml::file_exact(path));
            }
        }
        if let Some(file) = file {
            if !file.is_file() {
                bail!("không tìm thấy tệp cấu hình {}", file.display());
            }
            figment = figment.merge(Toml::file_exact(file));
        }
        for (var, key) in ENV_VARS {
            if let Some(value) = env(var) {
                figment = figment.merge(Serialized::default(key, value));
            }
        }
        if let Some(value) = env("NOICOM_OPINION_REPORT_DAY") {
            let day: u32 = value.trim().parse().map_err(|_| {
                anyhow::anyhow!(
                    "NOICOM_OPINION_REPORT_DAY «{value}» phải là một ngày trong tháng, từ 1 đến 28"
                )
            })?;
            figment = figment.merge(Serialized::default("opinion_reports.due_day", day));
        }
        if let Some(value) = env("NOICOM_SCHEDULER") {
            figment = figment.merge(Serialized::default(
                "scheduler.enabled",
                parse_switch(&value)?,
            ));
        }
        let settings: Settings = figment
            .extract()
            // figment chains several errors on separate lines; one line each.
            .map_err(|err| anyhow::anyhow!(err.to_string().replace('\n', "; ")))
            .context("cấu hình không hợp lệ")?;
        settings
            .validate()
            .map_err(anyhow::Error::msg)
            .context("cấu hình không hợp lệ")?;
        Ok(settings)
    }
}

/// `NOICOM_SCHEDULER`: on/off (also true/false, 1/0, yes/no).
fn parse_switch(value: &str) -> anyhow::Result<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "on" | "true" | "1" | "yes" => Ok(true),
        "off" | "false" | "0" | "no" => Ok(false),
        _ => bail!("NOICOM_SCHEDULER=«{value}» không hợp lệ; dùng on hoặc off"),
    }
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
