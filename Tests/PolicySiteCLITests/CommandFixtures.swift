import Foundation
import Testing

/// Paths the command tests use: the repository's example content and the built executable.
enum CommandFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var exampleContent: String { repositoryRoot.appendingPathComponent("content").path }

    /// A copy of the example content in a fresh temporary directory, removed by the caller.
    static func copyOfExampleContent() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("policysite-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: exampleContent, toPath: directory.path)
        return directory
    }

    /// The `policysite` executable that `swift test` built beside the test bundle.
    static var executable: URL? {
        let candidates = [Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
                          repositoryRoot.appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent("policysite") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs the executable; returns its exit status, standard output and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = try #require(executable, "the policysite executable was not built")
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
