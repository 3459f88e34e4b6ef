//! `noicom user add`.

use std::io::BufRead;

use anyhow::{Context, bail};
use chrono::Utc;
use store::admin::NewUser;
use workflow::{Lang, Role};

use super::unit::codes;
use crate::cli::UserAddArgs;
use crate::settings::Settings;

/// Adds a user; with `--print-token`, stdout carries the new API token alone
/// (so `TOKEN=$(noicom user add … --print-token)` works) and the confirmation
/// goes to stderr.
pub async fn add(settings: &Settings, args: UserAddArgs) -> anyhow::Result<()> {
    let role = match Role::from_code(&args.role) {
        Some(role) => role,
        None => bail!(
            "vai trò «{}» không hợp lệ; các vai trò: {}",
            args.role,
            codes(Role::ALL.iter().map(|r| r.code()))
        ),
    };
    let lang = match args.lang.as_str() {
        "vi" => Lang::Vi,
        "en" => Lang::En,
        other => bail!("ngôn ngữ «{other}» không hợp lệ; dùng vi hoặc en"),
    };
    let password = if args.password_stdin {
        Some(read_password(std::io::stdin().lock())?)
    } else {
        None
    };
    let store = super::open(settings).await?;
    let email = args.email.clone();
    let user = NewUser {
        email: args.email,
        name: args.name,
        role,
        unit: args.unit,
        password,
        lang,
    };
    let id = store
        .add_user(user, Utc::now())
        .await
        .with_context(|| format!("không thêm được người dùng {email}"))?;
    if let Some(title) = &args.title {
        store
            .set_user_title(workflow::UserId(id), title)
            .await
            .with_context(|| format!("đã thêm người dùng {email} nhưng không ghi được chức vụ"))?;
    }
    let done = format!("đã thêm người dùng {email} ({})", role.label(Lang::Vi));
    if args.print_token {
        let token = store
            .issue_token(id, "cli", Utc::now())
            .await
            .with_context(|| {
                format!("đã thêm người dùng {email} nhưng không cấp được mã truy cập")
            })?;
        eprintln!("{done}");
        println!("{token}");
    } else {
        println!("{done}");
    }
    Ok(())
}

/// One line of standard input, without its line ending.
fn read_password(mut input: impl BufRead) -> anyhow::Result<String> {
    let mut line = String::new();
    input
        .read_line(&mut line)
        .context("không đọc được mật khẩu từ đầu vào chuẩn")?;
    let password = line.strip_suffix('\n').unwrap_or(&line);
    let password = password.strip_suffix('\r').unwrap_or(password);
    if password.is_empty() {
        bail!("mật khẩu trống: --password-stdin cần một dòng mật khẩu trên đầu vào chuẩn");
    }
    Ok(password.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_is_the_first_line_without_its_ending_and_keeps_its_spaces() {
        let password = read_password(" mật khẩu dài \r\nsecond line\n".as_bytes()).unwrap();
        assert_eq!(password, " mật khẩu dài ");
    }

    #[test]
    fn an_empty_input_is_refused() {
        assert!(read_password("".as_bytes()).is_err());
        assert!(read_password("\n".as_bytes()).is_err());
    }
}
