//! How long the pure workflow takes for a typical action (`accept`,
//! `comment`) and for a 30-working-day deadline, so that a regression shows
//! up before the store's transaction around it gets slower.
//!
//! Run: `cargo bench -p workflow --bench apply -- --quick`.

use std::hint::black_box;

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use workflow::{
    Actor, AreaId, AreaRef, Case, CaseId, Command, Deadline, DeadlineSpec, FileInput, HotspotRisk,
    Policy, Priority, Role, Sensitivity, Source, UnitId, UnitKind, UnitRef, UserId, apply, file,
};

fn unit(id: i64, code: &str, kind: UnitKind) -> UnitRef {
    UnitRef {
        id: UnitId(id),
        code: code.to_owned(),
        kind,
        serves: vec![AreaId(1)],
        active: true,
    }
}

fn actor(user: i64, role: Role, unit: UnitRef) -> Actor {
    Actor {
        user: UserId(user),
        role,
        unit,
    }
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-02T09:00:00+07:00")
        .unwrap()
        .with_timezone(&Utc)
}

/// A freshly filed case in a commune of the province the units serve.
fn reported_case(policy: &Policy) -> Case {
    let input = FileInput {
        title: "Sạt lở bờ sông Hồng đe dọa nhà dân".to_owned(),
        description: "Bờ sông đoạn qua thôn Đông sạt lở dài khoảng 50 m.".to_owned(),
        area: AreaRef {
            id: AreaId(2),
            code: "HN-PX".to_owned(),
            lineage: vec![AreaId(1), AreaId(2)],
        },
        category: "environment".to_owned(),
        source: Source::Collaborator,
        people_affected: Some(120),
        hotspot_risk: Some(HotspotRisk::Medium),
    };
    let reporter = actor(10, Role::Reporter, unit(6, "MTTQ-PX", UnitKind::Front));
    let mut case = file(&reporter, input, now(), policy).unwrap().case;
    case.id = CaseId(100);
    case
}

fn accept_command() -> Command {
    Command::Accept {
        sensitivity: Sensitivity::Normal,
        priority: Priority::Normal,
        lead_unit: unit(3, "UBND-PX", UnitKind::PeopleCommittee),
        coordinating_units: vec![unit(4, "TAND-KV1", UnitKind::Court)],
        answer_due: None,
    }
}

fn benches(c: &mut Criterion) {
    let policy = Policy::vietnam_default();
    let officer = actor(20, Role::BoardOfficer, unit(1, "BTGDV-HN", UnitKind::Board));
    let reported = reported_case(&policy);
    let assigned = apply(&reported, &officer, accept_command(), now(), &policy)
        .unwrap()
        .case;
    let comment = Command::Comment {
        text: "Đề nghị đẩy nhanh tiến độ.".to_owned(),
        share_with_reporter: false,
    };

    c.bench_function("apply accept", |b| {
        b.iter(|| {
            apply(
                black_box(&reported),
                &officer,
                accept_command(),
                now(),
                &policy,
            )
        })
    });
    c.bench_function("apply comment", |b| {
        b.iter(|| {
            apply(
                black_box(&assigned),
                &officer,
                comment.clone(),
                now(),
                &policy,
            )
        })
    });
    c.bench_function("Deadline::compute 30wd", |b| {
        b.iter(|| {
            Deadline::compute(
                black_box(now()),
                DeadlineSpec::WorkingDays(30),
                &policy.calendar,
            )
        })
    });
}

criterion_group!(apply_benches, benches);
criterion_main!(apply_benches);
