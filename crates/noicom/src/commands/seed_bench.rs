//! `noicom seed-bench`: fills an empty database with a province of many
//! communes and `--cases` generated cases for the load benchmark
//! (docs/benchmarks.md). Benchmark seeding, not user traffic: the cases are
//! written by `Store::bench_insert_cases` in large transactions, not filed
//! one by one through the workflow. Writes the API tokens and codes the
//! load generator needs to a JSON file.

use std::time::Instant;

use anyhow::{Context, bail};
use chrono::{Duration, TimeZone, Utc};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use store::Store;
use store::admin::{NewArea, NewUnit, NewUser};
use store::bench::{BenchActors, BenchCase};
use workflow::{
    AreaId, AreaRef, Case, CaseId, CaseState, Deadline, DeadlineRule, Lang, Priority, Role,
    Sensitivity, Source, UnitId, UnitKind, UnitRef, UserId,
};

use crate::bench_text;
use crate::cli::SeedBenchArgs;
use crate::settings::Settings;

/// The province of the seed.
const PROVINCE: (&str, &str) = ("BN", "Tỉnh Bắc Ninh");
/// First and second syllables of commune names.
const NAME_A: &[&str] = &[
    "An", "Bình", "Hòa", "Phú", "Tân", "Đông", "Tây", "Nam", "Phước", "Long", "Hưng", "Vĩnh",
];
const NAME_B: &[&str] = &[
    "Lạc", "Thịnh", "Quang", "Minh", "Đức", "Trung", "Hải", "Sơn", "Thành", "Lợi",
];
/// Reporters, one per this many communes' worth of cases.
const REPORTERS: usize = 40;
/// States and how many in a hundred cases hold them.
const STATES: &[(CaseState, u32)] = &[
    (CaseState::Reported, 25),
    (CaseState::NeedsInfo, 5),
    (CaseState::Assigned, 15),
    (CaseState::Responded, 10),
    (CaseState::Oriented, 10),
    (CaseState::Escalated, 3),
    (CaseState::Resolved, 10),
    (CaseState::Closed, 17),
    (CaseState::Dismissed, 5),
];

/// The organisation the cases hang off.
struct Org {
    communes: Vec<AreaRef>,
    names: Vec<String>,
    lead: UnitRef,
    reporters: Vec<i64>,
    actors: BenchActors,
}

/// Runs the command.
pub async fn run(settings: &Settings, args: SeedBenchArgs) -> anyhow::Result<()> {
    let store = super::open(settings).await?;
    if !store.is_empty().await? {
        bail!("cơ sở dữ liệu đã có dữ liệu; seed-bench chỉ chạy trên cơ sở dữ liệu trống");
    }
    let started = Instant::now();
    let org = organisation(&store, args.communes).await?;
    let tokens = serde_json::json!({
        "officer": store.issue_token(org.actors.officer.0, "bench", Utc::now()).await?,
        "reporter": store.issue_token(org.reporters[0], "bench", Utc::now()).await?,
        "province": PROVINCE.0,
        "areas": org.communes.iter().map(|a| a.code.clone()).collect::<Vec<_>>(),
        "lead_unit": org.lead.code,
        "categories": bench_text::ISSUES.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
    });
    std::fs::write(&args.tokens, serde_json::to_string_pretty(&tokens)?)
        .with_context(|| format!("không ghi được {}", args.tokens.display()))?;

    let mut rng = StdRng::seed_from_u64(args.seed);
    let start = Utc.with_ymd_and_hms(2026, 1, 2, 1, 0, 0).unwrap();
    let span = Duration::days(320).num_seconds();
    let mut done = 0_u64;
    while done < args.cases {
        let n = args.batch.min(args.cases - done);
        let first = store
            .bench_reserve_codes(PROVINCE.0, 2026, n as i64)
            .await?;
        let batch: Vec<BenchCase> = (0..n)
            .map(|i| {
                let k = done + i;
                let at = start + Duration::seconds(span * k as i64 / args.cases as i64);
                let code = format!("{}-2026-{:06}", PROVINCE.0, first + i as i64);
                generate(&mut rng, &org, code, at)
            })
            .collect();
        store.bench_insert_cases(&batch).await?;
        done += n;
        eprintln!(
            "{done} vụ việc sau {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    // The seed commits in large batches, leaving the search index in as
    // many segments as a live database that the nightly job never merged.
    // Nothing else writes meanwhile, so the steps can be four times the
    // job's.
    let merged = store.merge_search_index(1024, u32::MAX).await?;
    eprintln!(
        "chỉ mục tìm kiếm đã gộp: {} bước, {:.1} s",
        merged.steps,
        merged.busy.as_secs_f64()
    );
    let vacuumed = Instant::now();
    store.bench_settle().await?;
    eprintln!(
        "đã dọn và thống kê lại cơ sở dữ liệu: {:.1} s",
        vacuumed.elapsed().as_secs_f64()
    );
    println!(
        "đã tạo {} vụ việc ở {} xã, phường trong {:.1} s; mã truy cập ở {}",
        args.cases,
        org.communes.len(),
        started.elapsed().as_secs_f64(),
        args.tokens.display()
    );
    Ok(())
}

/// The province, its communes, board, committee, front and their people.
async fn organisation(store: &Store, communes: usize) -> anyhow::Result<Org> {
    store
        .add_area(
            NewArea {
                code: PROVINCE.0.into(),
                name: PROVINCE.1.into(),
                parent: None,
            },
            Utc::now(),
        )
        .await?;
    let mut names = Vec::new();
    let mut codes = Vec::new();
    for i in 0..communes {
        let name = format!(
            "{} {} {}",
            if i % 5 == 0 { "phường" } else { "xã" },
            NAME_A[i % NAME_A.len()],
            NAME_B[(i / NAME_A.len()) % NAME_B.len()]
        );
        let code = format!("{}-{:03}", PROVINCE.0, i + 1);
        store
            .add_area(
                NewArea {
                    code: code.clone(),
                    name: name.clone(),
                    parent: Some(PROVINCE.0.into()),
                },
                Utc::now(),
            )
            .await?;
        names.push(name);
        codes.push(code);
    }
    let unit = |code: &str, name: &str, kind| NewUnit {
        code: code.into(),
        name: name.into(),
        kind,
        area: PROVINCE.0.into(),
        serves: vec![],
        email: None,
    };
    let board = store
        .add_unit(
            unit(
                "BTG-BN",
                "Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Ninh",
                UnitKind::Board,
            ),
            Utc::now(),
        )
        .await?;
    let lead = store
        .add_unit(
            unit("UBND-BN", "UBND tỉnh Bắc Ninh", UnitKind::PeopleCommittee),
            Utc::now(),
        )
        .await?;
    let committee = store
        .add_unit(
            unit("TU-BN", "Tỉnh ủy Bắc Ninh", UnitKind::PartyCommittee),
            Utc::now(),
        )
        .await?;
    let front = store
        .add_unit(
            unit("MTTQ-BN", "Ủy ban MTTQ tỉnh Bắc Ninh", UnitKind::Front),
            Utc::now(),
        )
        .await?;
    let user = |email: String, role, unit: &str| NewUser {
        name: format!("Người dùng {email}"),
        email,
        role,
        unit: unit.into(),
        password: None,
        lang: Lang::Vi,
    };
    let officer = store
        .add_user(
            user("canbo@bench.noicom.vn".into(), Role::BoardOfficer, "BTG-BN"),
            Utc::now(),
        )
        .await?;
    let liaison = store
        .add_user(
            user(
                "daumoi@bench.noicom.vn".into(),
                Role::AgencyLiaison,
                "UBND-BN",
            ),
            Utc::now(),
        )
        .await?;
    let leader = store
        .add_user(
            user("lanhdao@bench.noicom.vn".into(), Role::Leader, "TU-BN"),
            Utc::now(),
        )
        .await?;
    let mut reporters = Vec::new();
    for i in 1..=REPORTERS {
        reporters.push(
            store
                .add_user(
                    user(format!("ctv{i}@bench.noicom.vn"), Role::Reporter, "MTTQ-BN"),
                    Utc::now(),
                )
                .await?,
        );
    }
    let areas = store.areas(UserId(officer), Utc::now()).await?;
    let province = areas
        .iter()
        .find(|a| a.code == PROVINCE.0)
        .context("tỉnh vừa tạo")?
        .id;
    let communes = codes
        .iter()
        .map(|code| {
            let area = areas.iter().find(|a| &a.code == code).expect("commune");
            AreaRef {
                id: AreaId(area.id),
                code: code.clone(),
                lineage: vec![AreaId(province), AreaId(area.id)],
            }
        })
        .collect();
    Ok(Org {
        communes,
        names,
        lead: UnitRef {
            id: UnitId(lead),
            code: "UBND-BN".into(),
            kind: UnitKind::PeopleCommittee,
            serves: vec![AreaId(province)],
            active: true,
        },
        reporters,
        actors: BenchActors {
            reporter_unit: front,
            officer: (officer, board),
            liaison: (liaison, lead),
            leader: (leader, committee),
        },
    })
}

/// One case filed at `at`, in a random commune, category and state.
fn generate(rng: &mut StdRng, org: &Org, code: String, at: chrono::DateTime<Utc>) -> BenchCase {
    let commune = rng.random_range(0..org.communes.len());
    let (category, _) = bench_text::ISSUES.choose(rng).expect("issues");
    let (title, description) = bench_text::text(rng, category, &org.names[commune]);
    let mut roll = rng.random_range(0..100);
    let state = STATES
        .iter()
        .find(|(_, share)| {
            if roll < *share {
                true
            } else {
                roll -= share;
                false
            }
        })
        .map_or(CaseState::Reported, |(s, _)| *s);
    let accepted = !matches!(
        state,
        CaseState::Reported | CaseState::NeedsInfo | CaseState::Dismissed
    );
    let rule = |label: &str| DeadlineRule::parse(label).unwrap_or(DeadlineRule::Override);
    let due = |days: i64, label: &str| Deadline {
        at: at + Duration::days(days),
        rule: rule(label),
    };
    let sensitivity = match (accepted, rng.random_range(0..100)) {
        (true, 0..3) => Sensitivity::Sensitive,
        (true, 3..10) => Sensitivity::Complex,
        _ => Sensitivity::Normal,
    };
    let case = Case {
        id: CaseId(0),
        code,
        title,
        description,
        area: org.communes[commune].clone(),
        category: (*category).to_owned(),
        source: *[
            Source::Collaborator,
            Source::Press,
            Source::SocialMedia,
            Source::Petition,
        ]
        .choose(rng)
        .expect("sources"),
        sensitivity,
        priority: if accepted {
            *[Priority::Normal, Priority::High, Priority::Urgent]
                .choose(rng)
                .expect("priorities")
        } else {
            Priority::Normal
        },
        hotspot_risk: None,
        people_affected: Some(rng.random_range(3..=400)),
        reporter: UserId(*org.reporters.choose(rng).expect("reporters")),
        lead_unit: accepted.then(|| org.lead.clone()),
        coordinating_units: Vec::new(),
        state,
        escalated_from: (state == CaseState::Escalated).then_some(CaseState::Assigned),
        result_published: state == CaseState::Closed,
        merged_into: None,
        trial_date: None,
        verdict_date: None,
        triage_due: Some(due(2, "2wd@2026-official")),
        answer_due: accepted.then(|| due(16, "10wd@2026-official")),
        resolution_due: accepted.then(|| due(46, "30wd@2026-official")),
        // Set by the store from the timeline it writes.
        version: 1,
        created_at: at,
        updated_at: at,
    };
    BenchCase {
        case,
        actors: org.actors,
    }
}
