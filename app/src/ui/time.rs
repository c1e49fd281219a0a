//! Dates and times as people here read them: in Europe/Amsterdam (whatever
//! the server's clock zone), written out the Dutch way ("7 december 2026,
//! 14:05") or the English way ("7 December 2026, 14:05"). Instants are
//! stored as unix seconds in UTC; only showing them converts. The spaces
//! inside a date do not break, so a date never splits over two lines.

use crate::i18n::{tr, Lang};

/// The zone every date and time on the site is shown in.
pub const ZONE: &str = "Europe/Amsterdam";

/// A moment on the Amsterdam wall clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WallClock {
    /// Year, e.g. 2026.
    pub year: i16,
    /// Month, 1 to 12.
    pub month: i8,
    /// Day of the month.
    pub day: i8,
    /// Hour, 0 to 23.
    pub hour: i8,
    /// Minute.
    pub minute: i8,
}

/// The Amsterdam wall clock at `secs` (unix seconds). Out-of-range input
/// (never stored by the site) shows as the epoch rather than failing a page.
#[cfg(feature = "ssr")]
pub fn wall_clock(secs: i64) -> WallClock {
    let zone = jiff::tz::TimeZone::get(ZONE).unwrap_or(jiff::tz::TimeZone::UTC);
    let instant = jiff::Timestamp::from_second(secs).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let local = instant.to_zoned(zone);
    WallClock {
        year: local.year(),
        month: local.month(),
        day: local.day(),
        hour: local.hour(),
        minute: local.minute(),
    }
}

/// Pages are rendered on the server; no island shows a date.
#[cfg(not(feature = "ssr"))]
pub fn wall_clock(_secs: i64) -> WallClock {
    WallClock {
        year: 1970,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
    }
}

/// "7 december 2026" in `lang`.
pub fn date_in(lang: Lang, secs: i64) -> String {
    let at = wall_clock(secs);
    let month = tr(lang, &format!("month-{}", at.month));
    format!("{}\u{a0}{month}\u{a0}{}", at.day, at.year)
}

/// "7 december 2026, 14:05" in `lang`.
pub fn date_time_in(lang: Lang, secs: i64) -> String {
    let at = wall_clock(secs);
    format!("{}, {:02}:{:02}", date_in(lang, secs), at.hour, at.minute)
}

/// The date in the reader's language: for things whose day is what counts
/// (member since, a group's start).
pub fn format_date(secs: i64) -> String {
    date_in(crate::i18n::current_lang(), secs)
}

/// Date and time of day in the reader's language: for what happened at a
/// moment (a reaction, a phase change, a notification).
pub fn format_date_time(secs: i64) -> String {
    date_time_in(crate::i18n::current_lang(), secs)
}

#[cfg(test)]
#[cfg(feature = "ssr")]
mod tests {
    use super::*;

    /// Unix seconds of a UTC wall-clock time.
    fn utc(text: &str) -> i64 {
        text.parse::<jiff::Timestamp>().unwrap().as_second()
    }

    #[test]
    fn dates_are_written_out_in_both_languages() {
        let at = utc("2026-12-07T13:05:00Z");
        assert_eq!(
            date_time_in(Lang::Nl, at),
            "7\u{a0}december\u{a0}2026, 14:05"
        );
        assert_eq!(
            date_time_in(Lang::En, at),
            "7\u{a0}December\u{a0}2026, 14:05"
        );
        assert_eq!(
            date_in(Lang::Nl, utc("2000-02-29T12:00:00Z")),
            "29\u{a0}februari\u{a0}2000"
        );
    }

    /// Checks Dutch date-times for UTC instants (spaces shown as `_`).
    fn check(cases: &[(&str, &str)]) {
        for (instant, expected) in cases {
            let shown = date_time_in(Lang::Nl, utc(instant)).replace('\u{a0}', "_");
            assert_eq!(&shown, expected, "{instant}");
        }
    }

    #[test]
    fn around_midnight_the_amsterdam_day_counts() {
        check(&[
            // Winter: UTC+1. 23:30 UTC is already the next day here.
            ("2026-12-31T23:30:00Z", "1_januari_2027, 00:30"),
            ("2026-12-31T22:59:00Z", "31_december_2026, 23:59"),
            // Summer: UTC+2.
            ("2026-07-14T22:00:00Z", "15_juli_2026, 00:00"),
            ("2026-07-14T21:59:00Z", "14_juli_2026, 23:59"),
        ]);
    }

    #[test]
    fn both_daylight_saving_changes() {
        check(&[
            // 29 March 2026: clocks go from 02:00 to 03:00 (01:00 UTC).
            ("2026-03-29T00:59:00Z", "29_maart_2026, 01:59"),
            ("2026-03-29T01:00:00Z", "29_maart_2026, 03:00"),
            // 25 October 2026: from 03:00 back to 02:00 (01:00 UTC), so
            // 02:30 happens twice.
            ("2026-10-25T00:30:00Z", "25_oktober_2026, 02:30"),
            ("2026-10-25T01:30:00Z", "25_oktober_2026, 02:30"),
            ("2026-10-25T02:00:00Z", "25_oktober_2026, 03:00"),
        ]);
    }
}
