//! The codes in links that prove a person reads an address's mail (password
//! reset, confirming a sign-up). Only a code's hash is stored, so a copy of
//! the database opens no account.

use sha2::{Digest, Sha256};

/// 32 random bytes as hex: unguessable, and safe in an address.
pub fn new_code() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// What is stored instead of the code (spaces a mail program added around
/// it do not matter).
pub fn code_hash(code: &str) -> String {
    hex::encode(Sha256::digest(code.trim().as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_long_unique_and_stored_only_as_a_hash() {
        let a = new_code();
        let b = new_code();
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_ne!(code_hash(&a), a);
        assert_eq!(code_hash(&a), code_hash(&format!(" {a}\n")));
        assert_ne!(code_hash(&a), code_hash(&b));
    }
}
