/// A document split into its YAML front matter and its Markdown body.
struct FrontMatter {
    /// The YAML between the `---` lines, or nil when the document has none.
    var yaml: String?
    /// Lines before the YAML (the opening `---`), to turn YAML lines into file lines.
    var yamlLineOffset: Int
    var body: String
    /// The file line on which the body starts.
    var bodyFirstLine: Int

    /// Splits `text` (already without a byte-order mark). An opening `---` with no closing line is an error.
    static func split(_ text: String, file: String) throws -> FrontMatter {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func isFence(_ line: Substring, _ marks: [String]) -> Bool {
            var trimmed = line
            if trimmed.hasSuffix("\r") { trimmed = trimmed.dropLast() }
            return marks.contains { trimmed.trimmingCharacters(in: .whitespaces) == $0 }
        }
        guard let first = lines.first, isFence(first, ["---"]) else {
            return FrontMatter(yaml: nil, yamlLineOffset: 0, body: text, bodyFirstLine: 1)
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0], ["---", "..."]) }) else {
            throw PolicySiteError(.error(at: SourceLocation(file: file, line: 1), "the front matter opened by '---' on line 1 is never closed",
                                         expected: "a line '---' after the last front matter line"))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyFirstLine: close + 2)
    }
}
