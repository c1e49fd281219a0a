//! Types shared by server and pages.

use serde::{Deserialize, Serialize};

/// The manifest's audiences; a person picks one. Shown as a small label, never
/// as a bigger voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Role {
    /// Resident.
    #[default]
    Bewoner,
    /// Civil servant.
    Ambtenaar,
    /// Community worker.
    Opbouwwerker,
    /// Housing-corporation staff.
    Woningcorporatie,
    /// Politician or administrator.
    Politicus,
    /// Anything else.
    Anders,
}

impl Role {
    /// All roles, in the order forms show them.
    pub const ALL: [Role; 6] = [
        Role::Bewoner,
        Role::Ambtenaar,
        Role::Opbouwwerker,
        Role::Woningcorporatie,
        Role::Politicus,
        Role::Anders,
    ];

    /// The value stored in the database and sent by forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Bewoner => "bewoner",
            Role::Ambtenaar => "ambtenaar",
            Role::Opbouwwerker => "opbouwwerker",
            Role::Woningcorporatie => "woningcorporatie",
            Role::Politicus => "politicus",
            Role::Anders => "anders",
        }
    }

    /// Professionals working in a neighbourhood, who give account of their
    /// part in plans there (politicians answer elsewhere, in the council).
    pub fn is_professional(self) -> bool {
        matches!(
            self,
            Role::Ambtenaar | Role::Opbouwwerker | Role::Woningcorporatie
        )
    }

    /// Parses a stored or submitted value.
    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == value)
    }

    /// The translation key of the role's name.
    pub fn label_key(self) -> String {
        format!("role-{}", self.as_str())
    }
}

crate::stored_text!(Role, "profile role");

/// The person looking at a page, as far as pages and server functions need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Viewer {
    /// User id.
    pub id: i64,
    /// Name shown to others.
    pub display_name: String,
    /// Their role.
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub role: Role,
    /// Platform administrator.
    #[cfg_attr(feature = "ssr", sqlx(try_from = "crate::db::Flag"))]
    pub is_admin: bool,
    /// Unread notifications, for the header (as of this request).
    pub unread: i64,
}

/// Everything on the profile page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Profile {
    /// User id.
    pub id: i64,
    /// Login address (only ever shown to the person themselves).
    pub email: String,
    /// Name shown to others.
    pub display_name: String,
    /// Their role.
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub role: Role,
    /// Optional neighbourhood (wijk or buurt).
    pub neighbourhood: String,
    /// Optional municipality.
    pub municipality: String,
    /// For a professional role: the organisation and municipality a platform
    /// admin confirmed (`None`: self-described, giving no rights).
    #[cfg_attr(feature = "ssr", sqlx(skip))]
    pub confirmed: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_stored_value() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("koning"), None);
        assert_eq!(Role::parse(""), None);
    }
}
