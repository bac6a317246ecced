import Foundation

/// The folder a build publishes into, resolved and checked before anything is written. A
/// build replaces everything in its output folder, so the folder must be new, empty, or a
/// site this tool published (it carries `markerName`); never the current folder, `/`, the
/// content or templates folder, a folder holding either, or a file.
public struct OutputTarget: Sendable, Equatable {
    /// As the user wrote it, for messages.
    public let given: String
    /// Absolute, with every symbolic link followed: `--output site`, where `site` links to
    /// `/srv/www/policies`, updates `/srv/www/policies` and keeps the link.
    public let path: String

    /// The file inside every published site that marks the folder as this tool's.
    static let markerName = ".policysite"
    static let markerText = "policysite: this folder is a site published by policysite; each build replaces everything in it.\n"

    /// The folder that holds the output, where the lock and staging folders are made.
    var parent: String { (path as NSString).deletingLastPathComponent }
    var name: String { (path as NSString).lastPathComponent }
    var exists: Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Resolves `output` and refuses a path no build may replace; checks what is there now (`verify`).
    public init(_ output: String, content: String, templates: String,
                currentDirectory: String = FileManager.default.currentDirectoryPath) throws {
        given = output
        guard !output.isEmpty else {
            throw PolicySiteError(.error(at: SourceLocation(file: "--output"), "the output folder is an empty path",
                                         expected: "a folder for the site, such as 'site'"))
        }
        path = try FileIO.resolve(output, from: currentDirectory)
        let replaces = "a build replaces everything in its output folder"
        func refuse(_ what: String) -> PolicySiteError {
            PolicySiteError(.error(at: SourceLocation(file: output), "refusing to publish into \(what): \(replaces)",
                                   expected: "a folder of the site's own, such as 'site'"))
        }
        let shown = output == path ? "'\(output)'" : "'\(output)' (which leads to '\(path)')"
        if path == "/" { throw refuse("the root folder \(shown)") }
        let current = try FileIO.resolve(currentDirectory)
        if RealPath.isInside(current, path) {
            throw refuse(current == path ? "\(shown), the current folder" : "\(shown), which holds the current folder")
        }
        for (folder, role) in [(content, "content"), (templates, "templates")] {
            let real = try FileIO.resolve(folder, from: currentDirectory)
            if real == path { throw refuse("the \(role) folder \(shown)") }
            if RealPath.isInside(real, path) { throw refuse("\(shown), which holds the \(role) folder '\(folder)'") }
            if RealPath.isInside(path, real) { throw refuse("\(shown), which is inside the \(role) folder '\(folder)'") }
        }
        try verify()
    }

    /// Checks what is at the path now (again under the lock, just before publishing): nothing,
    /// an empty folder, or a site this tool published.
    func verify() throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let shown = given == path ? "'\(given)'" : "'\(given)' (which leads to '\(path)')"
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw PolicySiteError(.error(at: SourceLocation(file: given), "refusing to publish into \(shown), which is a file, not a folder",
                                         expected: "a folder for the site, such as 'site'"))
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw PolicySiteError(.error(at: SourceLocation(file: given), "could not look inside the output folder \(shown): \(String(cString: strerror(errno)))",
                                         expected: "a folder the build may read and write"))
        }
        guard !entries.isEmpty, !Self.isPublishedSite(path) else { return }
        let named = entries.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (entries.count > 3 ? " and \(entries.count - 3) more" : "")
        // A site built before the marker existed looks like this: say so, rather than leave the user guessing.
        let olderSite = ["index.html", "404.html", "sitemap.xml", "status.json", "assets"].allSatisfy(entries.contains)
        throw PolicySiteError(.error(at: SourceLocation(file: given),
                                     "refusing to publish into \(shown), which holds files policysite did not publish (\(named)): a build replaces everything in its output folder",
                                     expected: olderSite ? "a site this version published; this looks like one an older version built, without the '.policysite' marker: delete it once, and builds replace it from then on"
                                                         : "a new or empty folder, or one an earlier build published"))
    }

    /// True when `folder` carries the marker a publish writes.
    static func isPublishedSite(_ folder: String) -> Bool {
        let marker = (folder as NSString).appendingPathComponent(markerName)
        var info = stat()
        guard lstat(marker, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size < 4096,
              let data = FileManager.default.contents(atPath: marker) else { return false }
        return data.starts(with: Data("policysite:".utf8))
    }
}
