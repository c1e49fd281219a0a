//! Input rules for accounts that need no database: plain functions, unit-tested.
//! Each rule returns `(field, code)` pairs; the code is also the translation key
//! `error-<code>`.

use super::model::Role;

/// Shortest password accepted (the foundation issue asks for at least 8).
pub const PASSWORD_MIN: usize = 8;
/// Longest password accepted; Argon2 cost grows with length, so cap it.
pub const PASSWORD_MAX: usize = 128;
/// Limits for a display name, in characters.
pub const NAME_MIN: usize = 2;
/// See [`NAME_MIN`].
pub const NAME_MAX: usize = 60;
/// Limit for neighbourhood and municipality names.
pub const PLACE_MAX: usize = 80;

/// Lower-cases and trims an email address, so that one address is one account.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Whether `email` is an address we accept: a dot-atom local part (RFC 5322
/// `atext` characters, dots only between them) and a domain of letter, digit
/// and hyphen labels with a dot. The quoted local parts the RFC also allows
/// (`"><svg…>"@x.example`) are refused: no one needs them, and they carry
/// markup. (Mail libraries accept them, so this is checked here.)
pub fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
    let dot_atom = |part: &str| {
        !part.is_empty()
            && part
                .split('.')
                .all(|atom| !atom.is_empty() && atom.chars().all(atext))
    };
    let label = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    email.len() <= 254
        && local.len() <= 64
        && dot_atom(local)
        && domain.contains('.')
        && domain.split('.').all(label)
}

/// Checks a display name; returns the error code if it is not acceptable.
pub fn check_display_name(name: &str) -> Option<&'static str> {
    let len = name.trim().chars().count();
    if len < NAME_MIN {
        Some("name_too_short")
    } else if len > NAME_MAX {
        Some("name_too_long")
    } else if name.chars().any(char::is_control) {
        Some("name_invalid")
    } else {
        None
    }
}

/// Checks a password's length (commonness is checked on the server).
pub fn check_password_length(password: &str) -> Option<&'static str> {
    let len = password.chars().count();
    if len < PASSWORD_MIN {
        Some("password_too_short")
    } else if len > PASSWORD_MAX {
        Some("password_too_long")
    } else {
        None
    }
}

/// Checks an optional place name (neighbourhood or municipality).
pub fn check_place(value: &str) -> Option<&'static str> {
    if value.trim().chars().count() > PLACE_MAX || value.chars().any(char::is_control) {
        Some("place_invalid")
    } else {
        None
    }
}

/// All problems with a registration form at once, so a person fixes them in one go.
pub fn registration_problems(
    email: &str,
    display_name: &str,
    password: &str,
    role: &str,
) -> Vec<(&'static str, &'static str)> {
    let mut problems = Vec::new();
    if !is_plausible_email(&normalize_email(email)) {
        problems.push(("email", "email_invalid"));
    }
    if let Some(code) = check_display_name(display_name) {
        problems.push(("display_name", code));
    }
    if let Some(code) = check_password_length(password) {
        problems.push(("password", code));
    }
    if Role::parse(role).is_none() {
        problems.push(("role", "role_invalid"));
    }
    problems
}

/// All problems with a profile form.
pub fn profile_problems(
    display_name: &str,
    role: &str,
    neighbourhood: &str,
    municipality: &str,
) -> Vec<(&'static str, &'static str)> {
    let mut problems = Vec::new();
    if let Some(code) = check_display_name(display_name) {
        problems.push(("display_name", code));
    }
    if Role::parse(role).is_none() {
        problems.push(("role", "role_invalid"));
    }
    if let Some(code) = check_place(neighbourhood) {
        problems.push(("neighbourhood", code));
    }
    if let Some(code) = check_place(municipality) {
        problems.push(("municipality", code));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalized() {
        assert_eq!(normalize_email("  Anna@Buurt.NL "), "anna@buurt.nl");
    }

    #[test]
    fn plausible_emails() {
        assert!(is_plausible_email("anna@buurt.nl"));
        assert!(is_plausible_email("a.b+c@sub.gemeente.nl"));
        for bad in [
            "",
            "anna",
            "anna@",
            "@buurt.nl",
            "anna@buurt",
            "anna@@buurt.nl",
            "an na@buurt.nl",
            "anna@.nl",
            "anna@buurt.",
            "\"><svg onload=alert(1)>\"@x.example",
            "<b>@x.example",
            "anna..b@buurt.nl",
            ".anna@buurt.nl",
            "anna@-buurt.nl",
            "anna@buurt_noord.nl",
        ] {
            assert!(!is_plausible_email(bad), "{bad} should be refused");
        }
    }

    #[test]
    fn display_name_limits() {
        assert_eq!(check_display_name("A"), Some("name_too_short"));
        assert_eq!(check_display_name("  B "), Some("name_too_short"));
        assert_eq!(check_display_name("Bo"), None);
        assert_eq!(check_display_name(&"x".repeat(61)), Some("name_too_long"));
        assert_eq!(
            check_display_name(&"é".repeat(60)),
            None,
            "counts characters, not bytes"
        );
        assert_eq!(check_display_name("Anna\u{0}"), Some("name_invalid"));
    }

    #[test]
    fn password_length_limits() {
        assert_eq!(check_password_length("1234567"), Some("password_too_short"));
        assert_eq!(check_password_length("12345678"), None);
        assert_eq!(check_password_length(&"a".repeat(128)), None);
        assert_eq!(
            check_password_length(&"a".repeat(129)),
            Some("password_too_long")
        );
    }

    #[test]
    fn registration_reports_every_problem() {
        let problems = registration_problems("nope", "A", "short", "koning");
        assert_eq!(
            problems,
            vec![
                ("email", "email_invalid"),
                ("display_name", "name_too_short"),
                ("password", "password_too_short"),
                ("role", "role_invalid")
            ]
        );
        assert!(
            registration_problems("anna@buurt.nl", "Anna", "lange-wandeling", "bewoner").is_empty()
        );
    }

    #[test]
    fn profile_places_are_limited() {
        assert!(profile_problems("Anna", "bewoner", "", "").is_empty());
        assert_eq!(
            profile_problems("Anna", "bewoner", &"w".repeat(81), ""),
            vec![("neighbourhood", "place_invalid")]
        );
    }
}
