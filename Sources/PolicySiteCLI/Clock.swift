import Foundation
import PolicySite

/// Today's date in UTC, read from the system clock.
enum Clock {
    static func today() -> CalendarDay {
        day(secondsSince1970: Date().timeIntervalSince1970)
    }

    /// The UTC day of a moment, by arithmetic on the Gregorian calendar (Howard Hinnant's
    /// `civil_from_days`). A Foundation `Calendar` gives the same day but loads ICU's calendar
    /// data to do it, 2% of the CPU of a whole build of the example site (`perf`, BENCHMARKS.md
    /// "Policies and start-up on a quiet machine"); ClockTests compare the two.
    static func day(secondsSince1970 seconds: Double) -> CalendarDay {
        let days = Int((seconds / 86_400).rounded(.down))
        let shifted = days + 719_468  // days from 1 March of year 0
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // Safe: the arithmetic gives a real day of a real month.
        return CalendarDay(year: year, month: month, day: day)!
    }
}
