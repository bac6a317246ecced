import Testing
@testable import PolicySite

@Suite struct SiteConfigurationParserTests {
    let minimal = """
    organisation: Example School
    base-url: https://policies.oakfield-primary.sch.uk/policies
    contact: the school office
    """

    @Test func defaultsFollowTheDesign() throws {
        let (configuration, warnings) = try SiteConfigurationParser.parse(minimal, file: "site.yml")
        #expect(warnings.isEmpty)
        #expect(configuration.dueSoonMonths == 3)
        #expect(configuration.reviewCycleMonths == 12)
        #expect(configuration.suppressionThreshold == 5)
        #expect(configuration.baseURL == "https://policies.oakfield-primary.sch.uk/policies/")
        #expect(configuration.title == "Example School policies")
    }

    @Test func vocabulariesAreRead() throws {
        let (configuration, _) = try SiteConfigurationParser.parse(minimal + """

        categories:
          - key: copyright
            label: Copyright
            description: Images or text that infringe upon copyright.
        actions:
          - key: removed
            label: Content deleted
        """, file: "site.yml")
        #expect(configuration.categories == [.init(key: "copyright", label: "Copyright", description: "Images or text that infringe upon copyright.")])
        #expect(configuration.actions.map(\.key) == ["removed"])
    }

    @Test func badValuesAreAllReported() {
        do {
            _ = try SiteConfigurationParser.parse("""
            organisation: Example School
            base-url: example.org
            review:
              due-soon-months: three
            categories:
              - key: Bad Key
                label: x
            """, file: "site.yml")
            Issue.record("expected a refusal")
        } catch let error as PolicySiteError {
            #expect(error.diagnostics.map(\.description) == [
                "site.yml:1:1: error: missing required key 'contact', expected 'contact: a role, such as 'the school office', or indented 'role:', 'email:', 'phone:' and 'complaints-policy:' lines'",
                "site.yml:2:11: error: 'base-url' is 'example.org', expected an address starting with https:// (or http://)",
                "site.yml:4:20: error: 'due-soon-months' is 'three', expected a whole number from 1 to 24",
                "site.yml:6:10: error: the key 'Bad Key' in 'categories' has characters other than a-z, 0-9 and '-', expected a key such as 'offensive-language'",
            ])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func theExampleAddressAndNameFromInitAreNamed() throws {
        let (_, warnings) = try SiteConfigurationParser.parse("organisation: Example Primary School\nbase-url: https://policies.example.org/\ncontact: the school office\n", file: "site.yml")
        #expect(warnings.sorted { $0.location < $1.location }.map(\.description) == [
            "site.yml:1:15: warning: 'organisation' is still the example name from 'policysite init', expected your organisation's name, as parents know it",
            "site.yml:2:11: warning: 'base-url' is still an example address (policies.example.org), so the sitemap, feed and calendar would point at no real page, expected the address where the site will be published, such as https://policies.your-school.sch.uk/",
        ])
    }

    @Test func contactDetailsAndTheReportPolicyAreRead() throws {
        let (configuration, warnings) = try SiteConfigurationParser.parse(minimal.replacingOccurrences(of: "contact: the school office", with: """
        contact:
          role: the school office
          email: office@oakfield-primary.sch.uk
          phone: +44 1632 960123
          complaints-policy: complaints.md
        report:
          policy: twitter-policy
        """), file: "site.yml")
        #expect(warnings.isEmpty)
        #expect(configuration.contact == "the school office")
        #expect(configuration.contactDetails.email == "office@oakfield-primary.sch.uk")
        #expect(configuration.contactDetails.phone == "+44 1632 960123")
        #expect(configuration.contactDetails.complaintsPolicy?.slug == "complaints")
        #expect(configuration.reportPolicy?.slug == "twitter-policy")
        #expect(configuration.reportPolicy?.location == SourceLocation(file: "site.yml", line: 9, column: 11))
    }

    @Test func unknownKeysAreNamed() throws {
        let (_, warnings) = try SiteConfigurationParser.parse(minimal + "\ntheme: dark\n", file: "site.yml")
        #expect(warnings.count == 1)
        #expect(warnings[0].description.hasPrefix("site.yml:4:1: warning: unknown key 'theme' in site.yml is ignored"))
    }
}
