//! The demo organisation: Ninh Bình province with four communes and wards,
//! its board, party committee, state bodies, a regional court and the
//! users of every role.

use chrono::{DateTime, Utc};
use store::Store;
use store::admin::{NewArea, NewProgramme, NewUnit, NewUser};
use workflow::{Calendar, Lang, Role, UnitKind};

use super::DemoLogin;
use crate::settings::Settings;

/// The password of every demo account (printed at start-up on purpose).
pub const DEMO_PASSWORD: &str = "noicom-demo-2026";

const AREAS: &[(&str, &str, Option<&str>)] = &[
    ("NB", "Tỉnh Ninh Bình", None),
    ("NB-HOALU", "Phường Hoa Lư", Some("NB")),
    ("NB-TAMDIEP", "Phường Tam Điệp", Some("NB")),
    ("NB-GIAVIEN", "Xã Gia Viễn", Some("NB")),
    ("NB-KIMSON", "Xã Kim Sơn", Some("NB")),
];

type UnitRow = (
    &'static str,
    &'static str,
    UnitKind,
    &'static str,
    &'static [&'static str],
);

const UNITS: &[UnitRow] = &[
    (
        "BTGDV-NB",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy Ninh Bình",
        UnitKind::Board,
        "NB",
        &[],
    ),
    (
        "TU-NB",
        "Tỉnh ủy Ninh Bình",
        UnitKind::PartyCommittee,
        "NB",
        &[],
    ),
    (
        "HDND-NB",
        "Hội đồng nhân dân tỉnh Ninh Bình",
        UnitKind::PeopleCouncil,
        "NB",
        &[],
    ),
    (
        "UBND-NB",
        "Ủy ban nhân dân tỉnh Ninh Bình",
        UnitKind::PeopleCommittee,
        "NB",
        &[],
    ),
    (
        "TAND-NB",
        "Tòa án nhân dân tỉnh Ninh Bình",
        UnitKind::Court,
        "NB",
        &[],
    ),
    (
        "VKSND-NB",
        "Viện kiểm sát nhân dân tỉnh Ninh Bình",
        UnitKind::Procuracy,
        "NB",
        &[],
    ),
    (
        "TAND-KV1-NB",
        "Tòa án nhân dân khu vực 1 – Ninh Bình",
        UnitKind::Court,
        "NB-HOALU",
        &["NB-GIAVIEN"],
    ),
    (
        "UBND-HOALU",
        "Ủy ban nhân dân phường Hoa Lư",
        UnitKind::PeopleCommittee,
        "NB-HOALU",
        &[],
    ),
    (
        "UBND-TAMDIEP",
        "Ủy ban nhân dân phường Tam Điệp",
        UnitKind::PeopleCommittee,
        "NB-TAMDIEP",
        &[],
    ),
    (
        "UBND-GIAVIEN",
        "Ủy ban nhân dân xã Gia Viễn",
        UnitKind::PeopleCommittee,
        "NB-GIAVIEN",
        &[],
    ),
    (
        "UBND-KIMSON",
        "Ủy ban nhân dân xã Kim Sơn",
        UnitKind::PeopleCommittee,
        "NB-KIMSON",
        &[],
    ),
    (
        "MTTQ-HOALU",
        "Ủy ban MTTQ Việt Nam phường Hoa Lư",
        UnitKind::Front,
        "NB-HOALU",
        &[],
    ),
    (
        "MTTQ-KIMSON",
        "Ủy ban MTTQ Việt Nam xã Kim Sơn",
        UnitKind::Front,
        "NB-KIMSON",
        &[],
    ),
    ("BAO-NB", "Báo Ninh Bình", UnitKind::Media, "NB", &[]),
    (
        "DAI-NB",
        "Đài Phát thanh và Truyền hình Ninh Bình",
        UnitKind::Media,
        "NB",
        &[],
    ),
    (
        "DTT-HOALU",
        "Đài truyền thanh phường Hoa Lư",
        UnitKind::Media,
        "NB-HOALU",
        &[],
    ),
    (
        "MTTQ-NB",
        "Ủy ban MTTQ Việt Nam tỉnh Ninh Bình",
        UnitKind::Front,
        "NB",
        &[],
    ),
    (
        "HLHPN-NB",
        "Hội Liên hiệp Phụ nữ tỉnh Ninh Bình",
        UnitKind::MassOrg,
        "NB",
        &[],
    ),
    ("TD-NB", "Tỉnh đoàn Ninh Bình", UnitKind::MassOrg, "NB", &[]),
];

/// The own addresses of the units the board sends orientation notices to
/// (SPEC §12): the media, the Front and the mass organisations, so that
/// every notice of the demo reaches someone.
const UNIT_EMAILS: &[(&str, &str)] = &[
    ("BAO-NB", "toasoan@baoninhbinh.demo.noicom.vn"),
    ("DAI-NB", "bientap@nbtv.demo.noicom.vn"),
    ("DTT-HOALU", "truyenthanh.hoalu@demo.noicom.vn"),
    ("MTTQ-NB", "mttq.nb@demo.noicom.vn"),
    ("MTTQ-HOALU", "mttq.hoalu@demo.noicom.vn"),
    ("MTTQ-KIMSON", "mttq.kimson@demo.noicom.vn"),
    ("HLHPN-NB", "hoiphunu.nb@demo.noicom.vn"),
    ("TD-NB", "tinhdoan.nb@demo.noicom.vn"),
];

/// (e-mail, name, role, unit)
pub const USERS: &[(&str, &str, Role, &str)] = &[
    (
        "ctv.hoalu@demo.noicom.vn",
        "Nguyễn Thị Hoa",
        Role::Reporter,
        "MTTQ-HOALU",
    ),
    (
        "ctv.kimson@demo.noicom.vn",
        "Trần Văn Sơn",
        Role::Reporter,
        "MTTQ-KIMSON",
    ),
    (
        "canbo.btg@demo.noicom.vn",
        "Lê Minh Tuấn",
        Role::BoardOfficer,
        "BTGDV-NB",
    ),
    (
        "daumoi.ubnd@demo.noicom.vn",
        "Phạm Thu Hà",
        Role::AgencyLiaison,
        "UBND-NB",
    ),
    (
        "daumoi.hoalu@demo.noicom.vn",
        "Đỗ Quang Huy",
        Role::AgencyLiaison,
        "UBND-HOALU",
    ),
    (
        "daumoi.kimson@demo.noicom.vn",
        "Vũ Thị Lan",
        Role::AgencyLiaison,
        "UBND-KIMSON",
    ),
    (
        "daumoi.tamdiep@demo.noicom.vn",
        "Ngô Thanh Tâm",
        Role::AgencyLiaison,
        "UBND-TAMDIEP",
    ),
    (
        "daumoi.giavien@demo.noicom.vn",
        "Trịnh Văn Viễn",
        Role::AgencyLiaison,
        "UBND-GIAVIEN",
    ),
    (
        "daumoi.toaan@demo.noicom.vn",
        "Hoàng Đức Anh",
        Role::AgencyLiaison,
        "TAND-KV1-NB",
    ),
    (
        "lanhdao@demo.noicom.vn",
        "Đinh Văn Bình",
        Role::Leader,
        "TU-NB",
    ),
    (
        "quantri@demo.noicom.vn",
        "Bùi Ngọc Mai",
        Role::Admin,
        "BTGDV-NB",
    ),
];

/// Creates areas, units, users and the 2026–2030 programme, signed at
/// `now`, with the duties of its first two quarters (the configured due
/// rule and reminder offsets); returns the logins and the user ids in the
/// order of [`USERS`].
pub async fn create(
    store: &Store,
    settings: &Settings,
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> anyhow::Result<(Vec<DemoLogin>, Vec<i64>)> {
    for (code, name, parent) in AREAS {
        store
            .add_area(
                NewArea {
                    code: (*code).into(),
                    name: (*name).into(),
                    parent: parent.map(Into::into),
                },
                now,
            )
            .await?;
    }
    for (code, name, kind, area, serves) in UNITS {
        store
            .add_unit(
                NewUnit {
                    code: (*code).into(),
                    name: (*name).into(),
                    kind: *kind,
                    area: (*area).into(),
                    serves: serves.iter().map(|s| (*s).to_owned()).collect(),
                    email: UNIT_EMAILS
                        .iter()
                        .find(|(unit, _)| unit == code)
                        .map(|(_, email)| (*email).to_owned()),
                },
                now,
            )
            .await?;
    }
    let mut logins = Vec::new();
    let mut ids = Vec::new();
    for (email, name, role, unit) in USERS {
        let id = store
            .add_user(
                NewUser {
                    email: (*email).into(),
                    name: (*name).into(),
                    role: *role,
                    unit: (*unit).into(),
                    password: Some(DEMO_PASSWORD.into()),
                    lang: Lang::Vi,
                },
                now,
            )
            .await?;
        ids.push(id);
        logins.push(DemoLogin {
            role: *role,
            email: (*email).into(),
            password: DEMO_PASSWORD.into(),
            unit: (*unit).into(),
        });
    }
    store
        .add_programme_with(
            NewProgramme {
                year_from: 2026,
                year_to: 2030,
                area: "NB".into(),
                parties: ["BTGDV-NB", "HDND-NB", "UBND-NB", "TAND-NB", "VKSND-NB"]
                    .map(String::from)
                    .to_vec(),
                title: Some(
                    "Chương trình phối hợp giữa Ban Tuyên giáo và Dân vận Tỉnh ủy với HĐND, UBND, \
                 TAND, VKSND tỉnh Ninh Bình giai đoạn 2026–2030"
                        .into(),
                ),
                items: [
                    "Cung cấp thông tin định kỳ hằng quý về tình hình kinh tế - xã hội, \
                     xây dựng pháp luật, giải quyết khiếu nại, tố cáo",
                    "Cung cấp thông tin kịp thời về các vấn đề nổi cộm, dư luận xã hội quan tâm \
                     và các vụ án lớn, phức tạp",
                    "Phối hợp định hướng thông tin trên báo chí và hệ thống truyền thanh cơ sở",
                    "Phối hợp nắm bắt dư luận xã hội, kịp thời phát hiện, xử lý điểm nóng",
                    "Họp giao ban định kỳ, sơ kết, tổng kết việc thực hiện Chương trình",
                ]
                .map(str::to_owned)
                .to_vec(),
                number: Some("05-CTr/BTGDVTU-HĐND-UBND-TAND-VKSND".into()),
                signed_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 15),
            },
            settings.duties.due_rule(),
            &settings.duties.reminder,
            calendar,
            now,
        )
        .await?;
    Ok((logins, ids))
}
