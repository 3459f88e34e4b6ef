//! Password hashes (argon2id) and API tokens (random, stored as SHA-256).
//!
//! argon2 costs tens of milliseconds of CPU and 19 MiB per password, on
//! purpose: every hash and verification goes through [`argon2`], which runs
//! it on tokio's blocking threads, a few at a time, so that sign-ins and
//! password changes can neither stall the async workers that answer every
//! other request nor take all the cores and memory between them.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand::RngCore;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

use crate::StoreError;

/// How many argon2 computations run at once: half the cores (at least
/// one), so that the other half stays free for the async workers.
static HASHING: LazyLock<Semaphore> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    Semaphore::new((cores / 2).max(1))
});

/// Runs `work` (an argon2 computation) on a blocking thread once one of
/// the [`HASHING`] permits is free. The one way this crate runs argon2.
async fn argon2<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, StoreError> {
    let _permit = HASHING
        .acquire()
        .await
        .map_err(|e| StoreError::Io(format!("argon2: {e}")))?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| StoreError::Io(format!("argon2: {e}")))
}

/// Hashes a password with argon2id and a random salt, off the async
/// workers. Whether a password is acceptable is
/// `workflow::check_new_password`'s rule, asked before.
pub async fn hash_password(password: &str) -> Result<String, StoreError> {
    let password = password.to_owned();
    argon2(move || hash_now(&password)).await?
}

/// Whether `password` matches a stored hash, checked off the async
/// workers; a malformed hash never matches.
pub async fn verify_password(password: &str, hash: &str) -> Result<bool, StoreError> {
    let (password, hash) = (password.to_owned(), hash.to_owned());
    argon2(move || verify_now(&password, &hash)).await
}

fn hash_now(password: &str) -> Result<String, StoreError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| StoreError::Io(format!("argon2: {e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Io(format!("argon2: {e}")))
}

fn verify_now(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A new API token: `nc_` and 32 random bytes in hex. Shown once.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("nc_{}", hex::encode(bytes))
}

/// What is stored of a token: its SHA-256 in hex. A token is random and
/// long, so a fast hash is enough and a lookup stays cheap.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_password_verifies_against_its_own_hash_only() {
        let hash = hash_password("mật khẩu đủ dài").await.unwrap();
        assert!(verify_password("mật khẩu đủ dài", &hash).await.unwrap());
        assert!(!verify_password("mật khẩu khác", &hash).await.unwrap());
    }

    #[test]
    fn tokens_differ_and_hash_to_64_hex_digits() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(token_hash(&a).len(), 64);
    }
}
