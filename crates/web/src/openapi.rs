//! The OpenAPI 3.1 document of the API, generated from the handlers and
//! types with utoipa, served at `/api/v1/openapi.json`.

use axum::Json;
use axum::http::HeaderValue;
use axum::http::header::CONTENT_SECURITY_POLICY;
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

mod attachment_types;
mod common_errors;

use crate::routes::{self, ErrorBody, ErrorDetail, admin};
use crate::views::CaseView;
use attachment_types::AttachmentTypes;
use common_errors::CommonErrors;

/// The document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "noicom API",
        description = "Theo dõi vấn đề nổi cộm, Nhân dân quan tâm — the case workflow of SPEC §3 over HTTP. \
            Errors are `{\"error\": {\"code\", \"message\"}}`, in the language of `Accept-Language` (Vietnamese by default)."
    ),
    paths(
        routes::auth::login,
        routes::auth::logout,
        routes::auth::me,
        routes::auth::tokens,
        routes::auth::revoke,
        routes::cases::file,
        routes::cases::list,
        routes::cases::show,
        routes::cases::act,
        routes::cases::events,
        routes::orientations::list,
        routes::orientations::acknowledge,
        routes::documents::orientation,
        routes::documents::conclusion,
        routes::bulletin::bulletin,
        routes::meetings::list,
        routes::opinion_reports::file,
        routes::opinion_reports::list,
        routes::opinion_reports::show,
        routes::opinion_reports::case_from_item,
        routes::opinion_reports::trends,
        routes::alerts::list,
        routes::alerts::acknowledge,
        routes::attachments::upload,
        routes::attachments::list,
        routes::attachments::download,
        routes::attachments::thumbnail,
        routes::duties::list_duties,
        routes::duties::show_duty,
        routes::duties::request,
        routes::duties::download,
        routes::duties::submit,
        routes::duties::acknowledge,
        routes::duties::waive,
        admin::list_areas,
        admin::create_area,
        admin::update_area,
        admin::list_units,
        admin::create_unit,
        admin::update_unit,
        admin::list_users,
        admin::create_user,
        admin::update_user,
        admin::list_categories,
        admin::create_category,
        admin::update_category,
        admin::list_audit,
        routes::reports::summary,
        routes::reports::annual,
        routes::password::change,
        routes::password::admin_reset,
        routes::password::request_reset,
        routes::password::confirm_reset,
        admin::list_programmes,
        admin::create_programme,
        admin::show_programme,
        admin::list_schedules,
        admin::create_schedule,
        admin::update_schedule,
        admin::list_outbox,
        admin::retry_email,
        routes::collaborators::list_collaborators,
        routes::collaborators::show_collaborator,
        routes::collaborators::create_collaborator,
        routes::collaborators::update_collaborator,
    ),
    components(schemas(
        ErrorBody,
        ErrorDetail,
        CaseView,
        workflow::CaseState,
        routes::cases::FileBody,
        routes::cases::FileForm,
        routes::cases::ActionBody,
        routes::cases::CasePageView,
        routes::cases::EventView,
        store::orientations::OrientationNotice,
        store::orientations::OrientationRecipient,
        store::orientations::RecipientStatus,
        store::orientations::Acknowledgement,
        store::meetings::MeetingView,
        store::meetings::Invitation,
        workflow::OpinionReportInput,
        workflow::OpinionItemInput,
        workflow::Mood,
        workflow::OpinionReach,
        workflow::Source,
        routes::opinion_reports::OpinionReportPageView,
        store::opinion_reports::OpinionReportView,
        store::opinion_reports::OpinionItemView,
        store::opinion_reports::CaseLink,
        store::opinion_reports::Trends,
        store::opinion_reports::TrendBucket,
        store::opinion_reports::TrendStep,
        store::opinion_reports::MoodCounts,
        store::opinion_reports::ReachCounts,
        routes::alerts::AlertJson,
        routes::alerts::AlertAcknowledgeBody,
        routes::attachments::AttachmentView,
        routes::attachments::UploadForm,
        routes::duties::DutyView,
        routes::duties::DutyUserView,
        routes::duties::DutyPageView,
        routes::duties::SubmissionBody,
        routes::duties::SubmissionForm,
        routes::duties::DutyRequestBody,
        routes::duties::DutyFileView,
        routes::duties::AcknowledgeBody,
        routes::duties::WaiverBody,
        admin::AreaView,
        admin::NewAreaBody,
        admin::AreaChangeBody,
        admin::UnitView,
        admin::NewUnitBody,
        admin::UnitChangeBody,
        store::directory::FormerName,
        admin::UserView,
        admin::NewUserBody,
        admin::UserChangeBody,
        admin::CategoryView,
        admin::NewCategoryBody,
        admin::CategoryChangeBody,
        admin::AuditView,
        routes::password::ChangeBody,
        routes::password::PasswordChanged,
        routes::password::AdminResetBody,
        routes::password::ResetRequestBody,
        routes::password::ResetRequested,
        routes::password::ResetConfirmBody,
        store::reports::Summary,
        store::reports::AreaLabel,
        store::reports::Count,
        store::reports::TimeFigures,
        store::reports::DeadlineFigures,
        store::reports::UnitOverdue,
        store::reports::AgencyCompliance,
        store::reports::PeriodCompliance,
        store::reports::ComplianceCounts,
        admin::ProgrammeView,
        admin::ScheduleView,
        admin::NewProgrammeBody,
        admin::NewScheduleBody,
        admin::ScheduleChangeBody,
        admin::OutboxView,
        routes::collaborators::CollaboratorView,
        routes::collaborators::UserRef,
        routes::collaborators::NewCollaboratorBody,
        routes::collaborators::CollaboratorChangeBody,
    )),
    modifiers(&Security, &CommonErrors, &AttachmentTypes),
    tags(
        (name = "auth", description = "Đăng nhập, đăng xuất, mã truy cập"),
        (name = "cases", description = "Vụ việc: phản ánh, xử lý, tra cứu"),
        (name = "duties", description = "Nghĩa vụ cung cấp thông tin: cung cấp, tiếp nhận, miễn"),
        (name = "organisation", description = "Địa bàn, đơn vị, người dùng, lĩnh vực, nhật ký"),
        (name = "reports", description = "Báo cáo tổng hợp, báo cáo năm"),
        (name = "orientations", description = "Công văn định hướng thông tin: danh sách, xác nhận đã nhận"),
        (name = "opinion", description = "Mạng lưới cộng tác viên dư luận xã hội: danh sách, hồ sơ; báo cáo tình hình dư luận xã hội, xu hướng dư luận"),
        (name = "meetings", description = "Cuộc họp giải quyết vụ việc: thời gian, địa điểm, giấy mời từng đơn vị"),
        (name = "alerts", description = "Cảnh báo nguy cơ điểm nóng: danh sách, xác nhận đã nắm tình hình"),
    )
)]
pub(crate) struct ApiDoc;

/// The two ways to authenticate: a bearer token, or the session cookie
/// (with `X-CSRF-Token` on unsafe requests).
struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("noicom_session"))),
        );
    }
}

/// `GET /api/v1/openapi.json`.
pub(crate) async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// The Swagger UI page over the document at `/api/v1/docs/`: served from
/// the files vendored into the crate, nothing fetched from elsewhere. Its
/// scripts and styles are its own files, so its policy allows this site's
/// files (and the inline styles Swagger UI sets from its script) only.
pub(crate) fn docs<S: Clone + Send + Sync + 'static>() -> axum::Router<S> {
    let ui = utoipa_swagger_ui::SwaggerUi::new("/api/v1/docs")
        .config(utoipa_swagger_ui::Config::from("/api/v1/openapi.json"));
    axum::Router::from(ui).layer(SetResponseHeaderLayer::overriding(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(DOCS_POLICY),
    ))
}

/// The content security policy of the docs page.
const DOCS_POLICY: &str = "default-src 'self'; img-src 'self' data:; \
    style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
