//! The files of attachments on disk, content-addressed under
//! `<data>/attachments/ab/cd/<sha256>`: the same content is kept once.
//! An upload is written to a temporary file in the same directory tree,
//! fsync'd, then renamed into place (and the directory fsync'd) before the
//! database row is committed, so an acknowledged upload survives a crash.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use sha2::{Digest, Sha256};
use tokio::fs::{self, File};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::StoreError;

/// How much of the beginning of a file is kept in memory for sniffing.
const HEAD_BYTES: usize = 64 * 1024;

/// The attachment directory, `<data>/attachments`.
#[derive(Debug, Clone)]
pub struct Blobs {
    root: PathBuf,
}

impl Blobs {
    /// The attachment directory under the data directory `data_dir`.
    pub fn new(data_dir: &Path) -> Blobs {
        Blobs {
            root: data_dir.join("attachments"),
        }
    }

    /// Where the content with this hash lives.
    pub fn path_of(&self, sha256: &str) -> PathBuf {
        let (a, b) = (&sha256[..2], &sha256[2..4]);
        self.root.join(a).join(b).join(sha256)
    }

    /// Starts writing an upload into a new temporary file.
    pub async fn begin(&self) -> Result<BlobWriter, StoreError> {
        let dir = self.root.join("tmp");
        fs::create_dir_all(&dir)
            .await
            .map_err(|e| io("mkdir", &dir, e))?;
        let path = dir.join(format!("{:016x}.part", rand::random::<u64>()));
        let file = File::create_new(&path)
            .await
            .map_err(|e| io("create", &path, e))?;
        Ok(BlobWriter {
            file: Some(file),
            temp: TempPath(Some(path)),
            hasher: Sha256::new(),
            size: 0,
            head: Vec::new(),
        })
    }

    /// Opens the stored content with this hash for reading.
    pub async fn open(&self, sha256: &str) -> Result<File, StoreError> {
        let path = self.path_of(sha256);
        File::open(&path).await.map_err(|e| io("open", &path, e))
    }
}

/// A file found under the attachment directory.
#[derive(Debug, Clone)]
pub(crate) struct OnDisk {
    /// Where it is.
    pub path: PathBuf,
    /// The content's hash for a stored file, `None` for a temporary one.
    pub sha256: Option<String>,
}

impl Blobs {
    /// The stored and temporary files last written before `before`.
    pub(crate) async fn files_written_before(
        &self,
        before: SystemTime,
    ) -> Result<Vec<OnDisk>, StoreError> {
        let mut found = Vec::new();
        for first in entries(&self.root).await? {
            let name = file_name(&first);
            if name == "tmp" {
                for temp in entries(&first).await? {
                    if written_before(&temp, before).await {
                        found.push(OnDisk {
                            path: temp,
                            sha256: None,
                        });
                    }
                }
                continue;
            }
            if !is_hex(&name, 2) {
                continue;
            }
            for second in entries(&first).await? {
                if !is_hex(&file_name(&second), 2) {
                    continue;
                }
                for file in entries(&second).await? {
                    let sha = file_name(&file);
                    if is_hex(&sha, 64) && written_before(&file, before).await {
                        found.push(OnDisk {
                            path: file,
                            sha256: Some(sha),
                        });
                    }
                }
            }
        }
        Ok(found)
    }
}

/// The entries of a directory (none if it does not exist yet).
async fn entries(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let mut list = match fs::read_dir(dir).await {
        Ok(list) => list,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(io("list", dir, err)),
    };
    let mut paths = Vec::new();
    while let Some(entry) = list.next_entry().await.map_err(|e| io("list", dir, e))? {
        paths.push(entry.path());
    }
    Ok(paths)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn is_hex(name: &str, len: usize) -> bool {
    name.len() == len && name.bytes().all(|b| b.is_ascii_hexdigit())
}

async fn written_before(path: &Path, before: SystemTime) -> bool {
    fs::metadata(path)
        .await
        .and_then(|m| m.modified())
        .is_ok_and(|at| at < before)
}

/// An upload being written. Dropped before [`BlobWriter::finish`], its
/// temporary file is removed.
#[derive(Debug)]
pub struct BlobWriter {
    file: Option<File>,
    temp: TempPath,
    hasher: Sha256,
    size: u64,
    head: Vec<u8>,
}

impl BlobWriter {
    /// Appends `bytes`.
    pub async fn write(&mut self, bytes: &[u8]) -> Result<(), StoreError> {
        let file = self.file.as_mut().expect("open until finish");
        file.write_all(bytes)
            .await
            .map_err(|e| io("write", self.temp.path(), e))?;
        self.hasher.update(bytes);
        self.size += bytes.len() as u64;
        let room = HEAD_BYTES.saturating_sub(self.head.len());
        self.head.extend_from_slice(&bytes[..room.min(bytes.len())]);
        Ok(())
    }

    /// Bytes written so far.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Flushes and fsyncs the file: the content is on disk, not yet in place.
    pub async fn finish(mut self) -> Result<Blob, StoreError> {
        let mut file = self.file.take().expect("open until finish");
        file.flush()
            .await
            .map_err(|e| io("flush", self.temp.path(), e))?;
        file.sync_all()
            .await
            .map_err(|e| io("fsync", self.temp.path(), e))?;
        drop(file);
        Ok(Blob {
            sha256: hex::encode(self.hasher.finalize_reset()),
            size: self.size,
            head: std::mem::take(&mut self.head),
            temp: self.temp.take(),
        })
    }
}

/// A complete upload on disk in its temporary file. Dropped without
/// [`Blob::keep`], the temporary file is removed: nothing is stored.
#[derive(Debug)]
pub struct Blob {
    /// Hex SHA-256 of the content.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    head: Vec<u8>,
    temp: TempPath,
}

impl Blob {
    /// The first bytes of the content (up to 64 KiB).
    pub fn head(&self) -> &[u8] {
        &self.head
    }

    /// The whole content, for a format whose signature is not in the head
    /// (an old Office file's directory may be anywhere in it).
    pub async fn read_all(&self) -> Result<Vec<u8>, StoreError> {
        let mut bytes = Vec::with_capacity(self.size as usize);
        File::open(self.temp.path())
            .await
            .map_err(|e| io("open", self.temp.path(), e))?
            .read_to_end(&mut bytes)
            .await
            .map_err(|e| io("read", self.temp.path(), e))?;
        Ok(bytes)
    }

    /// Moves the content into its place under `blobs` and makes the rename
    /// durable. Content already there (the same file uploaded before) is
    /// kept as it is and the temporary file removed.
    pub(crate) async fn keep(mut self, blobs: &Blobs) -> Result<(), StoreError> {
        let target = blobs.path_of(&self.sha256);
        let dir = target.parent().expect("ab/cd/hash").to_owned();
        fs::create_dir_all(&dir)
            .await
            .map_err(|e| io("mkdir", &dir, e))?;
        if fs::try_exists(&target).await.unwrap_or(false) {
            // The same content again: it is new to the orphan sweep, which
            // must not remove it before this upload's row commits.
            touch(&target)?;
            return Ok(()); // `self.temp` is removed on drop.
        }
        let temp = self.temp.take();
        let from = temp.path().to_owned();
        fs::rename(&from, &target)
            .await
            .map_err(|e| io("rename", &from, e))?;
        temp.forget();
        // The rename is durable only once the directory entry is.
        File::open(&dir)
            .await
            .map_err(|e| io("open", &dir, e))?
            .sync_all()
            .await
            .map_err(|e| io("fsync", &dir, e))
    }
}

/// Sets the file's modification time to now.
fn touch(path: &Path) -> Result<(), StoreError> {
    std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .and_then(|f| f.set_modified(SystemTime::now()))
        .map_err(|e| io("touch", path, e))
}

/// A temporary file removed when dropped, unless forgotten.
#[derive(Debug)]
struct TempPath(Option<PathBuf>);

impl TempPath {
    fn path(&self) -> &Path {
        self.0.as_deref().expect("a path until forgotten")
    }

    fn take(&mut self) -> TempPath {
        TempPath(self.0.take())
    }

    fn forget(mut self) {
        self.0 = None;
    }
}

impl Drop for TempPath {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            // Blocking, but a single unlink; an async drop does not exist.
            let _ = std::fs::remove_file(path);
        }
    }
}

fn io(what: &str, path: &Path, err: std::io::Error) -> StoreError {
    StoreError::Io(format!("{what} {}: {err}", path.display()))
}
