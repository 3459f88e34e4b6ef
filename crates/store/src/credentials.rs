//! Password hashes (argon2id) and API tokens (random, stored as SHA-256).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::StoreError;

/// Hashes a password with argon2id and a random salt. Whether a password
/// is acceptable is `workflow::check_new_password`'s rule, asked before.
pub fn hash_password(password: &str) -> Result<String, StoreError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| StoreError::Io(format!("argon2: {e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Io(format!("argon2: {e}")))
}

/// Whether `password` matches a stored hash; a malformed hash never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
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

    #[test]
    fn a_password_verifies_against_its_own_hash_only() {
        let hash = hash_password("mật khẩu đủ dài").unwrap();
        assert!(verify_password("mật khẩu đủ dài", &hash));
        assert!(!verify_password("mật khẩu khác", &hash));
    }

    #[test]
    fn tokens_differ_and_hash_to_64_hex_digits() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(token_hash(&a).len(), 64);
    }
}
