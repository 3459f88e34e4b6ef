//! The error answers every operation of a kind can give, added to the
//! document in one place instead of on every handler: they come from the
//! shared extractors and middleware (JSON body, query, path, sign-in,
//! CSRF), not from the handler. A handler's own description of a status
//! wins; this only fills what it left out.

use utoipa::Modify;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};

/// Adds the statuses of the shared extractors to every operation.
pub(crate) struct CommonErrors;

/// What an operation with a request body may also answer.
const BODY: [(&str, &str); 4] = [
    ("400", "The body is not well-formed"),
    ("413", "The body is larger than the limit"),
    ("415", "The body is not of the documented media type"),
    (
        "422",
        "A missing, unknown or invalid field (named in `field`)",
    ),
];
/// What an operation with query parameters may also answer.
const QUERY: [(&str, &str); 1] = [(
    "422",
    "An unknown query parameter or a bad value (named in `field`)",
)];
/// What an operation with path parameters may also answer.
const PATH: [(&str, &str); 2] = [
    ("400", "A path parameter of the wrong type"),
    ("404", "No such resource, or not visible to the caller"),
];
/// What an operation that needs a signed-in caller may also answer.
const SIGNED_IN: [(&str, &str); 2] = [
    ("401", "Not signed in, or the session or token expired"),
    (
        "403",
        "The caller may not do this, or a cookie-authenticated request without a valid `X-CSRF-Token`",
    ),
];

impl Modify for CommonErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.patch,
                &mut item.delete,
            ];
            for operation in operations.into_iter().flatten() {
                add_common(operation);
            }
        }
    }
}

fn add_common(operation: &mut Operation) {
    let mut statuses: Vec<(&str, &str)> = Vec::new();
    if operation.request_body.is_some() {
        statuses.extend(BODY);
    }
    let has_param_in = |place: ParameterIn| {
        operation.parameters.iter().flatten().any(|p| match p {
            RefOr::T(p) => p.parameter_in == place,
            RefOr::Ref(_) => false,
        })
    };
    if has_param_in(ParameterIn::Query) {
        statuses.extend(QUERY);
    }
    if has_param_in(ParameterIn::Path) {
        statuses.extend(PATH);
    }
    if operation.security.as_ref().is_some_and(|s| !s.is_empty()) {
        statuses.extend(SIGNED_IN);
    }
    for (status, description) in statuses {
        operation
            .responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| RefOr::T(error_response(description)));
    }
}

fn error_response(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build()
}

#[cfg(test)]
mod tests {
    use utoipa::OpenApi;

    use crate::openapi::ApiDoc;

    fn statuses(path: &str, method: &str) -> Vec<String> {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        let responses = &doc["paths"][path][method]["responses"];
        responses.as_object().unwrap().keys().cloned().collect()
    }

    #[test]
    fn a_json_body_operation_documents_the_body_errors() {
        let got = statuses("/api/v1/users", "post");
        for status in ["400", "401", "403", "413", "415", "422"] {
            assert!(got.iter().any(|s| s == status), "{status} in {got:?}");
        }
    }

    #[test]
    fn a_query_operation_documents_422_and_a_path_operation_404() {
        assert!(statuses("/api/v1/audit", "get").contains(&"422".to_owned()));
        let events = statuses("/api/v1/cases/{id}/events", "get");
        assert!(events.contains(&"404".to_owned()), "{events:?}");
        assert!(events.contains(&"400".to_owned()), "{events:?}");
    }
}
