//! A case's page (SPEC §6.3): its facts and deadlines, its timeline, and
//! exactly the forms of the actions `workflow::allowed_actions` gives the
//! visitor now, with the inputs of §3.3; while it waits for triage,
//! similar open cases to merge into. A posted action goes through the
//! store's `act_once` like the API's; a refusal shows the page again with
//! the rule's message next to the field and the input kept.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;
use store::attachments::{ATTACHMENT_ADDED, Blobs, Upload};
use store::idempotency::{CaseAnswer, CaseOnce};
use store::{Files, StoreError, StoredEvent};
use workflow::{
    ActionKind, Actor, Audience, Case, CaseState, Choices, InputField, Lang, ReporterState, Widget,
};

use super::badge::state_class;
use super::command::{FormField, Input, command, form_fields};
use super::directory::{CaseCard, DeadlineLine, Directory, deadline_label};
use super::documents::{Document, FILE};
use super::error::{PageError, encode};
use super::form::Fields;
use super::form_files::FormWithFiles;
use super::layout::{Layout, form_key, local_time};
use super::opinions::{self, OpinionRow};
use super::report::{Opt, megabytes, valid_key};
use super::session::Visitor;
use crate::idempotency::request_hash;
use crate::{AppError, AppState};
use catalogue::Tr;

/// How many merge suggestions are shown.
const SIMILAR: usize = 5;

/// The routes of this module.
/// The posts carry files: the form reader enforces the limits of each
/// file and of the whole request itself, so the framework's default body
/// limit is off for them.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/cases/{code}", get(show))
        .route(
            "/cases/{code}/act",
            post(act).layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/cases/{code}/attachments",
            post(attach).layer(DefaultBodyLimit::disable()),
        )
}

/// The failure's "action" when the documents form failed.
const ATTACH: &str = "attach";

/// One form of an allowed action.
struct ActionForm {
    code: &'static str,
    label: &'static str,
    /// The words of its button.
    submit: &'static str,
    key: String,
    fields: Vec<FormField>,
    /// The action takes documents: the form sends files.
    files: bool,
}

/// One entry of the timeline.
struct EventLine {
    at: String,
    action: &'static str,
    change: Option<String>,
    /// "Nguyễn Văn A (UBND xã X)".
    author: String,
    lines: Vec<(String, String)>,
    /// The document it issued (a conclusion's notice), for the case's
    /// internal readers.
    document: Option<IssuedLink>,
}

/// A numbered document issued by an event, and where to download it.
struct IssuedLink {
    /// "Thông báo kết luận số 3-TB/TTTU-NB".
    number: String,
    href: String,
}

/// A failed action: which form, the message, the field at fault, and
/// what was typed.
struct Failure {
    action: String,
    message: String,
    field: Option<String>,
    kept: Fields,
    stale: bool,
}

/// The case page.
#[derive(Template, WebTemplate)]
#[template(path = "case.html")]
struct CasePage {
    l: Layout,
    code: String,
    title: String,
    description: String,
    state: &'static str,
    /// The CSS class of the state's badge.
    state_class: &'static str,
    facts: Vec<(&'static str, String)>,
    deadlines: Vec<DeadlineLine>,
    overdue: bool,
    version: i64,
    events: Vec<EventLine>,
    forms: Vec<ActionForm>,
    documents: Vec<Document>,
    /// The orientation notices with each recipient's status (§12).
    orientations: Vec<super::orientation_panel::NoticeLine>,
    /// The visitor may add files (`workflow::check_attachment`).
    may_attach: bool,
    /// The size limit of one file, in MB.
    max_mb: String,
    similar: Vec<CaseCard>,
    /// The last escalation's opinions, side by side, while the case
    /// waits for the leader's conclusion.
    opinions: Vec<OpinionRow>,
    merge_key: String,
    /// The case's meetings, for readers of its internal record (SPEC §11).
    meetings: Option<Vec<super::case_meetings::MeetingLine>>,
    done: Option<&'static str>,
    failure: Option<Failure>,
    /// The board's question the reporter is to answer, shown above the
    /// supplement form.
    open_question: Option<String>,
    /// The opinion report the case was filed from, for a visitor who may
    /// read that report: its link and "Từ báo cáo dư luận xã hội của …".
    origin: Option<(String, String)>,
}

impl CasePage {
    /// The message for `field` of `action`'s form, if it failed there.
    fn err(&self, action: &str, field: &str) -> Option<&str> {
        self.failure
            .as_ref()
            .filter(|f| f.action == action && f.field.as_deref() == Some(field))
            .map(|f| f.message.as_str())
    }

    /// What was typed into `name` of `action`'s form before it failed.
    fn kept(&self, action: &str, name: &str) -> &str {
        self.failure
            .as_ref()
            .filter(|f| f.action == action)
            .map_or("", |f| f.kept.get(name))
    }

    /// What was typed into row `row` (from 1) of the repeated field
    /// `name` of `action`'s form before it failed.
    fn kept_row(&self, action: &str, name: &str, row: &usize) -> &str {
        self.failure
            .as_ref()
            .filter(|f| f.action == action)
            .and_then(|f| f.kept.rows(name).get(row.wrapping_sub(1)).copied())
            .unwrap_or("")
    }

    /// The unit chosen in row `row` of the opinions field `name`
    /// (posted as `{name}_unit`) before the form failed.
    fn kept_unit_row(&self, action: &str, name: &str, row: &usize) -> &str {
        self.kept_row(action, &format!("{name}_unit"), row)
    }

    /// Whether `value` was checked or selected in `name` of `action`'s form.
    fn kept_has(&self, action: &str, name: &str, value: &str) -> bool {
        self.failure
            .as_ref()
            .filter(|f| f.action == action)
            .is_some_and(|f| f.kept.all(name).iter().any(|v| v == value))
    }

    /// Whether `action`'s form is the one that failed (shown open).
    fn failed(&self, action: &str) -> bool {
        self.failure.as_ref().is_some_and(|f| f.action == action)
    }

    /// The open question, above the form of `action` if that answers it.
    fn question_for(&self, action: &str) -> Option<&str> {
        (action == ActionKind::Supplement.code())
            .then_some(self.open_question.as_deref())
            .flatten()
    }

    /// Whether `action`'s form is shown open: it failed, or it answers
    /// the open question.
    fn open(&self, action: &str) -> bool {
        self.failed(action) || self.question_for(action).is_some()
    }
}

/// `?done=accept` after an action, `?added=2` after an upload.
#[derive(Debug, Deserialize)]
struct Done {
    done: Option<String>,
    added: Option<u32>,
}

async fn show(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(code): Path<String>,
    Query(done): Query<Done>,
) -> Result<CasePage, PageError> {
    let added = done.added.map(|_| Tr(visitor.lang).files_added());
    let done = done
        .done
        .as_deref()
        .and_then(ActionKind::from_code)
        .map(|a| a.done(visitor.lang))
        .or(added);
    page(&state, &visitor, &code, done, None).await
}

async fn act(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(code): Path<String>,
    form: FormWithFiles,
) -> Result<Response, PageError> {
    let (fields, uploads) = form.checked(&visitor)?;
    let action = fields.get("action").to_owned();
    let acted = match uploads {
        Ok(uploads) => act_once(&state, &visitor, &code, &fields, uploads).await,
        Err(err) => Err(err),
    };
    match acted {
        Ok(at) => Ok(
            Redirect::to(&format!("/cases/{}?done={}", encode(&at), encode(&action)))
                .into_response(),
        ),
        Err(err) => refused_form(&state, &visitor, &code, action, fields, err).await,
    }
}

/// Adds the posted files to the case (the documents form), in one
/// transaction, through the store call the API's upload uses.
async fn attach(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(code): Path<String>,
    form: FormWithFiles,
) -> Result<Response, PageError> {
    let (fields, uploads) = form.checked(&visitor)?;
    let added = match uploads {
        Err(err) => Err(err),
        Ok(uploads) if uploads.is_empty() => Err(AppError::Invalid {
            field: FILE.to_owned(),
            detail: crate::error::Detail::Missing,
        }),
        Ok(uploads) => {
            let blobs = Blobs::new(&state.config.data_dir);
            state
                .store
                .add_attachments(visitor.identity.user, &code, uploads, &blobs, Utc::now())
                .await
                .map_err(AppError::from)
        }
    };
    match added {
        Ok(stored) => Ok(Redirect::to(&format!(
            "/cases/{}?added={}#documents",
            encode(&code),
            stored.len()
        ))
        .into_response()),
        Err(err) => refused_form(&state, &visitor, &code, ATTACH.to_owned(), fields, err).await,
    }
}

/// The case page again after a refused form, with the message beside the
/// field at fault (a refused file beside the file input) and the input
/// kept; a missing case, a lost session or a server error is an error page.
async fn refused_form(
    state: &AppState,
    visitor: &Visitor,
    code: &str,
    action: String,
    fields: Fields,
    err: AppError,
) -> Result<Response, PageError> {
    let (status, message, field) = err.shown(visitor.lang);
    if status.is_server_error()
        || status == StatusCode::UNAUTHORIZED
        || status == StatusCode::NOT_FOUND
    {
        return Err(err.into());
    }
    let field = field.or_else(|| matches!(err, AppError::TooLarge { .. }).then(|| FILE.to_owned()));
    let failure = Failure {
        stale: matches!(err, AppError::Store(StoreError::VersionConflict { .. })),
        action,
        message,
        field,
        kept: fields,
    };
    let page = page(state, visitor, code, None, Some(failure)).await?;
    Ok((status, page).into_response())
}

/// Carries out the posted action once per form key; answers the code of
/// the case to show next.
async fn act_once(
    state: &AppState,
    visitor: &Visitor,
    code: &str,
    fields: &Fields,
    uploads: Vec<Upload>,
) -> Result<String, AppError> {
    let tz = state.policy.calendar.time_zone();
    let action = ActionKind::from_code(fields.get("action")).ok_or_else(|| AppError::Invalid {
        field: "action".to_owned(),
        detail: crate::error::Detail::Invalid,
    })?;
    let version = fields
        .get("version")
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::Invalid {
            field: "version".to_owned(),
            detail: crate::error::Detail::WrongType(crate::error::Expected::Integer),
        })?;
    let input = command(action, fields, tz)?;
    let path = format!("/cases/{code}/act");
    let hash = request_hash(&Method::POST, &path, &fields.raw);
    let render = |_: &Actor, case: &Case| case.code.clone();
    let once = valid_key(fields.get("key")).map(|key| CaseOnce {
        key,
        request_hash: &hash,
        status: StatusCode::SEE_OTHER.as_u16(),
        render: std::sync::Arc::new(render),
    });
    let blobs = Blobs::new(&state.config.data_dir);
    let files = Files {
        uploads,
        blobs: Some(&blobs),
    };
    let answer = state
        .store
        .act_with_files(
            visitor.identity.asker(),
            code,
            version,
            input,
            files,
            Utc::now(),
            &state.policy,
            once.as_ref(),
        )
        .await?;
    Ok(match answer {
        CaseAnswer::Done { case, .. } => case.code,
        CaseAnswer::Replay { body, .. } => body,
    })
}

async fn page(
    state: &AppState,
    visitor: &Visitor,
    code: &str,
    done: Option<&'static str>,
    failure: Option<Failure>,
) -> Result<CasePage, PageError> {
    let now = Utc::now();
    let tz = state.policy.calendar.time_zone();
    let lang = visitor.lang;
    let t = Tr(lang);
    let user = visitor.identity.user;
    let (actor, case) = state
        .store
        .open_case(visitor.identity.asker(), code, now)
        .await
        .map_err(AppError::from)?;
    let events = state
        .store
        .case_events(user, &case.code, now)
        .await
        .map_err(AppError::from)?;
    let attachments = state
        .store
        .attachments_of(user, &case.code, now)
        .await
        .map_err(AppError::from)?;
    let dir = Directory::load(&state.store, user, lang, now).await?;
    let reader = workflow::reader(&actor, &case);
    let meetings = match reader {
        Audience::Internal => {
            Some(super::case_meetings::meeting_lines(&state.store, case.id.0, &dir, t, tz).await?)
        }
        Audience::Reporter => None,
    };
    let allowed = workflow::allowed_actions(&actor, &case);
    let may_attach = workflow::check_attachment(&actor, &case).is_ok();
    let similar = if allowed.contains(&ActionKind::Merge) {
        state
            .store
            .similar_open_cases(user, &case, SIMILAR, now)
            .await
            .map_err(AppError::from)?
            .iter()
            .map(|c| CaseCard::new(c, &actor, &dir, t, now, tz))
            .collect()
    } else {
        Vec::new()
    };
    // The conclusion notices' numbers, for the internal readers only, as
    // their download links.
    let numbers = if reader == Audience::Internal {
        let concluded: Vec<i64> = (events.iter())
            .filter(|e| e.action == ActionKind::Conclude.code())
            .map(|e| e.id)
            .collect();
        (state.store.conclusion_numbers(&concluded).await).map_err(AppError::from)?
    } else {
        Default::default()
    };
    // A reporter does not read them (§10): the store would answer 404.
    let orientations = if reader == Audience::Internal {
        let notices = state
            .store
            .orientations_of(user, &case.code, now, tz)
            .await
            .map_err(AppError::from)?;
        super::orientation_panel::lines(&notices, t, tz)
    } else {
        Vec::new()
    };
    // The rules judge the choice again when it is posted.
    let units = dir.unit_choices(&case.area);
    let recipients = dir.recipient_choices();
    let options = |choices: Choices| -> Vec<Opt> {
        if let Some(list) = choices.fixed(lang) {
            return list
                .into_iter()
                .map(|(code, label)| opt(code, label))
                .collect();
        }
        match choices {
            Choices::LeadUnit => units.lead.iter().map(|u| opt(&u.code, &u.label)).collect(),
            Choices::Coordinating => (units.coordinating.iter())
                .map(|u| opt(&u.code, &u.label))
                .collect(),
            Choices::Unit => units
                .serving
                .iter()
                .map(|u| opt(&u.code, &u.label))
                .collect(),
            Choices::Recipient => recipients.iter().map(|u| opt(&u.code, &u.label)).collect(),
            Choices::Meeting => (meetings.iter().flatten())
                .filter(|m| m.awaiting_record)
                .map(|m| opt(&m.id.to_string(), &format!("{} — {}", m.heading, m.when)))
                .collect(),
            // Filing's own choices: no action on a case asks for them.
            _ => Vec::new(),
        }
    };
    let open_question = allowed
        .contains(&ActionKind::Supplement)
        .then(|| latest_question(&events))
        .flatten();
    let origin = super::opinion_report_page::origin_of(state, user, case.id.0, lang, tz).await?;
    Ok(CasePage {
        origin,
        l: Layout::new(visitor, &case.title, "", &format!("/cases/{}", case.code)),
        facts: facts(&case, reader, &dir, t, published_text(&events)),
        deadlines: deadlines(&case, reader, t, now, tz),
        overdue: reader == Audience::Internal && case.overdue(now),
        events: events
            .iter()
            .map(|e| EventLine {
                at: local_time(e.at, tz),
                action: ActionKind::from_code(&e.action)
                    .map_or_else(|| event_label(&e.action, t), |a| a.label(lang)),
                change: change(e, reader, lang),
                author: author(e),
                lines: payload_lines(&e.action, &e.payload, &dir, t, tz),
                document: numbers.get(&e.id).map(|number| IssuedLink {
                    number: t.conclusion_notice_number(number),
                    href: format!("/api/v1/conclusions/{}/document", e.id),
                }),
            })
            .collect(),
        forms: allowed
            .iter()
            .map(|a| ActionForm {
                code: a.code(),
                label: a.label(lang),
                submit: a.submit_label(lang),
                key: form_key(),
                fields: form_fields(*a, lang, options),
                files: a.files_field().is_some() && may_attach,
            })
            .collect(),
        documents: attachments
            .into_iter()
            .map(|a| Document::new(a, &case.code, &events, lang, tz))
            .collect(),
        orientations,
        may_attach,
        max_mb: megabytes(state.config.max_attachment_bytes),
        similar,
        opinions: if case.state == CaseState::Escalated && reader == Audience::Internal {
            opinions::latest(&events, &dir)
        } else {
            Vec::new()
        },
        merge_key: form_key(),
        meetings,
        code: case.code,
        title: case.title,
        description: case.description,
        state: match reader {
            Audience::Internal => case.state.label(lang),
            Audience::Reporter => case.state.for_reporter().label(lang),
        },
        state_class: state_class(match reader {
            Audience::Internal => case.state.group(),
            Audience::Reporter => case.state.for_reporter().group(),
        }),
        version: case.version,
        done,
        failure,
        open_question,
    })
}

/// The question of the latest request for information among `events`
/// (the entries the reader may read, as the store gives them).
fn latest_question(events: &[StoredEvent]) -> Option<String> {
    events
        .iter()
        .rev()
        .find(|e| e.action == ActionKind::RequestInfo.code())
        .and_then(|e| e.payload.get(InputField::Question.name())?.as_str())
        .map(str::to_owned)
}

/// The state change of a timeline entry, labelled in the reader's terms
/// (the store gives a reader outside the internal audience the codes of
/// `ReporterState`, SPEC §10); none when the state stayed.
fn change(e: &StoredEvent, reader: Audience, lang: Lang) -> Option<String> {
    let label = |code: &str| match reader {
        Audience::Internal => CaseState::from_code(code).map(|s| s.label(lang)),
        Audience::Reporter => ReporterState::from_code(code).map(|s| s.label(lang)),
    };
    let to = label(&e.to)?;
    match &e.from {
        Some(from) if *from != e.to => Some(format!("{} → {to}", label(from).unwrap_or(""))),
        Some(_) => None,
        None => Some(to.to_owned()),
    }
}

/// Who acted, with the unit they acted for: "Nguyễn Văn A (UBND xã X)".
fn author(e: &StoredEvent) -> String {
    match (e.actor_name.is_empty(), e.unit_name.is_empty()) {
        (false, false) => format!("{} ({})", e.actor_name, e.unit_name),
        (false, true) => e.actor_name.clone(),
        (true, _) => e.unit_name.clone(),
    }
}

/// The label of a timeline entry that is no action of §3.3.
fn event_label(code: &str, t: Tr) -> &'static str {
    match code {
        ATTACHMENT_ADDED => t.event_attachment_added(),
        _ => "",
    }
}

fn opt(code: &str, label: &str) -> Opt {
    Opt {
        code: code.to_owned(),
        label: label.to_owned(),
    }
}

/// The text of the last result published on the case, as told to the
/// public.
fn published_text(events: &[store::StoredEvent]) -> Option<&str> {
    events
        .iter()
        .rev()
        .find(|e| e.action == ActionKind::PublishResult.code())
        .and_then(|e| e.payload.get("text"))
        .and_then(|v| v.as_str())
}

/// The facts of the case a reader of `reader` may read, labelled: the
/// board's assessment, the coordinating units and the trial date are
/// internal (SPEC §10). The outcome is the published text itself.
fn facts(
    case: &Case,
    reader: Audience,
    dir: &Directory,
    t: Tr,
    published: Option<&str>,
) -> Vec<(&'static str, String)> {
    let lang = t.0;
    let internal = reader == Audience::Internal;
    let mut facts = vec![
        (t.code(), case.code.clone()),
        (t.field_area(), dir.area(&case.area.code)),
        (t.field_category(), dir.category(&case.category)),
        (t.field_source(), case.source.label(lang).to_owned()),
    ];
    if internal {
        facts.push((
            t.field_sensitivity(),
            case.sensitivity.label(lang).to_owned(),
        ));
        facts.push((t.field_priority(), case.priority.label(lang).to_owned()));
    }
    if let Some(risk) = case.hotspot_risk {
        facts.push((t.field_hotspot_risk(), risk.label(lang).to_owned()));
    }
    if let Some(n) = case.people_affected {
        facts.push((t.field_people_affected(), n.to_string()));
    }
    if let Some(lead) = &case.lead_unit {
        facts.push((t.lead_unit(), dir.unit(&lead.code)));
    }
    if internal && !case.coordinating_units.is_empty() {
        let names: Vec<String> = case
            .coordinating_units
            .iter()
            .map(|u| dir.unit(&u.code))
            .collect();
        facts.push((t.coordinating_units(), names.join(", ")));
    }
    if let Some(date) = case.trial_date.filter(|_| internal) {
        facts.push((t.trial_date(), workflow::day_label(date)));
    }
    if let Some(date) = case.verdict_date.filter(|_| internal) {
        facts.push((t.verdict_date(), workflow::day_label(date)));
    }
    if let Some(target) = case.merged_into {
        facts.push((t.merged_into(), format!("#{}", target.0)));
    }
    if matches!(case.state, CaseState::Resolved | CaseState::Closed) {
        let published = match published {
            Some(text) if case.result_published => text,
            _ if case.result_published => t.published(),
            _ => t.not_published(),
        };
        facts.push((t.outcome(), published.to_owned()));
    }
    facts
}

/// Every deadline set that the reader may read, the running ones marked
/// when passed.
fn deadlines(
    case: &Case,
    reader: Audience,
    t: Tr,
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
) -> Vec<DeadlineLine> {
    let running: Vec<_> = case
        .running_deadlines()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    workflow::deadlines_read(reader)
        .iter()
        .copied()
        .filter_map(|kind| {
            case.deadline(kind).map(|d| DeadlineLine {
                label: deadline_label(kind, t),
                at: local_time(d.at, tz),
                overdue: running.contains(&kind) && d.is_passed(now),
            })
        })
        .collect()
}

/// An event's input as labelled lines, in the order of the action's form
/// (`ActionKind::form`); codes shown by their names, times in the zone.
fn payload_lines(
    action: &str,
    payload: &Value,
    dir: &Directory,
    t: Tr,
    tz: chrono_tz::Tz,
) -> Vec<(String, String)> {
    let lang = t.0;
    let Some(kind) = ActionKind::from_code(action) else {
        // An added file is the one entry that is no action of §3.3.
        return match payload.get("file_name") {
            Some(Value::String(name)) if action == ATTACHMENT_ADDED => {
                vec![(t.file_name().to_owned(), name.clone())]
            }
            _ => Vec::new(),
        };
    };
    let found = kind.found().iter().filter_map(|&field| {
        // A fact the rules found is shown either way: a meeting held
        // without the board says so.
        let text = match payload.get(field.name())? {
            Value::Bool(false) => t.board_absent().to_owned(),
            value => shown(field, value, dir, t, tz)?,
        };
        Some((field.recorded_label(lang).to_owned(), text))
    });
    kind.form()
        .iter()
        .filter_map(|&field| {
            let value = payload.get(field.name())?;
            let text = shown(field, value, dir, t, tz)?;
            Some((field.recorded_label(lang).to_owned(), text))
        })
        .chain(found)
        .collect()
}

/// A recorded value as a person reads it; `None` when nothing was given.
fn shown(
    field: InputField,
    value: &Value,
    dir: &Directory,
    t: Tr,
    tz: chrono_tz::Tz,
) -> Option<String> {
    let lang = t.0;
    if let Widget::Opinions(_) = field.widget() {
        return opinions::one_line(value, dir);
    }
    let name = |code: &str| -> String {
        match field.widget() {
            Widget::Pick(choices) | Widget::OptPick(choices) | Widget::Checks(choices) => {
                match choices {
                    Choices::LeadUnit
                    | Choices::Coordinating
                    | Choices::Unit
                    | Choices::Recipient => dir.unit(code),
                    Choices::Area => dir.area(code),
                    Choices::Category => dir.category(code),
                    Choices::Meeting => code
                        .parse::<i64>()
                        .map_or_else(|_| code.to_owned(), |n| t.meeting_number(n)),
                    fixed => fixed
                        .label_of(code, lang)
                        .flatten()
                        .map_or_else(|| code.to_owned(), str::to_owned),
                }
            }
            Widget::Time | Widget::OptTime => DateTime::parse_from_rfc3339(code)
                .map_or(code.to_owned(), |at| local_time(at.with_timezone(&Utc), tz)),
            // A trial or verdict date reads 20/01/2027, as officials write it.
            Widget::Date => code
                .parse::<chrono::NaiveDate>()
                .map_or_else(|_| code.to_owned(), workflow::day_label),
            _ => code.to_owned(),
        }
    };
    match value {
        Value::Null | Value::Bool(false) => None,
        Value::Bool(true) => Some(t.yes().to_owned()),
        Value::Array(items) if items.is_empty() => None,
        Value::Array(items) => Some(
            items
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), name))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Value::String(s) => Some(name(s)),
        other => Some(other.to_string()),
    }
}
