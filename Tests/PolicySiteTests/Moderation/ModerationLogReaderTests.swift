import Testing
@testable import PolicySite

@Suite struct ModerationLogReaderTests {
    let header = "date,category,actions,account,hours-to-action\n"

    @Test func readsRowsWithColumnsInAnyOrderAndQuotedCells() throws {
        let log = "actions,date,category\n\"removed;blocked\",2017-03-04,copyright\r\nremoved,2017-03-05T09:30:00Z,\"copyright\"\r\n"
        let statistics = try ModerationFixtures.read(log)
        #expect(statistics.incidents == 2)
        #expect(statistics.tally(for: SchoolYear(startYear: 2016)).categories[4] == 2)
        #expect(statistics.tally(for: SchoolYear(startYear: 2016)).actions == [2, 1, 0, 0, 0])
        #expect(statistics.first == CalendarDay(year: 2017, month: 3, day: 4))
        #expect(statistics.last == CalendarDay(year: 2017, month: 3, day: 5))
    }

    @Test func givesTheSameFiguresWhateverTheChunkSize() throws {
        let log = "\u{FEFF}" + header + #"""
        2016-09-03,undermining,removed,p-0123456789abcdef,2
        2016-10-01,"offensive-language","removed;""blocked"""
        """#
        // The doubled quotes make the second row invalid; use a valid one for the comparison.
        let valid = "\u{FEFF}" + header + "2016-09-03,undermining,removed,p-0123456789abcdef,2\r\n2016-10-01,\"offensive-language\",\"removed; blocked\",,0.5\r\n2017-01-01,copyright,blocked,p-0123456789abcdef,"
        let whole = try ModerationFixtures.read(valid)
        for size in 1...12 {
            #expect(try ModerationFixtures.read(valid, chunkSize: size) == whole)
        }
        #expect(whole.incidents == 3)
        #expect(whole.facts(for: SchoolYear(startYear: 2016)).distinctAccounts == 1)
        #expect(whole.facts(for: SchoolYear(startYear: 2016)).repeatAccounts == 1)
        #expect(!ModerationFixtures.errors(log).isEmpty)
    }

    @Test func skipsBlankLinesAndToleratesAMissingFinalLineBreak() throws {
        let statistics = try ModerationFixtures.read(header + "\n2016-09-03,undermining,removed,,\n\n2016-09-04,undermining,removed,,")
        #expect(statistics.incidents == 2)
    }

    @Test func keepsCommasAndLineBreaksInsideQuotes() {
        // A quoted line break is part of the cell, so the next row's line number still counts it.
        #expect(ModerationFixtures.errors(header + "2016-09-03,\"under,\nmining\",removed,,\n2016-09-04,nope,removed,,") == [
            "log.csv:2:12: error: unknown category (did you mean 'undermining'?), expected one of undermining, offensive-language, unsuitable-images, unsuitable-shared-content, copyright, child-follow-request",
            "log.csv:4:12: error: unknown category (the cell holds a single word), expected one of undermining, offensive-language, unsuitable-images, unsuitable-shared-content, copyright, child-follow-request",
        ])
    }

    @Test func reportsEveryProblemAtOnceWithLineAndColumn() {
        let log = header + #"""
        2017-02-30,undermining,removed,,
        2017-13-01x,undermining,removed,,
        2026-11-25,undermining,removed,,
        2017-01-01,bullying,removed,,
        2017-01-01,copyright,deleted,,
        2017-01-01,copyright,,,
        2017-01-01,copyright,removed,,abc
        2017-01-01,copyright,removed,dave,
        2017-01-01,copyright
        2017-01-01,copyright,rem"oved,,
        "2017-01-01"x,copyright,removed,,
        """#
        #expect(ModerationFixtures.errors(log) == [
            "log.csv:2:1: error: the date '2017-02-30' does not exist, expected a real date YYYY-MM-DD",
            "log.csv:3:1: error: the date cell is not a date (the cell holds a single word), expected a date YYYY-MM-DD (or an ISO 8601 date-time)",
            "log.csv:4:1: error: the date 2026-11-25 is after the as-of day 2026-11-24, expected a date on or before 2026-11-24",
            "log.csv:5:12: error: unknown category (the cell holds a single word), expected one of undermining, offensive-language, unsuitable-images, unsuitable-shared-content, copyright, child-follow-request",
            "log.csv:6:22: error: unknown action (the cell holds a single word), expected one or more of removed, blocked, reported-platform, reported-authority, esafety-notified, separated by ';'",
            "log.csv:7:22: error: no actions are recorded, expected one or more of removed, blocked, reported-platform, reported-authority, esafety-notified, separated by ';'",
            "log.csv:8:31: error: the hours-to-action is not a number of hours (the cell holds a single word), expected empty, or a non-negative number of hours such as 3.5",
            "log.csv:9:30: error: the account is not a pseudonym (the cell holds a single word), expected empty, or a pseudonym: p- followed by 8 to 64 lowercase hex digits (as made by 'policysite anonymise')",
            "log.csv:10:12: error: this row has 2 cells but the header has 5, expected one cell per column (put a cell that contains a comma in quotes)",
            "log.csv:11:25: error: a quote mark in the middle of a cell, expected the whole cell in quotes, with each quote mark inside it doubled (\"\")",
            "log.csv:12:13: error: a quote mark in the middle of a cell, expected the whole cell in quotes, with each quote mark inside it doubled (\"\")",
        ])
    }

    @Test func refusesAnUnclosedQuote() {
        #expect(ModerationFixtures.errors(header + "2017-01-01,\"copyright,removed,,\n") == [
            "log.csv:2:12: error: a quoted cell is never closed, expected a closing quote mark at the end of the cell",
        ])
    }

    @Test func refusesUnknownDuplicateAndMissingColumns() {
        #expect(ModerationFixtures.errors("date,notes,date,actions\n2017-01-01,mum of Y3,2017-01-01,removed\n") == [
            "log.csv:1:1: error: the header has no 'category' column, expected a header row naming date, category and actions (and optionally account, hours-to-action)",
            "log.csv:1:6: error: the column 'notes' is not part of the moderation log format and could carry personal data, expected only the columns date, category, actions, account, hours-to-action",
            "log.csv:1:12: error: the column 'date' appears twice, expected each column once",
        ])
    }

    @Test func refusesAnEmptyFile() {
        #expect(ModerationFixtures.errors("") == [
            "log.csv:1:1: error: the moderation log is empty, expected a header row naming date, category and actions (and optionally account, hours-to-action)",
        ])
    }

    @Test func acceptsAHeaderWithNoRows() throws {
        let statistics = try ModerationFixtures.read(header)
        #expect(statistics.incidents == 0)
        #expect(statistics.first == nil)
    }

    @Test func printsTheFirstHundredProblemsAndCountsTheRest() {
        let rows = (1...150).map { _ in "2017-01-01,bullying,removed,," }.joined(separator: "\n")
        let errors = ModerationFixtures.errors(header + rows + "\n")
        #expect(errors.count == 101)
        #expect(errors.last == "log.csv:152:1: error: 50 more problems in the log are not shown, expected the problems above fixed first")
    }

    @Test func readsAFileFromDisk() throws {
        let path = ModerationFixtures.logsDirectory + "/small.csv"
        let statistics = try ModerationFixtures.reader().read(path: path, file: "small.csv")
        #expect(statistics.incidents == 12)
    }

    @Test func namesAMissingFile() {
        #expect(throws: PolicySiteError.self) { try ModerationFixtures.reader().read(path: "/nonexistent/log.csv") }
    }
}
