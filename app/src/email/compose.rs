//! The words of the mails, plain text in the reader's language. Every link is
//! absolute (`base` is the site's public address) and leads to the same page
//! as in the app.

use super::model::{GroupSection, PlanRef};
use crate::{
    i18n::{tr, tr_args, Lang},
    notifications::model::{sentence, Notification},
};
use std::fmt::Write;

/// A composed mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

/// Where people change what they get by e-mail.
pub const SETTINGS_PATH: &str = "/meldingen/instellingen";

fn footer(lang: Lang, base: &str) -> String {
    format!(
        "\n-- \n{}\n{base}{SETTINGS_PATH}\n",
        tr(lang, "email-footer")
    )
}

/// One notification, sent at once.
pub fn direct(lang: Lang, name: &str, n: &Notification, base: &str) -> Letter {
    let text = sentence(n, lang);
    let mut body = tr_args(lang, "email-greeting", &[("name", name.to_owned())]);
    let _ = write!(
        body,
        "\n\n{text}.\n\n{}\n{base}{}\n",
        tr(lang, "email-direct-open"),
        n.link
    );
    body.push_str(&footer(lang, base));
    Letter {
        subject: text,
        body,
    }
}

/// A password reset link (sent at once, only to the account's address).
pub fn password_reset(lang: Lang, name: &str, link: &str) -> Letter {
    let mut body = tr_args(lang, "email-greeting", &[("name", name.to_owned())]);
    let _ = write!(
        body,
        "\n\n{}\n\n{link}\n\n{}\n",
        tr(lang, "email-reset-body"),
        tr(lang, "email-reset-ignore")
    );
    Letter {
        subject: tr(lang, "email-reset-subject"),
        body,
    }
}

/// The link that turns a sign-up into an account (sent at once, only to the
/// address signed up with).
pub fn signup_confirm(lang: Lang, name: &str, link: &str) -> Letter {
    let mut body = tr_args(lang, "email-greeting", &[("name", name.to_owned())]);
    let _ = write!(
        body,
        "\n\n{}\n\n{link}\n\n{}\n",
        tr(lang, "email-signup-body"),
        tr(lang, "email-signup-ignore")
    );
    Letter {
        subject: tr(lang, "email-signup-subject"),
        body,
    }
}

/// To the owner of an address someone signed up with again: no second
/// account, and the ways into the first (`base` is the site's address).
pub fn already_registered(lang: Lang, name: &str, base: &str) -> Letter {
    let mut body = tr_args(lang, "email-greeting", &[("name", name.to_owned())]);
    let _ = write!(
        body,
        "\n\n{}\n{base}/inloggen\n\n{}\n{base}/wachtwoord-vergeten\n\n{}\n",
        tr(lang, "email-existing-body"),
        tr(lang, "email-existing-reset"),
        tr(lang, "email-existing-ignore")
    );
    Letter {
        subject: tr(lang, "email-existing-subject"),
        body,
    }
}

/// The daily digest: per group, then per plan, each item with its link.
pub fn digest(lang: Lang, name: &str, sections: &[GroupSection], base: &str) -> Letter {
    let count = sections
        .iter()
        .map(|s| s.about_group.len() + s.plans.iter().map(|(_, i)| i.len()).sum::<usize>())
        .sum::<usize>();
    let mut body = tr_args(lang, "email-greeting", &[("name", name.to_owned())]);
    let _ = write!(body, "\n\n{}\n", tr(lang, "email-digest-intro"));
    for section in sections {
        let heading = match &section.group {
            Some(g) => format!("{}\n{base}/groepen/{}", g.name, g.slug),
            None => tr(lang, "email-digest-outside-groups"),
        };
        let _ = write!(body, "\n\n== {heading}\n");
        items(&mut body, lang, &section.about_group, base);
        for (plan, list) in &section.plans {
            plan_heading(&mut body, plan, base);
            items(&mut body, lang, list, base);
        }
    }
    body.push_str(&footer(lang, base));
    Letter {
        subject: tr_args(
            lang,
            "email-digest-subject",
            &[("count", count.to_string())],
        ),
        body,
    }
}

fn plan_heading(body: &mut String, plan: &PlanRef, base: &str) {
    let _ = write!(body, "\n  {}\n  {base}/plannen/{}\n", plan.title, plan.id);
}

fn items(body: &mut String, lang: Lang, list: &[Notification], base: &str) {
    for n in list {
        let _ = write!(body, "\n  - {}\n    {base}{}\n", sentence(n, lang), n.link);
    }
}
