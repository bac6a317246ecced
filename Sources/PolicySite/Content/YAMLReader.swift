import Yams

/// Reads YAML (site.yml or a policy's front matter) into nodes, and typed values out of them,
/// turning every problem into a diagnostic at the right line of the file.
struct YAMLReader {
    let file: String
    /// Lines before the YAML text in its file (front matter starts below the opening `---`).
    let lineOffset: Int
    var bag = DiagnosticBag()
    /// Required keys already reported as misspelt ("did you mean"), by the line of their mapping.
    var misspeltRequired: Set<String> = []

    init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    func location(_ node: Node?) -> SourceLocation {
        // With no node (a missing key), point at the start: line 1, or the front matter's opening '---'.
        guard let mark = node?.mark else { return SourceLocation(file: file, line: max(lineOffset, 1)) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    // Yams' defaults, made once: `Parser.Encoding.default` reads the whole process environment
    // (for YAMS_DEFAULT_ENCODING) on every call, which callgrind put at 5.3% of a 1,000-policy
    // build; the resolver and constructor defaults are rebuilt on every call too.
    // Policies are parsed on every core at once, so these are shared between threads. That is
    // safe, though Yams does not declare them Sendable: a `Constructor` is a final class whose
    // only stored properties are `private let` dictionaries of functions, never changed after
    // `init`, and an `Encoding` is a plain enum value (scripts/tsan checks the parallel loading).
    static let resolver = Resolver.default
    nonisolated(unsafe) static let constructor = Constructor.default
    nonisolated(unsafe) static let encoding = Parser.Encoding.default

    /// Yams' resolver without rules, which reads every untagged scalar as text (see `parseMapping`).
    static let textResolver = Resolver.basic

    /// The top-level mapping, or nil (with a diagnostic) when the text is not a YAML mapping.
    ///
    /// `valuesReadAsText`: the caller reads every value as text (a policy's front matter), never
    /// as a number or true/false. The default resolver then only matters to Yams' check for a key
    /// given twice, which compares keys by text and resolved type, and its seven regular
    /// expressions per key were 3% of a 1,000-policy build (callgrind). So such text is parsed
    /// first without them; the result is the same whenever the text has no explicit tag (`!`),
    /// since two keys the default resolver calls equal then have the same text. A duplicate found
    /// that way may still be two keys of different types (`1` and `"1"`), so the text is then
    /// parsed again with the default resolver, whose answer stands.
    mutating func parseMapping(_ text: String, valuesReadAsText: Bool = false) -> Node.Mapping? {
        let node: Node?
        do {
            if valuesReadAsText, !text.utf8.contains(UInt8(ascii: "!")) {
                do {
                    node = try Yams.compose(yaml: text, Self.textResolver, Self.constructor, Self.encoding)
                } catch YamlError.duplicatedKeysInMapping {
                    node = try Yams.compose(yaml: text, Self.resolver, Self.constructor, Self.encoding)
                }
            } else {
                node = try Yams.compose(yaml: text, Self.resolver, Self.constructor, Self.encoding)
            }
        } catch let error as YamlError {
            bag.append(diagnostic(for: error, text: text))
            return nil
        } catch {
            bag.append(.error(at: location(nil), "YAML could not be read: \(error)"))
            return nil
        }
        guard let node else { return Node.Mapping([]) }
        guard case .mapping(let mapping) = node else {
            bag.append(.error(at: location(node), "this YAML is not a list of 'key: value' lines", expected: "lines such as 'title: Twitter Policy'"))
            return nil
        }
        warnAboutCurlyQuotes(in: node)
        return mapping
    }

    private func diagnostic(for error: YamlError, text: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            return YAMLPlainWords.diagnostic(context: context, problem: problem, mark: mark, text: text) { line, column in
                SourceLocation(file: file, line: line + lineOffset, column: column)
            }
        case let .duplicatedKeysInMapping(duplicates, context):
            let at = SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column)
            return .error(at: at, "the key '\(duplicates.joined(separator: "', '"))' is given more than once", expected: "each key once")
        case let .reader(problem, offset, _, _):
            return .error(at: location(nil), "YAML could not be read: \(problem)\(offset.map { " at byte \($0)" } ?? "")", expected: "UTF-8 text")
        default:
            return .error(at: location(nil), "YAML could not be read: \(error)")
        }
    }

    /// The value under `key`, matched as text (so `2017-09` is never read as a date or a number).
    func value(_ key: String, in mapping: Node.Mapping) -> Node? {
        mapping.first { $0.key.string == key }?.value
    }

    /// Warns about keys the format does not define (a typo would otherwise be ignored silently),
    /// with the key it was probably meant as. A misspelt `required` key that is missing is an
    /// error at the misspelt key's own line, in place of "missing required key".
    mutating func warnAboutUnknownKeys(in mapping: Node.Mapping, known: [String], what: String, required: [String] = []) {
        for (key, _) in mapping {
            guard let name = key.string, !known.contains(name) else { continue }
            guard let meant = Self.suggestion(for: name, among: known) else {
                bag.append(.warning(at: location(key), "unknown key '\(name)' in \(what) is ignored", expected: "one of \(known.joined(separator: ", "))"))
                continue
            }
            if required.contains(meant), value(meant, in: mapping) == nil, misspeltRequired.insert(missingKey(meant, in: mapping)).inserted {
                bag.append(.error(at: location(key), "unknown key '\(name)': did you mean '\(meant)'? (\(what) needs '\(meant)')",
                                  expected: "'\(meant): …' in place of '\(name): …'"))
            } else {
                bag.append(.warning(at: location(key), "unknown key '\(name)' in \(what) is ignored: did you mean '\(meant)'?",
                                    expected: "'\(meant): …' in place of '\(name): …'"))
            }
        }
    }

    /// Names a required key of one mapping, for `misspeltRequired`.
    private func missingKey(_ key: String, in mapping: Node.Mapping) -> String {
        "\(location(.mapping(mapping)).line):\(location(.mapping(mapping)).column):\(key)"
    }

    /// A text value; a missing required key or a non-text value is an error.
    mutating func string(_ key: String, in mapping: Node.Mapping, required: Bool = false, expected form: String = "text") -> String? {
        guard let node = value(key, in: mapping) else {
            if required, !misspeltRequired.contains(missingKey(key, in: mapping)) { bag.append(.error(at: location(.mapping(mapping)), "missing required key '\(key)'", expected: "'\(key): \(form)'")) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            bag.append(.error(at: location(node), "'\(key)' must be a single value, not a list or mapping", expected: form))
            return nil
        }
        if scalar.string.trimming(.whitespaces).isEmpty, required {
            bag.append(.error(at: location(node), "'\(key)' is empty", expected: form))
            return nil
        }
        return scalar.string
    }

    /// A whole number within `range`.
    mutating func integer(_ key: String, in mapping: Node.Mapping, default fallback: Int, range: ClosedRange<Int>) -> Int {
        guard let text = string(key, in: mapping, expected: "a whole number") else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            bag.append(.error(at: location(value(key, in: mapping)), "'\(key)' is '\(text)'", expected: "a whole number from \(range.lowerBound) to \(range.upperBound)"))
            return fallback
        }
        return number
    }

    mutating func bool(_ key: String, in mapping: Node.Mapping, default fallback: Bool) -> Bool {
        guard let node = value(key, in: mapping) else { return fallback }
        guard let flag = node.bool else {
            bag.append(.error(at: location(node), "'\(key)' is not true or false", expected: "true or false"))
            return fallback
        }
        return flag
    }

    /// A review date in any accepted form.
    mutating func reviewDate(_ key: String, in mapping: Node.Mapping, required: Bool) -> ReviewDate? {
        guard let text = string(key, in: mapping, required: required, expected: ReviewDate.acceptedForms) else { return nil }
        guard let date = ReviewDate(parsing: text) else {
            if let year = ReviewDate.unsupportedYear(in: text) {
                bag.append(.error(at: location(value(key, in: mapping)),
                                  "'\(key)' is '\(text)', whose year \(year) is outside the years this tool supports (\(ReviewDate.supportedYears.lowerBound)–\(ReviewDate.supportedYears.upperBound))",
                                  expected: "a date in a year \(ReviewDate.supportedYearsText), such as 'September 2027'"))
                return nil
            }
            bag.append(.error(at: location(value(key, in: mapping)), "'\(key)' is '\(text)', which is not a date this tool can read", expected: ReviewDate.acceptedForms))
            return nil
        }
        return date
    }

    /// A list of mappings, such as `categories` or `history`.
    mutating func mappings(_ key: String, in mapping: Node.Mapping, form: String) -> [Node.Mapping] {
        guard let node = value(key, in: mapping) else { return [] }
        guard case .sequence(let items) = node else {
            bag.append(.error(at: location(node), "'\(key)' must be a list", expected: form))
            return []
        }
        return items.compactMap { item in
            guard case .mapping(let entry) = item else {
                bag.append(.error(at: location(item), "each item of '\(key)' must be a mapping", expected: form))
                return nil
            }
            return entry
        }
    }
}
