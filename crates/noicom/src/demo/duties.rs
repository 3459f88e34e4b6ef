//! The demo's information duties: the programme was signed in January and
//! its duties were materialised quarter by quarter, by the function the
//! cron job runs, as the scheduler would have done; each state body then
//! gave its information on time, late or not at all, so that the annual
//! report and the dashboard show a real mix.

use anyhow::Context;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use store::Store;
use store::entities::{duty_instance, unit};
use workflow::{Cadence, Calendar, DutyMove, Period, UserId};

/// When the demo's programme was signed: early January of the year the
/// demo's last month falls in, so that the annual report of that year has
/// its quarters (the report counts duties by their due time).
pub fn signing_time(now: DateTime<Utc>, calendar: &Calendar) -> DateTime<Utc> {
    let year = calendar.local_date(now - Duration::days(30)).year();
    let day = NaiveDate::from_ymd_opt(year, 1, 6).unwrap_or(NaiveDate::MIN);
    calendar.at_local_hour(day, 9)
}

/// Materialises the duties as the nightly job would have from `signed` to
/// `now`: once at the start of every quarter, then at `now`.
pub async fn materialise_since(
    store: &Store,
    signed: DateTime<Utc>,
    now: DateTime<Utc>,
    calendar: &Calendar,
) -> anyhow::Result<()> {
    let mut quarter = Period::containing(Cadence::Quarterly, calendar.local_date(signed)).next();
    loop {
        let at = calendar.at_local_hour(quarter.first_day(), 1);
        if at >= now {
            break;
        }
        store.materialise_duties(at, calendar).await?;
        quarter = quarter.next();
    }
    store.materialise_duties(now, calendar).await?;
    Ok(())
}

/// Who moves the demo's duties.
pub struct Movers {
    /// The liaison of UBND-NB, the one state body of the programme with one.
    pub liaison: UserId,
    /// The board officer who acknowledges.
    pub officer: UserId,
    /// The administrator who waives.
    pub admin: UserId,
}

/// What became of the periodic duties due before `now`: UBND-NB gave
/// its information on time, except every third quarter, late; HĐND-NB was
/// released from its first; TAND-NB and VKSND-NB, which have neither an
/// address nor a liaison, gave nothing.
pub async fn give_information(
    store: &Store,
    who: &Movers,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    for (code, outcome) in [
        ("UBND-NB", Outcome::Given),
        ("HDND-NB", Outcome::WaivedFirst),
    ] {
        let provider = unit::Entity::find()
            .filter(unit::Column::Code.eq(code))
            .one(store.connection())
            .await?
            .with_context(|| format!("không có đơn vị mẫu {code}"))?;
        let due: Vec<duty_instance::Model> = duty_instance::Entity::find()
            .filter(duty_instance::Column::UnitId.eq(provider.id))
            .filter(duty_instance::Column::ScheduleId.is_not_null())
            .filter(duty_instance::Column::DueAt.lt(now))
            .order_by_asc(duty_instance::Column::DueAt)
            .all(store.connection())
            .await?;
        for (index, duty) in due.iter().enumerate() {
            match outcome {
                Outcome::Given => {
                    let submitted = if index % 3 == 1 {
                        duty.due_at + Duration::days(6)
                    } else {
                        duty.due_at - Duration::days(4)
                    };
                    // A late answer still to come is left missing for now.
                    if submitted + Duration::days(2) >= now {
                        continue;
                    }
                    let text = format!(
                        "UBND tỉnh báo cáo tình hình kinh tế - xã hội, công tác tiếp công dân và \
                         giải quyết khiếu nại, tố cáo trong kỳ; kèm theo danh mục các vụ việc \
                         phức tạp đang xử lý (báo cáo số {}/BC-UBND).",
                        120 + index
                    );
                    store
                        .move_duty(who.liaison, duty.id, DutyMove::Submit { text }, submitted)
                        .await
                        .context("nghĩa vụ mẫu: nộp thông tin")?;
                    store
                        .move_duty(
                            who.officer,
                            duty.id,
                            DutyMove::Acknowledge,
                            submitted + Duration::days(2),
                        )
                        .await
                        .context("nghĩa vụ mẫu: xác nhận")?;
                }
                Outcome::WaivedFirst if index == 0 => {
                    let reason = "HĐND tỉnh đã báo cáo trực tiếp tại hội nghị giao ban quý với \
                                  Ban Tuyên giáo và Dân vận."
                        .to_owned();
                    store
                        .move_duty(
                            who.admin,
                            duty.id,
                            DutyMove::Waive { reason },
                            duty.due_at - Duration::days(2),
                        )
                        .await
                        .context("nghĩa vụ mẫu: miễn")?;
                }
                Outcome::WaivedFirst => {}
            }
        }
    }
    Ok(())
}

/// What a provider did with its past duties.
#[derive(Clone, Copy)]
enum Outcome {
    /// Gave every one, on time or late.
    Given,
    /// Was released from the first; gave nothing else.
    WaivedFirst,
}
