//! Password hashing and strength, server only.

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};

/// Argon2id with OWASP's minimum recommended cost: 19 MiB memory, two
/// iterations, one lane. Raising these later is safe: old hashes carry their
/// own parameters and still verify.
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password into a PHC string. CPU-heavy: call it from a blocking task.
pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(hasher()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Checks a password against a stored hash; any malformed hash is a mismatch.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A fixed hash to verify against when the email is unknown, so that an
/// unknown address takes as long as a wrong password and reveals nothing.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash("wijkplein-no-such-user").unwrap_or_default())
}

/// Refuses passwords found in zxcvbn's lists of common passwords and words, or
/// ones that are mostly the person's own name or email (score below 2 of 4).
pub fn is_too_guessable(password: &str, user_inputs: &[&str]) -> bool {
    u8::from(zxcvbn::zxcvbn(password, user_inputs).score()) < 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_only_its_own_password() {
        let stored = hash("lange-wandeling-door-de-wijk").unwrap_or_default();
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert!(verify("lange-wandeling-door-de-wijk", &stored));
        assert!(!verify("lange-wandeling-door-de-wijK", &stored));
        assert!(!verify("anything", "not a phc string"));
    }

    #[test]
    fn common_passwords_are_refused() {
        for common in ["password", "12345678", "qwerty123", "welkom01", "iloveyou"] {
            assert!(is_too_guessable(common, &[]), "{common} should be refused");
        }
        assert!(is_too_guessable("anna@buurt.nl", &["anna@buurt.nl"]));
        assert!(!is_too_guessable("Fietsbel-Lindeboom-42", &[]));
    }
}
