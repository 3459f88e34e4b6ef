//! The download of an attachment answers with the type sniffed at upload:
//! one of `workflow::ACCEPTED_TYPES`. The document lists them from that
//! table, so the two cannot drift apart.

use utoipa::Modify;
use utoipa::openapi::{ContentBuilder, RefOr};

/// Lists every accepted type as a content type of the download's 200.
pub(crate) struct AttachmentTypes;

/// The download operation's path in the document.
const DOWNLOAD: &str = "/api/v1/attachments/{id}";

impl Modify for AttachmentTypes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let Some(get) = openapi
            .paths
            .paths
            .get_mut(DOWNLOAD)
            .and_then(|item| item.get.as_mut())
        else {
            return;
        };
        let Some(RefOr::T(ok)) = get.responses.responses.get_mut("200") else {
            return;
        };
        let schema = ok.content.values().find_map(|c| match c {
            RefOr::T(c) => c.schema.clone(),
            RefOr::Ref(_) => None,
        });
        ok.content.clear();
        for (mime, _) in workflow::ACCEPTED_TYPES {
            ok.content.insert(
                (*mime).to_owned(),
                RefOr::T(ContentBuilder::new().schema(schema.clone()).build()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use utoipa::OpenApi;

    use crate::openapi::ApiDoc;

    #[test]
    fn the_download_lists_every_accepted_type() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        let content = &doc["paths"][super::DOWNLOAD]["get"]["responses"]["200"]["content"];
        for (mime, _) in workflow::ACCEPTED_TYPES {
            assert!(content.get(*mime).is_some(), "{mime}: {content}");
        }
    }
}

#[cfg(test)]
mod code_enums {
    use utoipa::OpenApi;

    use crate::openapi::ApiDoc;

    /// The code enums are documented with the codes the API speaks, not
    /// the Rust variant names.
    #[test]
    fn code_enums_list_their_codes() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        let schemas = &doc["components"]["schemas"];
        assert_eq!(
            schemas["Sensitivity"]["enum"],
            serde_json::json!(["normal", "complex", "sensitive"])
        );
        assert!(
            schemas["CaseState"]["enum"]
                .as_array()
                .unwrap()
                .contains(&serde_json::json!("needs_info"))
        );
    }
}
