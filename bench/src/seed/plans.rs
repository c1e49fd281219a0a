//! Plans and everything hanging from them: principles, a first phase,
//! support, and threaded discussions with the skew of real use.

use super::{member, member_count, skewed, Scale, BUSY, YEAR};
use crate::{
    batch::{flush_all, Batch, V},
    words,
};
use app::db::Backend;
use fastrand::Rng;
use sqlx::AnyConnection;
use std::error::Error;

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
pub(super) fn reactions_per_plan(scale: Scale, rng: &mut Rng) -> Vec<i64> {
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

pub(super) async fn plans(
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
