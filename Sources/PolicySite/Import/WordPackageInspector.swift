/// Looks inside a Word document for what pandoc leaves out without a word — text boxes,
/// page headers and footers, fields, embedded objects — and counts what the import
/// deliberately drops (reviewers' comments, tracked deletions), so that each is listed by
/// name. It reads the XML as text: it only needs to find elements, never to convert them.
struct WordPackageInspector {
    struct Findings: Equatable {
        var notes: [String] = []
        /// When the document was last saved (docProps/core.xml), used when it states no date.
        var lastSaved: CalendarDay?
    }

    let archive: ZipArchive

    func inspect() throws(ImportRefusal) -> Findings {
        var findings = Findings()
        let document = try part(mainDocument)
        guard let document else {
            throw ImportRefusal("the document has no main text (word/document.xml is missing)", expected: "a copy Word can open; open it in Word and save it again")
        }

        let comments = try part("word/comments.xml").map { count(of: "<w:comment ", in: $0) } ?? 0
        if comments > 0 { findings.notes.append("\(counted(comments, "reviewer's comment", "reviewers' comments")) left out") }
        let insertions = count(of: "<w:ins ", in: document), deletions = count(of: "<w:del ", in: document)
        if insertions + deletions > 0 {
            findings.notes.append("tracked changes: \(counted(insertions, "insertion", "insertions")) accepted, \(counted(deletions, "deletion", "deletions")) left out")
        }

        for box in dedupe(elements("w:txbxContent", in: document).map(words)) where !box.isEmpty {
            findings.notes.append("a text box ('\(short(box))') cannot be carried and is left out; put its words in the text")
        }
        for (kind, prefix) in [("page header", "word/header"), ("page footer", "word/footer")] {
            var texts: [String] = []
            for name in archive.names.filter({ $0.hasPrefix(prefix) && $0.hasSuffix(".xml") }).sorted() {
                if let xml = try part(name) { texts.append(words(xml)) }
            }
            for text in dedupe(texts) where !text.isEmpty {
                findings.notes.append("the \(kind) ('\(short(text))') is not carried: a page on the site has none")
            }
        }
        let fields = fieldNames(in: document).filter { !["HYPERLINK", "TOC", "PAGEREF", "REF"].contains($0) }
        for field in dedupe(fields) {
            findings.notes.append("the \(field) field is kept as the text Word last showed; it will not update")
        }
        let objects: [(String, String)] = [("<w:object", "an embedded object (such as a spreadsheet)"), ("<c:chart ", "a chart"),
                                           ("<dgm:relIds", "a SmartArt diagram"), ("<m:oMath>", "an equation")]
        for (tag, what) in objects where document.contains(tag) {
            findings.notes.append("\(what) cannot be carried and is left out, or kept only as text")
        }
        if let core = try part("docProps/core.xml"), let saved = elements("dcterms:modified", in: core).first {
            findings.lastSaved = CalendarDay(iso: saved.prefix(10))
        }
        return findings
    }

    /// The main document part, from the package's relationships (Word always calls it word/document.xml).
    private var mainDocument: String {
        let relationships = (try? archive.text("_rels/.rels")) ?? ""
        for tag in relationships.components(separatedBy: "<Relationship ").dropFirst() {
            let attributes = String(tag.prefix { $0 != ">" })
            guard attribute("Type", in: attributes)?.hasSuffix("/officeDocument") == true,
                  let target = attribute("Target", in: attributes) else { continue }
            return target.hasPrefix("/") ? String(target.dropFirst()) : target
        }
        return "word/document.xml"
    }

    private func part(_ name: String) throws(ImportRefusal) -> String? {
        do {
            return try archive.text(name)
        } catch .truncated {
            throw ImportRefusal("the file is cut off: its end is missing", expected: "the whole document; copy it again from where it came from")
        } catch {
            throw ImportRefusal("the document is damaged: \(ZipArchive.explain(error))", expected: "a copy Word can open; open it in Word and save it again")
        }
    }

    // MARK: - Reading XML as text

    /// The inner XML of each `<name …>…</name>` element (outermost only).
    func elements(_ name: String, in xml: String) -> [Substring] {
        var found: [Substring] = []
        var rest = xml[...]
        while let open = rest.range(of: "<\(name)") {
            guard let end = rest[open.upperBound...].firstIndex(of: ">") else { break }
            let next = rest[open.upperBound]
            guard next == ">" || next == " " || next == "/" else {
                rest = rest[open.upperBound...]
                continue
            }
            if rest[rest.index(before: end)] == "/" {
                rest = rest[rest.index(after: end)...]
                continue
            }
            let contentStart = rest.index(after: end)
            guard let close = rest[contentStart...].range(of: "</\(name)>") else { break }
            found.append(rest[contentStart..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// The words of some WordprocessingML: the text of its `<w:t>` elements, paragraphs apart.
    func words(_ xml: some StringProtocol) -> String {
        let xml = String(xml)
        var text = ""
        for paragraph in xml.components(separatedBy: "</w:p>") {
            let runs = elements("w:t", in: paragraph).map { unescape(String($0)) }.joined()
            if !runs.isEmpty { text += (text.isEmpty ? "" : " ") + runs }
        }
        return text.collapsingSpaces
    }

    /// The names of the fields in `xml`: `<w:instrText> PAGE </w:instrText>`, `<w:fldSimple w:instr=" DATE "/>`.
    func fieldNames(in xml: String) -> [String] {
        var names = elements("w:instrText", in: xml).map { String($0) }
        var rest = xml[...]
        while let range = rest.range(of: "<w:fldSimple ") {
            let tag = rest[range.upperBound...].prefix { $0 != ">" }
            if let instruction = attribute("w:instr", in: String(tag)) { names.append(instruction) }
            rest = rest[range.upperBound...]
        }
        // An instruction split over several runs gives pieces that are not names; skip them.
        return names.compactMap { $0.split(separator: " ").first.map { $0.uppercased() } }
            .filter { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLetter } }
    }

    func count(of needle: String, in xml: String) -> Int {
        xml.components(separatedBy: needle).count - 1
    }

    private func attribute(_ name: String, in tag: String) -> String? {
        for quote in ["\"", "'"] {
            guard let start = tag.range(of: "\(name)=\(quote)") else { continue }
            return unescape(String(tag[start.upperBound...].prefix { String($0) != quote }))
        }
        return nil
    }

    private func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Word writes a text box twice (a modern drawing and an older fallback); say it once.
    private func dedupe(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    private func short(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "..."
    }

    private func counted(_ number: Int, _ one: String, _ many: String) -> String {
        "\(number) \(number == 1 ? one : many)"
    }
}
