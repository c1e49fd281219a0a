//! Dutch-looking names, places and texts for the generated data set, built
//! from short lists written for this purpose (no data download). Every pick
//! goes through the caller's seeded generator, so a data set is the same on
//! every machine.

use fastrand::Rng;

const FIRST: [&str; 40] = [
    "Fatima", "Daan", "Sanne", "Mohamed", "Emma", "Jan", "Anouk", "Kees", "Priya", "Yusuf",
    "Lotte", "Henk", "Noor", "Bram", "Aylin", "Ruud", "Sophie", "Joost", "Ingrid", "Milan",
    "Esther", "Kofi", "Marieke", "Thijs", "Samira", "Gerrit", "Julia", "Rachid", "Femke", "Wim",
    "Lina", "Pieter", "Zeynep", "Sem", "Annelies", "Hamza", "Roos", "Dirk", "Mei", "Tess",
];
const LAST: [&str; 40] = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "El Idrissi",
    "Yilmaz",
    "Kaya",
    "Pinas",
    "Nguyen",
    "Kramer",
    "van Dijk",
    "Postma",
    "Koster",
    "Verhoeven",
    "Boukhari",
    "Willems",
    "Schouten",
    "van den Berg",
    "Hoekstra",
    "Tan",
    "Sedney",
    "Lammers",
    "Kok",
];

/// A municipality, some of its neighbourhoods and its first postcode area.
pub struct Town {
    pub name: &'static str,
    pub neighbourhoods: [&'static str; 4],
    pub postcode: u32,
}

pub const TOWNS: [Town; 16] = [
    Town {
        name: "Amsterdam",
        neighbourhoods: ["De Pijp", "Indische Buurt", "Osdorp", "Noord"],
        postcode: 1011,
    },
    Town {
        name: "Rotterdam",
        neighbourhoods: ["Afrikaanderwijk", "Delfshaven", "Ommoord", "Kralingen"],
        postcode: 3011,
    },
    Town {
        name: "Den Haag",
        neighbourhoods: ["Transvaal", "Moerwijk", "Duindorp", "Laak"],
        postcode: 2511,
    },
    Town {
        name: "Utrecht",
        neighbourhoods: ["Kanaleneiland", "Overvecht", "Lombok", "Zuilen"],
        postcode: 3511,
    },
    Town {
        name: "Eindhoven",
        neighbourhoods: ["Woensel", "Strijp", "Tongelre", "Gestel"],
        postcode: 5611,
    },
    Town {
        name: "Groningen",
        neighbourhoods: ["Selwerd", "Vinkhuizen", "Oosterpark", "Beijum"],
        postcode: 9711,
    },
    Town {
        name: "Tilburg",
        neighbourhoods: ["Groenewoud", "Stokhasselt", "Oud-Noord", "Reeshof"],
        postcode: 5011,
    },
    Town {
        name: "Zwolle",
        neighbourhoods: ["Holtenbroek", "Diezerpoort", "Stadshagen", "Assendorp"],
        postcode: 8011,
    },
    Town {
        name: "Arnhem",
        neighbourhoods: ["Presikhaaf", "Malburgen", "Klarendal", "Geitenkamp"],
        postcode: 6811,
    },
    Town {
        name: "Leeuwarden",
        neighbourhoods: ["Heechterp", "Vrijheidswijk", "Bilgaard", "Oldegalileën"],
        postcode: 8911,
    },
    Town {
        name: "Maastricht",
        neighbourhoods: ["Malberg", "Nazareth", "Wittevrouwenveld", "Caberg"],
        postcode: 6211,
    },
    Town {
        name: "Nijmegen",
        neighbourhoods: ["Hatert", "Wolfskuil", "Dukenburg", "Willemskwartier"],
        postcode: 6511,
    },
    Town {
        name: "Enschede",
        neighbourhoods: ["Velve-Lindenhof", "Deppenbroek", "Pathmos", "Twekkelerveld"],
        postcode: 7511,
    },
    Town {
        name: "Almere",
        neighbourhoods: ["Stedenwijk", "Muziekwijk", "Filmwijk", "Haven"],
        postcode: 1311,
    },
    Town {
        name: "Dordrecht",
        neighbourhoods: ["Crabbehof", "Wielwijk", "Krispijn", "Sterrenburg"],
        postcode: 3311,
    },
    Town {
        name: "Heerlen",
        neighbourhoods: ["Meezenbroek", "Heerlerheide", "Hoensbroek", "Vrieheide"],
        postcode: 6411,
    },
];

const PLACES: [&str; 16] = [
    "het plein",
    "de Lindenstraat",
    "het speelveld",
    "de binnentuin",
    "het buurthuis",
    "de Kastanjelaan",
    "de hoek bij de school",
    "het parkje",
    "de Havenkade",
    "de flat aan de Dreef",
    "de Marktstraat",
    "het grasveld",
    "de brug",
    "de Molenweg",
    "het schoolplein",
    "de dijk",
];
const IDEAS: [&str; 16] = [
    "Meer groen op",
    "Een moestuin bij",
    "Bankjes voor",
    "Betere verlichting op",
    "Een speeltuin op",
    "Veilig oversteken bij",
    "Een geveltuin langs",
    "Buurtkoffie in",
    "Zonnepanelen op",
    "Een bibliotheekkastje bij",
    "Minder afval rond",
    "Een buurtfeest op",
    "Bomen planten langs",
    "Een ontmoetingsplek bij",
    "Fietsenstalling bij",
    "Schilderen van",
];
const OPENERS: [&str; 10] = [
    "Goed idee,",
    "Mooi plan,",
    "Ik woon hier al twintig jaar en",
    "Als moeder van twee kinderen denk ik dat",
    "Namens de huurdersvereniging:",
    "Ik help graag mee, want",
    "Een vraag:",
    "Een zorg van mijn buren:",
    "Bij ons in de straat",
    "Vorig jaar hebben we gezien dat",
];
const MIDDLES: [&str; 12] = [
    "de kinderen hier veel te weinig ruimte hebben om te spelen",
    "het plein 's avonds donker en onveilig voelt",
    "we met een paar buren al planten water geven",
    "de gemeente eerder beloofde om de bankjes te vervangen",
    "ouderen graag een plek hebben om elkaar te ontmoeten",
    "de fietsen nu overal op de stoep staan",
    "de woningcorporatie mee wil betalen aan de tuin",
    "er op zaterdag veel mensen naar de markt komen",
    "het afval na het weekend blijft liggen",
    "de school graag met de kinderen wil meedoen",
    "de bomen in de zomer schaduw en koelte geven",
    "het buurthuis op dinsdag nog ruimte heeft",
];
const CLOSERS: [&str; 8] = [
    "Laten we het samen oppakken.",
    "Wie doet er mee?",
    "Ik kom naar de volgende bijeenkomst.",
    "Kunnen we dit in het voorjaar doen?",
    "Dank voor het trekken!",
    "Ik vraag het na bij de gemeente.",
    "Wat vinden de buren ervan?",
    "Ik heb gereedschap dat we kunnen lenen.",
];

/// A person's name.
pub fn person(rng: &mut Rng) -> String {
    format!("{} {}", pick(rng, &FIRST), pick(rng, &LAST))
}

/// A plan's title.
pub fn plan_title(rng: &mut Rng) -> String {
    format!("{} {}", pick(rng, &IDEAS), pick(rng, &PLACES))
}

/// A reaction or plan text of a few sentences, plain words only (so it is
/// valid Markdown and, in a paragraph, valid HTML without escaping).
pub fn text(rng: &mut Rng, sentences: usize) -> String {
    let mut out = String::new();
    for i in 0..sentences {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&format!(
            "{} {}. {}",
            pick(rng, &OPENERS),
            pick(rng, &MIDDLES),
            pick(rng, &CLOSERS)
        ));
    }
    out
}

fn pick<'a>(rng: &mut Rng, list: &[&'a str]) -> &'a str {
    list[rng.usize(..list.len())]
}

/// The URL-safe form of a name ("Den Haag" → "den-haag").
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in app::search::text::fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_texts() {
        let (mut a, mut b) = (Rng::with_seed(7), Rng::with_seed(7));
        assert_eq!(text(&mut a, 3), text(&mut b, 3));
        assert_eq!(person(&mut a), person(&mut b));
    }

    #[test]
    fn slugs_are_plain() {
        assert_eq!(slug("Oldegalileën"), "oldegalileen");
        assert_eq!(slug("Den Haag / Laak"), "den-haag-laak");
    }
}
