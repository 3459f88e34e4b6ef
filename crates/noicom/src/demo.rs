//! The demo data set of SPEC §6.5, loaded by `noicom serve --demo` into an
//! empty database.

mod cases;
mod duties;
mod opinion;
mod org;
mod roster;

use anyhow::Context;
use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use store::{FileRequest, Store};
use workflow::{DeadlineSpec, Policy, Priority, Role, UserId};

use cases::{DemoCase, Step};

use crate::settings::Settings;

pub use roster::RosterLogin;

/// One demo account, printed so that a newcomer can sign in.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    /// The role the account shows off.
    pub role: Role,
    /// Sign-in e-mail.
    pub email: String,
    /// Its password (demo data only: printed on purpose).
    pub password: String,
    /// The unit code of the account.
    pub unit: String,
}

/// The accounts the demo created.
pub type DemoLogins = Vec<DemoLogin>;

/// The demo accounts a database already holds, for a `serve --demo` after
/// the first: those still enabled, in the order they were made. Their
/// password is the demo one unless someone changed it.
pub async fn present_logins(store: &Store) -> anyhow::Result<DemoLogins> {
    let present = enabled(store, org::USERS.iter().map(|(email, ..)| *email)).await?;
    Ok(org::USERS
        .iter()
        .filter(|(email, ..)| present.contains(*email))
        .map(|(email, _, role, unit)| DemoLogin {
            role: *role,
            email: (*email).to_owned(),
            password: org::DEMO_PASSWORD.to_owned(),
            unit: (*unit).to_owned(),
        })
        .collect())
}

/// The members of the demo roster a database holds, their accounts still
/// enabled, in roster order: printed under the logins.
pub async fn present_roster(store: &Store) -> anyhow::Result<Vec<RosterLogin>> {
    let present = enabled(store, roster::emails()).await?;
    Ok(roster::logins(|email| present.contains(email)))
}

/// Which of `emails` are enabled accounts.
async fn enabled(
    store: &Store,
    emails: impl Iterator<Item = &'static str>,
) -> anyhow::Result<std::collections::HashSet<String>> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use store::entities::user;
    Ok(user::Entity::find()
        .filter(user::Column::Email.is_in(emails))
        .filter(user::Column::Disabled.eq(false))
        .all(store.connection())
        .await
        .context("không đọc được tài khoản mẫu")?
        .into_iter()
        .map(|u| u.email)
        .collect())
}

/// Loads the demo data set into an empty database and returns its logins.
/// Every case goes through `Store::file_case` and `Store::act`, every duty
/// through `Store::materialise_duties` and `Store::move_duty`, so the demo
/// obeys the same rules as real use. Its history is invented: the e-mails
/// of that past are closed (`Store::close_history`), so that starting the
/// demo sends only what is due now.
pub async fn load(store: &Store, settings: &Settings) -> anyhow::Result<DemoLogins> {
    let policy = settings.policy()?;
    let now = Utc::now();
    let signed = duties::signing_time(now, &policy.calendar);
    let (logins, ids) = org::create(store, settings, &policy.calendar, signed)
        .await
        .context("không tạo được tổ chức mẫu")?;
    roster::create(store, signed)
        .await
        .context("không tạo được mạng lưới cộng tác viên mẫu")?;
    duties::materialise_since(store, signed, now, &policy.calendar)
        .await
        .context("không tạo được nghĩa vụ mẫu")?;
    let user = |role: Role, unit: Option<&str>| -> anyhow::Result<UserId> {
        org::USERS
            .iter()
            .position(|(_, _, r, u)| *r == role && unit.is_none_or(|unit| unit == *u))
            .map(|i| UserId(ids[i]))
            .with_context(|| format!("không có người dùng mẫu {role} {unit:?}"))
    };
    let officer = user(Role::BoardOfficer, None)?;
    let leader = user(Role::Leader, None)?;
    let mut first: Option<String> = None;
    for (index, demo) in cases::CASES.iter().enumerate() {
        let filer = match demo.area {
            "NB-HOALU" => user(Role::Reporter, Some("MTTQ-HOALU"))?,
            "NB-KIMSON" => user(Role::Reporter, Some("MTTQ-KIMSON"))?,
            _ => officer,
        };
        let filed_at = now - Duration::days(demo.days_ago);
        let mut case = store
            .file_case(filer, request(demo), filed_at, &policy)
            .await?;
        let first_code = first.get_or_insert_with(|| case.code.clone()).clone();
        // Steps take the days they take in real life, so the dashboard's
        // times to answer and resolve are spread, not all nought.
        let hours = cases::step_hours(demo.steps, index as u32, demo.days_ago);
        let mut lead: Option<&str> = None;
        for (step, hours) in demo.steps.iter().zip(hours) {
            let at = filed_at + Duration::hours(hours);
            if let Step::Accept(unit, ..) = step {
                lead = Some(unit);
            }
            let lead_liaison = || user(Role::AgencyLiaison, lead);
            let (who, input) = match *step {
                Step::RequestInfo => (
                    officer,
                    json!({"action": "request_info", "question": "Đề nghị cung cấp thêm hình ảnh và địa chỉ cụ thể."}),
                ),
                Step::Supplement => (
                    filer,
                    json!({"action": "supplement", "text": "Đã bổ sung địa chỉ, hình ảnh hiện trường và danh sách hộ dân liên quan."}),
                ),
                Step::Dismiss => (
                    officer,
                    json!({"action": "dismiss", "reason": "Vụ việc đơn lẻ, đã được hòa giải ở cơ sở; không phải vấn đề nổi cộm."}),
                ),
                Step::MergeIntoFirst => (officer, json!({"action": "merge", "target": first_code})),
                Step::Accept(unit, priority, sensitivity) => (
                    officer,
                    json!({"action": "accept", "lead_unit": unit, "priority": priority, "sensitivity": sensitivity}),
                ),
                Step::Respond => (
                    lead_liaison()?,
                    json!({"action": "respond", "answer": "Cơ quan đã kiểm tra thực tế, báo cáo bằng văn bản nguyên nhân và hướng xử lý."}),
                ),
                Step::Orient => (
                    officer,
                    json!({"action": "orient", "messages": "Thông tin chính xác, kịp thời; không để các đối tượng xấu lợi dụng kích động.", "channels": ["press", "grassroots_radio"], "audience": "Cán bộ, đảng viên và Nhân dân địa phương", "recipients": ["BAO-NB", "DAI-NB", "MTTQ-NB"]}),
                ),
                Step::Escalate => (
                    officer,
                    json!({"action": "escalate", "opinions": [
                        {"unit": lead.unwrap_or("UBND-NB"), "opinion": "Giữ nguyên phương án bồi thường đã phê duyệt; tiếp tục vận động người dân."},
                        {"unit": "BTGDV-NB", "opinion": "Đề nghị đối thoại trực tiếp với người dân trước khi thực hiện; dư luận còn bức xúc."},
                    ]}),
                ),
                Step::Conclude => (
                    leader,
                    json!({"action": "conclude", "conclusion": "Giao cơ quan chủ trì đối thoại với người dân, hoàn thành trước cuối tháng."}),
                ),
                Step::Meeting => (
                    lead_liaison()?,
                    json!({"action": "log_meeting", "held_at": at - Duration::hours(1), "chair_unit": lead, "attendees": ["BTGDV-NB", lead], "minutes": "Thống nhất lộ trình giải quyết và phương án thông tin."}),
                ),
                Step::Trial => (
                    lead_liaison()?,
                    json!({"action": "set_trial_date", "trial_date": (now + Duration::days(20)).date_naive()}),
                ),
                Step::Resolve => (
                    lead_liaison()?,
                    json!({"action": "report_resolution", "summary": "Đã giải quyết dứt điểm; người dân đồng thuận."}),
                ),
                Step::Publish => (
                    officer,
                    json!({"action": "publish_result", "text": "Kết quả giải quyết đã được thông tin trên Báo Ninh Bình và đài truyền thanh cơ sở."}),
                ),
                Step::Close => (
                    leader,
                    json!({"action": "close", "remark": "Vụ việc đã giải quyết xong, kết quả đã công khai."}),
                ),
            };
            let input = serde_json::from_value(input).context("bước mẫu không hợp lệ")?;
            case = store
                .act(who, &case.code, case.version, input, at, &policy)
                .await
                .with_context(|| format!("vụ việc mẫu {}: bước {step:?}", case.code))?;
        }
    }
    let just_in = &cases::JUST_IN;
    store
        .file_case(
            user(Role::Reporter, Some("MTTQ-HOALU"))?,
            request(just_in),
            filed_today(now, &policy),
            &policy,
        )
        .await?;
    let movers = duties::Movers {
        liaison: user(Role::AgencyLiaison, Some("UBND-NB"))?,
        officer,
        admin: user(Role::Admin, None)?,
    };
    duties::give_information(store, &movers, now)
        .await
        .context("không ghi được việc thực hiện nghĩa vụ mẫu")?;
    let reporters = [
        (user(Role::Reporter, Some("MTTQ-HOALU"))?, "NB-HOALU"),
        (
            user(Role::Reporter, Some("MTTQ-KIMSON"))?,
            opinion::RISING_AREA,
        ),
    ];
    opinion::load(store, &policy, now, &reporters, officer)
        .await
        .context("không tạo được báo cáo dư luận xã hội mẫu")?;
    close_past(store, settings, now).await?;
    // The early warning looks at the week as it stands, as the scheduler's
    // first `alerts` run would: the rise in Kim Sơn is on the watch-list,
    // and its e-mail is owed now, from the start.
    store
        .raise_alerts(now, &policy.calendar, &workflow::AlertRule::default())
        .await
        .context("không đánh giá được cảnh báo điểm nóng mẫu")?;
    Ok(logins)
}

/// What a demo case files.
fn request(demo: &DemoCase) -> FileRequest {
    FileRequest {
        title: demo.title.into(),
        description: demo.description.into(),
        area: demo.area.into(),
        category: demo.category.into(),
        source: demo.source,
        people_affected: Some(20 + 7 * demo.days_ago),
        hotspot_risk: demo.risk,
    }
}

/// When the report just in ([`cases::JUST_IN`], a high hotspot risk, so
/// urgent triage) was filed: so that its triage deadline, in clock hours,
/// ends halfway between the start of today and now. Its breach reminder is
/// then due today, whatever the hour the demo starts.
fn filed_today(now: DateTime<Utc>, policy: &Policy) -> DateTime<Utc> {
    let calendar = &policy.calendar;
    let start = calendar.start_of_day(calendar.local_date(now));
    let middle = start + (now - start) / 2;
    match policy.deadlines.triage.get(Priority::Urgent) {
        DeadlineSpec::Hours(hours) => middle - Duration::hours(i64::from(hours)),
        _ => now - Duration::hours(4),
    }
}

/// Ends the demo's invented past where today begins. The scheduler would
/// have sent that past's reminders when they fell due: the sweep as of the
/// last instant before today writes them, and they are closed with every
/// other e-mail of the past (marked `historical`, never sent; the audit
/// says why). Today's e-mails and the orientation notices still owed go.
async fn close_past(store: &Store, settings: &Settings, now: DateTime<Utc>) -> anyhow::Result<()> {
    let rules = crate::commands::scheduling::reminder_rules(settings)?;
    let today = rules.calendar.start_of_day(rules.calendar.local_date(now));
    store
        .enqueue_reminders(today - Duration::seconds(1), &rules)
        .await
        .context("không ghi được lịch sử nhắc việc mẫu")?;
    let closed = store
        .close_history(today, now, "demo_history")
        .await
        .context("không khép được lịch sử thư của dữ liệu mẫu")?;
    tracing::info!(
        historical = closed.historical,
        still_owed = closed.still_owed,
        "dữ liệu mẫu: thư của quá khứ không gửi"
    );
    store
        .enqueue_reminders(now, &rules)
        .await
        .context("không ghi được nhắc việc hôm nay của dữ liệu mẫu")?;
    Ok(())
}
