import Testing
@testable import PolicySite

/// The corpus of realistic slips a staff member might leave in a log.
@Suite struct AnonymityGuardTests {
    @Test(arguments: ["@dave_smith", "reported by @Dave_Smith99", "(@mum_of_y3)"])
    func findsHandles(_ text: String) {
        #expect(AnonymityGuard.inspect(text) == .handle)
    }

    @Test(arguments: ["dave.smith@example.com", "dave+school@mail.example.co.uk", "DAVE@EXAMPLE.ORG", "dave (at) example dot com",
                      "dave [at] example [dot] co [dot] uk", "dave at example dot com", "dave at example.com", "dave{at}gmail{dot}com"])
    func findsEmailAddresses(_ text: String) {
        #expect(AnonymityGuard.inspect(text) == .email)
    }

    @Test(arguments: ["https://twitter.com/dave_smith/status/1", "http://example.org", "www.facebook.com/dave", "twitter.com/dave_smith",
                      "x.com/dave_smith", "X.com/Dave", "t.co/abc123", "see example.co.uk", "mobile.twitter.com"])
    func findsWebAddresses(_ text: String) {
        #expect(AnonymityGuard.inspect(text) == .url)
    }

    @Test(arguments: ["07700 900123", "07700900123", "+44 7700 900123", "+44 (0)7700 900123", "0044 7700 900 123", "020 7946 0018",
                      "01632 960001", "(01632) 960 001", "07700-900-123", "call 07700 900123 today"])
    func findsUKPhoneNumbers(_ text: String) {
        #expect(AnonymityGuard.inspect(text) == .phone)
    }

    /// Descriptions in words have no shape to recognise; the reader refuses them by position
    /// instead (no free-text column exists, and they match no column's form).
    @Test(arguments: ["mum of Y3", "removed", "offensive-language", "2017-01-05", "2017-01-05T09:30:00+01:00", "3.5", "p-0123456789abcdef",
                      "at home", "meet at school", "e.g. a post"])
    func letsThroughWhatHasNoShapeOfPersonalData(_ text: String) {
        #expect(AnonymityGuard.inspect(text) == nil)
    }

    @Test func refusesAHandleInAnyColumnWithItsLineAndKind() {
        let header = "date,category,actions,account,hours-to-action\n"
        #expect(ModerationFixtures.errors(header + "2017-01-05,undermining,removed,@dave_smith,\n") == [
            "log.csv:2:32: error: the account cell holds what looks like personal data (an @handle); the log must be anonymised, expected empty, or a pseudonym: p- followed by 8 to 64 lowercase hex digits (as made by 'policysite anonymise')",
        ])
        #expect(ModerationFixtures.errors(header + "2017-01-05,@dave_smith,removed,,\n") == [
            "log.csv:2:12: error: the category cell holds what looks like personal data (an @handle); the log must be anonymised, expected one of undermining, offensive-language, unsuitable-images, unsuitable-shared-content, copyright, child-follow-request",
        ])
        #expect(ModerationFixtures.errors(header + "@dave_smith,undermining,removed,,\n").first?.hasPrefix("log.csv:2:1: error: the date cell holds what looks like personal data (an @handle)") == true)
        #expect(ModerationFixtures.errors(header + "2017-01-05,undermining,removed;@dave_smith,,\n").first?.hasPrefix("log.csv:2:24: error: the actions cell holds what looks like personal data (an @handle)") == true)
        #expect(ModerationFixtures.errors(header + "2017-01-05,undermining,removed,,07700900123\n").first?.hasPrefix("log.csv:2:33: error: the hours-to-action cell holds what looks like personal data (a phone number)") == true)
    }

    @Test func refusesPersonalDataInAnExtraColumnOrAnExtraCell() {
        #expect(ModerationFixtures.errors("date,category,actions,notes\n2017-01-05,undermining,removed,dave@example.com\n") == [
            "log.csv:1:23: error: the column 'notes' is not part of the moderation log format and could carry personal data, expected only the columns date, category, actions, account, hours-to-action",
            "log.csv:2:32: error: this cell holds what looks like personal data (an e-mail address); the log must be anonymised, expected only the columns of the log format, anonymised with 'policysite anonymise'",
        ])
        #expect(ModerationFixtures.errors("date,category,actions\n2017-01-05,undermining,removed,twitter.com/dave\n") == [
            "log.csv:2:32: error: this row has 4 cells but the header has 3, expected one cell per column (put a cell that contains a comma in quotes)",
            "log.csv:2:32: error: this cell holds what looks like personal data (a web address); the log must be anonymised, expected only the columns of the log format, anonymised with 'policysite anonymise'",
        ])
    }

    @Test func refusesAMalformedPseudonym() {
        let header = "date,category,account,actions\n"
        for (account, shape) in [("p-0123456", "a single word"), ("p-0123456789ABCDEF", "a single word"), ("q-0123456789abcdef", "a single word"),
                                 ("p-" + String(repeating: "a", count: 65), "a single word"), ("mum of Y3", "3 words")] {
            #expect(ModerationFixtures.errors(header + "2017-01-05,undermining,\(account),removed\n") == [
                "log.csv:2:24: error: the account is not a pseudonym (the cell holds \(shape)), expected empty, or a pseudonym: p- followed by 8 to 64 lowercase hex digits (as made by 'policysite anonymise')",
            ])
        }
        #expect(AccountKey(pseudonym: "p-" + String(repeating: "a", count: 64)) != nil)
        #expect(AccountKey(pseudonym: "p-01234567") != nil)
    }
}
