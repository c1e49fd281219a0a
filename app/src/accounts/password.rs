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

/// Hashing runs at most once per processor core at a time on this server:
/// each Argon2 run takes 19 MiB, so a flood of logins or registrations waits
/// its turn instead of taking the server's memory (40 at once took 550 MB).
fn turns() -> &'static tokio::sync::Semaphore {
    static TURNS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    TURNS.get_or_init(|| tokio::sync::Semaphore::new(hashes_at_once()))
}

/// Runs `work` (a hash or a check) on a blocking thread when it is its turn.
async fn in_turn<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> crate::error::AppResult<T> {
    use crate::error::AppError;
    let _permit = turns().acquire().await.map_err(AppError::internal)?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(AppError::internal)
}

/// [`hash`], in turn with every other hash on this server.
pub async fn hash_in_turn(password: &str) -> crate::error::AppResult<String> {
    let plain = password.to_owned();
    in_turn(move || hash(&plain))
        .await?
        .map_err(crate::error::AppError::internal)
}

/// [`verify`], in turn with every other hash on this server.
pub async fn verify_in_turn(password: &str, stored: &str) -> crate::error::AppResult<bool> {
    let (plain, stored) = (password.to_owned(), stored.to_owned());
    in_turn(move || verify(&plain, &stored)).await
}

/// How many hashes may run at once here (one per core).
pub fn hashes_at_once() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// A fixed hash to verify against when the email is unknown, so that an
/// unknown address takes as long as a wrong password and reveals nothing.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash("wijkplein-no-such-user").unwrap_or_default())
}

/// Words that Dutch passwords are often made of, and words of this site:
/// zxcvbn knows English lists, so these are given to it as well.
const DUTCH_AND_SITE_WORDS: &[&str] = &[
    "welkom",
    "wachtwoord",
    "geheim",
    "hallo",
    "liefde",
    "schatje",
    "voetbal",
    "zomer",
    "winter",
    "lente",
    "herfst",
    "amsterdam",
    "rotterdam",
    "utrecht",
    "denhaag",
    "eindhoven",
    "groningen",
    "feyenoord",
    "ajax",
    "nederland",
    "holland",
    "oranje",
    "konijn",
    "poesje",
    "hondje",
    "wijkplein",
    "buurt",
    "wijk",
    "bewoner",
    "gemeente",
    "demo",
];

/// Refuses the password printed in the README for the demo accounts, and
/// passwords zxcvbn scores below 3 of 4: its lists of common passwords, the
/// Dutch and site words above, and the person's own name or e-mail address.
/// "Welkom2026" and "wijkplein123" fall below it; three loose words do not.
pub fn is_too_guessable(password: &str, user_inputs: &[&str]) -> bool {
    if password.trim() == crate::demo::DEMO_PASSWORD {
        return true;
    }
    let mut inputs: Vec<&str> = DUTCH_AND_SITE_WORDS.to_vec();
    inputs.extend_from_slice(user_inputs);
    u8::from(zxcvbn::zxcvbn(password, &inputs).score()) < 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_dutch_and_demo_passwords_are_refused() {
        for weak in [
            "Welkom2026",
            "wijkplein123",
            "buurt-demo-2026",
            "Wachtwoord1!",
            "Feyenoord2024",
            "anna@buurt.nl",
        ] {
            assert!(is_too_guessable(weak, &["anna@buurt.nl", "Anna"]), "{weak}");
        }
        for strong in [
            "Fietsbel-Lindeboom-42",
            "kastanje vlieger moestuin",
            "Ander-Wachtwoord-Lang-88",
            "Nieuw-Wachtwoord-Lang-77",
        ] {
            assert!(
                !is_too_guessable(strong, &["anna@buurt.nl", "Anna"]),
                "{strong}"
            );
        }
    }

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
