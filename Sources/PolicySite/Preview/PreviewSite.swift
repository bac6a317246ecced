import Foundation

/// One good build held in memory, as the preview server serves it. Nothing is written to
/// disk, so the preview can never touch `site/`, and a lookup can only find built files.
public struct PreviewSite: Sendable {
    /// Counts successful builds; a page built from an older one reloads itself.
    public let generation: Int
    let files: [String: Data]
    let directories: Set<String>

    public init(generation: Int, files: [OutputFile]) {
        self.generation = generation
        self.files = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { _, last in last })
        var directories: Set<String> = [""]
        for path in self.files.keys {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                directories.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        self.directories = directories
    }

    /// What the server answers for a resolved path.
    public enum Lookup: Sendable, Equatable {
        /// A file, by its path in the site.
        case file(path: String, contents: Data)
        /// A directory asked for without its final '/': relative links need it, so redirect.
        case redirect(to: String)
        case notFound
    }

    /// Finds `path` (as `PreviewPath.inside` gives it). A directory serves its `index.html`
    /// or nothing: there is no directory listing.
    public func lookup(_ path: String) -> Lookup {
        let isDirectoryPath = path.isEmpty || path.hasSuffix("/")
        let trimmed = isDirectoryPath ? String(path.dropLast(path.isEmpty ? 0 : 1)) : path
        if !isDirectoryPath, let contents = files[trimmed] { return .file(path: trimmed, contents: contents) }
        guard directories.contains(trimmed) else { return .notFound }
        let index = trimmed.isEmpty ? "index.html" : "\(trimmed)/index.html"
        guard let contents = files[index] else { return .notFound }
        return isDirectoryPath ? .file(path: index, contents: contents) : .redirect(to: "/\(trimmed)/")
    }

    /// The site's own 404 page, when it has one.
    public var notFoundPage: Data? { files["404.html"] }
}
