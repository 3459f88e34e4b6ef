//! The orphan-file sweep of the hourly clean-up: files under the
//! attachment directory that no row names (left by a transaction that
//! failed after moving its file into place) and temporary files of
//! interrupted uploads go once they are old; a file a row names, or one
//! written recently, stays.

use std::path::Path;
use std::time::{Duration, SystemTime};

use store::Files;
use store::attachments::{Blobs, Upload};

use testkit::case::{monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

/// A PNG signature and header followed by noise seeded by `seed`.
fn png(seed: u8) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0".to_vec();
    bytes.extend((0..4096u32).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)));
    bytes
}

async fn upload(blobs: &Blobs, name: &str, bytes: &[u8]) -> Upload {
    let mut writer = blobs.begin().await.expect("begin");
    writer.write(bytes).await.expect("write");
    Upload {
        file_name: name.to_owned(),
        blob: writer.finish().await.expect("finish"),
    }
}

fn age(path: &Path, by: Duration) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(SystemTime::now() - by))
        .expect("set the file's time");
}

async fn only_old_files_no_row_names_are_removed(db: TestDb) {
    let s = db.store();
    let org = org::build(s).await;
    let dir = tempfile::tempdir().expect("temporary directory");
    let blobs = Blobs::new(dir.path());
    let two_hours = Duration::from_secs(2 * 3600);

    // A report with its photo: the file is named by a row.
    let photo = png(1);
    let kept = upload(&blobs, "bo-ke.png", &photo).await;
    let kept_hash = kept.blob.sha256.clone();
    let files = Files {
        uploads: vec![kept],
        blobs: Some(&blobs),
    };
    s.file_case_with_files(
        org.reporter,
        report("Sạt lở"),
        files,
        monday(),
        &policy(),
        None,
    )
    .await
    .expect("filed");
    let named = blobs.path_of(&kept_hash);
    assert!(named.exists());

    // What a crash between the move into place and the commit leaves: a
    // content-addressed file with no row; and a cut-off upload's temporary
    // file. Both old, and one orphan written just now.
    let orphan = blobs.path_of(&"ab".repeat(32));
    let fresh = blobs.path_of(&"cd".repeat(32));
    let temp = dir.path().join("attachments/tmp/0123456789abcdef.part");
    for path in [&orphan, &fresh, &temp] {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, b"left behind").unwrap();
    }
    for path in [&named, &orphan, &temp] {
        age(path, two_hours);
    }

    let cut = SystemTime::now() - Duration::from_secs(3600);
    assert_eq!(s.sweep_orphan_files(&blobs, cut).await.expect("sweep"), 2);
    assert!(named.exists(), "a file a row names stays, however old");
    assert!(
        fresh.exists(),
        "a recent file may belong to a commit under way"
    );
    assert!(!orphan.exists());
    assert!(!temp.exists());

    // The same content uploaded again refreshes the file's time, so the
    // sweep cannot take it between the upload and its commit.
    age(&named, two_hours);
    let again = upload(&blobs, "ban-sao.png", &photo).await;
    let case = s
        .list_cases(
            org.reporter,
            &store::CaseFilter {
                limit: 1,
                ..Default::default()
            },
            monday(),
        )
        .await
        .expect("list")
        .cases
        .remove(0);
    s.add_attachments(org.reporter, &case.code, vec![again], &blobs, monday())
        .await
        .expect("added");
    let modified = std::fs::metadata(&named).unwrap().modified().unwrap();
    assert!(modified > cut, "the reused file's time was refreshed");

    // Nothing left to remove until the fresh orphan is old too.
    assert_eq!(s.sweep_orphan_files(&blobs, cut).await.unwrap(), 0);
    age(&fresh, two_hours);
    assert_eq!(s.sweep_orphan_files(&blobs, cut).await.unwrap(), 1);
    assert!(named.exists());
    assert!(!fresh.exists());
}
on_both_backends!(migrated: only_old_files_no_row_names_are_removed);
