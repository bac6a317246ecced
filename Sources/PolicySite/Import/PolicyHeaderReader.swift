/// Reads what schools write at the top of a policy — its title, "Last Updated: September
/// 2016", "Next Review Due: September 2017", "Approved by governors: …", "Policy owner: …" —
/// and takes those lines out of the body, so the page does not repeat them.
enum PolicyHeaderReader {
    struct Header: Equatable {
        var title: String?
        var lastUpdated: ReviewDate?
        var nextReview: ReviewDate?
        var owner: String?
        var notes: [String] = []
    }

    /// Labels (lower case, without the colon) by what they give, in order of preference.
    static let lastUpdatedLabels = ["last updated", "date last updated", "updated", "date of last review", "last reviewed", "last review",
                                    "date reviewed", "reviewed", "review completed", "policy date", "date of policy", "date written"]
    static let approvedLabels = ["approved by governors", "approved by the governors", "approved by the governing body", "approved by the full governing body",
                                 "approved", "date approved", "date of approval", "approval date", "adopted", "date adopted", "adopted by governors",
                                 "ratified", "ratified by governors", "date ratified", "agreed by governors", "date agreed"]
    static let nextReviewLabels = ["next review due", "next review", "next review date", "date of next review", "review date", "review due",
                                   "due for review", "to be reviewed", "to be reviewed by", "review by", "renewal date", "next renewal"]
    static let ownerLabels = ["policy owner", "owner", "responsible", "person responsible", "responsible person", "responsibility",
                              "member of staff responsible", "staff responsible", "lead", "policy lead", "staff lead", "author",
                              "written by", "prepared by", "policy author", "reviewed by", "responsible officer"]
    /// Words that make an owner a role rather than a person.
    static let roleWords = ["head", "headteacher", "principal", "teacher", "governor", "governors", "governing", "lead", "leader", "officer",
                            "senco", "sendco", "dsl", "designated", "manager", "coordinator", "co-ordinator", "bursar", "business",
                            "deputy", "assistant", "committee", "board", "trust", "trustees", "clerk", "chair", "office", "team",
                            "senior", "leadership", "slt", "safeguarding", "director", "executive", "ceo", "school", "staff"]
    /// How many opening blocks (before the first heading) are searched for dated lines.
    static let searchedBlocks = 12

    /// Reads and removes the header lines of `document`; the title is Word's Title style,
    /// else the first heading, else the first line.
    static func read(_ document: inout ImportedDocument) -> Header {
        var header = Header()
        if let title = document.title?.plainText.collapsingSpaces, !title.isEmpty {
            header.title = title
        } else if let index = document.blocks.prefix(searchedBlocks).firstIndex(where: \.isHeader),
                  document.blocks[..<index].allSatisfy({ $0.isDatedLineOrEmpty }) {
            header.title = document.blocks[index].inlines?.plainText.collapsingSpaces
            document.blocks.remove(at: index)
        } else if let index = document.blocks.firstIndex(where: { !($0.inlines?.plainText.collapsingSpaces.isEmpty ?? true) }),
                  let inlines = document.blocks[index].inlines, let line = inlines.split(separator: .lineBreak).first {
            header.title = Array(line).plainText.collapsingSpaces
            document.blocks[index] = .para(Array(inlines.dropFirst(line.count + 1)))
        }

        // First find every labelled line near the top, then take out only those whose value
        // reached the front matter.
        struct Candidate { var block: Int; var line: Int; var label: String; var value: String }
        var candidates: [Candidate] = []
        for (position, block) in document.blocks.prefix(searchedBlocks).enumerated() {
            if block.isHeader { break }
            guard case .para(let inlines) = block else { continue }
            for (number, line) in inlines.lines.enumerated() {
                if let (label, value) = labelled(line.plainText) { candidates.append(Candidate(block: position, line: number, label: label, value: value)) }
            }
        }
        var used: [(block: Int, line: Int)] = []
        func take(_ labels: [String]) -> ImportDate.Reading? {
            for candidate in candidates where labels.contains(candidate.label) {
                guard let reading = ImportDate.read(candidate.value) else { continue }
                used.append((candidate.block, candidate.line))
                header.notes += reading.note.map { [$0] } ?? []
                return reading
            }
            return nil
        }
        header.nextReview = take(nextReviewLabels)?.date
        header.lastUpdated = (take(lastUpdatedLabels) ?? take(approvedLabels))?.date
        if let candidate = candidates.first(where: { ownerLabels.contains($0.label) && !$0.value.isEmpty }) {
            if isRole(candidate.value) {
                header.owner = candidate.value
                used.append((candidate.block, candidate.line))
            } else {
                header.notes.append("the owner line names '\(candidate.value)', which does not look like a role; it is left in the text and the policy has no owner")
            }
        }
        for (position, block) in document.blocks.enumerated().reversed() where used.contains(where: { $0.block == position }) {
            guard case .para(let inlines) = block else { continue }
            let lines = inlines.lines.enumerated().filter { number, _ in !used.contains { $0.block == position && $0.line == number } }.map(\.element)
            if lines.allSatisfy({ $0.plainText.collapsingSpaces.isEmpty }) {
                document.blocks.remove(at: position)
            } else {
                document.blocks[position] = .para(Array(lines.joined(separator: [.lineBreak])))
            }
        }
        return header
    }

    /// "Label: value" (also "Label - value" and "Label<tab>value"), label lower-cased.
    static func labelled(_ line: String) -> (String, String)? {
        let text = line.collapsingSpaces
        for separator in [":", " - ", " \u{2013} "] {
            guard let range = text.range(of: separator) else { continue }
            let label = text[..<range.lowerBound].lowercased().collapsingSpaces
            let value = text[range.upperBound...].collapsingSpaces
            guard !label.isEmpty, label.count <= 48 else { continue }
            return (label, value)
        }
        return nil
    }

    static func isRole(_ value: String) -> Bool {
        let words = value.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
        let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr"]
        if words.contains(where: honorifics.contains) { return false }
        return words.contains(where: roleWords.contains)
    }
}

extension ImportBlock {
    var isHeader: Bool {
        if case .header = self { return true }
        return false
    }

    /// The inline content of a paragraph or heading.
    var inlines: [ImportInline]? {
        switch self {
        case .para(let inlines), .header(_, let inlines): inlines
        default: nil
        }
    }

    var isDatedLineOrEmpty: Bool {
        guard case .para(let inlines) = self else { return false }
        let text = inlines.plainText.collapsingSpaces
        return text.isEmpty || PolicyHeaderReader.labelled(text) != nil
    }
}

extension Array where Element == ImportInline {
    /// The lines of a paragraph, split at its line breaks (Shift+Enter in Word).
    var lines: [[ImportInline]] {
        split(separator: .lineBreak, omittingEmptySubsequences: false).map(Array.init)
    }
}

extension StringProtocol {
    /// Runs of spaces (and non-breaking spaces, tabs) made one space, ends trimmed.
    var collapsingSpaces: String {
        split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}
