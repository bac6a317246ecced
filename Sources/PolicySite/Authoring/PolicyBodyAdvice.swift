import Foundation

/// What a policy's Markdown asks for that its page will not give: raw HTML that is left out,
/// and links to pages, files or headings the site does not have. Warnings, at the line and
/// column in the policy file; the page is still built.
struct PolicyBodyAdvice {
    /// Every file of the built site, by path from its root.
    let files: [String: OutputFile]
    /// Policy slugs, for "did you mean" and for links written to a policy's .md file.
    let slugs: [String]
    /// The path of the base URL ("/" or "/policies/"), for links written from the server's root.
    let rootPath: String
    /// Where a relative address leads, as a path from the site's root (PageRenderer.sitePath).
    let resolve: (String, String) -> String?
    /// The ids of each page a link's fragment was looked up in, read once per page.
    private let ids = PageIDs()

    init(files: [String: OutputFile], slugs: [String], rootPath: String, resolve: @escaping (String, String) -> String?) {
        self.files = files
        self.slugs = slugs
        self.rootPath = rootPath
        self.resolve = resolve
    }

    /// Used from one thread: the advice runs after the parallel render, serially.
    private final class PageIDs {
        var byPage: [String: [String]] = [:]
    }

    func warnings(for policy: Policy, _ body: RenderedMarkdown) -> [Diagnostic] {
        let document = policy.document
        func at(_ finding: RenderedMarkdown.Finding) -> SourceLocation {
            SourceLocation(file: document.sourcePath, line: document.bodyFirstLine + finding.line - 1, column: finding.column)
        }
        var found: [Diagnostic] = []
        var linesWithInlineHTML = Set<Int>()
        for html in body.rawHTML {
            let text = html.text.trimming(.whitespacesAndNewlines)
            guard !text.hasPrefix("<!--") else { continue }
            if text.contains("\n") || (text.hasPrefix("<") && text.hasSuffix(">") && text.count > 12 && !Self.isSingleTag(text)) {
                found.append(.warning(at: at(html), "this HTML is left out of the page, words and all: \(Self.excerpt(text))",
                                      expected: "Markdown instead\(Self.markdownSuggestion(for: text).map { ", such as \($0)" } ?? ": **bold**, *italic*, [words](address), a blank line between paragraphs")"))
            } else if linesWithInlineHTML.insert(html.line).inserted {
                found.append(.warning(at: at(html), "the HTML tag \(Self.excerpt(text)) is left out of the page (the words around it stay)",
                                      expected: Self.markdownForTag(text)))
            }
        }
        let page = "policies/\(policy.slug)/"
        for link in body.links {
            if let problem = check(link.text, from: page, ownPage: "\(page)index.html") { found.append(.warning(at: at(link), problem.what, expected: problem.expected)) }
        }
        return found
    }

    /// Nil when `url` leads to a page, file and heading of the site (or leaves the site).
    func check(_ url: String, from directory: String, ownPage: String) -> (what: String, expected: String)? {
        let trimmed = url.trimming(.whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("//"), !Self.hasScheme(trimmed) else { return nil }
        let parts = trimmed.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let address = parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let fragment = parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : nil
        let page: String
        if address.isEmpty {
            page = ownPage
        } else {
            var relative = address
            if address.hasPrefix("/") {
                guard address.hasPrefix(rootPath) else { return nil }
                relative = String(address.dropFirst(rootPath.count))
            }
            guard let path = address.hasPrefix("/") ? relative : resolve(relative, directory) else { return nil }
            guard let target = target(of: path, written: address) else {
                return missing(address, path: path, directory: directory)
            }
            page = target
        }
        guard let fragment, !fragment.isEmpty, page.hasSuffix(".html"), let file = files[page] else { return nil }
        let ids = self.ids.byPage[page] ?? Self.ids(in: String(decoding: file.contents, as: UTF8.self))
        self.ids.byPage[page] = ids
        guard !ids.contains(fragment) else { return nil }
        let near = ids.map { ($0, YAMLReader.editDistance(fragment, $0)) }.filter { $0.1 <= max(2, fragment.count / 4) }.min { $0.1 < $1.1 }?.0
        let which = page == ownPage ? "this page" : "the page \(address)"
        return ("the link '\(url)' points at '#\(fragment)', which is no heading of \(which)",
                near.map { "'#\($0)' (did you mean it?)" } ?? "the anchor of one of its headings, which is the heading's words in lower case joined by '-', such as #\(ids.first { !MarkdownRenderer.reservedIDs.contains($0) } ?? "contents")")
    }

    /// The file a path of the site leads to: itself, or a folder's index.html.
    private func target(of path: String, written: String) -> String? {
        if path.isEmpty || path.hasSuffix("/") { return files[path + "index.html"] != nil ? path + "index.html" : nil }
        if files[path] != nil { return path }
        if files[path + "/index.html"] != nil { return path + "/index.html" }
        return nil
    }

    private func missing(_ address: String, path: String, directory: String) -> (what: String, expected: String) {
        let components = path.split(separator: "/").map(String.init)
        let last = components.last.map { $0.hasSuffix(".md") ? String($0.dropLast(3)) : $0 } ?? ""
        if slugs.contains(last) {
            return ("the link '\(address)' leads to no page of the site", "the policy's page written as ../\(last)/")
        }
        if components.count <= 3, !last.contains(".") {
            let near = slugs.map { ($0, YAMLReader.editDistance(last, $0)) }.filter { $0.1 <= max(2, last.count / 4) }.min { $0.1 < $1.1 }?.0
            return ("the link '\(address)' leads to no page of the site: there is no policy '\(last)'",
                    near.map { "../\($0)/ (did you mean it?)" } ?? "a link to one of the site's policies, written ../SLUG/ where SLUG is its file name without .md, or a full web address")
        }
        let name = components.last ?? address
        return ("the link '\(address)' leads to no file of the site",
                "the file in the templates' assets/ folder, linked as ../../assets/\(name), or a full web address")
    }

    /// `mailto:`, `https:`, `tel:` …
    static func hasScheme(_ url: String) -> Bool {
        // An ASCII address (nearly every one) is read on bytes, where the rule below is the
        // same; Character by Character it was 1.5% of a 1,000-policy build (callgrind).
        let utf8 = url.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return hasSchemeByCharacters(url) }
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")), let first = utf8.first, isASCIILetter(first) else { return false }
        return utf8[..<colon].allSatisfy { isASCIILetter($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// `hasScheme` Character by Character: the rule for any text.
    static func hasSchemeByCharacters(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isASCII, first.isLetter else { return false }
        return url[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }

    /// Every `id="…"` of a page.
    static func ids(in html: String) -> [String] {
        var ids: [String] = []
        var rest = html[...]
        while let start = rest.range(of: " id=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            ids.append(String(rest[..<end]))
            rest = rest[end...]
        }
        return ids
    }

    static func isSingleTag(_ text: String) -> Bool {
        text.filter { $0 == "<" }.count == 1
    }

    /// The HTML as a person wrote it, cut short.
    static func excerpt(_ html: String) -> String {
        let line = html.split(separator: "\n").first.map(String.init) ?? html
        return "'\(line.count > 60 ? line.prefix(60) + "…" : line)'"
    }

    /// The Markdown for simple HTML such as `<p><b>Important:</b> call 999</p>`, when there is one.
    static func markdownSuggestion(for html: String) -> String? {
        guard !html.contains("\n"), html.count <= 160 else { return nil }
        var text = html
        for (tags, mark) in [(["b", "strong"], "**"), (["i", "em"], "*")] {
            for tag in tags { text = text.replacingOccurrences(of: "<\(tag)>", with: mark).replacingOccurrences(of: "</\(tag)>", with: mark) }
        }
        for tag in ["p", "div", "span", "u", "font", "center"] {
            text = text.replacingOccurrences(of: "</\(tag)>", with: "")
        }
        text = text.replacingOccurrences(of: #"<(p|div|span|u|font|center)( [^>]*)?>"#, with: "", options: .regularExpression)
        guard !text.contains("<"), !text.trimming(.whitespaces).isEmpty else { return nil }
        return "'\(text.trimming(.whitespaces))'"
    }

    static func markdownForTag(_ tag: String) -> String {
        let name = tag.dropFirst().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
        switch name {
        case "b", "strong": return "Markdown: **bold words**"
        case "i", "em": return "Markdown: *words in italics*"
        case "br": return "Markdown: a backslash '\\' at the end of the line for a line break, or a blank line for a new paragraph"
        case "a": return "Markdown: [the words](the address)"
        case "u": return "Markdown: **bold** in place of underlining (Markdown has none)"
        case "sup", "sub": return "plain text, such as 1st or CO2"
        default: return "Markdown: **bold**, *italic*, [words](address)"
        }
    }
}
