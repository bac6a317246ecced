import Foundation

/// Every word the review rules put on a page, written once.
///
/// The build makes its statuses' labels and icons, the banner's sentence, the "in 2 months"
/// timing and the counts above the lists from these templates; the pages hand the same value,
/// as JSON (`json`), to `assets/review-status.js`, which fills the same templates in for the
/// reader's own day. So the script holds no words of its own, only the rules that choose among
/// these (ReviewScheduleScriptParityTests runs both over every day from 2016 to 2030).
///
/// A template's `{name}` is filled in by `fill`; a `Count` picks `one` for 1 and `other`, with
/// `{n}`, for any other number.
struct ReviewWords: Sendable, Codable, Equatable {
    struct Count: Sendable, Codable, Equatable {
        var one: String
        var other: String

        func callAsFunction(_ n: Int) -> String {
            n == 1 ? one : ReviewWords.fill(other, ["n": String(n)])
        }
    }

    /// What a status shows: its label ("Review overdue"), its icon, and the banner's sentence,
    /// filled with `{due}` ("in September 2017") and `{timing}` ("9 years and 2 months ago").
    struct StatusWords: Sendable, Codable, Equatable {
        var label: String, icon: String, sentence: String
    }

    var monthNames: [String]
    /// "{name} {year}" (September 2017) and "{day} {month}" (15 September 2017, `{month}` spelled).
    var spelledMonth: String, spelledDay: String
    /// "in {date}" for a review month, "on {date}" for a review day.
    var dueInMonth: String, dueOnDay: String
    /// Keyed by `ReviewStatus.rawValue`.
    var statuses: [String: StatusWords]
    /// The timing: "this month", "earlier this month", "in {duration}" and "{duration} ago".
    var thisMonth: String, earlierThisMonth: String, inFuture: String, inPast: String
    /// A duration: counts of months and years, and "{years} and {months}".
    var monthCount: Count, yearCount: Count, yearsAndMonths: String
    var policyCount: Count
    /// The home page's counts: "{policies} in all." then the overdue and due-soon sentences.
    var indexTotal: String, indexOverdue: Count, indexDueSoon: Count, indexAllCurrent: String
    /// The governors' page's count, filled with `{policies}`, `{overdue}`, `{dueSoon}`, `{current}`.
    var governorsSummary: String
    /// The footer once the script has worked the statuses out for the reader's day, filled
    /// with `{today}` and `{built}` (spelled days).
    var readerDate: String

    static let english = ReviewWords(
        monthNames: ["January", "February", "March", "April", "May", "June", "July",
                     "August", "September", "October", "November", "December"],
        spelledMonth: "{name} {year}",
        spelledDay: "{day} {month}",
        dueInMonth: "in {date}",
        dueOnDay: "on {date}",
        statuses: [
            ReviewStatus.current.rawValue: StatusWords(label: "Up to date", icon: "✓",
                                                       sentence: "This policy is next due for review {due}."),
            ReviewStatus.dueSoon.rawValue: StatusWords(label: "Review due soon", icon: "!",
                                                       sentence: "This policy is due for review {due}, {timing}."),
            ReviewStatus.overdue.rawValue: StatusWords(label: "Review overdue", icon: "✕",
                                                       sentence: "This policy was due for review {due}, {timing}."),
        ],
        thisMonth: "this month",
        earlierThisMonth: "earlier this month",
        inFuture: "in {duration}",
        inPast: "{duration} ago",
        monthCount: Count(one: "1 month", other: "{n} months"),
        yearCount: Count(one: "1 year", other: "{n} years"),
        yearsAndMonths: "{years} and {months}",
        policyCount: Count(one: "1 policy", other: "{n} policies"),
        indexTotal: "{policies} in all.",
        indexOverdue: Count(one: "1 policy is overdue for review.", other: "{n} policies are overdue for review."),
        indexDueSoon: Count(one: "1 policy is due for review soon.", other: "{n} policies are due for review soon."),
        indexAllCurrent: "Every policy is up to date.",
        governorsSummary: "{policies}: {overdue} overdue, {dueSoon} due for review soon, {current} up to date.",
        readerDate: "Review statuses are shown for your date, {today} (this page was built on {built}).")

    /// The words of one status.
    func words(for status: ReviewStatus) -> StatusWords {
        // Safe: `english` has an entry for every case, and ReviewWordsTests checks it does.
        statuses[status.rawValue]!
    }

    /// `template` with each `{name}` whose name is in `values` replaced by its value, in one
    /// pass from the left (a value is never scanned again); any other brace stays as it is.
    /// assets/review-status.js fills templates by the same rule.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        // The words are ASCII: read them as bytes (`fillASCII`), which gives the same text
        // without Character-by-Character reading, 2% of a 1,000-policy build (`perf`).
        if template.utf8.allSatisfy({ $0 < 0x80 }) { return fillASCII(template, values) }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            let name = rest[afterOpen...].prefix { $0.isASCII && $0.isLetter }
            if name.endIndex < rest.endIndex, rest[name.endIndex] == "}", !name.isEmpty,
               let value = values[String(name)] {
                out += value
                rest = rest[rest.index(after: name.endIndex)...]
            } else {
                out += "{"
                rest = rest[afterOpen...]
            }
        }
        return out + rest
    }

    /// `fill` for an ASCII template, where each byte is a Character: the same rule on bytes.
    static func fillASCII(_ template: String, _ values: [String: String]) -> String {
        let utf8 = template.utf8
        var out = ""
        var copiedUpTo = utf8.startIndex
        var searchFrom = utf8.startIndex
        while let open = utf8[searchFrom...].firstIndex(of: UInt8(ascii: "{")) {
            let nameStart = utf8.index(after: open)
            let nameEnd = utf8[nameStart...].firstIndex { !((0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)) } ?? utf8.endIndex
            if nameEnd < utf8.endIndex, utf8[nameEnd] == UInt8(ascii: "}"), nameEnd > nameStart,
               let value = values[String(template[nameStart..<nameEnd])] {
                out += template[copiedUpTo..<open]
                out += value
                copiedUpTo = utf8.index(after: nameEnd)
                searchFrom = copiedUpTo
            } else {
                searchFrom = nameStart
            }
        }
        return out + template[copiedUpTo...]
    }

    /// The value as compact JSON with sorted keys, as the pages hand it to the script.
    static let englishJSON: String = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Safe: a struct of strings always encodes.
        let data = try! encoder.encode(english)
        return String(decoding: data, as: UTF8.self)
    }()
}
