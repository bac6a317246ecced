import Foundation
import Testing
@testable import PolicySite

@Suite("policysite review: editing front matter in place")
struct PolicyReviewEditorTests {
    static let policy = """
        ---
        # Reviewed every year by the governors.
        title: "Twitter Policy"
        owner: Headteacher   # a role, never a name
        last-updated: 'September 2016'
        next-review: Sep 2017  # the month
        history:
          - reviewed: 2016-09
            note: Policy adopted.

        # keep this comment
        summary: How we use Twitter.
        ---

        Body with last-updated: September 2016 in it.
        history:
          - reviewed: 2016-09

        """

    static let reviewed = """
        ---
        # Reviewed every year by the governors.
        title: "Twitter Policy"
        owner: Headteacher   # a role, never a name
        last-updated: 'November 2026'
        next-review: Nov 2027  # the month
        history:
          - reviewed: 2016-09
            note: Policy adopted.
          - reviewed: 2026-11
            note: Annual review

        # keep this comment
        summary: How we use Twitter.
        ---

        Body with last-updated: September 2016 in it.
        history:
          - reviewed: 2016-09

        """

    let request = PolicyReviewEditor.Request(slug: "twitter-policy", reviewed: ReviewDate(parsing: "2026-11")!, note: "Annual review")

    func edit(_ text: String, _ request: PolicyReviewEditor.Request? = nil, cycle: Int = 12) throws -> String {
        let outcome = try PolicyReviewEditor.edit(Data(text.utf8), file: "twitter-policy.md", request: request ?? self.request, cycleMonths: cycle)
        return String(decoding: outcome.contents, as: UTF8.self)
    }

    func refusal(_ text: String, _ request: PolicyReviewEditor.Request) -> String {
        do {
            _ = try PolicyReviewEditor.edit(Data(text.utf8), file: "twitter-policy.md", request: request, cycleMonths: 12)
            return "not refused"
        } catch let error as PolicySiteError {
            return error.diagnostics.map(\.description).joined(separator: "\n")
        } catch {
            return "\(error)"
        }
    }

    @Test("only last-updated, next-review and the new history lines change; quotes, comments, order and body stay")
    func editsLF() throws {
        #expect(try edit(Self.policy) == Self.reviewed)
    }

    @Test("a CRLF file stays CRLF, byte for byte, new lines included")
    func editsCRLF() throws {
        let crlf = Self.policy.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try edit(crlf) == Self.reviewed.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test("a byte-order mark is kept")
    func keepsByteOrderMark() throws {
        #expect(try edit("\u{FEFF}" + Self.policy) == "\u{FEFF}" + Self.reviewed)
    }

    @Test("a policy without history gets 'history:' before the closing line, in the last-updated's form, keeping the earlier last-updated")
    func createsHistory() throws {
        let before = "---\ntitle: T\nlast-updated: March 2025\nnext-review: 2026-03-15\n---\nBody\n"
        let request = PolicyReviewEditor.Request(slug: "t", reviewed: ReviewDate(parsing: "2026-04")!, next: ReviewDate(parsing: "2027-03")!,
                                                 note: "Reviewed: \"fine\" # really")
        #expect(try edit(before, request) == """
            ---
            title: T
            last-updated: April 2026
            next-review: 2027-03
            history:
              - reviewed: March 2025
                note: Last updated.
              - reviewed: April 2026
                note: "Reviewed: \\"fine\\" # really"
            ---
            Body

            """)
    }

    @Test("without --next the next review is the reviewed month plus the cycle; without --note there is no note line")
    func defaultNext() throws {
        let before = "---\ntitle: T\nlast-updated: 2016-09\nnext-review: 2017-09\n---\n"
        let request = PolicyReviewEditor.Request(slug: "t", reviewed: ReviewDate(parsing: "2017-08")!)
        #expect(try edit(before, request, cycle: 24) == "---\ntitle: T\nlast-updated: 2017-08\nnext-review: 2019-08\nhistory:\n  - reviewed: 2016-09\n    note: Last updated.\n  - reviewed: 2017-08\n---\n")
    }

    @Test("a history list written flush with its key gets its new item flush too")
    func flushHistory() throws {
        let before = "---\ntitle: T\nlast-updated: 2016-09\nnext-review: 2017-09\nhistory:\n- reviewed: 2016-09\n  note: first\nowner: Head\n---\n"
        let request = PolicyReviewEditor.Request(slug: "t", reviewed: ReviewDate(parsing: "2017-09")!, note: "second")
        #expect(try edit(before, request) == "---\ntitle: T\nlast-updated: 2017-09\nnext-review: 2018-09\nhistory:\n- reviewed: 2016-09\n  note: first\n- reviewed: 2017-09\n  note: second\nowner: Head\n---\n")
    }

    @Test("a review before the last update is refused at the last-updated line")
    func refusesBackwards() {
        let message = refusal(Self.policy, .init(slug: "twitter-policy", reviewed: ReviewDate(parsing: "2016-08")!))
        #expect(message == "twitter-policy.md:5:15: error: --reviewed 2016-08 is before 'last-updated' (September 2016); dates may not move backwards, expected a review date in September 2016 or later")
    }

    @Test("a review in the month of the last recorded review is refused at that history entry")
    func refusesRepeatedReview() {
        let message = refusal(Self.policy, .init(slug: "twitter-policy", reviewed: ReviewDate(parsing: "2016-09")!))
        #expect(message == "twitter-policy.md:8:15: error: --reviewed 2016-09 is not after the last review in 'history' (September 2016), expected a review date after September 2016")
    }

    @Test("--next before --reviewed, or before the current next review, is refused")
    func refusesNextBackwards() {
        let early = refusal(Self.policy, .init(slug: "twitter-policy", reviewed: ReviewDate(parsing: "2017-03")!, next: ReviewDate(parsing: "2017-02")!))
        #expect(early == "twitter-policy.md:6:14: error: --next 2017-02 is not after --reviewed 2017-03, expected a next review date after March 2017, such as 2018-03")
        let backwards = refusal(Self.policy, .init(slug: "twitter-policy", reviewed: ReviewDate(parsing: "2017-03")!, next: ReviewDate(parsing: "2017-06")!))
        #expect(backwards.hasPrefix("twitter-policy.md:6:14: error: --next 2017-06 is before 'next-review' (September 2017); dates may not move backwards"))
    }

    @Test("a policy in the plain layout is refused with the front matter to add")
    func refusesPlainLayout() {
        let plain = "Twitter Policy\n\nLast Updated: September 2016\nNext Review Due: September 2017\n\nBody.\n"
        let message = refusal(plain, request)
        #expect(message == "twitter-policy.md:1:1: error: this policy has no front matter, where a review is recorded, expected front matter at the top of the file, replacing its 'Last Updated:' and 'Next Review Due:' lines: '---', 'title: Twitter Policy', 'last-updated: 2016-09', 'next-review: 2017-09', '---'")
    }

    @Test("a date written over two lines is refused rather than guessed at")
    func refusesMultilineValue() {
        let folded = "---\ntitle: T\nlast-updated: September\n  2016\nnext-review: 2017-09\n---\n"
        #expect(refusal(folded, request).hasPrefix("twitter-policy.md:3:15: error: 'last-updated' is not written as a one-line value"))
    }

    @Test("a flow-style history is refused")
    func refusesFlowHistory() {
        let flow = "---\ntitle: T\nlast-updated: 2016-09\nnext-review: 2017-09\nhistory: [{reviewed: 2016-09}]\n---\n"
        #expect(refusal(flow, request).hasPrefix("twitter-policy.md:5:10: error: 'history' is not a block list"))
    }

    @Test("review() writes the file atomically on disk, and leaves it untouched when refused")
    func reviewsOnDisk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("policysite-review-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: GovernanceFixtures.exampleContent, toPath: directory.path)
        let path = directory.appendingPathComponent("policies/twitter-policy.md").path
        let original = try Data(contentsOf: URL(fileURLWithPath: path))

        #expect(throws: PolicySiteError.self) {
            try PolicyReviewEditor().review(.init(slug: "twitter-policy", reviewed: ReviewDate(parsing: "2015-01")!), contentDirectory: directory.path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)

        let outcome = try PolicyReviewEditor().review(request, contentDirectory: directory.path)
        #expect(outcome.nextReview == ReviewDate(parsing: "2027-11"))
        let after = try String(contentsOfFile: path, encoding: .utf8)
        let removed = String(decoding: original, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).filter { !after.split(separator: "\n", omittingEmptySubsequences: false).contains($0) }
        #expect(removed == ["last-updated: September 2016", "next-review: September 2017"])
        #expect(after.contains("  - reviewed: November 2026\n    note: Annual review\n---\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("policies").path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)

        let (report, _) = try StatusReport.load(from: directory.path, asOf: GovernanceFixtures.day("2026-11-24"))
        let twitter = try #require(report.entries.first { $0.slug == "twitter-policy" })
        #expect(twitter.status == .current && twitter.overdueFrom == GovernanceFixtures.day("2027-12-01"))
    }

    @Test("an unknown slug is refused with the slugs there are")
    func unknownSlug() {
        #expect {
            try PolicyReviewEditor().review(.init(slug: "nope", reviewed: ReviewDate(parsing: "2026-11")!), contentDirectory: GovernanceFixtures.exampleContent)
        } throws: { error in
            (error as? PolicySiteError)?.diagnostics.first?.description.hasSuffix("error: there is no policy 'nope', expected one of complaints-procedure, online-safety, photographs-and-images, twitter-policy") == true
        }
    }
}

extension PolicyReviewEditorTests {
    @Test("a first review keeps the earlier last-updated in a history that lacks it, before the new entry")
    func keepsEarlierLastUpdatedInAnExistingHistory() throws {
        let before = "---\ntitle: T\nlast-updated: 2016-09\nnext-review: 2017-09\nhistory:\n  - reviewed: 2015-09\n---\n"
        let request = PolicyReviewEditor.Request(slug: "t", reviewed: ReviewDate(parsing: "2017-09")!, note: "Annual")
        #expect(try edit(before, request) == "---\ntitle: T\nlast-updated: 2017-09\nnext-review: 2018-09\nhistory:\n  - reviewed: 2015-09\n  - reviewed: 2016-09\n    note: Last updated.\n  - reviewed: 2017-09\n    note: Annual\n---\n")
    }

    @Test("a review dated after today is refused at last-updated unless allowed")
    func futureReview() throws {
        let before = "---\ntitle: T\nlast-updated: 2016-09\nnext-review: 2017-09\n---\n"
        let today = CalendarDay(iso: "2026-11-24")!
        let refused = PolicyReviewEditor.Request(slug: "t", reviewed: ReviewDate(parsing: "December 2026")!, today: today)
        #expect(refusal(before, refused) == "twitter-policy.md:3:15: error: --reviewed December 2026 is after today (24 November 2026), expected the date the governors reviewed it, or --allow-future to record a review planned ahead")
        // The month of today counts from its first day: November 2026 is not after 24 November 2026.
        _ = try edit(before, PolicyReviewEditor.Request(slug: "t", reviewed: ReviewDate(parsing: "November 2026")!, today: today))
        _ = try edit(before, PolicyReviewEditor.Request(slug: "t", reviewed: ReviewDate(parsing: "December 2026")!, today: today, allowFuture: true))
    }
}
