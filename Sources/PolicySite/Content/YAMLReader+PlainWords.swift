import Yams

/// YAML's own messages ("mapping values are not allowed in this context") in plain words, at
/// the line a person would fix: where a quote or bracket was opened, where a tab indents.
enum YAMLPlainWords {
    /// The diagnostic for a syntax error found by libyaml in `text`; `place` turns a line and
    /// column of the YAML text into a location in its file.
    static func diagnostic(context: YamlError.Context?, problem: String, mark: Mark, text: String,
                           place: (Int, Int) -> SourceLocation) -> Diagnostic {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        func line(_ number: Int) -> String { lines.indices.contains(number - 1) ? lines[number - 1] : "" }
        func character(at mark: Mark) -> Unicode.Scalar? {
            let scalars = Array(line(mark.line).unicodeScalars)
            return scalars.indices.contains(mark.column - 1) ? scalars[mark.column - 1] : nil
        }
        // A tab in a line's indentation is the usual cause of "cannot start any token" and of
        // indentation errors; libyaml never says "tab".
        if let tab = tabInIndentation(lines, upTo: mark.line) {
            return .error(at: place(tab.line, tab.column), "a tab indents this line, and YAML allows only spaces there",
                          expected: "spaces in place of the tab (two for each level)")
        }
        let contextMark = context?.mark ?? mark
        let contextText = context?.text ?? ""
        if problem.contains("mapping values are not allowed") {
            let text = line(mark.line)
            if let colon = text.range(of: ": "), let key = Optional(text[..<colon.lowerBound]), !key.contains("\"") {
                let value = text[colon.upperBound...].trimming(.whitespaces)
                return .error(at: place(mark.line, mark.column), "this value has a second ': ' in it, which YAML reads as the start of another key",
                              expected: "the whole value in quotes: \(key): \"\(value.replacingOccurrences(of: "\"", with: "\\\""))\"")
            }
            return .error(at: place(mark.line, mark.column), "this line has a ': ' where YAML does not expect a new key",
                          expected: "the value in quotes, or the line indented like the keys around it")
        }
        if problem.contains("could not find expected ':'") {
            return .error(at: place(contextMark.line, contextMark.column), "this line has no ':' after its key",
                          expected: "'key: value' on each line; a value that runs onto the next line needs that line indented by two spaces")
        }
        if problem.contains("found unexpected end of stream"), contextText.contains("quoted scalar") {
            let quote = character(at: contextMark).map { String($0) } ?? "quote"
            return .error(at: place(contextMark.line, contextMark.column), "the \(quote) that starts this value is never closed",
                          expected: "a closing \(quote) at the end of the value on the same line")
        }
        if problem.contains("did not find expected ',' or ']'") || problem.contains("did not find expected ',' or '}'") {
            let bracket = problem.contains("']'") ? "[" : "{"
            return .error(at: place(contextMark.line, contextMark.column), "the '\(bracket)' here is never closed (YAML reads '\(bracket)' as the start of a list)",
                          expected: "the value in quotes if it is text, such as \"\(bracket)draft\(bracket == "[" ? "]" : "}")\"")
        }
        if problem.contains("unknown escape character") {
            return .error(at: place(mark.line, mark.column), "a backslash inside double quotes starts an escape YAML does not know",
                          expected: "'\\\\' for a backslash, or single quotes around the value")
        }
        if problem.contains("cannot start any token") || problem.contains("did not find expected alphabetic or numeric character")
            || problem.contains("tag handle") || problem.contains("did not find expected tag URI") || problem.contains("undefined alias") {
            let at = contextText.contains("anchor") || contextText.contains("alias") || contextText.contains("tag") ? contextMark : mark
            let first = character(at: at).map { String($0) } ?? "this character"
            return .error(at: place(at.line, at.column), "a value cannot start with '\(first)' unless it is in quotes",
                          expected: "the value in quotes, such as \"\(first)…\"")
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-' indicator") {
            if character(at: mark) == "-" {
                return .error(at: place(mark.line, mark.column), "a '- ' list item where YAML expects a key",
                              expected: "the list under a key of its own, such as 'history:' on the line above, each item indented the same")
            }
            if let quoted = firstQuoteFollowedByText(line(mark.line)) {
                return .error(at: place(mark.line, quoted), "text follows the closing quote of this value",
                              expected: "quotes around the whole value, or none")
            }
            return .error(at: place(mark.line, mark.column), "this line is indented differently from the keys above it",
                          expected: "each key of a mapping starting in the same column")
        }
        if problem.contains("block sequence entries are not allowed") {
            return .error(at: place(mark.line, mark.column), "a '- ' list item follows a value on the same key",
                          expected: "the key alone on its line ('history:'), then its '- ' items on the lines below")
        }
        if contextText.contains("block scalar") {
            return .error(at: place(contextMark.line, contextMark.column), "a value cannot start with '|' or '>' followed by text",
                          expected: "the value in quotes, such as \"| text\"")
        }
        let detail = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
        return .error(at: place(mark.line, mark.column), "YAML cannot read this line (\(detail))",
                      expected: "'key: value' lines, with text containing ': ' or '#' in quotes")
    }

    /// The first tab among the leading spaces of the lines up to `last`.
    static func tabInIndentation(_ lines: [String], upTo last: Int) -> (line: Int, column: Int)? {
        for (index, line) in lines.prefix(max(last, 1)).enumerated() {
            for (offset, scalar) in line.unicodeScalars.enumerated() {
                if scalar == "\t" { return (index + 1, offset + 1) }
                if scalar != " " && scalar != "-" { break }
            }
        }
        return nil
    }

    /// The column after `key: "…"` when more text follows the closing quote.
    static func firstQuoteFollowedByText(_ line: String) -> Int? {
        let scalars = Array(line.unicodeScalars)
        guard let colon = scalars.firstIndex(of: ":"), colon + 2 < scalars.count else { return nil }
        var index = colon + 1
        while index < scalars.count, scalars[index] == " " { index += 1 }
        guard index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" else { return nil }
        let quote = scalars[index]
        guard let close = scalars[(index + 1)...].firstIndex(of: quote), close + 1 < scalars.count,
              scalars[(close + 1)...].contains(where: { $0 != " " && $0 != "#" }) else { return nil }
        return close + 2
    }
}
