import Foundation
import Testing
@testable import PolicySite

@Suite("Status report")
struct StatusReportTests {
    func twitterStatus(on day: String) throws -> ReviewStatus {
        let (report, _) = try StatusReport.load(from: GovernanceFixtures.exampleContent, asOf: GovernanceFixtures.day(day))
        return try #require(report.entries.first { $0.slug == "twitter-policy" }).status
    }

    @Test("the example Twitter policy is current in January 2017, due soon in August, overdue in October")
    func exampleTwitterPolicy() throws {
        #expect(try twitterStatus(on: "2017-01-10") == .current)
        #expect(try twitterStatus(on: "2017-08-15") == .dueSoon)
        #expect(try twitterStatus(on: "2017-10-01") == .overdue)
    }

    @Test("policies are listed overdue first, then due soon, then current")
    func mostUrgentFirst() {
        let report = StatusReport(site: GovernanceFixtures.site())
        #expect(report.entries.map(\.slug) == ["gamma", "beta", "alpha"])
        #expect(report.entries.map(\.status) == [.overdue, .dueSoon, .current])
    }

    @Test("--fail-on due-soon is raised by a due-soon or overdue policy; overdue only by an overdue one")
    func thresholds() {
        let early = StatusReport(site: GovernanceFixtures.site(asOf: "2016-10-01"))
        #expect(!early.hasPolicy(atOrPast: .dueSoon) && !early.hasPolicy(atOrPast: .overdue))
        let soon = StatusReport(site: GovernanceFixtures.site(asOf: "2017-03-20"))
        #expect(soon.entries.map(\.status) == [.dueSoon, .current, .current])
        #expect(soon.hasPolicy(atOrPast: .dueSoon) && !soon.hasPolicy(atOrPast: .overdue))
        let late = StatusReport(site: GovernanceFixtures.site())
        #expect(late.hasPolicy(atOrPast: .dueSoon) && late.hasPolicy(atOrPast: .overdue))
    }

    @Test("timing says how long until or since the review, in calendar months", arguments: [
        ("2017-09", "2017-01-10", "in 8 months"),
        ("2017-09", "2017-09-30", "this month"),
        ("2017-09", "2017-10-01", "1 month ago"),
        ("2017-09", "2026-11-24", "9 years and 2 months ago"),
        ("2017-09-15", "2017-09-20", "earlier this month"),
        ("2017-09", "2015-09-01", "in 2 years"),
    ])
    func timing(next: String, on day: String, expected: String) {
        let schedule = ReviewSchedule(nextReview: GovernanceFixtures.date(next), dueSoonMonths: 3)
        #expect(schedule.timing(on: GovernanceFixtures.day(day)) == expected)
    }

    @Test("the JSON is byte for byte the documented policysite/status/v1 form, with strings escaped")
    func jsonIsExact() {
        let json = StatusReport(site: GovernanceFixtures.site()).json()
        #expect(json == """
            {
              "schema": "policysite/status/v1",
              "asOf": "2017-08-15",
              "policies": [
                {
                  "slug": "gamma",
                  "title": "Gamma policy",
                  "lastUpdated": "2015-06-10",
                  "nextReview": "2017-06-15",
                  "status": "overdue",
                  "dueSoonFrom": "2017-03-16",
                  "overdueFrom": "2017-06-16",
                  "owner": null,
                  "editedSinceReview": false
                },
                {
                  "slug": "beta",
                  "title": "Beta policy",
                  "lastUpdated": "2016-09",
                  "nextReview": "2017-09",
                  "status": "due-soon",
                  "dueSoonFrom": "2017-07-01",
                  "overdueFrom": "2017-10-01",
                  "owner": null,
                  "editedSinceReview": false
                },
                {
                  "slug": "alpha",
                  "title": "Alpha \\"quoted\\" policy",
                  "lastUpdated": "2016-09",
                  "nextReview": "2018-09",
                  "status": "current",
                  "dueSoonFrom": "2018-07-01",
                  "overdueFrom": "2018-10-01",
                  "owner": null,
                  "editedSinceReview": false
                }
              ]
            }

            """)
    }

    @Test("control characters and backslashes in a title are escaped in the JSON")
    func jsonEscaping() {
        #expect(JSONText.string("a\\b\n\u{1}\t\"") == #""a\\b\n\u0001\t\"""#)
    }

    static let validate = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        errors = list(jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(json.load(sys.stdin)))
        for e in errors: print(e.message)
        sys.exit(1 if errors else 0)
        """

    @Test("the JSON of the example site, and of a site with every status, is valid against schemas/status-v1.schema.json")
    func jsonMatchesSchema() throws {
        let schema = GovernanceFixtures.repositoryRoot.appendingPathComponent("schemas/status-v1.schema.json").path
        let (example, _) = try StatusReport.load(from: GovernanceFixtures.exampleContent, asOf: GovernanceFixtures.day("2026-11-24"))
        for json in [example.json(), StatusReport(site: GovernanceFixtures.site()).json()] {
            let result = try GovernanceFixtures.python(Self.validate, [schema], input: Data(json.utf8))
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test("the schema rejects a document that breaks the contract")
    func schemaRejects() throws {
        let schema = GovernanceFixtures.repositoryRoot.appendingPathComponent("schemas/status-v1.schema.json").path
        let valid = StatusReport(site: GovernanceFixtures.site()).json()
        for broken in [valid.replacingOccurrences(of: "\"due-soon\"", with: "\"soon\""),
                       valid.replacingOccurrences(of: "policysite/status/v1", with: "policysite/status/v2"),
                       valid.replacingOccurrences(of: "\"2017-10-01\"", with: "\"October 2017\""),
                       valid.replacingOccurrences(of: "\"slug\": \"beta\",", with: "")] {
            let result = try GovernanceFixtures.python(Self.validate, [schema], input: Data(broken.utf8))
            #expect(result.status == 1, "accepted: \(broken)")
        }
    }

    @Test("the table lists every policy, overdue first, with a summary line")
    func table() {
        let table = StatusReport(site: GovernanceFixtures.site()).table()
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Policy "))
        #expect(lines[2].hasPrefix("Gamma policy ") && lines[2].contains("overdue") && lines[2].hasSuffix("2 months ago"))
        #expect(lines[3].hasPrefix("Beta policy ") && lines[3].contains("due-soon") && lines[3].hasSuffix("in 1 month"))
        #expect(lines.last == "As of 2017-08-15: 1 overdue, 1 due soon, 1 current (3 policies).")
    }

    @Test("the owner and whether the text was edited since its last approval are in the JSON, the table and its summary")
    func ownerAndEdited() {
        var document = GovernanceFixtures.document("beta", "Beta policy", updated: "2016-09", next: "2017-09")
        document.owner = "Head & \"Deputy\""
        let approved = ApprovedVersion(slug: "beta", title: "Beta policy", approved: GovernanceFixtures.date("2016-09"), recorded: nil,
                                       markdown: "Body as approved.", sourcePath: "approved/beta/2016-09.md")
        let site = Site(content: SiteContent(configuration: GovernanceFixtures.configuration, policies: [document],
                                             approvedVersions: ["beta": [approved]]), asOf: GovernanceFixtures.day("2017-08-15"))
        let report = StatusReport(site: site)
        #expect(report.json().contains("""
                  "overdueFrom": "2017-10-01",
                  "owner": "Head & \\"Deputy\\"",
                  "editedSinceReview": true
            """))
        let table = report.table()
        #expect(table.contains("due-soon, edited  Head & \"Deputy\"  in 1 month"))
        #expect(table.hasSuffix("Edited since its last review (the published text is not the one approved): Beta policy (approved September 2016).\n"))
        // Approving that text clears the flag.
        document.markdown = "Body as approved.\n"
        let cleared = Site(content: SiteContent(configuration: GovernanceFixtures.configuration, policies: [document],
                                                approvedVersions: ["beta": [approved]]), asOf: GovernanceFixtures.day("2017-08-15"))
        #expect(StatusReport(site: cleared).json().contains("\"editedSinceReview\": false"))
    }
}
