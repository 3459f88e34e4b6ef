//! The errors of the store.

use thiserror::Error;
use workflow::{Lang, NotAnEmail, OpinionRefusal, Refusal, Tr};

/// Why a store operation did not happen. Nothing was written.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The thing does not exist, or the caller may not see it.
    #[error("không tìm thấy {} {key}", thing.label(Lang::Vi))]
    NotFound {
        /// What kind of thing was looked for.
        thing: Thing,
        /// Which one: a code (`HN-2026-000001`) or a number (`#12`).
        key: String,
    },
    /// The case changed since the caller read it.
    #[error("phiên bản {given} đã cũ; phiên bản hiện tại là {current}")]
    VersionConflict {
        /// The version the caller sent.
        given: i64,
        /// The version in the database.
        current: i64,
    },
    /// A unique value is taken (a code, an e-mail…).
    #[error("{field} «{value}» đã tồn tại")]
    Duplicate {
        /// The field.
        field: &'static str,
        /// The value.
        value: String,
    },
    /// The workflow refused the action or an input.
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// The workflow refused an opinion report or a case from one of its
    /// items (SPEC §16).
    #[error(transparent)]
    OpinionRefused(#[from] OpinionRefusal),
    /// An input outside the workflow's rules is not acceptable (an e-mail
    /// address, a password…).
    #[error("{field}: {reason}")]
    Invalid {
        /// The field at fault.
        field: &'static str,
        /// What is wrong with it.
        reason: Invalid,
    },
    /// A row of a bulk import is bad; nothing was imported.
    #[error("dòng {line}: {error}")]
    BadRow {
        /// 1-based line number in the source file (header is line 1).
        line: usize,
        /// What is wrong with it.
        error: Box<StoreError>,
    },
    /// No valid credential: a missing, unknown, revoked or expired token
    /// or session (HTTP 401).
    #[error("chưa đăng nhập hoặc phiên đăng nhập đã hết hạn")]
    Unauthenticated,
    /// Sign-in failed: the same for an unknown e-mail and a wrong password.
    #[error("e-mail hoặc mật khẩu không đúng")]
    BadCredentials,
    /// Too many failed sign-ins for this e-mail from this address.
    #[error("đăng nhập sai quá nhiều lần; hãy thử lại sau {retry_after_secs} giây")]
    Throttled {
        /// Seconds until a new attempt is considered.
        retry_after_secs: i64,
    },
    /// Too many wrong current passwords given by a user changing theirs.
    #[error("nhập sai mật khẩu hiện tại quá nhiều lần; hãy thử lại sau {retry_after_secs} giây")]
    PasswordGuessesThrottled {
        /// Seconds until a new attempt is considered.
        retry_after_secs: i64,
    },
    /// Too many password-reset requests for this e-mail address or from
    /// this client address.
    #[error("có quá nhiều yêu cầu đặt lại mật khẩu; hãy thử lại sau {retry_after_secs} giây")]
    TooManyResetRequests {
        /// Seconds until the window ends.
        retry_after_secs: i64,
    },
    /// An `Idempotency-Key` used before with another request.
    #[error("khóa Idempotency-Key này đã được dùng cho một yêu cầu khác")]
    KeyReused,
    /// The database failed.
    #[error("lỗi cơ sở dữ liệu: {0}")]
    Db(#[from] sea_orm::DbErr),
    /// Something outside the database failed (a backup file, …).
    #[error("{0}")]
    Io(String),
}

impl From<NotAnEmail> for StoreError {
    /// Every e-mail address the store takes is the input `email`.
    fn from(err: NotAnEmail) -> StoreError {
        StoreError::Invalid {
            field: "email",
            reason: Invalid::NotAnEmail(err.value),
        }
    }
}

/// The kinds of thing a lookup can miss.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    /// A case.
    Case,
    /// An area.
    Area,
    /// A unit.
    Unit,
    /// A user.
    User,
    /// An API access token.
    Token,
    /// An information duty.
    Duty,
    /// An e-mail of the outbox.
    Email,
    /// A case's attachment.
    Attachment,
    /// A category.
    Category,
    /// A duty schedule.
    Schedule,
    /// A coordination programme.
    Programme,
    /// An orientation notice (§12).
    Orientation,
    /// A conclusion notice (§11).
    Conclusion,
    /// An opinion report (§16).
    OpinionReport,
    /// An early-warning alert (§16).
    Alert,
}

impl Thing {
    /// The thing's name in `lang`, as a sentence quotes it.
    pub fn label(self, lang: Lang) -> &'static str {
        let t = Tr(lang);
        match self {
            Thing::Case => t.thing_case(),
            Thing::Area => t.thing_area(),
            Thing::Unit => t.thing_unit(),
            Thing::User => t.thing_user(),
            Thing::Token => t.thing_token(),
            Thing::Duty => t.thing_duty(),
            Thing::Email => t.thing_email(),
            Thing::Attachment => t.thing_attachment(),
            Thing::Category => t.thing_category(),
            Thing::Schedule => t.thing_schedule(),
            Thing::Programme => t.thing_programme(),
            Thing::Orientation => t.thing_orientation(),
            Thing::Conclusion => t.thing_conclusion(),
            Thing::OpinionReport => t.thing_opinion_report(),
            Thing::Alert => t.thing_alert(),
        }
    }
}

/// What is wrong with an input that no workflow rule judges, said in
/// either language when shown (the `Display` is Vietnamese, for logs and
/// the command line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// Not a whole number of zero or more: the text typed.
    NotACount(String),
    /// A list cursor of another kind of list.
    ForeignCursor,
    /// An end that is not after its start.
    EndNotAfterStart,
    /// Not an e-mail address: the text typed, trimmed and lower-cased.
    NotAnEmail(String),
}

impl Invalid {
    /// The reason in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = Tr(lang);
        match self {
            Invalid::NotACount(text) => t.invalid_not_a_count(text),
            Invalid::ForeignCursor => t.invalid_foreign_cursor().to_owned(),
            Invalid::EndNotAfterStart => t.invalid_end_not_after_start().to_owned(),
            Invalid::NotAnEmail(value) => t.input_not_an_email(value),
        }
    }
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Vi))
    }
}
