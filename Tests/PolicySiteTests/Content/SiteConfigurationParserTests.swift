import Testing
@testable import PolicySite

@Suite struct SiteConfigurationParserTests {
    let minimal = """
    organisation: Example School
    base-url: https://example.org/policies
    contact: the school office
    """

    @Test func defaultsFollowTheDesign() throws {
        let (configuration, warnings) = try SiteConfigurationParser.parse(minimal, file: "site.yml")
        #expect(warnings.isEmpty)
        #expect(configuration.dueSoonMonths == 3)
        #expect(configuration.reviewCycleMonths == 12)
        #expect(configuration.suppressionThreshold == 5)
        #expect(configuration.baseURL == "https://example.org/policies/")
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
                "site.yml:1:1: error: missing required key 'contact', expected 'contact: a role, such as 'the school office''",
                "site.yml:2:11: error: 'base-url' is 'example.org', expected an address starting with https:// (or http://)",
                "site.yml:4:20: error: 'due-soon-months' is 'three', expected a whole number from 1 to 24",
                "site.yml:6:10: error: the key 'Bad Key' in 'categories' has characters other than a-z, 0-9 and '-', expected a key such as 'offensive-language'",
            ])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unknownKeysAreNamed() throws {
        let (_, warnings) = try SiteConfigurationParser.parse(minimal + "\ntheme: dark\n", file: "site.yml")
        #expect(warnings.count == 1)
        #expect(warnings[0].description.hasPrefix("site.yml:4:1: warning: unknown key 'theme' in site.yml is ignored"))
    }
}
