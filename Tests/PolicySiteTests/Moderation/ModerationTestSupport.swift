import Foundation
@testable import PolicySite

enum ModerationFixtures {
    static let categories = ["undermining", "offensive-language", "unsuitable-images", "unsuitable-shared-content", "copyright", "child-follow-request"]
        .map { SiteConfiguration.Term(key: $0, label: $0) }
    static let actions = ["removed", "blocked", "reported-platform", "reported-authority", "esafety-notified"]
        .map { SiteConfiguration.Term(key: $0, label: $0) }
    static let asOf = CalendarDay(year: 2026, month: 11, day: 24)!

    static var configuration: SiteConfiguration {
        SiteConfiguration(organisation: "Test School", title: "Policies", baseURL: "https://example.org/", contact: "the school office",
                          categories: categories, actions: actions)
    }

    static func reader(asOf: CalendarDay = asOf) -> ModerationLogReader {
        ModerationLogReader(categories: categories, actions: actions, asOf: asOf)
    }

    static var logsDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/logs").path
    }

    /// Reads `text` in chunks of every size from 1 byte up, so chunk boundaries fall everywhere.
    static func read(_ text: String, chunkSize: Int = 1 << 20, asOf: CalendarDay = asOf) throws -> ReportStatistics {
        try reader(asOf: asOf).read(bytes: Array(text.utf8), file: "log.csv", chunkSize: chunkSize)
    }

    /// The messages the reader gives for `text`, one a line.
    static func errors(_ text: String, asOf: CalendarDay = asOf) -> [String] {
        do {
            _ = try read(text, asOf: asOf)
            return []
        } catch let error as PolicySiteError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["unexpected: \(error)"]
        }
    }
}
