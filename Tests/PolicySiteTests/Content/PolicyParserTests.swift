import Testing
@testable import PolicySite

@Suite struct PolicyParserTests {
    func parse(_ text: String, slug: String = "example") throws -> PolicyDocument {
        try PolicyParser.parse(text, slug: slug, file: "policies/\(slug).md").0
    }

    func errors(_ text: String, slug: String = "example") -> [String] {
        do {
            _ = try parse(text, slug: slug)
            return []
        } catch let error as PolicySiteError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func frontMatterGivesEveryField() throws {
        let document = try parse("""
        ---
        title: Twitter Policy
        summary: How we tweet.
        owner: Headteacher
        last-updated: September 2016
        next-review: 2017-09
        history:
          - reviewed: 2016-09
            note: Adopted.
        ---
        Body text.
        """)
        #expect(document.title == "Twitter Policy")
        #expect(document.summary == "How we tweet.")
        #expect(document.owner == "Headteacher")
        #expect(document.lastUpdated == .month(CalendarMonth(year: 2016, month: 9)!))
        #expect(document.nextReview == .month(CalendarMonth(year: 2017, month: 9)!))
        #expect(document.history == [.init(reviewed: .month(CalendarMonth(year: 2016, month: 9)!), note: "Adopted.")])
        #expect(document.markdown == "Body text.")
    }

    @Test func aMisspelledMonthNamesTheFileLineAndForms() {
        #expect(errors("""
        ---
        title: Twitter Policy
        last-updated: September 2016
        next-review: Septembr 2017
        ---
        Body.
        """) == ["policies/example.md:4:14: error: 'next-review' is 'Septembr 2017', which is not a date this tool can read, expected \(ReviewDate.acceptedForms)"])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let found = errors("""
        ---
        summary: x
        last-updated: 2016-13
        next-review: soon
        ---
        """)
        #expect(found.count == 3)
        #expect(found[0].hasPrefix("policies/example.md:2:1: error: missing required key 'title'"))
        #expect(found[1].hasPrefix("policies/example.md:3:15: error: 'last-updated' is '2016-13'"))
        #expect(found[2].hasPrefix("policies/example.md:4:14: error: 'next-review' is 'soon'"))
    }

    @Test func yamlSyntaxErrorsPointIntoTheFile() {
        let found = errors("""
        ---
        title: Twitter Policy
        last-updated: September 2016
        next-review: [September 2017
        ---
        """)
        #expect(found.count == 1)
        #expect(found == ["policies/example.md:4:14: error: the '[' here is never closed (YAML reads '[' as the start of a list), expected the value in quotes if it is text, such as \"[draft]\""])
    }

    @Test func anUnclosedFrontMatterIsRefused() {
        #expect(errors("---\ntitle: x\n") == ["policies/example.md:1:1: error: the front matter opened by '---' on line 1 is never closed, expected a line '---' after the last front matter line"])
    }

    @Test func aReviewBeforeTheLastUpdateIsRefused() {
        let found = errors("---\ntitle: x\nlast-updated: 2020-01\nnext-review: 2019-01\n---\n")
        #expect(found == ["policies/example.md:4:14: error: 'next-review' (January 2019) is before 'last-updated' (January 2020), expected a review date after the last update"])
    }

    @Test func unknownKeysAreWarnings() throws {
        let (_, warnings) = try PolicyParser.parse("---\ntitle: x\nlast-updated: 2020-01\nnext-review: 2021-01\nreveiwer: Head\n---\n", slug: "x", file: "x.md")
        #expect(warnings.map(\.description) == ["x.md:5:1: warning: unknown key 'reveiwer' in the front matter is ignored, expected one of title, summary, owner, last-updated, next-review, history"])
    }

    @Test func aListWhereTextBelongsIsRefused() {
        let found = errors("---\ntitle:\n  - a\nlast-updated: 2020-01\nnext-review: 2021-01\n---\n")
        #expect(found == ["policies/example.md:3:3: error: 'title' must be a single value, not a list or mapping, expected the policy's title"])
    }

    @Test("File names that cannot be addresses are refused", arguments: ["Twitter", "twitter policy", "twitter_policy", "", "../x"])
    func badSlugs(slug: String) {
        #expect(errors("---\ntitle: x\n---\n", slug: slug).first?.contains("cannot be a page address") == true)
    }

    @Test func theSeedsPlainLayoutReadsTheSameDates() throws {
        let document = try parse("""



        Twitter Policy

        @school_ws 

        Last Updated: September 2016

        Next Review Due: September 2017

        Rationale

        The rationale of this policy.
        """, slug: "twitter-policy")
        #expect(document.title == "Twitter Policy")
        #expect(document.lastUpdated.description == "2016-09")
        #expect(document.nextReview.description == "2017-09")
        #expect(!document.markdown.contains("Last Updated"))
        #expect(!document.markdown.contains("Next Review Due"))
        #expect(document.markdown.contains("@school_ws"))
        #expect(document.markdown.contains("The rationale of this policy."))
    }

    @Test func thePlainLayoutWithABadDateNamesTheLine() {
        #expect(errors("Title\n\nLast Updated: Sept 2016\nNext Review Due: Septembr 2017\n") ==
                ["policies/example.md:4:18: error: 'Septembr 2017' is not a date this tool can use: it is not written in a form this tool reads, expected \(ReviewDate.acceptedForms)"])
    }

    @Test func thePlainLayoutWithoutDatesSaysWhatToAdd() {
        let found = errors("Just a title\n\nSome text.\n")
        #expect(found.count == 2)
        #expect(found[0].contains("no 'Last Updated:' line near the top and no front matter"))
    }
}
