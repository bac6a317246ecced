import Foundation
import Testing

/// Paths the command tests use: the repository's example content and the built executable.
enum CommandFixtures {
    static var exampleContent: String { repositoryRoot.appendingPathComponent("content").path }

    /// A copy of the example content in a fresh temporary directory, removed by the caller.
    static func copyOfExampleContent() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("policysite-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: exampleContent, toPath: directory.path)
        return directory
    }

    /// Runs the executable; returns its exit status, standard output and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let result = try runPolicySite(arguments)
        return (result.status, result.standardOutput, result.standardError)
    }
}
