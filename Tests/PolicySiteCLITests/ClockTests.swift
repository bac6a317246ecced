import Foundation
import PolicySite
import Testing
@testable import PolicySiteCLI

/// The clock's arithmetic gives the day Foundation's Gregorian calendar in UTC gives.
@Suite struct ClockTests {
    @Test("every day from 1970 to 2100, at its first and last second, is the day Foundation names")
    func arithmeticMatchesFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        for day in stride(from: 0, to: 47_482, by: 1) {
            for seconds in [Double(day) * 86_400, Double(day) * 86_400 + 86_399.9] {
                let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: seconds))
                let expected = CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)
                guard Clock.day(secondsSince1970: seconds) == expected else {
                    Issue.record("\(seconds) s: \(Clock.day(secondsSince1970: seconds)) but Foundation says \(String(describing: expected))")
                    return
                }
            }
        }
    }

    @Test func aLeapDayAndTheTurnOfAYear() {
        #expect(Clock.day(secondsSince1970: 951_782_400) == CalendarDay(year: 2000, month: 2, day: 29))
        #expect(Clock.day(secondsSince1970: 1_798_761_599) == CalendarDay(year: 2026, month: 12, day: 31))
        #expect(Clock.day(secondsSince1970: 1_798_761_600) == CalendarDay(year: 2027, month: 1, day: 1))
    }
}
