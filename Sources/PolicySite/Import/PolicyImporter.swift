import Foundation

/// One file converted into a policy, not yet written anywhere.
public struct ImportedPolicy: Sendable, Equatable {
    /// A file to write beside the policy: a picture, by path below the templates directory.
    public struct Asset: Sendable, Equatable {
        public var path: String
        public var data: Data
    }

    /// A note on something the import left out, changed or guessed; `line` is the line of
    /// the written policy it concerns, when there is one.
    public struct Note: Sendable, Equatable {
        public var message: String
        public var expected: String?
        public var line: Int?
    }

    public var source: String
    public var slug: String
    public var title: String
    /// The text of `policies/SLUG.md`: front matter and Markdown.
    public var text: String
    public var assets: [Asset]
    public var notes: [Note]
    public var lastUpdated: ReviewDate
    public var nextReview: ReviewDate
    public var owner: String?
    public var headings: Int
}

/// Converts one file — a Word document (through pandoc), a Markdown policy, or a policy as
/// plain text in the seed's layout — into a policy file. Reads nothing but what it is given.
public struct PolicyImporter: Sendable {
    typealias Note = ImportedPolicy.Note
    /// Nil when pandoc is not installed: then only Word documents are refused.
    public var pandoc: Pandoc?
    /// review.cycle-months of site.yml: a missing review date is the other one plus this.
    public var reviewCycleMonths: Int

    public init(pandoc: Pandoc?, reviewCycleMonths: Int) {
        self.pandoc = pandoc
        self.reviewCycleMonths = reviewCycleMonths
    }

    public enum Failure: Error, Sendable {
        case refused(reason: String, expected: String)
        case pandocMissing
    }

    /// Converts `data`, the bytes of the file at `path`.
    func convert(path: String, data: Data) throws(Failure) -> ImportedPolicy {
        let name = (path as NSString).lastPathComponent
        do {
            switch try ImportFormat.identify(data, name: name) {
            case .word(let archive):
                guard let pandoc else { throw Failure.pandocMissing }
                let findings = try WordPackageInspector(archive: archive).inspect()
                // Only the styles the document uses: the same reading, a quarter of pandoc's time.
                let slim: [UInt8]?
                do {
                    slim = try WordStylePruner.pruned(archive)
                } catch {
                    throw ImportRefusal("the document is damaged: \(ZipArchive.explain(error))", expected: "a copy Word can open; open it in Word and save it again")
                }
                let json = try pandoc.json(ofWordDocument: path, bytes: slim)
                let document: ImportedDocument
                do {
                    document = try PandocAST.decode(json)
                } catch {
                    throw ImportRefusal("pandoc's reading of the document could not be understood (\(error.reason))", expected: "pandoc 2.17 or later")
                }
                return try build(document, source: path, notes: findings.notes.map { Note(message: $0) }, lastSaved: findings.lastSaved, archive: archive)
            case .markdown(let text):
                return try markdown(text, source: path)
            case .plainText(let text):
                return try build(PlainTextPolicyReader.read(text), source: path, notes: [], lastSaved: nil, archive: nil)
            }
        } catch let refusal as ImportRefusal {
            throw .refused(reason: refusal.reason, expected: refusal.expected)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .refused(reason: "\(error)", expected: "a Word document (.docx)")
        }
    }

    // MARK: - From a document to a policy file

    private func build(_ document: ImportedDocument, source: String, notes: [Note], lastSaved: CalendarDay?, archive: ZipArchive?) throws -> ImportedPolicy {
        var document = document
        var notes = notes
        let header = PolicyHeaderReader.read(&document)
        notes += header.notes.map { Note(message: $0) }
        var cleaner = ImportCleaner()
        var blocks = cleaner.clean(document.blocks)
        notes += Self.unique(cleaner.notes).map { Note(message: $0) }

        var title = header.title ?? ""
        if title.isEmpty || title.count > 120 {
            title = Self.title(fromFileName: source)
            notes.append(Note(message: "the document has no title line; the title is made from its file name", expected: "a title you may change in the front matter"))
        }
        guard let slug = Slug.make(from: title) else {
            throw ImportRefusal("its title '\(title)' has no letters or digits to make a page address from", expected: "a title line at the top, such as 'Twitter Policy'")
        }
        let (lastUpdated, nextReview) = try dates(header, lastSaved: lastSaved, notes: &notes)

        var assets: [ImportedPolicy.Asset] = []
        var addresses: [String: String] = [:]
        if let archive {
            blocks = pictures(in: blocks, slug: slug, archive: archive, assets: &assets, addresses: &addresses, notes: &notes)
        }
        let body = ImportMarkdownWriter(imageAddress: { addresses[$0] ?? $0 }).write(blocks)
        let frontMatter = Self.frontMatter(title: title, owner: header.owner, lastUpdated: lastUpdated, nextReview: nextReview)
        let text = frontMatter + "\n" + body
        let headings = blocks.filter(\.isHeader).count
        notes = locatePictureNotes(notes, in: text)
        return ImportedPolicy(source: source, slug: slug, title: title, text: text, assets: assets, notes: notes,
                              lastUpdated: lastUpdated, nextReview: nextReview, owner: header.owner, headings: headings)
    }

    /// The review dates, the missing one worked out from the other (or, as a last resort, from
    /// when the Word document was last saved); every guess is noted.
    private func dates(_ header: PolicyHeaderReader.Header, lastSaved: CalendarDay?, notes: inout [Note]) throws -> (ReviewDate, ReviewDate) {
        let cycle = "one review cycle (\(reviewCycleMonths) months)"
        switch (header.lastUpdated, header.nextReview) {
        case let (last?, next?) where next >= last:
            return (last, next)
        case let (last?, next?):
            notes.append(Note(message: "the next review (\(next.frontMatterText)) is before the last update (\(last.frontMatterText)); next review set to \(cycle) after the last update",
                              expected: "the right dates in the front matter"))
            return (last, last.adding(months: reviewCycleMonths))
        case let (last?, nil):
            notes.append(Note(message: "no next review date in the document; set to \(cycle) after the last update", expected: "the date the governors set, in the front matter"))
            return (last, last.adding(months: reviewCycleMonths))
        case let (nil, next?):
            notes.append(Note(message: "no last-updated date in the document; set to \(cycle) before the next review", expected: "the date of the last review, in the front matter"))
            return (next.adding(months: -reviewCycleMonths), next)
        case (nil, nil):
            guard let lastSaved else {
                throw ImportRefusal("no review dates: no line such as 'Last Updated: September 2016' or 'Next Review Due: September 2017' near the top",
                                    expected: "those two lines under the title")
            }
            let last = ReviewDate.month(lastSaved.calendarMonth)
            notes.append(Note(message: "no review dates in the document; last updated is when it was last saved (\(lastSaved.calendarMonth.spelledOut)) and the next review \(cycle) later",
                              expected: "the real dates in the front matter"))
            return (last, last.adding(months: reviewCycleMonths))
        }
    }

    /// Pictures go to `assets/SLUG/picture-N.EXT` below the templates directory; those a
    /// browser cannot show, or that are missing, are left out with a note.
    private func pictures(in blocks: [ImportBlock], slug: String, archive: ZipArchive, assets: inout [ImportedPolicy.Asset],
                          addresses: inout [String: String], notes: inout [Note]) -> [ImportBlock] {
        let webFormats: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg", "bmp"]
        var number = 0
        var assetsFound: [ImportedPolicy.Asset] = []
        var addressesFound: [String: String] = [:]
        var notesFound: [Note] = []
        let result = blocks.map { block in
            block.mapInlines { inline -> [ImportInline] in
                guard case .image(let alt, let source) = inline else { return [inline] }
                number += 1
                let format = (source as NSString).pathExtension.lowercased()
                let bytes = (try? archive.data("word/" + source)) ?? (try? archive.data(source))
                guard webFormats.contains(format), let bytes = bytes.flatMap({ $0 }) else {
                    let why = webFormats.contains(format) ? "cannot be found inside the document" : "is in a format browsers cannot show (\(format.uppercased()))"
                    notesFound.append(Note(message: "picture \(number) ('\(alt.plainText.collapsingSpaces)') \(why), so it is left out",
                                           expected: "the picture saved as PNG or JPEG in the templates' assets/ folder, and a line ![description](../../assets/NAME)"))
                    return []
                }
                let path = "assets/\(slug)/picture-\(number).\(format == "jpeg" ? "jpg" : format)"
                addressesFound[source] = "../../" + path
                assetsFound.append(.init(path: path, data: Data(bytes)))
                let description = alt.plainText.collapsingSpaces
                if description.isEmpty || description.lowercased().contains("automatically generated") {
                    notesFound.append(Note(message: "picture \(number) (\(path)) needs alt text: \(description.isEmpty ? "it has none" : "Word's guess '\(description)' is not a description")",
                                           expected: "a description of what it shows between the brackets of ![…](../../\(path))"))
                }
                return [inline]
            }
        }
        assets += assetsFound
        addresses.merge(addressesFound) { $1 }
        notes += notesFound
        return result
    }

    /// A note about a picture points at the line of the policy that shows it.
    private func locatePictureNotes(_ notes: [Note], in text: String) -> [Note] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return notes.map { note in
            guard let expected = note.expected, let range = expected.range(of: "(../../assets/"),
                  let end = expected[range.upperBound...].firstIndex(of: ")") else { return note }
            let address = expected[range.lowerBound..<end]
            var located = note
            located.line = lines.firstIndex { $0.contains(address) }.map { $0 + 1 }
            return located
        }
    }

    // MARK: - Markdown policies

    /// A Markdown policy with front matter is taken as it is; one in the seed's plain layout
    /// gets front matter made from its title and dated lines, which leave the text.
    private func markdown(_ text: String, source: String) throws -> ImportedPolicy {
        let name = ((source as NSString).lastPathComponent as NSString).deletingPathExtension
        let provisionalSlug = Slug.make(from: name) ?? "policy"
        let document: PolicyDocument
        do {
            document = try PolicyParser.parse(text, slug: provisionalSlug, file: source).0
        } catch let error as PolicySiteError {
            let first = error.diagnostics.first
            throw ImportRefusal("the Markdown policy is not valid: \(first?.message ?? "unreadable") (line \(first?.location.line ?? 1))",
                                expected: first?.expected ?? "front matter with title, last-updated and next-review")
        }
        // A Markdown policy keeps its file name as its address when it is one, so links to it still work.
        guard let slug = PolicyParser.isValidSlug(name) ? name : Slug.make(from: document.title) else {
            throw ImportRefusal("its title '\(document.title)' has no letters or digits to make a page address from", expected: "a title such as 'Twitter Policy'")
        }
        let hasFrontMatter = try FrontMatter.split(text, file: source).yaml != nil
        let output: String
        if hasFrontMatter {
            output = text
        } else {
            let body = document.markdown.drop { $0 == "\n" || $0 == " " }
            output = Self.frontMatter(title: document.title, owner: nil, lastUpdated: document.lastUpdated, nextReview: document.nextReview) + "\n" + body
        }
        return ImportedPolicy(source: source, slug: slug, title: document.title, text: output.hasSuffix("\n") ? output : output + "\n",
                              assets: [], notes: [], lastUpdated: document.lastUpdated, nextReview: document.nextReview,
                              owner: document.owner, headings: output.split(separator: "\n").filter { $0.hasPrefix("#") }.count)
    }

    // MARK: - Pieces

    static func frontMatter(title: String, owner: String?, lastUpdated: ReviewDate, nextReview: ReviewDate) -> String {
        var lines = ["---", "title: \(PolicyScaffold.yamlQuoted(title))"]
        if let owner { lines.append("owner: \(PolicyScaffold.yamlQuoted(owner))") }
        lines += ["last-updated: \(lastUpdated.frontMatterText)", "next-review: \(nextReview.frontMatterText)", "---"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// "anti_bullying-policy.docx" → "Anti bullying policy".
    static func title(fromFileName path: String) -> String {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let words = name.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ").collapsingSpaces
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static func unique(_ notes: [String]) -> [String] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for note in notes {
            if counts[note] == nil { order.append(note) }
            counts[note, default: 0] += 1
        }
        return order.map { note in
            let times = counts[note, default: 1]
            return times > 1 ? "\(note) (\(times) times)" : note
        }
    }
}

extension ImportBlock {
    /// The same block with each inline (at any depth) replaced by what `transform` gives.
    func mapInlines(_ transform: (ImportInline) -> [ImportInline]) -> ImportBlock {
        func inlines(_ items: [ImportInline]) -> [ImportInline] {
            items.flatMap { item -> [ImportInline] in
                switch item {
                case .emphasis(let inner): return [.emphasis(inlines(inner))]
                case .strong(let inner): return [.strong(inlines(inner))]
                case .strikeout(let inner): return [.strikeout(inlines(inner))]
                case .link(let inner, let url): return [.link(inlines(inner), url: url)]
                default: return transform(item)
                }
            }
        }
        switch self {
        case .para(let items): return .para(inlines(items))
        case .header(let level, let items): return .header(level, inlines(items))
        case .unsupported(let name, let items): return .unsupported(name, inlines(items))
        default: return mapChildren { $0.map { $0.mapInlines(transform) } }
        }
    }
}
