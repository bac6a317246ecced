import Foundation
@testable import PolicySite

/// The repository's example content, and small sites built in code, for the governance tests.
enum GovernanceFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var exampleContent: String { repositoryRoot.appendingPathComponent("content").path }

    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }
    static func date(_ text: String) -> ReviewDate { ReviewDate(parsing: text)! }

    static let configuration = SiteConfiguration(organisation: "Example & Co \"School\"", title: "Example policies",
                                                 baseURL: "https://schools.example.org/policies/", contact: "the office")

    static func document(_ slug: String, _ title: String, updated: String, next: String,
                         history: [PolicyDocument.Review] = []) -> PolicyDocument {
        PolicyDocument(slug: slug, title: title, lastUpdated: date(updated), nextReview: date(next), history: history,
                       markdown: "Body.", sourcePath: "\(slug).md")
    }

    /// Three policies: one of each status on 2017-08-15.
    static func site(asOf: String = "2017-08-15") -> Site {
        let content = SiteContent(configuration: configuration, policies: [
            document("alpha", "Alpha \"quoted\" policy", updated: "2016-09", next: "2018-09"),
            document("beta", "Beta policy", updated: "2016-09", next: "2017-09",
                     history: [.init(reviewed: date("2016-09"), note: "Adopted; first version, with <care> & thought.")]),
            document("gamma", "Gamma policy", updated: "2015-06-10", next: "2017-06-15"),
        ])
        return Site(content: content, asOf: day(asOf))
    }

    /// Runs `python3 SCRIPT ARGS…` and returns its exit status and output.
    static func python(_ script: String, _ arguments: [String], input: Data? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
