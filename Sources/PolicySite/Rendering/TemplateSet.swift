import Foundation
import Mustache

/// The parsed templates and the assets of a theme: the built-in default theme, overridden
/// file by file by a site's own templates directory. Parsed once per build.
public struct TemplateSet: Sendable {
    /// Templates by name: the path below the theme directory without `.mustache`
    /// (`layout`, `policy`, `partials/banner`).
    public let library: MustacheLibrary
    public let names: Set<String>
    /// Files copied as they are, by path below the theme directory (`assets/site.css`).
    public let assets: [String: Data]

    /// The theme built into the tool: `Sources/PolicySite/DefaultTheme` (the repository's
    /// `templates/` links to it), compiled into the library by the EmbedTheme build plugin,
    /// so the binary works from anywhere with no files beside it.
    /// Safe to unwrap: the EmbedTheme plugin wrote each value with `base64EncodedString()`.
    public static let defaultTheme: [String: Data] = EmbeddedTheme.base64.mapValues { Data(base64Encoded: $0)! }

    /// Shown as the file of a problem in the built-in theme.
    static let defaultThemeLabel = "(built-in theme)"

    /// Loads `base` (by default the built-in theme), then `directories` in order, later ones
    /// replacing files of the same name. Every syntax error, and every partial or parent
    /// that names no template, is reported.
    public static func load(from directories: [String], base: [String: Data] = defaultTheme, io: FileIO = .disk) throws -> TemplateSet {
        var sources: [String: (text: String, file: String)] = [:]
        var assets: [String: Data] = [:]
        var bag = DiagnosticBag()
        func add(_ relative: String, file path: String, _ read: () throws -> Data) {
            if relative.hasSuffix(".mustache") {
                let text = bag.collect(at: SourceLocation(file: path)) { try TextDecoder.decode(try read(), file: path) }
                let name = String(relative.dropLast(".mustache".count))
                // A partial used inside a line must not carry its file's final newline into that line.
                if var text {
                    if name.hasPrefix("partials/"), text.hasSuffix("\n") { text.removeLast() }
                    sources[name] = (text, path)
                }
            } else if relative.hasPrefix("assets/") {
                assets[relative] = bag.collect(at: SourceLocation(file: path)) { try read() }
            }
        }
        for (relative, data) in base.sorted(by: { $0.key < $1.key }) {
            add(relative, file: "\(defaultThemeLabel)/\(relative)") { data }
        }
        for directory in directories {
            for relative in bag.collect(at: SourceLocation(file: directory), { try files(below: directory, io: io) }) ?? [] {
                let path = (directory as NSString).appendingPathComponent(relative)
                add(relative, file: path) { try io.read(path, inside: directory, folderName: "templates") }
            }
        }
        var library = MustacheLibrary()
        let known = Set(sources.keys)
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                _ = HTMLEscaping.registered
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // Less the line of the escaping pragma put before the template.
                let at = SourceLocation(file: source.file, line: error.context.lineNumber - 1, column: error.context.columnNumber)
                bag.append(.error(at: at, "template syntax error: \(Self.explain(error.error))", expected: "matching '{{#name}}…{{/name}}' tags and closed '{{…}}'"))
            } catch {
                bag.append(.error(at: SourceLocation(file: source.file), "template could not be read: \(error)"))
            }
            bag.append(contentsOf: missingReferencesScanningBytes(in: source.text, file: source.file, known: known))
        }
        try bag.throwIfErrors()
        return TemplateSet(library: library, names: Set(sources.keys), assets: assets)
    }

    /// swift-mustache's parser errors in words.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag '{{/…}}' does not match the section it should close"
        case .unfinishedName: return "this tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section opened with '{{#…}}' or '{{^…}}' is never closed"
        case .invalidSetDelimiter: return "this '{{=…=}}' delimiter change is not valid"
        default: return "\(error)"
        }
    }

    /// swift-mustache renders an unknown partial as nothing; a typo must fail the build instead.
    static func missingReferences(in text: String, file: String, known: Set<String>) -> [Diagnostic] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().flatMap { index, line in
            missingReferences(inLine: line, number: index + 1, file: file, known: known)
        }
    }

    /// `missingReferences` for one line, `number`, of a template.
    static func missingReferences(inLine line: Substring, number: Int, file: String, known: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else { break }
            let tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let sigil = tag.first, sigil == ">" || sigil == "<" {
                let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                if !known.contains(name) {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    diagnostics.append(.error(at: SourceLocation(file: file, line: number, column: column),
                                              "the template '\(name)' does not exist",
                                              expected: "the name of a template in the theme, such as '\(closest(to: name, in: known))'"))
                }
            }
            rest = afterOpen[close.upperBound...]
        }
        return diagnostics
    }

    /// Renders the template `name`; a missing template is an error, never an empty page.
    public func render(_ name: String, _ view: Any) throws -> String {
        guard names.contains(name), let text = library.render(view, withTemplate: name) else {
            throw PolicySiteError(.error(at: SourceLocation(file: "\(name).mustache"), "the template '\(name)' is missing",
                                         expected: "a file '\(name).mustache' in the templates directory"))
        }
        return text
    }

    /// The known name nearest to a misspelt one (fewest single-character edits), for the hint.
    static func closest(to name: String, in known: Set<String>) -> String {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var previous = Array(0...b.count)
            for (i, x) in a.enumerated() {
                var current = [i + 1]
                for (j, y) in b.enumerated() {
                    current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
                }
                previous = current
            }
            return previous[b.count]
        }
        return known.sorted().min { distance(Array(name), Array($0)) < distance(Array(name), Array($1)) } ?? "layout"
    }

    /// Paths of every file below `directory` (links to files included: reading one checks
    /// where it leads), sorted; nothing when it does not exist. Hidden files and folders are
    /// skipped. A link to a folder is followed only when it stays inside `directory`; one that
    /// leaves it, or leads back to a folder it is in, is an error naming it.
    static func files(below directory: String, io: FileIO = .disk) throws -> [String] {
        guard io.isDirectory(directory) else { return [] }
        let root = try io.resolve(directory)
        var paths: [String] = []
        func walk(_ relative: String, ancestors: Set<String>) throws {
            let folder = relative.isEmpty ? directory : (directory as NSString).appendingPathComponent(relative)
            for name in try io.list(folder) where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                let path = (directory as NSString).appendingPathComponent(child)
                guard io.isDirectory(path) else {
                    paths.append(child)
                    continue
                }
                let target = try io.resolve(path)
                guard RealPath.isInside(target, root), !ancestors.contains(target) else {
                    let problem = ancestors.contains(target) ? "this symbolic link leads back to a folder it is in"
                        : "this is a symbolic link to '\(target)', outside the templates folder '\(directory)'; nothing outside it is published"
                    throw PolicySiteError(.error(at: SourceLocation(file: path), problem, expected: "a folder inside the templates folder"))
                }
                try walk(child, ancestors: ancestors.union([target]))
            }
        }
        try walk("", ancestors: [root])
        return paths.sorted()
    }
}
