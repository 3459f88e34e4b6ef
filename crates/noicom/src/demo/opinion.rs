//! The demo's public-opinion network (SPEC §16): a collaborator in each
//! commune, six months of monthly reports and some quick ones, and a
//! rise over the last three weeks in Xã Kim Sơn about the environment
//! (the smell and waste water of a seafood-processing plant: many
//! concerned and angry opinions, shared by many or widespread) for the
//! early warning to find. Every report goes through
//! `Store::file_opinion_report`, as a collaborator's would.

use anyhow::Context;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use store::Store;
use store::entities::user;
use store::opinion_reports::OpinionAnswer;
use workflow::{Policy, UserId};

/// The commune and category of the rise.
pub const RISING_AREA: &str = "NB-KIMSON";
/// The category of the rise.
pub const RISING_CATEGORY: &str = "environment";
/// How many weeks back the rise starts.
const RISING_WEEKS: i64 = 3;

/// The collaborators of the two communes without a demo reporter in the
/// printed logins, from the demo roster (`super::roster`), which gives
/// every collaborator here their profile.
const MORE: &[(&str, &str)] = &[
    ("ctv.tamdiep@demo.noicom.vn", "NB-TAMDIEP"),
    ("ctv.giavien@demo.noicom.vn", "NB-GIAVIEN"),
];

/// What the collaborators hear month by month: (category, summary, mood,
/// reach, source), taken in turn so that every commune's baseline is
/// mixed and calm.
const USUAL: &[(&str, &str, &str, &str, &str)] = &[
    (
        "land",
        "Người dân quan tâm tiến độ cấp giấy chứng nhận quyền sử dụng đất.",
        "neutral",
        "few",
        "meeting",
    ),
    (
        "construction",
        "Đồng tình với việc chỉnh trang vỉa hè, lòng đường khu trung tâm.",
        "supportive",
        "many",
        "direct",
    ),
    (
        "health",
        "Băn khoăn về lịch tiêm chủng mở rộng cho trẻ em.",
        "concerned",
        "few",
        "direct",
    ),
    (
        "food_safety",
        "Phản ánh hàng quà vặt không rõ nguồn gốc trước cổng trường.",
        "concerned",
        "few",
        "social_media",
    ),
    (
        "security",
        "Đồng tình với mô hình camera an ninh khu dân cư.",
        "supportive",
        "few",
        "meeting",
    ),
    (
        "complaints",
        "Một số hộ chưa hài lòng với kết quả hòa giải tranh chấp ranh giới.",
        "concerned",
        "few",
        "petition",
    ),
    (
        "heritage",
        "Nhân dân phấn khởi trước lễ hội truyền thống được tổ chức chu đáo.",
        "supportive",
        "many",
        "press",
    ),
    (
        "environment",
        "Nhắc việc thu gom rác thải ở chợ chưa đúng giờ.",
        "neutral",
        "few",
        "direct",
    ),
    (
        "misinformation",
        "Xuất hiện tin đồn thất thiệt về giá điện, đã được giải thích.",
        "neutral",
        "few",
        "social_media",
    ),
];

/// What Kim Sơn hears in the weeks of the rise.
const RISE: &[(&str, &str, &str)] = &[
    (
        "Mùi hôi từ nhà máy chế biến thủy sản lan ra khu dân cư vào ban đêm, người dân bức xúc.",
        "angry",
        "widespread",
    ),
    (
        "Nước thải chưa qua xử lý chảy ra kênh tiêu, cá chết, hộ nuôi trồng lo thiệt hại.",
        "angry",
        "many",
    ),
    (
        "Nhiều hộ dân băn khoăn về ảnh hưởng sức khỏe của trẻ em do mùi hôi kéo dài.",
        "concerned",
        "many",
    ),
    (
        "Bài đăng trên mạng xã hội về ô nhiễm ở Kim Sơn được chia sẻ rộng, bình luận gay gắt.",
        "angry",
        "widespread",
    ),
    (
        "Người dân đề nghị đối thoại với chính quyền và doanh nghiệp về ô nhiễm.",
        "concerned",
        "widespread",
    ),
];

/// Loads the network and its reports, `now` being the demo's present.
pub async fn load(
    store: &Store,
    policy: &Policy,
    now: DateTime<Utc>,
    reporters: &[(UserId, &str)],
    officer: UserId,
) -> anyhow::Result<()> {
    let tz = policy.calendar.time_zone();
    let mut network: Vec<(UserId, &str)> = reporters.to_vec();
    for (email, area) in MORE {
        let found = user::Entity::find()
            .filter(user::Column::Email.eq(*email))
            .one(store.connection())
            .await?
            .with_context(|| format!("không có cộng tác viên mẫu {email}"))?;
        network.push((UserId(found.id), area));
    }
    let mut turn = 0usize;
    // The monthly reports of the six months up to this one, sent on the
    // 25th (this month's only once the 25th has come).
    for months_back in (0..6).rev() {
        let first = first_of_month(now.with_timezone(&tz).date_naive(), months_back);
        let Some(day) = first.with_day(25) else {
            continue;
        };
        let at = local(tz, day, 9);
        if at > now {
            continue;
        }
        for (i, (user, area)) in network.iter().enumerate() {
            let items: Vec<Value> = (0..3)
                .map(|k| {
                    turn += 1;
                    usual(turn + i + k)
                })
                .collect();
            let period = format!("{:04}-{:02}", first.year(), first.month());
            send(
                store,
                *user,
                json!({"area": area, "period": period, "items": items}),
                at + Duration::hours(i as i64),
                tz,
            )
            .await?;
        }
    }
    // A quick report now and then, anywhere, before the rise.
    for week in (RISING_WEEKS + 1)..26 {
        if week % 3 != 0 {
            continue;
        }
        let (user, area) = network[(week as usize) % network.len()];
        turn += 1;
        let at = now - Duration::weeks(week) + Duration::hours(3);
        send(
            store,
            user,
            json!({"area": area, "quick": true, "items": [usual(turn)]}),
            at,
            tz,
        )
        .await?;
    }
    // The rise: Kim Sơn's collaborator reports quickly, several times a week.
    let kimson = network
        .iter()
        .find(|(_, a)| *a == RISING_AREA)
        .map(|(u, _)| *u)
        .context("không có cộng tác viên mẫu ở Kim Sơn")?;
    let mut first_rise: Option<(i64, DateTime<Utc>)> = None;
    for day in (1..=RISING_WEEKS * 7).rev() {
        // Ever more often as the weeks go by.
        if (day > 14 && day % 3 != 0) || (day > 7 && day % 2 != 0) {
            continue;
        }
        let at = now - Duration::days(day) + Duration::hours(2);
        let items: Vec<Value> = (0..3)
            .map(|k| {
                let (summary, mood, reach) = RISE[(day as usize + k) % RISE.len()];
                json!({"category": RISING_CATEGORY, "summary": summary, "mood": mood, "reach": reach,
                       "source": if k == 1 { "social_media" } else { "direct" },
                       "people_affected": 40 + 15 * (RISING_WEEKS * 7 - day)})
            })
            .collect();
        let id = send(
            store,
            kimson,
            json!({"area": RISING_AREA, "quick": true, "items": items}),
            at,
            tz,
        )
        .await?;
        first_rise.get_or_insert((id, at));
    }
    // The board turned one of the first angry opinions into a case.
    if let Some((id, at)) = first_rise {
        store
            .file_case_from_opinion(officer, id, 1, at + Duration::hours(20), policy)
            .await
            .context("không lập được phản ánh mẫu từ ý kiến")?;
    }
    Ok(())
}

fn usual(n: usize) -> Value {
    let (category, summary, mood, reach, source) = USUAL[n % USUAL.len()];
    json!({"category": category, "summary": summary, "mood": mood, "reach": reach, "source": source})
}

async fn send(
    store: &Store,
    user: UserId,
    body: Value,
    at: DateTime<Utc>,
    tz: Tz,
) -> anyhow::Result<i64> {
    let input = serde_json::from_value(body).context("báo cáo mẫu không hợp lệ")?;
    match store
        .file_opinion_report(user, input, at, tz, None)
        .await
        .context("không gửi được báo cáo dư luận mẫu")?
    {
        OpinionAnswer::Done(view) => Ok(view.id),
        OpinionAnswer::Replay { .. } => anyhow::bail!("báo cáo mẫu bị gửi trùng"),
    }
}

/// The first day of the month `back` months before `today`'s.
fn first_of_month(today: NaiveDate, back: u32) -> NaiveDate {
    let months = today.year() * 12 + today.month0() as i32 - back as i32;
    NaiveDate::from_ymd_opt(months.div_euclid(12), months.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(today)
}

fn local(tz: Tz, day: NaiveDate, hour: u32) -> DateTime<Utc> {
    tz.from_local_datetime(&day.and_hms_opt(hour, 0, 0).unwrap_or_default())
        .earliest()
        .map_or_else(
            || day.and_hms_opt(hour, 0, 0).unwrap_or_default().and_utc(),
            |t| t.with_timezone(&Utc),
        )
}
