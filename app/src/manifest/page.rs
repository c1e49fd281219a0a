//! `/manifest`: the whole manifest, the signing box and the public signatures.

use super::{
    model::{ManifestDoc, Pillar, PublicSignature},
    sign_box::{SignBox, SignState, SignTexts},
};
use crate::ui::page_data::{loaded, PageData};
use crate::ui::title::PageTitle;
use crate::{
    error::AppError,
    i18n::{current_lang, t, t_args, Lang},
};
use leptos::prelude::*;
use leptos_meta::Meta;

/// Public signatures per page.
pub const PAGE_SIZE: i64 = 20;

/// Everything the page shows, loaded in one go on the server.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ManifestView {
    /// The reactions under the manifest.
    pub reactions: crate::discussion::section::SectionData,
    /// The newest version.
    pub doc: ManifestDoc,
    /// State for the signing box.
    pub sign: SignState,
    /// This page of public signatures.
    pub signatures: Vec<PublicSignature>,
    /// Cursor for the next page, if there is one.
    pub next: Option<String>,
}

/// Reads a `na=<signed_at>-<id>` cursor.
pub fn parse_cursor(value: &str) -> Option<(i64, i64)> {
    let (at, id) = value.split_once('-')?;
    Some((at.parse().ok()?, id.parse().ok()?))
}

async fn load() -> Result<ManifestView, AppError> {
    #[cfg(feature = "ssr")]
    {
        use super::{
            api::{SignManifest, WithdrawSignature},
            service,
        };
        use crate::ui::form::{query_param, refused};
        use server_fn::ServerFn;
        let db = crate::state::use_db()?;
        let doc = service::current(&db).await?;
        let viewer = crate::accounts::viewer();
        let own = service::own_signature(&db, viewer.as_ref()).await?;
        let before = query_param("na").and_then(|c| parse_cursor(&c));
        let (signatures, next) = service::signatures(&db, before, PAGE_SIZE).await?;
        let error = refused(SignManifest::PATH).or_else(|| refused(WithdrawSignature::PATH));
        let sign = SignState {
            counts: service::counts(&db).await?,
            own,
            logged_in: viewer.is_some(),
            roles: crate::accounts::role_options(),
            default_role: viewer
                .map(|v| v.role.as_str().to_owned())
                .unwrap_or_else(|| "bewoner".into()),
            error: error.map(|refused| refused.error),
        };
        Ok(ManifestView {
            reactions: crate::discussion::section::load("manifest").await?,
            doc,
            sign,
            signatures,
            next,
        })
    }
    #[cfg(not(feature = "ssr"))]
    Err(AppError::NotFound(String::new()))
}

fn sign_texts() -> SignTexts {
    SignTexts {
        heading: t("sign-heading"),
        intro: t("sign-intro"),
        count_one: t("sign-count-one"),
        count_many: t("sign-count-many"),
        role: t("sign-role"),
        organisation: t("sign-organisation"),
        motivation: t("sign-motivation"),
        optional: t("field-optional"),
        public: t("sign-public"),
        submit: t("sign-submit"),
        thanks: t("sign-thanks"),
        withdraw: t("sign-withdraw"),
        login_first: t("sign-login-first"),
        login: t("nav-log-in"),
        register: t("nav-register"),
        busy: t("sign-busy"),
        failed: t("sign-failed"),
    }
}

/// The manifest page.
#[component]
pub fn ManifestPage() -> impl IntoView {
    let data = PageData::new(load());
    view! {
        {loaded(data, move |view| view! { <ManifestBody view/> })}
    }
}

#[component]
fn ManifestBody(view: ManifestView) -> impl IntoView {
    let english = current_lang() == Lang::En;
    let doc = view.doc;
    let title = if english {
        doc.title_en.clone()
    } else {
        doc.title_nl.clone()
    };
    let intro = if english {
        doc.intro_en.clone()
    } else {
        doc.intro_nl.clone()
    };
    let description = t("manifest-description");
    view! {
        <PageTitle text=format!("{title} · Wijkplein")/>
        <Meta name="description" content=description.clone()/>
        <Meta property="og:title" content=title.clone()/>
        <Meta property="og:description" content=description/>
        <Meta property="og:type" content="article"/>
        <Meta property="og:site_name" content="Wijkplein"/>
        <Meta property="og:locale" content=if english { "en_GB" } else { "nl_NL" }/>
        <article class="manifest">
            <header class="manifest__header">
                <p class="eyebrow">{t("manifest-eyebrow")}</p>
                <h1>{title}</h1>
                <p class="credit">{t_args("manifest-source", &[("source", doc.source.clone())])}</p>
                // The sign box is far down a long page on a phone.
                <p><a class="button button--secondary" href="#tekenen">{t("manifest-jump-to-sign")}</a></p>
            </header>
            <div class="manifest__intro">
                {intro.split("\n\n").map(|p| p.trim().to_owned()).filter(|p| !p.is_empty())
                    .map(|p| view! { <p>{p}</p> }).collect_view()}
            </div>
            <nav class="toc" aria-label=t("manifest-toc")>
                <ol>
                    {doc.pillars.iter().map(|p| {
                        let label = if english { p.title_en.clone() } else { p.quote.clone() };
                        view! { <li><a href=format!("#{}", p.slug)>{label}</a></li> }
                    }).collect_view()}
                </ol>
            </nav>
            {doc.pillars.into_iter().enumerate().map(|(i, p)| view! { <PillarSection number=i + 1 pillar=p english/> }).collect_view()}
        </article>
        {view! { <SignBox state=view.sign texts=sign_texts()/> }}
        <SignatureList signatures=view.signatures next=view.next/>
        <crate::discussion::section::ReactionSection data=view.reactions subject="manifest".to_owned() here="/manifest".to_owned()/>
    }
}

#[component]
fn PillarSection(number: usize, pillar: Pillar, english: bool) -> impl IntoView {
    let heading_id = format!("{}-titel", pillar.slug);
    let labelled_by = heading_id.clone();
    view! {
        <section class="pillar" id=pillar.slug.clone() aria-labelledby=labelled_by>
            <p class="pillar__number">{t_args("manifest-pillar-number", &[("number", number.to_string())])}</p>
            <h2 id=heading_id lang="nl">{pillar.quote.clone()}</h2>
            {english.then(|| view! { <p class="translation">{pillar.title_en.clone()}</p> })}
            <p>{if english { pillar.explain_en.clone() } else { pillar.explain_nl.clone() }}</p>
            <ul class="principle-list">
                {pillar.principles.into_iter().map(|pr| view! {
                    <li class="principle card" id=pr.slug.clone()>
                        <h3 lang="nl">{pr.quote.clone()}</h3>
                        {english.then(|| view! { <p class="translation">{pr.title_en.clone()}</p> })}
                        <p>{if english { pr.explain_en.clone() } else { pr.explain_nl.clone() }}</p>
                        // The name says which principle, in one piece: a hidden
                        // span would be read with a stray space before its colon.
                        <a class="principle__link" href=format!("/manifest/principes/{}", pr.slug)
                            aria-label=format!("{}: {}", t("manifest-principle-open"), pr.quote)>
                            {t("manifest-principle-open")}
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn SignatureList(signatures: Vec<PublicSignature>, next: Option<String>) -> impl IntoView {
    let empty = signatures.is_empty();
    view! {
        <section class="section signatures" aria-labelledby="ondertekenaars-titel">
            <h2 id="ondertekenaars-titel">{t("signatures-heading")}</h2>
            {empty.then(|| view! { <p class="empty">{t("signatures-empty")}</p> })}
            <ul class="signature-list">
                {signatures.into_iter().map(|s| view! {
                    <li class="signature">
                        <span class="signature__name">{s.name}</span>" "
                        <span class="tag">{t(&s.role.label_key())}</span>
                        {(!s.organisation.is_empty()).then(|| view! { <span class="signature__org">{s.organisation}</span> })}
                        {(!s.motivation.is_empty()).then(|| view! { <p class="signature__why">{s.motivation}</p> })}
                    </li>
                }).collect_view()}
            </ul>
            {next.map(|cursor| view! {
                <a class="button button--secondary" href=format!("/manifest?na={cursor}#ondertekenaars-titel")>{t("signatures-more")}</a>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::parse_cursor;

    #[test]
    fn cursors_parse_or_are_ignored() {
        assert_eq!(parse_cursor("1700000000-42"), Some((1_700_000_000, 42)));
        assert_eq!(parse_cursor("x-1"), None);
        assert_eq!(parse_cursor("17"), None);
    }
}
