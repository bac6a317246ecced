import Foundation

/// The repository's top folder, found from this file's place in it.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

typealias ProcessResult = PolicySiteProcess.Result

/// Runs the built `policysite` executable as a real process, without colour.
func runPolicySite(_ arguments: [String], in directory: URL = repositoryRoot) throws -> ProcessResult {
    try PolicySiteProcess.run(arguments, in: directory.path, environment: ["NO_COLOR": "1"])
}

func temporaryDirectory(_ name: String = "policysite-cli") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
