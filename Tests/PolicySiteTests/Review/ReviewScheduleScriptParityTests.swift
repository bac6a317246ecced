import Foundation
import Testing
@testable import PolicySite

/// The page script (assets/review-status.js) re-works each review status on the reader's day
/// with the words the build hands it; here it runs in node, as it is, beside ReviewSchedule.
@Suite struct ReviewScheduleScriptParityTests {
    static let script = repositoryRoot.appendingPathComponent("Sources/PolicySite/DefaultTheme/assets/review-status.js")
    static let harness = repositoryRoot.appendingPathComponent("Tests/PolicySiteTests/Fixtures/review-status-parity.js")

    /// Month and day review dates in every calendar month, in leap and common years, on the
    /// days that clamp a window (29 February, 30th, 31st), and just outside 2016–2030.
    static let reviewDates = [
        "2015-11", "2016-01", "2016-02", "2016-05", "2016-09", "2016-12", "2020-02", "2023-06", "2030-12", "2031-02",
        "2015-12-31", "2016-02-29", "2017-03-31", "2019-02-28", "2020-12-31", "2022-11-30", "2024-02-29",
        "2026-03-15", "2027-05-31", "2030-12-31", "2031-01-01",
    ]
    /// site.yml's due-soon window, taken in turn by the dates above.
    static let windows = [3, 1, 6, 12, 2]

    @Test("The page script shows what the build shows on every day from 2016 to 2030, for day and month review dates")
    func scriptAgreesWithTheBuildOnEveryDay() throws {
        let schedules = Self.reviewDates.enumerated().map { index, text in
            ReviewSchedule(nextReview: ReviewDate(parsing: text)!, dueSoonMonths: Self.windows[index % Self.windows.count])
        }
        let first = CalendarDay(iso: "2016-01-01")!, last = CalendarDay(iso: "2030-12-31")!
        let reviews = schedules.map { "[\"\($0.nextReview)\",\"\($0.dueSoonFrom)\",\"\($0.overdueFrom)\"]" }
        let input = "{\"words\":\(ReviewWords.englishJSON),\"from\":\"\(first)\",\"to\":\"\(last)\",\"reviews\":[\(reviews.joined(separator: ","))]}"

        var expected: [String] = []
        for schedule in schedules {
            var day = first
            while day <= last {
                let status = schedule.status(on: day)
                expected.append([schedule.nextReview.description, day.description, status.rawValue, status.label, status.icon,
                                 schedule.timing(on: day), schedule.sentence(on: day)].joined(separator: "\t"))
                day = day.next
            }
        }
        #expect(expected.count == Self.reviewDates.count * 5479, "2016–2030 has 5,479 days")

        let seen = try runNode(input: input).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(seen.count == expected.count, "the script gave \(seen.count) lines for \(expected.count) review days")
        let differences = zip(expected, seen).filter { $0.0 != $0.1 }
        #expect(differences.isEmpty, """
            the script differs from the build on \(differences.count) review days; the first:
            \(differences.prefix(5).map { "build:  \($0.0)\nscript: \($0.1)" }.joined(separator: "\n"))
            """)
    }

    @Test func theWordsHaveAnEntryForEveryStatus() {
        for status in ReviewStatus.allCases {
            #expect(ReviewWords.english.statuses[status.rawValue] != nil)
        }
        #expect(ReviewWords.english.statuses.count == ReviewStatus.allCases.count)
    }

    @Test("fill replaces each known {name} once, from the left, and leaves other braces", arguments: [
        ("{a} and {b}", "1 and {b}"),
        ("{{a}}", "{1}"),
        ("{a", "{a"),
        ("{}", "{}"),
        ("{x1}", "{x1}"),
        ("{c}", "{a}"),
    ])
    func fillReplacesKnownNames(template: String, expected: String) {
        #expect(ReviewWords.fill(template, ["a": "1", "c": "{a}"]) == expected)
    }

    @Test("an ASCII template is filled on bytes exactly as Character by Character", arguments: [
        "{a} and {b}", "{{a}}", "{a", "{}", "{x1}", "{c}", "", "{", "}", "x{a}y{c}z", "{a}{a}{ab}", "{A}", "{a }", "end {",
    ])
    func fillOnBytesMatchesFillOnCharacters(template: String) {
        let values = ["a": "1", "c": "{a}", "A": "é", "ab": "two"]
        // A non-ASCII mark at the end sends the same template through the Character path.
        #expect(ReviewWords.fillASCII(template, values) + "é" == ReviewWords.fill(template + "é", values))
    }

    /// node's standard output for `input` on its standard input; a missing node is a failure
    /// (scripts/setup installs it), never a skip.
    private func runNode(input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", Self.harness.path, Self.script.path]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "node failed (is nodejs installed? scripts/setup installs it): \(String(decoding: errors, as: UTF8.self))")
        return String(decoding: output, as: UTF8.self)
    }
}
