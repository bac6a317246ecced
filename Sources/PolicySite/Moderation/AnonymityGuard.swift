/// Recognises what looks like personal data in a cell of a log that should be anonymised.
///
/// It errs towards refusing: a false alarm costs a staff member a minute, a leak cannot be
/// undone. It recognises forms with a shape (handles, addresses, links, phone numbers); a
/// description in words (`mum of Y3`) has none, so the log has no free-text column at all and
/// any cell that is not its column's exact form is refused by the reader.
public enum AnonymityGuard {
    /// The kind of personal data found, worded for a message.
    public enum Finding: String, Sendable, Hashable, CaseIterable {
        case handle = "an @handle"
        case email = "an e-mail address"
        case url = "a web address"
        case phone = "a phone number"

        public var description: String { rawValue }
    }

    /// The first kind of personal data found in `text`, if any.
    public static func inspect(_ text: String) -> Finding? {
        if containsEmail(text) { return .email }
        if containsURL(text) { return .url }
        if containsHandle(text) { return .handle }
        if containsPhoneNumber(text) { return .phone }
        return nil
    }

    public static func inspect(bytes: some Collection<UInt8>) -> Finding? {
        inspect(String(decoding: bytes, as: UTF8.self))
    }

    static func containsEmail(_ text: String) -> Bool {
        if text.contains(Patterns.email) { return true }
        for match in text.lowercased().matches(of: Patterns.spelledEmail) {
            // "at home dot" is not an address; a real one ends in a known top-level domain.
            let last = match.output.0.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).last.map(String.init) ?? ""
            if topLevelDomains.contains(last) { return true }
        }
        return false
    }

    static func containsURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.contains("http://") || lower.contains("https://") || lower.contains("www.") { return true }
        // Bare domains: `twitter.com/dave`, `x.com/dave`, `t.co/abc`, `example.org.uk`.
        for match in lower.matches(of: Patterns.domain) {
            if topLevelDomains.contains(String(match.output.1)) || match.output.2 != nil { return true }
        }
        return false
    }

    static func containsHandle(_ text: String) -> Bool {
        text.contains(Patterns.handle)
    }

    static func containsPhoneNumber(_ text: String) -> Bool {
        // A run of digits with the separators people type: spaces, hyphens, dots, brackets.
        for match in text.matches(of: Patterns.phone) {
            let run = match.output.1
            let digits = run.filter(\.isASCIIDigit)
            let plus = run.first == "+"
            if isUKNumber(String(digits), international: plus) { return true }
            // A run can swallow a neighbouring number; try each start of a group too.
            let groups = run.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." })
            for start in groups.indices {
                let joined = groups[start...].joined().filter(\.isASCIIDigit)
                for length in [10, 11, 12, 13] where joined.count >= length {
                    if isUKNumber(String(joined.prefix(length)), international: groups[start].first == "+") { return true }
                }
            }
        }
        return false
    }

    private static func isUKNumber(_ digits: String, international: Bool) -> Bool {
        var national = Substring(digits)
        if national.hasPrefix("44") && (international || digits.count >= 12) {
            national = national.dropFirst(2)
            if national.first == "0" { national = national.dropFirst() }
        } else if national.hasPrefix("0044") {
            national = national.dropFirst(4)
        } else if national.first == "0" {
            national = national.dropFirst()
        } else {
            return false
        }
        guard let first = national.first, first != "0" else { return false }
        return national.count == 9 || national.count == 10
    }

    /// The patterns, made once: a regex literal is parsed again each time it is evaluated, which
    /// made every refused cell cost milliseconds (94% of a fuzzing run). Regex is immutable and
    /// compiles its program once, thread-safely, so sharing it is safe.
    private enum Patterns {
        nonisolated(unsafe) static let email = /[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+/
        // Written out to dodge spam filters: `jo (at) example dot com`, `jo [at] mail [dot] co [dot] uk`.
        nonisolated(unsafe) static let spelledEmail = /[a-z0-9._%+\-]+(\s*[\(\[\{<]\s*at\s*[\)\]\}>]\s*|\s+at\s+)[a-z0-9\-]+((\s*[\(\[\{<]\s*dot\s*[\)\]\}>]\s*|\s+dot\s+|\.)[a-z0-9\-]+)+/
        nonisolated(unsafe) static let domain = /(?:^|[^a-z0-9@._%+\-])[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.([a-z]{2,})\b(\/\S*)?/
        nonisolated(unsafe) static let handle = /(^|[^A-Za-z0-9_.@])@[A-Za-z0-9_]{1,30}/
        nonisolated(unsafe) static let phone = /(?:^|[^A-Za-z0-9])(\+?[0-9][0-9 \-().]{8,20}[0-9])(?![A-Za-z0-9])/
    }

    static let topLevelDomains: Set<String> = [
        "com", "org", "net", "uk", "co", "io", "me", "ly", "info", "biz", "edu", "gov", "ac", "sch", "ie",
        "eu", "de", "fr", "us", "tv", "app", "dev", "social", "online", "site", "email", "xyz",
    ]
}
