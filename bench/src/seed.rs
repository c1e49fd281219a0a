//! The national data set: people, resident groups with members, plans with
//! principles, support and a first phase, threaded reactions, and signatures
//! of the manifest, with the skew of real use (a few very busy groups and
//! plans, many quiet ones), deterministic for a given scale.
//!
//! Two plans are fixed so pages can be compared across data sets: one with
//! exactly 200 reactions and one with exactly 5,000 (see [`Scale`]).

use crate::{
    batch::{continue_ids, flush_all, Batch, V},
    words,
};
use app::db::{Backend, Db};
use fastrand::Rng;
use sqlx::AnyConnection;
use std::error::Error;

#[cfg(test)]
mod database_tests;
mod plans;

/// How big the data set is.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// Accounts that take part (join groups, write plans and reactions).
    pub people: i64,
    pub groups: i64,
    pub plans: i64,
    pub reactions: i64,
    /// Signatures of the manifest. One account signs once, so accounts
    /// beyond `people` are made for the signers who do nothing else.
    pub signatures: i64,
}

/// Reactions of the two fixed plans; the same at every scale.
pub const BUSY: [i64; 2] = [200, 5_000];

/// Every generated account's password, for the write benchmark's logins.
pub const PASSWORD: &str = "bench-buurt-wachtwoord-2026";

impl Scale {
    /// The size of the issue: a whole country taking part.
    pub const NATIONAL: Scale = Scale {
        people: 100_000,
        groups: 10_000,
        plans: 100_000,
        reactions: 1_000_000,
        signatures: 200_000,
    };

    /// This scale divided by `by` (for the flatness comparison); the two
    /// fixed plans keep their reactions.
    pub fn divided(self, by: i64) -> Scale {
        let by = by.max(1);
        Scale {
            people: (self.people / by).max(2_000),
            groups: (self.groups / by).max(10),
            plans: (self.plans / by).max(10),
            reactions: (self.reactions / by).max(BUSY[0] + BUSY[1]),
            signatures: (self.signatures / by).max(10),
        }
    }

    /// The plan with exactly `BUSY[i]` reactions.
    pub fn busy_plan(self, i: usize) -> i64 {
        self.plans / 2 + i as i64
    }

    /// Accounts in all: the people plus the signers who only sign.
    pub fn accounts(self) -> i64 {
        self.people.max(self.signatures)
    }
}

/// Fills an empty, migrated database (manifest loaded) and builds the search
/// index. Refuses a database that already has people in it.
pub async fn seed(db: &Db, scale: Scale) -> Result<(), Box<dyn Error>> {
    let people: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&db.pool)
        .await?;
    if people > 0 {
        return Err("the database has accounts already; seed an empty one".into());
    }
    let mut rng = Rng::with_seed(2026);
    let start = std::time::Instant::now();
    let now = app::db::now();
    let mut tx = db.write_tx().await?;
    accounts(&mut tx, db.backend, scale, &mut rng, now).await?;
    report("accounts", scale.accounts(), start);
    let members = groups(&mut tx, db.backend, scale, &mut rng, now).await?;
    report("groups and members", members, start);
    tx.commit().await?;
    let mut tx = db.write_tx().await?;
    let written = plans::plans(&mut tx, db.backend, scale, &mut rng, now).await?;
    report("plans, reactions, support", written, start);
    tx.commit().await?;
    let mut tx = db.write_tx().await?;
    signatures(&mut tx, db.backend, scale, &mut rng, now).await?;
    report("signatures", scale.signatures, start);
    for table in ["users", "groups", "plans", "reactions", "signatures"] {
        continue_ids(&mut tx, db.backend, table).await?;
    }
    tx.commit().await?;
    app::search::rebuild::build_if_empty(db).await?;
    report("search index", scale.plans + scale.reactions, start);
    sqlx::query("ANALYZE").execute(&db.pool).await?;
    Ok(())
}

fn report(what: &str, rows: i64, start: std::time::Instant) {
    eprintln!(
        "[seed] {what}: {rows} rows, {:.1} s since the start",
        start.elapsed().as_secs_f64()
    );
}

const ROLES: [&str; 6] = [
    "bewoner",
    "ambtenaar",
    "opbouwwerker",
    "woningcorporatie",
    "politicus",
    "anders",
];

/// The role of a generated person: mostly residents.
fn role(rng: &mut Rng) -> &'static str {
    match rng.u32(..100) {
        0..=69 => ROLES[0],
        70..=79 => ROLES[1],
        80..=87 => ROLES[2],
        88..=93 => ROLES[3],
        94..=96 => ROLES[4],
        _ => ROLES[5],
    }
}

async fn accounts(
    conn: &mut AnyConnection,
    backend: Backend,
    scale: Scale,
    rng: &mut Rng,
    now: i64,
) -> Result<(), Box<dyn Error>> {
    // One real Argon2 hash for all: hashing each would take hours, and
    // logging in must still do the real work.
    let hash = app::accounts::password::hash(PASSWORD).map_err(|e| e.to_string())?;
    let mut users = Batch::new(
        backend,
        "users",
        &[
            "id",
            "email",
            "display_name",
            "password_hash",
            "role",
            "neighbourhood",
            "municipality",
            "created_at",
        ],
    );
    for id in 1..=scale.accounts() {
        let mut full = false;
        let town = &words::TOWNS[rng.usize(..words::TOWNS.len())];
        full |= users.push(vec![
            V::I(id),
            V::T(format!("mens{id}@bench.wijkplein.nl")),
            V::T(words::person(rng)),
            V::T(hash.clone()),
            V::T(role(rng).to_owned()),
            V::T(town.neighbourhoods[rng.usize(..4)].to_owned()),
            V::T(town.name.to_owned()),
            V::I(now - 3 * YEAR + id),
        ]);
        if full {
            users.flush(conn).await?;
        }
    }
    users.flush(conn).await?;
    Ok(())
}

const YEAR: i64 = 365 * 24 * 3600;

/// A skewed pick of `0..n`: low numbers far more often (a uniform number to
/// the power 2.5), like the few busy groups and plans of real use.
fn skewed(rng: &mut Rng, n: i64) -> i64 {
    ((rng.f64().powf(2.5) * n as f64) as i64).min(n - 1)
}

/// Members of group `g` (0-based): a few large groups, most small.
fn member_count(g: i64, people: i64) -> i64 {
    (3 + 3_000 / (g + 1)).min(people)
}

/// The `k`-th member of group `g`: distinct for each `k` below `people`
/// (the step is a prime that does not divide the count).
fn member(g: i64, k: i64, people: i64) -> i64 {
    (g * 7_919 + k * 104_729) % people + 1
}

async fn groups(
    conn: &mut AnyConnection,
    backend: Backend,
    scale: Scale,
    rng: &mut Rng,
    now: i64,
) -> Result<i64, Box<dyn Error>> {
    let mut groups = Batch::new(
        backend,
        "groups",
        &[
            "id",
            "slug",
            "name",
            "neighbourhood",
            "municipality",
            "postcodes",
            "description",
            "membership_mode",
            "search_text",
            "sort_key",
            "member_count",
            "created_by",
            "created_at",
            "updated_at",
        ],
    );
    let mut postcodes = Batch::new(backend, "group_postcodes", &["group_id", "postcode"]);
    let mut members = Batch::new(
        backend,
        "group_members",
        &["group_id", "user_id", "role", "joined_at"],
    );
    const KINDS: [&str; 6] = [
        "Bewoners van",
        "Buurtgroep",
        "Samen voor",
        "Groen in",
        "Huurders",
        "Wijkteam",
    ];
    for g in 0..scale.groups {
        let mut full = false;
        let id = g + 1;
        let town = &words::TOWNS[rng.usize(..words::TOWNS.len())];
        let hood = town.neighbourhoods[rng.usize(..4)];
        let name = format!("{} {hood} {id}", KINDS[rng.usize(..KINDS.len())]);
        let postcode = (town.postcode + rng.u32(..80)).to_string();
        let count = member_count(g, scale.people);
        let created = now - 2 * YEAR + g * 60;
        full |= groups.push(vec![
            V::I(id),
            V::T(format!("{}-{id}", words::slug(hood))),
            V::T(name.clone()),
            V::T(hood.to_owned()),
            V::T(town.name.to_owned()),
            V::T(postcode.clone()),
            V::T(words::text(rng, 2)),
            V::T(if g % 4 == 0 { "request" } else { "open" }.to_owned()),
            V::T(app::search::text::fold(&format!(
                "{name} {hood} {}",
                town.name
            ))),
            V::T(name.to_lowercase()),
            V::I(count),
            V::I(member(g, 0, scale.people)),
            V::I(created),
            V::I(created),
        ]);
        full |= postcodes.push(vec![V::I(id), V::T(postcode)]);
        for k in 0..count {
            let role = if k == 0 { "coordinator" } else { "member" };
            full |= members.push(vec![
                V::I(id),
                V::I(member(g, k, scale.people)),
                V::T(role.to_owned()),
                V::I(created + k),
            ]);
        }
        if full {
            flush_all(conn, &mut [&mut groups, &mut postcodes, &mut members]).await?;
        }
    }
    flush_all(conn, &mut [&mut groups, &mut postcodes, &mut members]).await?;
    Ok(members.written as i64)
}

async fn signatures(
    conn: &mut AnyConnection,
    backend: Backend,
    scale: Scale,
    rng: &mut Rng,
    now: i64,
) -> Result<(), Box<dyn Error>> {
    let version: i64 = sqlx::query_scalar("SELECT MAX(id) FROM manifest_versions")
        .fetch_one(&mut *conn)
        .await?;
    // PostgreSQL's counting trigger updates one row per role for every
    // signature; inside one transaction those versions pile up (200,000
    // signatures took 200 s). Counted once at the end instead.
    if backend == Backend::Postgres {
        sqlx::query("ALTER TABLE signatures DISABLE TRIGGER signatures_counted")
            .execute(&mut *conn)
            .await?;
    }
    let mut signatures = Batch::new(
        backend,
        "signatures",
        &[
            "id",
            "user_id",
            "version_id",
            "role",
            "motivation",
            "is_public",
            "created_at",
        ],
    );
    for id in 1..=scale.signatures {
        let mut full = false;
        let motivation = if rng.u32(..10) == 0 {
            words::text(rng, 1)
        } else {
            String::new()
        };
        full |= signatures.push(vec![
            V::I(id),
            V::I(id),
            V::I(version),
            V::T(role(rng).to_owned()),
            V::T(motivation),
            V::I(i64::from(rng.u32(..10) < 7)),
            V::I(now - YEAR + id * (YEAR / scale.signatures.max(1))),
        ]);
        if full {
            signatures.flush(conn).await?;
        }
    }
    signatures.flush(conn).await?;
    if backend == Backend::Postgres {
        for sql in [
            "DELETE FROM signature_counts",
            "INSERT INTO signature_counts (role, signed) SELECT role, COUNT(*) FROM signatures GROUP BY role",
            "ALTER TABLE signatures ENABLE TRIGGER signatures_counted",
        ] {
            sqlx::query(sql).execute(&mut *conn).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixed_plans_have_exactly_their_reactions_and_the_total_adds_up() {
        for scale in [Scale::NATIONAL, Scale::NATIONAL.divided(100)] {
            let counts = plans::reactions_per_plan(scale, &mut Rng::with_seed(1));
            assert_eq!(counts.iter().sum::<i64>(), scale.reactions);
            assert_eq!(counts[(scale.busy_plan(0) - 1) as usize], 200);
            assert_eq!(counts[(scale.busy_plan(1) - 1) as usize], 5_000);
        }
    }

    #[test]
    fn a_few_plans_are_busy_and_most_are_quiet() {
        let scale = Scale::NATIONAL;
        let mut counts = plans::reactions_per_plan(scale, &mut Rng::with_seed(1));
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let top_hundredth: i64 = counts[..1_000].iter().sum();
        assert!(top_hundredth > scale.reactions / 8, "{top_hundredth}");
        let median = counts[counts.len() / 2];
        assert!(median < 10, "{median}");
        assert!(counts[0] > 100 * median.max(1), "{}", counts[0]);
    }

    #[test]
    fn members_of_a_group_are_distinct() {
        let people = 100_000;
        let mut seen: Vec<i64> = (0..member_count(0, people))
            .map(|k| member(0, k, people))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len() as i64, member_count(0, people));
    }
}
