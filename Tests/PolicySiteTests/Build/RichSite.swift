import Foundation

/// A content directory of many generated policies, each using every Markdown feature a school
/// might: links, bare addresses cmark-gfm turns into links (`www.`, `https://`, e-mail),
/// strikethrough, tables with alignment, task lists, footnote marks, reference links, quotes,
/// code, entities and raw HTML (which the page omits). Seeded, so the same arguments give the
/// same bytes; the example site's content (site.yml, its policies and log) comes with it.
struct RichSite {
    var policies: Int
    var seed: UInt64 = 11
    /// Text placed into every policy's body, title and summary in turn (the hostile inputs).
    var insertions: [String] = []

    func write(to content: URL) throws {
        // The example site as it is (site.yml names some of its policies), plus the generated ones.
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: content)
        var random = SplitMix(seed: seed)
        for number in 1...policies {
            let insertion = insertions.isEmpty ? nil : insertions[(number - 1) % insertions.count]
            let text = policy(number, insertion: insertion, random: &random)
            try Data(text.utf8).write(to: content.appendingPathComponent("policies/policy-\(String(format: "%04d", number)).md"))
        }
    }

    static let words = ("school pupils parents governors staff policy review safety online children learning support class "
        + "teacher head curriculum behaviour records data consent images trip term year home report concern complaint "
        + "procedure meeting guidance training safeguarding officer week lesson www web wifi").split(separator: " ").map(String.init)

    func policy(_ number: Int, insertion: String?, random: inout SplitMix) -> String {
        let months = ["January", "March", "June", "September", "December"]
        let title = insertion.map { "\(number) \($0)" } ?? "\(sentence(&random, 2, 4).dropLast()) Policy \(number)"
        var front = "---\ntitle: \(json(title))\nsummary: \(json(insertion ?? sentence(&random, 6, 12)))\n"
        front += "owner: Headteacher\nlast-updated: \(months[number % 5]) 2025\nnext-review: \(months[(number + 2) % 5]) 202\(6 + number % 3)\n---\n\n"
        var body = ""
        let sections = 3 + random.next(below: 6)
        for section in 1...sections {
            body += "## \(section). \(sentence(&random, 2, 5).dropLast())\n\n"
            body += paragraph(&random, insertion: insertion) + "\n\n"
            for _ in 0..<(1 + random.next(below: 3)) { body += block(&random, insertion: insertion) + "\n\n" }
        }
        body += "[guide]: https://www.gov.uk/guidance/\(pick(&random))-\(number) \"The guidance\"\n"
        body += "[^\(number)]: Footnotes are not turned on, so this line stays as text: www.example.org/\(number).\n"
        return front + body
    }

    func block(_ random: inout SplitMix, insertion: String?) -> String {
        let extra = insertion.map { " \($0)" } ?? ""
        switch random.next(below: 9) {
        case 0:
            var table = "| Who | What | When |\n| :--- | :---: | ---: |\n"
            for _ in 0..<(2 + random.next(below: 6)) {
                table += "| \(pick(&random).capitalized) ~~old~~ | See www.example.org/\(pick(&random)) or [the form][guide]\(extra) | 10:30 \\| weekly |\n"
            }
            return table
        case 1:
            return (0..<(2 + random.next(below: 4))).map { index in
                "- [\(index % 2 == 0 ? "x" : " ")] \(sentence(&random, 3, 7)) ~~\(pick(&random))~~\(extra)"
            }.joined(separator: "\n") + "\n  - [ ] nested task with https://example.org/\(pick(&random))"
        case 2:
            return (1...(2 + random.next(below: 4))).map { "\($0). \(sentence(&random, 3, 8)) Contact office\($0)@school.example.\(extra)" }.joined(separator: "\n")
        case 3:
            return "> \(sentence(&random)) www.\(pick(&random)).example.org/page?term=1.\n> ~\(pick(&random))~ and ~~**\(pick(&random))**~~\(extra)"
        case 4:
            return "```\ncode with www.example.org and ~~no strike~~ <b>\(extra)\n```"
        case 5:
            return "* \(sentence(&random)) *em* _em_ **strong** ***both*** `code`\n    * nested with http://example.org/a_b_(c)\n* &copy; &amp; &#35; Caf\u{E9} \u{2014} na\u{EF}ve \u{1F3EB}\(extra)"
        case 6:
            return "Raw <b>bold</b> and <script>alert(1)</script> are omitted; a footnote mark[^1] stays.\(extra)\nLine one  \nline two\\\nline three."
        case 7:
            return "### \(sentence(&random, 2, 4).dropLast())\n\n\(paragraph(&random, insertion: insertion))"
        default:
            return paragraph(&random, insertion: insertion)
        }
    }

    func paragraph(_ random: inout SplitMix, insertion: String?) -> String {
        var parts: [String] = []
        for _ in 0..<(2 + random.next(below: 4)) {
            var text = sentence(&random)
            switch random.next(below: 8) {
            case 0: text += " See [the \(pick(&random)) guidance](https://www.gov.uk/guidance/\(pick(&random))-\(random.next(below: 99)))."
            case 1: text += " Visit https://encrypted.google.com/search?q=\(pick(&random)) (or www.\(pick(&random)).org)."
            case 2: text += " ~~Hi~~ Hello, ~there~ world: \(pick(&random))."
            case 3: text += " Write to head@school.example, or ring at 10:30."
            case 4: text += " Read [the guide][guide] and [\(pick(&random))] too."
            case 5: text += " **\(pick(&random))** and *\(pick(&random))* with `\(pick(&random))`."
            default: break
            }
            parts.append(text)
        }
        if let insertion { parts.append(insertion) }
        return parts.joined(separator: " ")
    }

    func sentence(_ random: inout SplitMix, _ low: Int = 6, _ high: Int = 14) -> String {
        let words = (0..<(low + random.next(below: high - low + 1))).map { _ in pick(&random) }
        return words.joined(separator: " ").prefix(1).uppercased() + words.joined(separator: " ").dropFirst() + "."
    }

    func pick(_ random: inout SplitMix) -> String { Self.words[random.next(below: Self.words.count)] }

    /// A YAML double-quoted scalar (JSON strings are valid YAML).
    func json(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: try! encoder.encode(text), as: UTF8.self)
    }
}

extension SplitMix {
    /// A whole number from 0 below `bound`.
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
