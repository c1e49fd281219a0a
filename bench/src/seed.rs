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
    let written = plans(&mut tx, db.backend, scale, &mut rng, now).await?;
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

const PHASES: [&str; 7] = [
    "idee",
    "in_gesprek",
    "besloten",
    "in_uitvoering",
    "afgerond",
    "gepauzeerd",
    "gestopt",
];
const PRINCIPLES: [&str; 9] = [
    "waarderend-en-uitnodigend",
    "wat-goed-gaat",
    "gelijkwaardigheid",
    "wat-er-al-is",
    "lange-termijn",
    "betrouwbaarheid",
    "continuiteit",
    "ruimte-voor-beroepskrachten",
    "nieuwe-verantwoording",
];
const KINDS: [&str; 5] = ["herkenning", "aanvulling", "vraag", "zorg", "voorbeeld"];

/// Reactions per plan: the fixed busy plans exactly, the rest drawn with skew.
fn reactions_per_plan(scale: Scale, rng: &mut Rng) -> Vec<i64> {
    let mut counts = vec![0_i64; scale.plans as usize];
    let fixed = [scale.busy_plan(0), scale.busy_plan(1)];
    let mut left = scale.reactions - BUSY.iter().sum::<i64>();
    while left > 0 {
        let p = skewed(rng, scale.plans) + 1;
        if !fixed.contains(&p) {
            counts[(p - 1) as usize] += 1;
            left -= 1;
        }
    }
    for (i, id) in fixed.iter().enumerate() {
        counts[(id - 1) as usize] = BUSY[i];
    }
    counts
}

/// The table writers for plans and everything hanging from them.
struct PlanTables {
    plans: Batch,
    principles: Batch,
    phases: Batch,
    supports: Batch,
    reactions: Batch,
}

impl PlanTables {
    async fn flush(&mut self, conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
        flush_all(
            conn,
            &mut [
                &mut self.plans,
                &mut self.principles,
                &mut self.phases,
                &mut self.supports,
                &mut self.reactions,
            ],
        )
        .await
    }
}

async fn plans(
    conn: &mut AnyConnection,
    backend: Backend,
    scale: Scale,
    rng: &mut Rng,
    now: i64,
) -> Result<i64, Box<dyn Error>> {
    let mut t = PlanTables {
        plans: Batch::new(
            backend,
            "plans",
            &[
                "id",
                "group_id",
                "author_id",
                "title",
                "summary",
                "body_source",
                "body_html",
                "phase",
                "support_count",
                "reaction_count",
                "created_at",
                "updated_at",
                "last_activity_at",
            ],
        ),
        principles: Batch::new(backend, "plan_principles", &["plan_id", "principle"]),
        phases: Batch::new(
            backend,
            "plan_phase_changes",
            &["plan_id", "to_phase", "by_id", "at"],
        ),
        supports: Batch::new(backend, "plan_supports", &["plan_id", "user_id", "at"]),
        reactions: Batch::new(
            backend,
            "reactions",
            &[
                "id",
                "subject",
                "parent_id",
                "root_id",
                "depth",
                "kind",
                "source",
                "html",
                "user_id",
                "status",
                "created_at",
            ],
        ),
    };
    let counts = reactions_per_plan(scale, rng);
    let mut next_reaction = 1_i64;
    for id in 1..=scale.plans {
        let mut full = false;
        let reactions = counts[(id - 1) as usize];
        // The busy plans live in the busiest group; the rest spread with skew.
        let group = if scale.busy_plan(0) == id || scale.busy_plan(1) == id {
            0
        } else {
            skewed(rng, scale.groups)
        };
        let author = member(
            group,
            rng.i64(0..member_count(group, scale.people)),
            scale.people,
        );
        let created = now - 2 * YEAR + id * (YEAR / scale.plans.max(1));
        let supports = (reactions / 3).min(scale.people);
        let body = format!("{}\n\n{}", words::text(rng, 2), words::text(rng, 3));
        let html = body
            .split("\n\n")
            .map(|p| format!("<p>{p}</p>\n"))
            .collect::<String>();
        let phase = PHASES[skewed(rng, PHASES.len() as i64) as usize];
        let last = created + reactions * 600;
        full |= t.plans.push(vec![
            V::I(id),
            V::I(group + 1),
            V::I(author),
            V::T(words::plan_title(rng)),
            V::T(words::text(rng, 1)),
            V::T(body),
            V::T(html),
            V::T(phase.to_owned()),
            V::I(supports),
            V::I(reactions),
            V::I(created),
            V::I(created),
            V::I(last),
        ]);
        let first = rng.usize(..PRINCIPLES.len());
        for p in [
            first,
            (first + 1 + rng.usize(..PRINCIPLES.len() - 1)) % PRINCIPLES.len(),
        ] {
            full |= t
                .principles
                .push(vec![V::I(id), V::T(PRINCIPLES[p].to_owned())]);
        }
        full |= t.phases.push(vec![
            V::I(id),
            V::T(phase.to_owned()),
            V::I(author),
            V::I(created),
        ]);
        for k in 0..supports {
            full |= t.supports.push(vec![
                V::I(id),
                V::I(member(id, k, scale.people)),
                V::I(created + k),
            ]);
        }
        full |= thread(
            &mut t,
            scale,
            rng,
            id,
            reactions,
            &mut next_reaction,
            created,
        );
        if full {
            t.flush(conn).await?;
        }
    }
    t.flush(conn).await?;
    Ok((t.plans.written + t.reactions.written + t.supports.written) as i64)
}

/// One plan's discussion: about half top-level, the rest replies up to
/// three levels deep, each after the one it answers. Says whether a buffer
/// is full.
fn thread(
    t: &mut PlanTables,
    scale: Scale,
    rng: &mut Rng,
    plan: i64,
    count: i64,
    next: &mut i64,
    start: i64,
) -> bool {
    let mut full = false;
    // (id, root, depth) of this plan's reactions so far.
    let mut so_far: Vec<(i64, i64, i64)> = Vec::with_capacity(count as usize);
    for k in 0..count {
        let id = *next;
        *next += 1;
        let answers = (!so_far.is_empty() && rng.bool())
            .then(|| so_far[rng.usize(..so_far.len())])
            .filter(|(_, _, depth)| *depth < 2);
        let (parent, root, depth) = match answers {
            Some((parent, root, depth)) => (V::I(parent), root, depth + 1),
            None => (V::Null, id, 0),
        };
        let root_value = if depth == 0 { V::Null } else { V::I(root) };
        so_far.push((id, root, depth));
        let sentences = 1 + rng.usize(..3);
        let source = words::text(rng, sentences);
        let html = format!("<p>{source}</p>\n");
        full |= t.reactions.push(vec![
            V::I(id),
            V::T(format!("plan:{plan}")),
            parent,
            root_value,
            V::I(depth),
            V::T(KINDS[rng.usize(..KINDS.len())].to_owned()),
            V::T(source),
            V::T(html),
            V::I(rng.i64(1..=scale.people)),
            V::T("published".to_owned()),
            V::I(start + (k + 1) * 600),
        ]);
    }
    full
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
            let counts = reactions_per_plan(scale, &mut Rng::with_seed(1));
            assert_eq!(counts.iter().sum::<i64>(), scale.reactions);
            assert_eq!(counts[(scale.busy_plan(0) - 1) as usize], 200);
            assert_eq!(counts[(scale.busy_plan(1) - 1) as usize], 5_000);
        }
    }

    #[test]
    fn a_few_plans_are_busy_and_most_are_quiet() {
        let scale = Scale::NATIONAL;
        let mut counts = reactions_per_plan(scale, &mut Rng::with_seed(1));
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

/// The generator against real databases: a small data set is whole and
/// consistent (counts kept on rows match the rows), on both backends.
#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]
mod database_tests {
    use super::*;

    const TINY: Scale = Scale {
        people: 2_000,
        groups: 12,
        plans: 30,
        reactions: 5_400,
        signatures: 2_500,
    };

    async fn check(db: &Db) {
        app::manifest::content::ensure_loaded(db).await.unwrap();
        seed(db, TINY).await.unwrap();
        let count = |sql: &'static str| async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&db.pool)
                .await
                .unwrap()
        };
        assert_eq!(count("SELECT COUNT(*) FROM users").await, TINY.accounts());
        assert_eq!(count("SELECT COUNT(*) FROM plans").await, TINY.plans);
        assert_eq!(
            count("SELECT COUNT(*) FROM reactions").await,
            TINY.reactions
        );
        assert_eq!(
            count("SELECT COUNT(*) FROM signatures").await,
            TINY.signatures
        );
        let busy: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM reactions WHERE subject = $1")
            .bind(format!("plan:{}", TINY.busy_plan(1)))
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(busy, 5_000);
        // Counters kept on rows agree with the rows they count.
        let wrong_reactions = count(
            "SELECT COUNT(*) FROM plans p WHERE reaction_count <> \
             (SELECT COUNT(*) FROM reactions r WHERE r.subject = 'plan:' || CAST(p.id AS TEXT))",
        );
        assert_eq!(wrong_reactions.await, 0);
        let wrong_members = count(
            "SELECT COUNT(*) FROM groups g WHERE member_count <> \
             (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id)",
        );
        assert_eq!(wrong_members.await, 0);
        let wrong_supports = count(
            "SELECT COUNT(*) FROM plans p WHERE support_count <> \
             (SELECT COUNT(*) FROM plan_supports s WHERE s.plan_id = p.id)",
        );
        assert_eq!(wrong_supports.await, 0);
        let counted: i64 = count("SELECT CAST(SUM(signed) AS BIGINT) FROM signature_counts").await;
        assert_eq!(counted, TINY.signatures);
        // Replies hang under a top-level reaction of the same plan.
        let stray = count(
            "SELECT COUNT(*) FROM reactions r JOIN reactions root ON root.id = r.root_id \
             WHERE root.parent_id IS NOT NULL OR root.subject <> r.subject OR r.depth > 2",
        );
        assert_eq!(stray.await, 0);
        // Everything is findable, and new rows get fresh ids after the explicit ones.
        assert_eq!(
            count("SELECT COUNT(*) FROM search_docs WHERE kind = 'reaction'").await,
            TINY.reactions
        );
        let next: i64 = sqlx::query_scalar(
            "INSERT INTO users (email, display_name, password_hash, created_at) \
             VALUES ('nieuw@buurt.nl', 'Nieuw', 'x', 0) RETURNING id",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(next, TINY.accounts() + 1);
        // A second seed is refused instead of doubling the data.
        assert!(seed(db, TINY).await.is_err());
    }

    #[tokio::test]
    async fn seeds_sqlite() {
        check(&app::testing::sqlite().await).await;
    }

    #[tokio::test]
    async fn seeds_postgres() {
        if let Some(db) = app::testing::postgres().await {
            check(&db).await;
        }
    }
}
